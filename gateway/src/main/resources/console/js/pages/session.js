// One session: its state and actions, and its tasks with their status live from the event socket
// (no polling), filtered by status and type.
import { api, id, query } from '../api.js';
import { badge, errorBox, h, link, table, time } from '../dom.js';
import { followSocket } from '../socket.js';
import { counts, sessionActions } from './sessions.js';

const STATUSES = ['WAITING', 'SCHEDULED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const PAGE = 500;

/** How far along a status is; a list read may be older than an event already applied. */
const RANK = { WAITING: 0, SCHEDULED: 1, QUEUED: 2, RUNNING: 3, SUCCEEDED: 4, FAILED: 4, CANCELLED: 4 };

export async function sessionPage(params, page) {
  const sid = params.sid;
  const status = params.query.get('status') || '';
  const type = params.query.get('type') || '';
  const error = errorBox();
  const header = h('div', { class: 'session-head' });
  const live = h('span', { class: 'live', id: 'live', 'data-state': 'connecting' }, 'connecting…');
  const summary = h('div', { id: 'task-counts', class: 'counts-line' });
  const rows = h('tbody');
  const list = table(['Task', 'Type', 'Status', 'Attempt', 'Created'], rows, { id: 'tasks' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => loadPage() }, 'More');
  page.append(header, error, filters(sid, status, type), h('div', { class: 'row spread' }, summary, live), list, more);

  const tasks = new Map();
  let cursor = null;
  let typesWanted = false;
  const visible = (task) => (!status || task.status === status) && (!type || task.type === type);

  function put(task, fromEvent) {
    const known = tasks.get(task.id);
    if (known) {
      const keepStatus = !fromEvent && RANK[known.status] > RANK[task.status];
      Object.assign(known, task, keepStatus ? { status: known.status, attempt: known.attempt } : {});
    } else {
      tasks.set(task.id, { ...task, row: h('tr', { 'data-task': task.id }) });
      const entry = tasks.get(task.id);
      if (fromEvent) rows.prepend(entry.row);
      else rows.append(entry.row);
    }
    render(tasks.get(task.id));
  }

  function render(task) {
    task.row.dataset.status = task.status;
    task.row.hidden = !visible(task);
    task.row.replaceChildren(
      h('td', {}, link(`#/tasks/${id(task.id)}`, task.id)),
      h('td', {}, task.type || '…'),
      h('td', {}, badge(task.status)),
      h('td', {}, String(task.attempt ?? '')),
      h('td', {}, time(task.createdAt)));
  }

  function tally() {
    const byStatus = {};
    for (const task of tasks.values()) byStatus[task.status] = (byStatus[task.status] || 0) + 1;
    summary.replaceChildren(h('span', { class: 'muted' }, cursor ? `First ${tasks.size} tasks: ` : 'Tasks: '), counts(byStatus));
  }

  async function loadPage() {
    try {
      const result = await api.get(`/v1/sessions/${id(sid)}/tasks` + query({ status, type, cursor, limit: PAGE }));
      result.items.forEach((task) => put(task, false));
      cursor = result.next;
      more.hidden = !cursor;
      tally();
    } catch (e) {
      error.show(e);
    }
  }

  /** Tasks first seen in an event lack their type: one list read fills it in, at most once a second. */
  function fillTypesSoon() {
    if (typesWanted) return;
    typesWanted = true;
    setTimeout(async () => {
      typesWanted = false;
      try {
        const result = await api.get(`/v1/sessions/${id(sid)}/tasks` + query({ limit: PAGE }));
        result.items.forEach((task) => put(task, false));
        tally();
      } catch (e) {
        error.show(e);
      }
    }, 1000);
  }

  async function showHeader() {
    try {
      const session = await api.get(`/v1/sessions/${id(sid)}`);
      header.replaceChildren(
        h('div', { class: 'row spread' },
          h('h1', {}, session.name || session.id, ' ', badge(session.state)),
          h('div', { class: 'actions' }, sessionActions(session, error, (changed) => {
            if (changed) showHeader();
            else location.hash = '#/sessions';
          }))),
        h('p', { class: 'muted' }, `${session.id} · created ${time(session.createdAt)}`,
          ' · ', link(`#/types?session=${id(session.id)}`, 'run a task here')));
    } catch (e) {
      error.show(e);
    }
  }

  let loaded = false;
  const stop = followSocket(sid, {
    onSubscribed() {
      live.dataset.state = 'live';
      live.textContent = 'live';
      // The list is read once the gateway follows the session, so no change falls between the two.
      if (!loaded) {
        loaded = true;
        loadPage();
      }
    },
    onEvent({ data }) {
      if (!data || !data.taskId) return;
      const known = tasks.has(data.taskId);
      put({ id: data.taskId, status: data.to, attempt: data.attempt }, true);
      if (!known) fillTypesSoon();
      tally();
    },
    onError(e) {
      live.dataset.state = 'off';
      live.textContent = 'not live';
      error.show(e);
    },
  });
  await showHeader();
  return stop;
}

function filters(sid, status, type) {
  const statusSelect = h('select', { id: 'status-filter', 'aria-label': 'Status' },
    h('option', { value: '' }, 'Any status'), STATUSES.map((s) => h('option', { value: s, selected: s === status }, s)));
  const typeInput = h('input', { id: 'type-filter', 'aria-label': 'Type', placeholder: 'type', value: type });
  return h('form', {
    class: 'row inline-form',
    onsubmit(event) {
      event.preventDefault();
      location.hash = `#/sessions/${id(sid)}` + query({ status: statusSelect.value, type: typeInput.value.trim() });
    },
  }, statusSelect, typeInput, h('button', { type: 'submit', class: 'secondary' }, 'Filter'));
}
