// Task types: each with its schemas and a form generated from its input schema. Run submits the
// task and follows its events: the button stays disabled with a spinner until the task ends, then
// the output shows, or a download of the result the output names.
import { api, ApiError, id } from '../api.js';
import { badge, errorBox, h, json, link, spinner } from '../dom.js';
import { follow, TERMINAL } from '../events.js';
import { formPath, schemaForm } from '../schema-form.js';
import { downloadButton } from './results.js';

const RUN_SESSION = 'weft.runSession';

export async function typesPage(params, page) {
  const error = errorBox();
  page.append(h('h1', {}, 'Task types'), error);
  let types;
  try {
    types = await api.get('/v1/task-types');
  } catch (e) {
    error.show(e);
    return undefined;
  }
  const session = params.query.get('session');
  const suffix = session ? `?session=${id(session)}` : '';
  const chosen = types.find((t) => t.name === params.name);
  const nav = h('ul', { class: 'type-list', id: 'types' }, types.map((t) => h('li', {},
    h('a', { href: `#/types/${id(t.name)}${suffix}`, 'aria-current': t === chosen ? 'page' : null, 'data-type': t.name },
      h('strong', {}, t.name)),
    h('small', { class: 'muted' }, ` ${t.description || ''} · ${t.members} member(s), ${t.slots} slots`))));
  const detail = h('div', { class: 'type-detail' },
    chosen ? null : h('p', { class: 'muted' }, 'Choose a task type to see its schemas and run it.'));
  page.append(h('div', { class: 'split' }, nav, detail));
  if (!chosen) return undefined;
  return runPanel(chosen, session, detail);
}

function runPanel(type, sessionId, detail) {
  const error = errorBox();
  const form = schemaForm(type.inputSchema);
  const button = h('button', { type: 'submit', id: 'run' }, 'Run');
  const state = h('span', { class: 'run-state', id: 'run-state', 'aria-live': 'polite' });
  const outcome = h('div', { id: 'run-outcome' });
  const whole = h('label', { class: 'file-load' }, h('span', {}, 'Load the whole input from a JSON file'),
    h('input', {
      type: 'file', accept: '.json,application/json', 'data-load': 'input',
      async onchange(event) {
        try {
          form.load(JSON.parse(await event.target.files[0].text()));
        } catch (e) {
          error.show(`That file is not valid JSON: ${e.message}`);
        }
      },
    }));
  let stop = () => {};

  async function run(event) {
    event.preventDefault();
    error.hide();
    const { value, errors } = form.read();
    if (errors.length) {
      error.show('Check the fields marked above.');
      return;
    }
    stop();
    button.disabled = true;
    outcome.replaceChildren();
    state.replaceChildren(spinner('running'), ' submitting…');
    try {
      const sid = sessionId || await runSession();
      const submitted = await api.post(`/v1/sessions/${id(sid)}/tasks`, { tasks: [{ type: type.name, input: value }] });
      const tid = submitted.tasks[0].id;
      state.replaceChildren(spinner('running'), ' ', badge(submitted.tasks[0].status), ' ', link(`#/tasks/${id(tid)}`, tid));
      stop = followUntilEnd(sid, tid, (status) => {
        state.replaceChildren(spinner('running'), ' ', badge(status), ' ', link(`#/tasks/${id(tid)}`, tid));
      }, async () => {
        stop();
        await finish(tid);
      }, (e) => done(e));
    } catch (e) {
      done(e);
    }
  }

  async function finish(tid) {
    try {
      const task = await api.get(`/v1/tasks/${id(tid)}`);
      state.replaceChildren(badge(task.status), ' ', link(`#/tasks/${id(tid)}`, tid));
      outcome.replaceChildren(...outcomeOf(task));
      done(null);
    } catch (e) {
      done(e);
    }
  }

  function done(e) {
    button.disabled = false;
    if (!e) return;
    state.replaceChildren();
    if (e instanceof ApiError && form.showErrors([{ path: formPath(e.field), message: e.detail }])) {
      error.show('The gateway refused the input: see the field marked above.');
    } else {
      error.show(e);
    }
  }

  detail.append(
    h('h2', {}, type.name, h('small', { class: 'muted' }, ` version ${type.version || '—'}`)),
    h('p', {}, type.description || ''),
    h('form', { id: 'run-form', class: 'card', novalidate: true, onsubmit: run },
      whole, form.element, error, h('div', { class: 'row' }, button, state)),
    outcome,
    h('details', {}, h('summary', {}, 'Schemas'),
      h('div', { class: 'grid2' }, h('div', {}, h('h3', {}, 'Input'), json(type.inputSchema)),
        h('div', {}, h('h3', {}, 'Output'), json(type.outputSchema)))));
  return () => stop();
}

/** Follows one task from its first change until it ends; a replay from sequence 0 misses nothing. */
function followUntilEnd(sid, tid, onStatus, onEnd, onError) {
  let ended = false;
  return follow(sid, {
    lastEventId: `${tid}:0`,
    onEvent({ event, data }) {
      if (event === 'log' || !data || data.taskId !== tid || ended) return;
      onStatus(data.to);
      if (TERMINAL.includes(data.to)) {
        ended = true;
        onEnd();
      }
    },
    onError,
  });
}

function outcomeOf(task) {
  const parts = [];
  if (task.error) {
    parts.push(h('div', { class: 'error', role: 'alert' }, `${task.error.type}: ${task.error.message}`));
  }
  const output = task.output;
  if (output && typeof output === 'object' && output.resultId) {
    parts.push(h('p', { class: 'download' }, downloadButton(output.resultId, output.name || output.resultId, errorBox()),
      ' ', h('small', { class: 'muted' }, [output.contentType, output.bytes !== undefined ? `${output.bytes} bytes` : null]
        .filter(Boolean).join(' · '))));
  }
  parts.push(h('h3', {}, 'Output'), json(output));
  return parts;
}

/** Runs go into one session of this tab, opened on the first run (or again once it is closed). */
async function runSession() {
  const known = sessionStorage.getItem(RUN_SESSION);
  if (known) {
    try {
      const session = await api.get(`/v1/sessions/${id(known)}`);
      if (session.state === 'OPEN') return known;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
    }
  }
  const created = await api.post('/v1/sessions', { name: 'console runs', labels: { origin: 'console' } });
  sessionStorage.setItem(RUN_SESSION, created.id);
  return created.id;
}
