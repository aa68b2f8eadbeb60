// Small DOM builders for the flow page's forms.

/** Builds an element; `props` go to properties (`textContent`, `type`) or, for `aria-*`/`data-*`/`for`, attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('aria-') || key.startsWith('data-') || key === 'for' || key === 'role') {
      node.setAttribute(key, String(value));
    } else node[key] = value;
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** A labelled text input, with an optional hint under it. */
export const field = (name, label, value, { hint, ...extra } = {}) =>
  el(
    'div',
    { className: 'field' },
    el('label', { for: `f-${name}`, textContent: label }),
    el('input', {
      id: `f-${name}`,
      name,
      type: 'text',
      value,
      placeholder: label,
      'aria-describedby': hint && `f-${name}-hint`,
      ...extra,
    }),
    hint ? el('p', { className: 'hint', id: `f-${name}-hint`, textContent: hint }) : null,
  );

export const checkbox = (name, label, checked) =>
  el(
    'div',
    { className: 'check' },
    el('input', { id: `f-${name}`, name, type: 'checkbox', checked }),
    el('label', { for: `f-${name}`, textContent: label }),
  );

export const select = (name, label, options, value) =>
  el(
    'div',
    { className: 'field' },
    el('label', { for: `f-${name}`, textContent: label }),
    el(
      'select',
      { id: `f-${name}`, name },
      ...options.map((option) =>
        el('option', { value: option.id, textContent: option.label, selected: option.id === value }),
      ),
    ),
  );

/** The form values the step rules read: text as strings, checkboxes as booleans, the checked radio. */
export function readFields(form) {
  const fields = {};
  for (const input of form.querySelectorAll('input, select')) {
    if (input.type === 'checkbox') fields[input.name] = input.checked;
    else if (input.type === 'radio') {
      if (input.checked) fields[input.name] = input.value;
    } else fields[input.name] = input.value;
  }
  return fields;
}
