// Sign in with an API key: checked against the gateway, then kept in this tab's sessionStorage.
import { api, ApiError } from '../api.js';
import { remember } from '../auth.js';
import { act, errorBox, h } from '../dom.js';

export function signIn(main, onSignedIn) {
  const key = h('input', { id: 'api-key', type: 'password', autocomplete: 'current-password', required: true });
  const error = errorBox();
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {
    class: 'card narrow',
    async onsubmit(event) {
      event.preventDefault();
      await act(button, error, async () => {
        const secret = key.value.trim();
        if (!secret) throw new Error('Enter an API key.');
        await api.get('/v1/task-types', secret);
        remember(secret, await holdsAdmin(secret));
        onSignedIn();
      });
    },
  },
  h('h1', {}, 'Sign in'),
  h('p', { class: 'muted' }, 'The key stays in this browser tab only (session storage) and is sent as a header.'),
  h('div', { class: 'field' }, h('label', { for: 'api-key' }, 'API key'), key),
  error,
  h('div', { class: 'row' }, button));
  main.replaceChildren(form);
  key.focus();
}

/** Only an admin key may list the keys: its answer tells which kind this one is. */
async function holdsAdmin(secret) {
  try {
    await api.get('/v1/keys', secret);
    return true;
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return false;
    throw e;
  }
}
