// Turns a task type's input JSON Schema into a form: objects (nested as fieldsets), strings, numbers,
// integers, booleans, enums, arrays of scalars (one item a line), with required, default, minimum,
// maximum, minLength, maxLength, pattern and description as help. Whatever it cannot render becomes a
// JSON text area. Object fields can be loaded from a JSON file. Values are checked before submit.
import { h } from './dom.js';

const SCALARS = ['string', 'number', 'integer', 'boolean'];

/** The form for a schema: {element, read() -> {value, errors}, showErrors(errors), load(value)}. */
export function schemaForm(schema, initial) {
  const messages = new Map();
  const holder = h('div', { class: 'schema-form' });
  let root;
  const build = (value) => {
    messages.clear();
    root = isObjectWithProperties(schema)
      ? objectFields(schema, value, '', messages)
      : jsonField(schema, value, '', 'input', false, messages);
    holder.replaceChildren(root.element);
  };
  build(initial);
  return {
    element: holder,
    read() {
      const errors = [];
      const value = root.read(errors);
      showErrors(messages, errors);
      return { value: value === undefined ? {} : value, errors };
    },
    /** Shows errors [{path, message}] by their fields; returns false when a path has no field here. */
    showErrors: (errors) => showErrors(messages, errors),
    load: build,
  };
}

function showErrors(messages, errors) {
  for (const slot of messages.values()) slot.textContent = '';
  let allPlaced = true;
  for (const { path, message } of errors) {
    const slot = messages.get(path);
    if (slot) slot.textContent = message;
    else allPlaced = false;
  }
  return allPlaced;
}

function typeOf(schema) {
  if (!schema || typeof schema !== 'object') return null;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    return types.length === 1 ? types[0] : null;
  }
  return schema.type || (schema.properties ? 'object' : null);
}

function isObjectWithProperties(schema) {
  return typeOf(schema) === 'object' && schema.properties && Object.keys(schema.properties).length > 0;
}

function join(path, name) {
  return path ? `${path}.${name}` : name;
}

/** Whether a value (from a default or a loaded file) can be shown by the field its schema asks for. */
function fits(type, value) {
  if (value === undefined || value === null || type === null) return true;
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'integer' || type === 'number') return typeof value === 'number';
  return typeof value === type;
}

function field(schema, value, path, name, required, messages) {
  const type = typeOf(schema);
  // A value the schema's field cannot hold (a file's object where a string is expected) stays as JSON,
  // so it is sent as it is and the gateway's check names what is wrong with it.
  const start = initialOf(schema, value);
  if (Array.isArray(schema.enum) && (start === undefined || schema.enum.includes(start))) {
    return enumField(schema, value, path, name, required, messages);
  }
  if (!fits(type, start) || Array.isArray(schema.enum)) return jsonField(schema, value, path, name, required, messages);
  if (type === 'boolean') return booleanField(schema, value, path, name, messages);
  if (type === 'string' || type === 'number' || type === 'integer') {
    return scalarField(schema, type, value, path, name, required, messages);
  }
  if (type === 'array' && SCALARS.includes(typeOf(schema.items)) && !schema.items.enum) {
    return arrayField(schema, value, path, name, required, messages);
  }
  if (isObjectWithProperties(schema)) return objectField(schema, value, path, name, required, messages);
  return jsonField(schema, value, path, name, required, messages);
}

/** The label, the control, the help text and the slot for this field's message. */
function wrap(control, schema, path, name, required, messages, extra) {
  const message = h('span', { class: 'field-error', 'data-field': path, 'aria-live': 'polite' });
  messages.set(path, message);
  const controlId = control.id || (control.id = `f-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`);
  return h('div', { class: 'field', 'data-path': path },
    h('label', { for: controlId }, schema.title || name, required ? h('span', { class: 'req', title: 'required' }, ' *') : null),
    control,
    extra,
    schema.description ? h('small', { class: 'help' }, schema.description) : null,
    message);
}

function initialOf(schema, value) {
  return value !== undefined ? value : schema.default;
}

function scalarField(schema, type, value, path, name, required, messages) {
  const numeric = type !== 'string';
  const long = !numeric && (schema.maxLength === undefined || schema.maxLength > 200) && schema.format === 'textarea';
  const control = h(long ? 'textarea' : 'input', {
    name: path,
    type: numeric ? 'number' : 'text',
    step: type === 'integer' ? '1' : numeric ? 'any' : undefined,
    min: schema.minimum, max: schema.maximum,
    placeholder: schema.examples ? String(schema.examples[0]) : undefined,
  });
  const start = initialOf(schema, value);
  if (start !== undefined && start !== null) control.value = String(start);
  return {
    element: wrap(control, schema, path, name, required, messages),
    read(errors) {
      const text = control.value;
      if (text.trim() === '') {
        if (required) errors.push({ path, message: 'is required' });
        return undefined;
      }
      if (!numeric) {
        checkString(schema, text, path, errors);
        return text;
      }
      return checkNumber(schema, type, text, path, errors);
    },
  };
}

function checkString(schema, text, path, errors) {
  if (schema.minLength !== undefined && text.length < schema.minLength) {
    errors.push({ path, message: `must be at least ${schema.minLength} characters` });
  } else if (schema.maxLength !== undefined && text.length > schema.maxLength) {
    errors.push({ path, message: `must be at most ${schema.maxLength} characters` });
  } else if (schema.pattern && !new RegExp(schema.pattern, 'u').test(text)) {
    errors.push({ path, message: `must match the pattern ${schema.pattern}` });
  }
}

function checkNumber(schema, type, text, path, errors) {
  const number = Number(text);
  if (!Number.isFinite(number)) {
    errors.push({ path, message: 'must be a number' });
  } else if (type === 'integer' && !Number.isInteger(number)) {
    errors.push({ path, message: 'must be a whole number' });
  } else if (schema.minimum !== undefined && number < schema.minimum) {
    errors.push({ path, message: `must be at least ${schema.minimum}` });
  } else if (schema.maximum !== undefined && number > schema.maximum) {
    errors.push({ path, message: `must be at most ${schema.maximum}` });
  } else if (schema.exclusiveMinimum !== undefined && number <= schema.exclusiveMinimum) {
    errors.push({ path, message: `must be more than ${schema.exclusiveMinimum}` });
  } else if (schema.exclusiveMaximum !== undefined && number >= schema.exclusiveMaximum) {
    errors.push({ path, message: `must be less than ${schema.exclusiveMaximum}` });
  }
  return number;
}

function enumField(schema, value, path, name, required, messages) {
  const start = initialOf(schema, value);
  const control = h('select', { name: path },
    required && start !== undefined ? null : h('option', { value: '' }, '—'),
    schema.enum.map((option, i) => h('option', { value: String(i), selected: option === start }, String(option))));
  return {
    element: wrap(control, schema, path, name, required, messages),
    read(errors) {
      if (control.value === '') {
        if (required) errors.push({ path, message: 'is required' });
        return undefined;
      }
      return schema.enum[Number(control.value)];
    },
  };
}

function booleanField(schema, value, path, name, messages) {
  const control = h('input', { type: 'checkbox', name: path, checked: initialOf(schema, value) === true });
  return {
    element: wrap(control, schema, path, name, false, messages),
    read: () => control.checked,
  };
}

function arrayField(schema, value, path, name, required, messages) {
  const itemType = typeOf(schema.items);
  const start = initialOf(schema, value);
  const control = h('textarea', { name: path, rows: 3, placeholder: 'one item a line' });
  if (Array.isArray(start)) control.value = start.join('\n');
  return {
    element: wrap(control, { ...schema, description: [schema.description, 'One item a line.'].filter(Boolean).join(' ') },
      path, name, required, messages),
    read(errors) {
      const lines = control.value.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      if (lines.length === 0 && !required) return undefined;
      if (schema.minItems !== undefined && lines.length < schema.minItems) {
        errors.push({ path, message: `needs at least ${schema.minItems} items` });
      } else if (schema.maxItems !== undefined && lines.length > schema.maxItems) {
        errors.push({ path, message: `takes at most ${schema.maxItems} items` });
      }
      return lines.map((line, i) => {
        const itemPath = `${path}[${i}]`;
        const before = errors.length;
        let item = line;
        if (itemType === 'boolean') item = line === 'true';
        else if (itemType !== 'string') item = checkNumber(schema.items, itemType, line, itemPath, errors);
        else checkString(schema.items, line, itemPath, errors);
        // An item's message is shown on the list's field: items have no field of their own.
        for (const error of errors.slice(before)) error.path = path;
        return item;
      });
    },
  };
}

function objectFields(schema, value, path, messages) {
  const required = new Set(schema.required || []);
  const start = initialOf(schema, value) || {};
  const children = Object.entries(schema.properties).map(([name, sub]) =>
    [name, field(sub, start[name], join(path, name), name, required.has(name), messages)]);
  // Properties the schema does not list, from a default or a loaded file, are kept as they came
  // unless the schema forbids them.
  const extras = schema.additionalProperties === false ? {}
    : Object.fromEntries(Object.entries(start).filter(([name]) => !(name in schema.properties)));
  return {
    element: h('div', { class: 'fields' }, children.map(([, child]) => child.element)),
    read(errors) {
      const result = { ...extras };
      for (const [name, child] of children) {
        const v = child.read(errors);
        if (v !== undefined) result[name] = v;
      }
      return result;
    },
  };
}

/** A nested object: a fieldset whose contents can be replaced by a JSON file's. */
function objectField(schema, value, path, name, required, messages) {
  let inner = objectFields(schema, value, path, messages);
  const body = h('div', {}, inner.element);
  const loader = fileLoader(`Load ${name} from a JSON file`, path, (loaded) => {
    inner = objectFields(schema, loaded, path, messages);
    body.replaceChildren(inner.element);
  });
  const message = h('span', { class: 'field-error', 'data-field': path, 'aria-live': 'polite' });
  messages.set(path, message);
  const fieldset = h('fieldset', { 'data-path': path },
    h('legend', {}, schema.title || name, required ? h('span', { class: 'req', title: 'required' }, ' *') : null),
    schema.description ? h('small', { class: 'help' }, schema.description) : null,
    loader.element, body, message);
  return {
    element: fieldset,
    read(errors) {
      if (loader.error) errors.push({ path, message: loader.error });
      const result = inner.read(errors);
      return Object.keys(result).length === 0 && !required ? undefined : result;
    },
  };
}

/** Anything else: JSON typed by hand, or loaded from a file. */
function jsonField(schema, value, path, name, required, messages) {
  const control = h('textarea', { name: path || 'input', class: 'json-input', rows: 6, spellcheck: 'false' });
  const start = initialOf(schema, value);
  if (start !== undefined) control.value = JSON.stringify(start, null, 2);
  // Objects (or anything) may come from a file; the whole input has its own loader on the page.
  const loadable = path !== '' && (typeOf(schema) === 'object' || typeOf(schema) === null);
  const loader = loadable
    ? fileLoader(`Load ${name} from a JSON file`, path, (loaded) => { control.value = JSON.stringify(loaded, null, 2); })
    : { error: null, element: null };
  const help = { ...schema, description: [schema.description, 'JSON.'].filter(Boolean).join(' ') };
  return {
    element: wrap(control, help, path, name, required, messages, loader.element),
    read(errors) {
      if (loader.error) errors.push({ path, message: loader.error });
      if (control.value.trim() === '') {
        if (required) errors.push({ path, message: 'is required' });
        return undefined;
      }
      try {
        const parsed = JSON.parse(control.value);
        const expected = typeOf(schema);
        if (expected === 'object' && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
          errors.push({ path, message: 'must be a JSON object' });
        } else if (expected === 'array' && !Array.isArray(parsed)) {
          errors.push({ path, message: 'must be a JSON array' });
        }
        return parsed;
      } catch (e) {
        errors.push({ path, message: `is not valid JSON: ${e.message}` });
        return undefined;
      }
    },
  };
}

function fileLoader(label, path, onLoaded) {
  const state = { error: null };
  const input = h('input', {
    type: 'file', accept: '.json,application/json', 'aria-label': label, 'data-load': path,
    async onchange() {
      const file = input.files[0];
      if (!file) return;
      try {
        onLoaded(JSON.parse(await file.text()));
        state.error = null;
      } catch (e) {
        state.error = `${file.name} is not valid JSON: ${e.message}`;
      }
    },
  });
  state.element = h('label', { class: 'file-load' }, h('span', {}, label), input);
  return state;
}

/** Maps a problem's field (input.ms, tasks[0].input.event.title) to a form path (ms, event.title). */
export function formPath(field) {
  if (!field) return null;
  const match = field.match(/(?:^|\.)input(?:\.(.*))?$/);
  return match ? (match[1] || '') : null;
}
