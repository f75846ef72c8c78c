// The audit trail of one event: every review, merge and split, who made it, when, and what
// changed. Merge and split entries link to the other event involved.

import { h, fmtValue } from './dom.js';

// `2026-11-25T17:16:44.511676Z` -> `2026-11-25 17:16:44 UTC`; anything else is shown as is.
function readableTime(value) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]00:?00)?$/.exec(String(value || ''));
  if (!m) return fmtValue(value);
  return `${m[1]} ${m[2]}${m[3] ? ' UTC' : ''}`;
}

// Keys the store writes into merge and split entries: they hold event ids.
const EVENT_ID_KEYS = new Set(['merged_from', 'merged_into', 'split_from', 'split_into']);

function changedKeys(before, after) {
  const b = before && typeof before === 'object' ? before : {};
  const a = after && typeof after === 'object' ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => key !== 'evidence' && JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null));
  // One side of an entry on the event a split made, or on a merged-away one, is only a pointer to
  // the other event: every field would read as changed, so show the pointer alone.
  const pointerOnly = (side) => Object.keys(side).length > 0 && Object.keys(side).every((k) => EVENT_ID_KEYS.has(k));
  return pointerOnly(a) || pointerOnly(b) ? keys.filter((k) => EVENT_ID_KEYS.has(k)) : keys;
}

function valueCell(cls, key, value) {
  if (!EVENT_ID_KEYS.has(key) || value === null || value === undefined) return h('td', { class: cls, dir: 'auto' }, fmtValue(value));
  const ids = (Array.isArray(value) ? value : [value]).map(String);
  return h('td', { class: cls }, ids.flatMap((id, i) => [i ? ', ' : null,
    h('a', { href: `#/event/${encodeURIComponent(id)}`, class: 'audit-event-link', 'data-event-id': id }, id)]));
}

function entry(item) {
  const keys = changedKeys(item.before, item.after);
  return h('li', { class: `audit-entry audit-${item.action}`, 'data-action': item.action, 'data-id': item.id },
    h('div', { class: 'audit-head' },
      h('strong', {}, fmtValue(item.action)),
      ' by ', h('span', { dir: 'auto', class: 'reviewer' }, fmtValue(item.reviewer)),
      ' · ', h('time', { datetime: item.created_at || '' }, readableTime(item.created_at))),
    item.comment ? h('p', { class: 'audit-comment', dir: 'auto' }, item.comment) : null,
    keys.length ? h('table', { class: 'audit-changes' },
      h('tbody', {}, keys.map((key) => h('tr', { 'data-field': key },
        h('th', { scope: 'row' }, key),
        valueCell('before', key, item.before && item.before[key]),
        h('td', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
        valueCell('after', key, item.after && item.after[key]))))) : null);
}

export function renderAudit(result) {
  const items = [...((result && result.items) || [])].sort((x, y) =>
    String(y.created_at || '').localeCompare(String(x.created_at || '')) || (Number(y.id) || 0) - (Number(x.id) || 0));
  if (!items.length) return h('p', { class: 'muted', id: 'audit-empty' }, 'Not reviewed yet.');
  return h('ol', { class: 'audit', id: 'audit-list' }, items.map(entry));
}
