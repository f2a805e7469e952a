// Results: upload a file into a new result of a session, see its size, SHA-256 and expiry, download
// it. The gateway lists no results, so this page shows the ones this tab made or opened, and any by id.
import { api, id } from '../api.js';
import { act, badge, bytes, errorBox, h, link, table, time } from '../dom.js';

const SEEN = 'weft.results';

function seen() {
  return JSON.parse(sessionStorage.getItem(SEEN) || '[]');
}

function see(resultId) {
  sessionStorage.setItem(SEEN, JSON.stringify([resultId, ...seen().filter((r) => r !== resultId)].slice(0, 50)));
}

/** Links to results by id, each with a download button. */
export function resultLinks(ids) {
  return ids.map((rid) => h('span', { class: 'result-link' }, link(`#/results/${id(rid)}`, rid), ' ',
    downloadButton(rid, rid, errorBox())));
}

export function downloadButton(rid, name, error, label = `Download ${name}`) {
  const button = h('button', {
    type: 'button', class: 'secondary small', 'data-download': rid,
    onclick: () => act(button, error, () => api.download(rid, name)),
  }, label);
  return h('span', {}, button, error);
}

export async function resultsPage(params, page) {
  const error = errorBox();
  const rows = h('tbody');
  const list = table(['Result', 'Name', 'Status', 'Size', 'SHA-256', 'Expires', ''], rows, { id: 'results' });
  page.append(h('h1', {}, 'Results'), await uploadForm(error, (result) => rows.prepend(resultRow(result))),
    lookupForm(), error, list);
  const wanted = params.rid ? [params.rid, ...seen().filter((r) => r !== params.rid)] : seen();
  for (const rid of wanted) {
    try {
      rows.append(resultRow(await api.get(`/v1/results/${id(rid)}`)));
      see(rid);
    } catch (e) {
      if (rid === params.rid) error.show(e);
    }
  }
}

function resultRow(result) {
  const error = errorBox();
  return h('tr', { 'data-result': result.id },
    h('td', {}, h('code', {}, result.id)),
    h('td', {}, result.name),
    h('td', {}, badge(result.status)),
    h('td', { 'data-size': result.size }, bytes(result.size)),
    h('td', {}, h('code', { class: 'hash' }, result.sha256 || '—')),
    h('td', {}, time(result.expiresAt)),
    h('td', {}, result.status === 'COMPLETED' ? downloadButton(result.id, result.name, error, 'Download') : null));
}

async function uploadForm(error, onUploaded) {
  const sessions = await api.get('/v1/sessions?state=OPEN&limit=200').catch((e) => {
    error.show(e);
    return { items: [] };
  });
  const session = h('select', { id: 'upload-session', required: true },
    sessions.items.map((s) => h('option', { value: s.id }, `${s.name} (${s.id})`)));
  const file = h('input', { id: 'upload-file', type: 'file', required: true });
  const ttl = h('input', { id: 'upload-ttl', value: 'PT24H', placeholder: 'PT24H', size: 8 });
  const button = h('button', { type: 'submit' }, 'Upload');
  const progress = h('span', { class: 'muted', 'aria-live': 'polite' });
  return h('form', {
    class: 'card',
    id: 'upload',
    async onsubmit(event) {
      event.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return error.show('Choose a file to upload.');
      if (!session.value) return error.show('Open a session first: a result belongs to a session.');
      await act(button, error, async () => {
        progress.textContent = `uploading ${chosen.name}…`;
        try {
          const created = await api.post(`/v1/sessions/${id(session.value)}/results`,
            { name: chosen.name, contentType: chosen.type || 'application/octet-stream', ttl: ttl.value.trim() || undefined });
          const uploaded = await api.upload(created.id, chosen);
          see(created.id);
          onUploaded(uploaded || await api.get(`/v1/results/${id(created.id)}`));
        } finally {
          progress.textContent = '';
        }
      });
      return undefined;
    },
  },
  h('h2', {}, 'Upload a file into a new result'),
  h('div', { class: 'fields' },
    h('div', { class: 'field' }, h('label', { for: 'upload-session' }, 'Session'), session),
    h('div', { class: 'field' }, h('label', { for: 'upload-file' }, 'File'), file),
    h('div', { class: 'field' }, h('label', { for: 'upload-ttl' }, 'Keep for (ISO-8601 duration)'), ttl)),
  h('div', { class: 'row' }, button, progress));
}

function lookupForm() {
  const rid = h('input', { id: 'result-id', placeholder: 'r-…', 'aria-label': 'Result id' });
  return h('form', {
    class: 'row inline-form',
    onsubmit(event) {
      event.preventDefault();
      if (rid.value.trim()) location.hash = `#/results/${id(rid.value.trim())}`;
    },
  }, rid, h('button', { type: 'submit', class: 'secondary' }, 'Show result'));
}
