// One task: input, output, error, its status history by attempt with each attempt's worker (as the task
// records it, then live from the session's event stream), logs, parent and subtasks, results.
import { api, id } from '../api.js';
import { badge, errorBox, h, json, link, table, time } from '../dom.js';
import { follow, TERMINAL } from '../events.js';
import { resultLinks } from './results.js';

export async function taskPage(params, page) {
  const tid = params.tid;
  const error = errorBox();
  const body = h('div', {});
  const history = h('tbody');
  const historyTable = table(['Time', 'From', 'To', 'Attempt', 'Worker'], history, { id: 'history' });
  const logs = h('pre', { class: 'logs', id: 'logs' }, '');
  page.append(h('h1', {}, 'Task ', h('code', {}, tid)), error, body,
    h('h2', {}, 'Status history'), historyTable, h('h2', {}, 'Logs'), logs);

  let task;
  try {
    task = await api.get(`/v1/tasks/${id(tid)}`);
  } catch (e) {
    error.show(e);
    return undefined;
  }
  // The history the task records (each change's index is its event sequence), with each attempt's worker.
  const row = (at, from, to, attempt, worker) => h('tr', {}, h('td', {}, time(at)),
    h('td', {}, from ? badge(from) : '—'), h('td', {}, badge(to)), h('td', {}, String(attempt)), h('td', {}, worker || '—'));
  let shown = -1;
  const showHistory = () => {
    history.replaceChildren(...task.history.map((change, i) =>
      row(change.at, i > 0 ? task.history[i - 1].status : null, change.status, change.attempt, change.worker)));
    shown = Math.max(shown, task.history.length - 1);
  };
  const refresh = async () => {
    try {
      task = await api.get(`/v1/tasks/${id(tid)}`);
      body.replaceChildren(details(task));
      showHistory();
      await showLogs(tid, logs);
    } catch (e) {
      error.show(e);
    }
  };
  body.replaceChildren(details(task));
  showHistory();
  showLogs(tid, logs).catch((e) => error.show(e));

  // Then the live changes after the last one shown: the stream resumes after it, and a replay may
  // repeat a change, hence the sequences compared. A start or an end reloads the task, workers included.
  return follow(task.sessionId, {
    lastEventId: `${tid}:${Math.max(shown, 0)}`,
    onEvent({ id: eventId, event, data }) {
      if (!data || data.taskId !== tid) return;
      if (event === 'log') {
        logs.textContent = logs.textContent.replace('(no log lines yet)\n', '') + `[${data.attempt}] ${data.text}\n`;
        return;
      }
      const sequence = eventId ? Number(eventId.slice(eventId.lastIndexOf(':') + 1)) : shown + 1;
      if (sequence <= shown) return;
      shown = sequence;
      history.append(row(data.time, data.from, data.to, data.attempt, null));
      if (TERMINAL.includes(data.to) || data.to === 'RUNNING') refresh();
    },
    onError: (e) => error.show(e),
  });
}

async function showLogs(tid, logs) {
  const log = await api.get(`/v1/tasks/${id(tid)}/logs`);
  logs.textContent = (log.dropped ? `(${log.dropped} older lines dropped)\n` : '')
    + (log.lines.length ? log.lines.map((line) => `[${line.attempt}] ${line.text}\n`).join('') : '(no log lines yet)\n');
}

function details(task) {
  const row = (name, value) => [h('dt', {}, name), h('dd', {}, value ?? '—')];
  const tasksLinks = (ids) => (ids && ids.length ? ids.map((t) => [link(`#/tasks/${id(t)}`, t), ' ']) : '—');
  const outputResult = task.output && typeof task.output === 'object' && task.output.resultId
    ? resultLinks([task.output.resultId]) : null;
  return h('div', { class: 'task-detail' },
    h('dl', { class: 'facts' },
      row('Status', badge(task.status)),
      row('Type', link(`#/types/${id(task.type)}`, task.type)),
      row('Session', link(`#/sessions/${id(task.sessionId)}`, task.sessionId)),
      row('Attempt', String(task.attempt)),
      row('Worker', task.worker),
      row('Priority', String(task.priority)),
      row('Created', time(task.createdAt)),
      row('Started', time(task.startedAt)),
      row('Ended', time(task.endedAt)),
      row('Parent', task.parentId ? link(`#/tasks/${id(task.parentId)}`, task.parentId) : null),
      row('Subtasks', tasksLinks(task.subtasks)),
      row('Depends on', task.dependsOn.length ? resultLinks(task.dependsOn) : null),
      row('Waiting for', task.waitingFor.length ? resultLinks(task.waitingFor) : null),
      row('Outputs', task.outputs.length || outputResult
        ? [task.outputs.length ? resultLinks(task.outputs) : null, outputResult] : null)),
    h('div', { class: 'grid2' },
      h('div', {}, h('h2', {}, 'Input'), json(task.input)),
      h('div', {}, h('h2', {}, 'Output'), json(task.output))),
    task.error ? h('div', { class: 'task-error' }, h('h2', {}, 'Error'),
      h('p', {}, h('strong', {}, task.error.type), task.error.exception ? ` (${task.error.exception})` : ''),
      h('pre', {}, task.error.message)) : null);
}
