// Schedules: the key's schedules with their next fire times; create one (cron with a zone, or a
// fixed interval) with its task; pause, resume, delete.
import { api, ApiError, id } from '../api.js';
import { act, badge, confirmAction, errorBox, h, link, table, time } from '../dom.js';

export async function schedulesPage(params, page) {
  const error = errorBox();
  const rows = h('tbody');
  const list = table(['Schedule', 'Session', 'When', 'Task', 'State', 'Next', 'Fired', ''], rows, { id: 'schedules' });
  const render = (schedule, row = h('tr', { 'data-schedule': schedule.id })) => {
    row.replaceChildren(...scheduleCells(schedule, error, (changed) => (changed ? render(changed, row) : row.remove())));
    return row;
  };
  page.append(h('h1', {}, 'Schedules'), await createForm((created) => rows.prepend(render(created))), error, list);
  try {
    (await api.get('/v1/schedules')).forEach((schedule) => rows.append(render(schedule)));
  } catch (e) {
    error.show(e);
  }
}

function scheduleCells(s, error, onDone) {
  const action = (name, run, question) => {
    const button = h('button', {
      type: 'button', class: name === 'delete' ? 'danger small' : 'secondary small', 'data-action': name,
      async onclick() {
        if (!(await confirmAction(question, name))) return;
        await act(button, error, run);
      },
    }, name);
    return button;
  };
  return [
    h('td', {}, h('code', {}, s.id), s.reason ? h('div', { class: 'muted' }, s.reason) : null),
    h('td', {}, link(`#/sessions/${id(s.sessionId)}`, s.sessionId)),
    h('td', {}, s.cron ? `${s.cron} (${s.zone})` : `every ${s.every}`),
    h('td', {}, s.task.type),
    h('td', {}, badge(s.state)),
    h('td', {}, s.nextFireTimes.length ? time(s.nextFireTimes[0]) : '—'),
    h('td', {}, String(s.fired)),
    h('td', {}, h('div', { class: 'actions' },
      s.state === 'ACTIVE'
        ? action('pause', async () => onDone(await api.post(`/v1/schedules/${id(s.id)}/pause`)), `Pause schedule ${s.id}?`)
        : action('resume', async () => onDone(await api.post(`/v1/schedules/${id(s.id)}/resume`)), `Resume schedule ${s.id}?`),
      action('delete', async () => {
        await api.del(`/v1/schedules/${id(s.id)}`);
        onDone(null);
      }, `Delete schedule ${s.id}? The tasks it fired stay.`))),
  ];
}

/** The form's fields by the names the gateway gives refused fields. */
async function createForm(onCreated) {
  const error = errorBox();
  const [sessions, types] = await Promise.all([
    api.get('/v1/sessions?state=OPEN&limit=200').catch(() => ({ items: [] })),
    api.get('/v1/task-types').catch(() => []),
  ]);
  const fields = {
    sessionId: h('select', { id: 'schedule-session' }, sessions.items.map((s) => h('option', { value: s.id }, `${s.name} (${s.id})`))),
    cron: h('input', { id: 'schedule-cron', placeholder: '0 */5 * * * *' }),
    zone: h('input', { id: 'schedule-zone', placeholder: 'UTC' }),
    every: h('input', { id: 'schedule-every', placeholder: 'PT10S' }),
    'task.type': h('select', { id: 'schedule-type' }, types.map((t) => h('option', { value: t.name }, t.name))),
    'task.input': h('textarea', { id: 'schedule-input', rows: 3, class: 'json-input' }, '{}'),
  };
  const labels = {
    sessionId: 'Session', cron: 'Cron (or leave empty)', zone: 'Zone', every: 'Every (ISO-8601, or leave empty)',
    'task.type': 'Task type', 'task.input': 'Task input (JSON)',
  };
  const slots = {};
  const button = h('button', { type: 'submit' }, 'Create schedule');
  return h('form', {
    class: 'card', id: 'schedule-form',
    async onsubmit(event) {
      event.preventDefault();
      Object.values(slots).forEach((slot) => { slot.textContent = ''; });
      let input;
      try {
        input = JSON.parse(fields['task.input'].value || '{}');
      } catch (e) {
        slots['task.input'].textContent = `is not valid JSON: ${e.message}`;
        return;
      }
      const text = (name) => fields[name].value.trim() || undefined;
      const created = await act(button, error, async () => {
        try {
          return await api.post('/v1/schedules', {
            sessionId: text('sessionId'), cron: text('cron'), zone: text('zone'), every: text('every'),
            task: { type: text('task.type'), input },
          });
        } catch (e) {
          const slot = e instanceof ApiError && e.field ? slots[fieldOf(e.field)] : null;
          if (!slot) throw e;
          slot.textContent = e.detail;
          return undefined;
        }
      });
      if (created) onCreated(created);
    },
  },
  h('h2', {}, 'New schedule'),
  h('div', { class: 'fields' }, Object.entries(fields).map(([name, control]) => {
    slots[name] = h('span', { class: 'field-error', 'data-field': name, 'aria-live': 'polite' });
    return h('div', { class: 'field' }, h('label', { for: control.id }, labels[name]), control, slots[name]);
  })),
  error, h('div', { class: 'row' }, button));
}

/** task.input.ms is shown by the input's box; other fields by their own. */
function fieldOf(field) {
  return field.startsWith('task.input') ? 'task.input' : field;
}
