// The overview: filters, map, weekly timeline and the event table, all driven by the same
// filters from the URL hash.

import { h, clear } from './dom.js';
import { api } from './api.js';
import { renderFilters, pickFilters } from './filters.js';
import { renderMap } from './map.js';
import { renderTimeline } from './timeline.js';
import { renderTable } from './table.js';
import { renderTypeBreakdown } from './breakdown.js';

const MAP_LIMIT = 500; // the API's largest page
const TABLE_PAGE_SIZE = 50;
const DEFAULT_SORT = '-event_date';

function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${err.message}`);
}

export async function renderEventsView(view, { meta, basemap, params, navigate, eventHref }) {
  const filters = pickFilters(params);
  const sort = params.sort || DEFAULT_SORT;
  const page = Math.max(1, Number.parseInt(params.page, 10) || 1);
  const go = (next) => navigate({ ...filters, sort: sort === DEFAULT_SORT ? undefined : sort, ...next });

  const mapBox = h('section', { class: 'panel map-panel', id: 'map', 'aria-label': 'map' }, h('p', { class: 'muted' }, 'Loading map…'));
  const timelineBox = h('section', { class: 'panel timeline-panel', id: 'timeline', 'aria-label': 'timeline' });
  const typesBox = h('div', { id: 'types' });
  const tableBox = h('section', { class: 'panel table-panel', id: 'table', 'aria-label': 'events' }, h('p', { class: 'muted' }, 'Loading events…'));
  clear(view,
    // New filters start again at page 1 but keep the table's sort order.
    renderFilters(meta, filters, (values) => navigate({ ...values, sort: params.sort })),
    h('div', { class: 'overview' },
      mapBox,
      h('div', { class: 'side' },
        h('h2', {}, 'Events per week'), timelineBox,
        h('h2', {}, 'By event type'), typesBox)),
    tableBox,
  );

  const onSelect = (id) => { window.location.hash = eventHref(id); };
  const mapLoad = api.events({ ...filters, page: 1, page_size: MAP_LIMIT })
    .then((result) => renderMap(mapBox, {
      basemap, events: result.items || [], total: result.total, onSelect,
      onArea: (bbox) => navigate({ ...filters, bbox }),
    }))
    .catch((err) => clear(mapBox, errorBox(err)));
  const timelineLoad = api.stats({ ...filters, by: 'week' })
    .then((result) => renderTimeline(timelineBox, {
      items: result.items,
      onSelectWeek: (start, end) => navigate({ ...filters, start, end }),
    }))
    .catch((err) => clear(timelineBox, errorBox(err)));
  const typesLoad = api.stats({ ...filters, by: 'event_type' })
    .then((result) => clear(typesBox, renderTypeBreakdown(result, (type) => navigate({ ...filters, event_type: type, sub_event_type: undefined }))))
    .catch((err) => clear(typesBox, errorBox(err)));
  const tableLoad = api.events({ ...filters, sort, page, page_size: TABLE_PAGE_SIZE })
    .then((result) => clear(tableBox, renderTable(result, {
      sort,
      eventHref,
      onSort: (next) => go({ sort: next === DEFAULT_SORT ? undefined : next, page: undefined }),
      onPage: (next) => go({ page: next > 1 ? next : undefined }),
    })))
    .catch((err) => clear(tableBox, errorBox(err)));
  await Promise.all([mapLoad, timelineLoad, typesLoad, tableLoad]);
}
