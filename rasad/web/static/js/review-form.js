// The review form: correct any field, confirm, or reject. Only the fields the reviewer changed
// are sent, as `changes`; the server validates them against the taxonomy and writes the audit
// entry. The reviewer's name is remembered for the session like the token.

import { h } from './dom.js';
import { api, getToken } from './api.js';
import { REVIEWER_KEY } from './signoff.js';

// name -> how the form shows and parses the field.
const EDITABLE = [
  { name: 'event_type', label: 'Event type', kind: 'event_type' },
  { name: 'sub_event_type', label: 'Sub-event type', kind: 'sub_event_type' },
  { name: 'event_date', label: 'Date', kind: 'date' },
  { name: 'actor1', label: 'Actor 1', kind: 'text' },
  { name: 'actor2', label: 'Actor 2', kind: 'text' },
  { name: 'assoc_actor_1', label: 'With actor 1 (; between)', kind: 'list' },
  { name: 'assoc_actor_2', label: 'With actor 2 (; between)', kind: 'list' },
  { name: 'location', label: 'Location', kind: 'text' },
  { name: 'admin1', label: 'Governorate (admin1)', kind: 'text' },
  { name: 'latitude', label: 'Latitude', kind: 'float' },
  { name: 'longitude', label: 'Longitude', kind: 'float' },
  { name: 'fatalities', label: 'Fatalities', kind: 'count', required: true },
  { name: 'injuries', label: 'Injuries', kind: 'count' },
  { name: 'weapons', label: 'Weapons (; between)', kind: 'list' },
  { name: 'civilian_targeting', label: 'Civilians targeted', kind: 'bool' },
];

function parseValue(spec, control) {
  if (spec.kind === 'bool') return control.checked;
  const raw = control.value.trim();
  if (spec.kind === 'count') {
    if (!raw) return spec.required ? 0 : null;
    return Number.parseInt(raw, 10);
  }
  if (spec.kind === 'float') return raw ? Number(raw) : null;
  // Semicolons separate list items because actor names may contain commas.
  if (spec.kind === 'list') return raw ? raw.split(';').map((item) => item.trim()).filter(Boolean) : [];
  return raw || null;
}

function sameValue(a, b) {
  const norm = (v) => (v === undefined || v === '' || (Array.isArray(v) && !v.length) ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function optionList(values, current) {
  const all = current && !values.includes(current) ? [current, ...values] : values;
  return [h('option', { value: '' }, '—'), ...all.map((v) => h('option', { value: v, selected: v === current }, v))];
}

/** The form for `event`; `onDone(action)` runs after the server accepted the review. */
export function renderReviewForm(event, meta, onDone) {
  const eventTypes = Object.keys((meta && meta.event_types) || {});
  const subTypes = (type) => ((meta && meta.event_types && meta.event_types[type]) || []);
  const controls = {};
  const rows = EDITABLE.map((spec) => {
    const value = event[spec.name];
    let control;
    const id = `r-${spec.name}`;
    if (spec.kind === 'event_type') {
      control = h('select', { id, name: spec.name }, optionList(eventTypes, value));
    } else if (spec.kind === 'sub_event_type') {
      control = h('select', { id, name: spec.name }, optionList(subTypes(event.event_type), value));
    } else if (spec.kind === 'bool') {
      control = h('input', { id, name: spec.name, type: 'checkbox', checked: Boolean(value) });
    } else if (spec.kind === 'date') {
      control = h('input', { id, name: spec.name, type: 'date', value: value || '' });
    } else if (spec.kind === 'count') {
      control = h('input', { id, name: spec.name, type: 'number', min: 0, step: 1, value: value ?? '', placeholder: spec.required ? '0' : 'unknown' });
    } else if (spec.kind === 'list') {
      control = h('input', { id, name: spec.name, type: 'text', dir: 'auto', value: (value || []).join('; ') });
    } else if (spec.kind === 'float') {
      control = h('input', { id, name: spec.name, type: 'number', step: 'any', value: value ?? '' });
    } else {
      control = h('input', { id, name: spec.name, type: 'text', dir: 'auto', value: value ?? '' });
    }
    controls[spec.name] = control;
    return h('label', { class: spec.kind === 'bool' ? 'field check' : 'field', for: id }, h('span', {}, spec.label), control);
  });
  controls.event_type.addEventListener('change', () => {
    const keep = controls.sub_event_type.value;
    const options = subTypes(controls.event_type.value);
    controls.sub_event_type.replaceChildren(...optionList(options, options.includes(keep) ? keep : ''));
  });

  const reviewer = h('input', { id: 'r-reviewer', name: 'reviewer', required: true, dir: 'auto', value: sessionStorage.getItem(REVIEWER_KEY) || '' });
  const comment = h('textarea', { id: 'r-comment', name: 'comment', rows: 2, dir: 'auto', placeholder: 'why (kept in the audit trail)' });
  const status = h('p', { class: 'form-status', id: 'review-status', role: 'status', 'aria-live': 'polite' });
  const buttons = h('div', { class: 'form-actions' },
    h('button', { type: 'submit', name: 'action', value: 'correct', id: 'review-correct' }, 'Save correction'),
    h('button', { type: 'submit', name: 'action', value: 'confirm', id: 'review-confirm' }, 'Confirm as coded'),
    h('button', { type: 'submit', name: 'action', value: 'reject', id: 'review-reject', class: 'danger' }, 'Reject event'));
  const form = h('form', { class: 'review-form', id: 'review-form', novalidate: false },
    h('div', { class: 'grid' }, rows),
    h('label', { class: 'field', for: 'r-reviewer' }, h('span', {}, 'Reviewer'), reviewer),
    h('label', { class: 'field', for: 'r-comment' }, h('span', {}, 'Comment'), comment),
    buttons, status);

  const say = (text, kind) => { status.textContent = text; status.className = `form-status ${kind || ''}`; };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const action = (e.submitter && e.submitter.value) || 'correct';
    const changes = {};
    if (action === 'correct') {
      for (const spec of EDITABLE) {
        const value = parseValue(spec, controls[spec.name]);
        if (spec.kind === 'count' && value !== null && (!Number.isInteger(value) || value < 0)) {
          say(`${spec.label} must be a whole number of 0 or more`, 'error');
          return;
        }
        if (spec.kind === 'float' && value !== null && !Number.isFinite(value)) {
          say(`${spec.label} must be a number`, 'error');
          return;
        }
        if (!sameValue(value, event[spec.name])) changes[spec.name] = value;
      }
      if (!Object.keys(changes).length) {
        say('Nothing changed: edit a field to correct it, or use "Confirm as coded".', 'error');
        return;
      }
    }
    if (!getToken()) {
      say('Enter the review token at the top of the page first.', 'error');
      document.getElementById('token-input')?.focus();
      return;
    }
    sessionStorage.setItem(REVIEWER_KEY, reviewer.value.trim());
    for (const button of buttons.querySelectorAll('button')) button.disabled = true;
    say('Saving…');
    try {
      const body = { action, changes, reviewer: reviewer.value.trim(), comment: comment.value.trim() };
      await api.review(event.event_id, body);
      say('Saved.', 'ok');
      onDone(action, changes);
    } catch (err) {
      say(err.message, 'error');
    } finally {
      for (const button of buttons.querySelectorAll('button')) button.disabled = false;
    }
  });
  return form;
}
