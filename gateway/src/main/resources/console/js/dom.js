// Small DOM helpers: build elements, ask for confirmation, show errors and busy states.

/** h('button', {class: 'x', onclick: f}, 'text', child) — attributes starting with "on" become listeners. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A modal question; resolves true only when the person presses the confirming button. */
export function confirmAction(question, verb = 'Confirm') {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-label': 'Confirm' },
      h('p', {}, question),
      h('div', { class: 'row end' },
        h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('no') }, 'Cancel'),
        h('button', { type: 'button', class: 'danger', onclick: () => dialog.close('yes') }, verb)));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'yes');
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A place on a page for an error message; empty until one is shown. */
export function errorBox() {
  const box = h('div', { class: 'error', role: 'alert', hidden: true });
  box.show = (error) => {
    box.textContent = error instanceof Error ? error.message : String(error);
    box.hidden = false;
  };
  box.hide = () => {
    box.textContent = '';
    box.hidden = true;
  };
  return box;
}

/** Runs an action from a button: the button is disabled meanwhile and a failure goes to the box. */
export async function act(button, box, action) {
  button.disabled = true;
  box.hide();
  try {
    return await action();
  } catch (e) {
    box.show(e);
    return undefined;
  } finally {
    button.disabled = false;
  }
}

export function spinner(label = 'working') {
  return h('span', { class: 'spinner', role: 'status', 'aria-label': label });
}

export function badge(status) {
  return h('span', { class: `badge ${String(status).toLowerCase()}` }, status);
}

export function bytes(n) {
  if (n === null || n === undefined) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export function time(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

export function json(value) {
  return h('pre', { class: 'json' }, value === undefined || value === null ? 'null' : JSON.stringify(value, null, 2));
}

export function link(href, text) {
  return h('a', { href }, text);
}

/** A table in a frame that scrolls sideways on a narrow screen; body is rows, or a tbody to fill later. */
export function table(headings, body, attrs = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attrs,
      h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
      body instanceof HTMLTableSectionElement ? body : h('tbody', {}, body)));
}
