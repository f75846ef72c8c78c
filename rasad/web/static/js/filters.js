// The filter bar. Its state lives in the URL hash (#/?event_type=Battles&start=...), so a
// filtered view can be bookmarked or sent to a colleague, and Back undoes a filter.

import { h } from './dom.js';

export const FILTER_KEYS = [
  'start', 'end', 'event_type', 'sub_event_type', 'actor', 'admin1', 'admin2', 'q',
  'min_confidence', 'review_state', 'bbox',
];

export function pickFilters(params) {
  const out = {};
  for (const key of FILTER_KEYS) if (params[key]) out[key] = params[key];
  return out;
}

function select(name, label, options, value, placeholder) {
  const control = h('select', { name, id: `f-${name}` },
    h('option', { value: '' }, placeholder),
    options.map((opt) => h('option', { value: opt, selected: opt === value }, opt)));
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

function input(name, label, value, attrs = {}) {
  return h('label', { class: 'field' }, h('span', {}, label),
    h('input', { name, id: `f-${name}`, value: value || '', ...attrs }));
}

/** The filter form; `onApply(filters)` receives the non-empty values. */
export function renderFilters(meta, params, onApply) {
  const eventTypes = Object.keys((meta && meta.event_types) || {});
  const subTypesOf = (type) => (type ? (meta.event_types[type] || []) : eventTypes.flatMap((t) => meta.event_types[t] || []));
  const subSelect = select('sub_event_type', 'Sub-event type', subTypesOf(params.event_type), params.sub_event_type, 'any');
  const form = h('form', { class: 'filters', id: 'filters', role: 'search' },
    input('start', 'From', params.start, { type: 'date' }),
    input('end', 'To', params.end, { type: 'date' }),
    select('event_type', 'Event type', eventTypes, params.event_type, 'any'),
    subSelect,
    input('actor', 'Actor', params.actor, { type: 'search', dir: 'auto', placeholder: 'name contains' }),
    input('admin1', 'Governorate', params.admin1, { type: 'search', dir: 'auto' }),
    input('admin2', 'District', params.admin2, { type: 'search', dir: 'auto' }),
    input('q', 'Text', params.q, { type: 'search', dir: 'auto', placeholder: 'words in notes or article' }),
    input('min_confidence', 'Min. confidence', params.min_confidence, { type: 'number', min: 0, max: 1, step: 0.05 }),
    select('review_state', 'Review', (meta && meta.review_states) || [], params.review_state, 'any'),
    input('bbox', 'Area', params.bbox, { placeholder: 'minlon,minlat,maxlon,maxlat', pattern: '^\\s*-?[0-9.]+(\\s*,\\s*-?[0-9.]+){3}\\s*$' }),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', id: 'apply-filters' }, 'Apply'),
      h('button', { type: 'reset', id: 'clear-filters' }, 'Clear')),
  );
  const typeSelect = form.querySelector('#f-event_type');
  typeSelect.addEventListener('change', () => {
    const current = subSelect.querySelector('select').value;
    const replacement = select('sub_event_type', 'Sub-event type', subTypesOf(typeSelect.value), current, 'any');
    subSelect.replaceChildren(...replacement.childNodes);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const [key, value] of new FormData(form)) if (String(value).trim()) values[key] = String(value).trim();
    onApply(values);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    onApply({});
  });
  return form;
}
