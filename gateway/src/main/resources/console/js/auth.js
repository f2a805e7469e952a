// The API key lives in sessionStorage only: it goes with this tab and never into a URL.
const KEY = 'weft.apiKey';
const ADMIN = 'weft.isAdmin';

export function currentKey() {
  return sessionStorage.getItem(KEY);
}

export function isAdmin() {
  return sessionStorage.getItem(ADMIN) === 'true';
}

export function remember(key, admin) {
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(ADMIN, String(admin));
}

export function forget() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(ADMIN);
}
