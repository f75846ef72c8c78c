// The event table: one row per event, a link to its page, sortable by date, fatalities and
// confidence through the API's `sort` parameter, paginated with `page`.

import { h, fmtNumber, fmtValue } from './dom.js';
import { eventTypeColor } from './colors.js';

const SORTABLE = { event_date: 'Date', fatalities: 'Killed', confidence: 'Conf.' };

function sortHeader(key, label, sort, onSort) {
  const active = sort === key || sort === `-${key}`;
  const descending = sort === `-${key}`;
  const next = active && descending ? key : `-${key}`;
  return h('th', { scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
    h('button', { type: 'button', class: 'sort', 'data-sort': key, onclick: () => onSort(next) },
      label, active ? (descending ? ' ▼' : ' ▲') : ''));
}

function locationCell(ev) {
  const place = [ev.location, ev.admin1 && ev.admin1 !== ev.location ? ev.admin1 : null].filter(Boolean).join(', ');
  return h('td', { class: 'loc' },
    place || '—',
    ev.location_ar ? h('span', { class: 'ar', lang: 'ar', dir: 'auto' }, ev.location_ar) : null);
}

export function renderTable(result, { sort, onSort, onPage, eventHref }) {
  const items = (result && result.items) || [];
  const head = h('tr', {},
    sortHeader('event_date', SORTABLE.event_date, sort, onSort),
    h('th', { scope: 'col' }, 'Type'),
    h('th', { scope: 'col' }, 'Actor 1'),
    h('th', { scope: 'col' }, 'Actor 2'),
    h('th', { scope: 'col' }, 'Location'),
    sortHeader('fatalities', SORTABLE.fatalities, sort, onSort),
    h('th', { scope: 'col' }, 'Injured'),
    sortHeader('confidence', SORTABLE.confidence, sort, onSort),
    h('th', { scope: 'col' }, 'Review'),
    h('th', { scope: 'col' }, 'Sources'));
  const rows = items.map((ev) => {
    const swatch = h('span', { class: 'swatch round' });
    swatch.style.setProperty('--swatch', eventTypeColor(ev.event_type));
    return h('tr', { 'data-event-id': ev.event_id },
      h('td', { class: 'date' }, h('a', { href: eventHref(ev.event_id), class: 'event-link' }, ev.event_date || 'undated')),
      h('td', {}, swatch, h('a', { href: eventHref(ev.event_id), class: 'type-link' }, fmtValue(ev.event_type)),
        h('div', { class: 'sub muted' }, fmtValue(ev.sub_event_type))),
      h('td', { dir: 'auto' }, fmtValue(ev.actor1)),
      h('td', { dir: 'auto' }, fmtValue(ev.actor2)),
      locationCell(ev),
      h('td', { class: 'num' }, fmtNumber(ev.fatalities)),
      h('td', { class: 'num' }, fmtNumber(ev.injuries)),
      h('td', { class: 'num' }, fmtNumber(ev.confidence, 2)),
      h('td', {}, h('span', { class: `state state-${ev.review_state || 'unreviewed'}` }, fmtValue(ev.review_state))),
      h('td', { class: 'num' }, fmtNumber(ev.source_count)));
  });
  const total = Number(result && result.total) || 0;
  const page = Number(result && result.page) || 1;
  const pageSize = Number(result && result.page_size) || items.length || 1;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pager = h('nav', { class: 'pager', 'aria-label': 'pages' },
    h('button', { type: 'button', id: 'page-prev', disabled: page <= 1, onclick: () => onPage(page - 1) }, '‹ Previous'),
    h('span', { id: 'page-info' }, `page ${page} of ${pages} · ${total} event${total === 1 ? '' : 's'}`),
    h('button', { type: 'button', id: 'page-next', disabled: page >= pages, onclick: () => onPage(page + 1) }, 'Next ›'));
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'events-table', id: 'events-table' },
      h('thead', {}, head),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 10, class: 'muted' }, 'No events match the filters.')))),
    pager);
}
