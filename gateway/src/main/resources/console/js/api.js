// The gateway's /v1 API with the signed-in key as a header. Every refusal becomes an ApiError
// whose message a person can read: the problem+json detail, and the field it names.
import { currentKey } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem.detail || problem.title || `HTTP ${status}`;
    super(problem.field ? `${problem.field}: ${detail}` : detail);
    this.status = status;
    this.field = problem.field || null;
    this.detail = detail;
  }
}

function headers(extra = {}, key = currentKey()) {
  return key ? { 'X-API-Key': key, ...extra } : extra;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    const json = JSON.parse(text);
    if (json && typeof json === 'object') return json;
  } catch (ignored) {
    // Not JSON (a proxy's page, say): show its first words rather than nothing.
  }
  return { detail: `${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim() };
}

async function checked(response) {
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

export async function request(method, path, body, key) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }, key),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { detail: `the gateway cannot be reached (${e.message})` });
  }
  await checked(response);
  return response.status === 204 ? null : response.json();
}

export const api = {
  get: (path, key) => request('GET', path, undefined, key),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  del: (path) => request('DELETE', path),

  /** Streams a file into a result's data. */
  async upload(resultId, file) {
    const response = await fetch(`/v1/results/${encodeURIComponent(resultId)}/data`, {
      method: 'PUT', headers: headers({ 'Content-Type': 'application/octet-stream' }), body: file,
    });
    await checked(response);
    return response.status === 204 ? null : response.json().catch(() => null);
  },

  /** Downloads a result: the key goes as a header, so the bytes come through fetch into a Blob. */
  async download(resultId, fileName) {
    const response = await checked(await fetch(`/v1/results/${encodeURIComponent(resultId)}/data`, { headers: headers() }));
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName || resultId });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

export function query(params) {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? '?' + new URLSearchParams(entries).toString() : '';
}

export const id = encodeURIComponent;
