// Sessions: the list (filtered by state, with task counts by status), a form to open one, and
// pause / resume / close / cancel / purge, each after a confirmation.
import { api, id, query } from '../api.js';
import { act, badge, confirmAction, errorBox, h, link, table, time } from '../dom.js';

const STATES = ['OPEN', 'PAUSED', 'CLOSED', 'CANCELLED'];

/** Which actions a session in a state allows (docs/api.md: Sessions). */
const ACTIONS = {
  OPEN: ['pause', 'close', 'cancel', 'purge'],
  PAUSED: ['resume', 'close', 'cancel', 'purge'],
  CLOSED: ['cancel', 'purge'],
  CANCELLED: ['purge'],
};

export async function sessionsPage(params, page) {
  const state = params.query.get('state') || '';
  const error = errorBox();
  const filter = h('select', {
    id: 'state-filter', 'aria-label': 'State',
    onchange: () => { location.hash = '#/sessions' + query({ state: filter.value }); },
  }, h('option', { value: '' }, 'All states'), STATES.map((s) => h('option', { value: s, selected: s === state }, s)));
  const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  page.append(
    h('div', { class: 'row spread' }, h('h1', {}, 'Sessions'), filter),
    newSessionForm(error), error, body);

  let cursor = null;
  const rows = h('tbody');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load() }, 'More');

  async function load() {
    try {
      const result = await api.get('/v1/sessions' + query({ state, cursor, limit: 50 }));
      for (const session of result.items) rows.append(sessionRow(session, error));
      cursor = result.next;
      more.hidden = !cursor;
      if (!rows.children.length) body.replaceChildren(h('p', { class: 'muted' }, 'No sessions yet.'));
    } catch (e) {
      error.show(e);
    }
  }
  const list = table(['Name', 'State', 'Tasks', 'Created', ''], rows, { id: 'sessions' });
  body.replaceChildren(list, more);
  await load();
}

function newSessionForm(error) {
  const name = h('input', { id: 'session-name', name: 'name', placeholder: 'nightly', required: true, maxlength: 200 });
  const button = h('button', { type: 'submit' }, 'New session');
  return h('form', {
    class: 'row inline-form',
    async onsubmit(event) {
      event.preventDefault();
      const created = await act(button, error, () => api.post('/v1/sessions', { name: name.value.trim() }));
      if (created) location.hash = `#/sessions/${id(created.id)}`;
    },
  }, h('label', { for: 'session-name', class: 'sr-only' }, 'Session name'), name, button);
}

export function counts(countsByStatus) {
  const entries = Object.entries(countsByStatus || {}).filter(([, n]) => n > 0);
  if (!entries.length) return h('span', { class: 'muted' }, 'none');
  return h('span', { class: 'counts' }, entries.map(([status, n]) => h('span', { class: 'count' }, badge(status), ' ', n)));
}

function sessionRow(session, error) {
  const row = h('tr', { 'data-session': session.id });
  const render = (s) => row.replaceChildren(
    h('td', {}, link(`#/sessions/${id(s.id)}`, s.name || s.id)),
    h('td', {}, badge(s.state)),
    h('td', {}, counts(s.counts)),
    h('td', {}, time(s.createdAt)),
    h('td', {}, h('div', { class: 'actions' },
      sessionActions(s, error, (changed) => (changed ? render(changed) : row.remove())))));
  render(session);
  return row;
}

/** The buttons for a session's allowed moves; onDone gets the changed session, or null once purged. */
export function sessionActions(session, error, onDone) {
  return (ACTIONS[session.state] || []).map((action) => {
    const button = h('button', {
      type: 'button', class: action === 'cancel' || action === 'purge' ? 'danger small' : 'secondary small',
      'data-action': action,
      async onclick() {
        const question = action === 'purge'
          ? `Purge session “${session.name}”? Its tasks, results and schedules are deleted for good.`
          : `${action[0].toUpperCase()}${action.slice(1)} session “${session.name}”?`;
        if (!(await confirmAction(question, action))) return;
        await act(button, error, async () => {
          if (action === 'purge') {
            await api.del(`/v1/sessions/${id(session.id)}`);
            onDone(null);
          } else {
            onDone(await api.post(`/v1/sessions/${id(session.id)}/${action}`));
          }
        });
      },
    }, action);
    return button;
  });
}
