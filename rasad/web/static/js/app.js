// Entry point: hash routing (#/?filters for the overview, #/event/<id> for one event), the
// session token box, and the data every view shares (taxonomy from /api/meta, the basemap).

import { h, clear } from './dom.js';
import { api, getToken, setToken } from './api.js';
import { renderEventsView } from './events-view.js';
import { renderEventView } from './event-view.js';

const view = document.getElementById('view');
const flash = document.getElementById('flash');
const shared = { meta: null, basemap: null };
// Each navigation renders anew; a slower earlier render must not mark the page ready (data-ready,
// which the browser tests wait on) or overwrite the view after a newer one started.
let generation = 0;
// What the last merge or split did, shown once on the page of the event it leads to.
let pendingNotice = null;

export const eventHref = (id) => `#/event/${encodeURIComponent(id)}`;

function parseRoute() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const match = /^\/event\/(.+)$/.exec(path);
  if (match) {
    let eventId = match[1];
    try {
      eventId = decodeURIComponent(eventId);
    } catch {
      // a hand-typed malformed escape: look the id up as written, the API will say if it is unknown
    }
    return { name: 'event', eventId };
  }
  return { name: 'events', params: Object.fromEntries(new URLSearchParams(query)) };
}

function navigate(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const text = qs.toString();
  window.location.hash = text ? `#/?${text}` : '#/';
}

export function showFlash(message, kind = 'ok') {
  flash.textContent = message;
  flash.className = `flash ${kind}`;
  flash.hidden = false;
  window.clearTimeout(showFlash.timer);
  showFlash.timer = window.setTimeout(() => { flash.hidden = true; }, 6000);
}

async function loadShared() {
  const [meta, basemap] = await Promise.allSettled([api.meta(), api.basemap()]);
  shared.meta = meta.status === 'fulfilled' ? meta.value : { event_types: {}, review_states: [] };
  shared.basemap = basemap.status === 'fulfilled' ? basemap.value : { type: 'FeatureCollection', features: [] };
  if (meta.status === 'rejected') showFlash(`Taxonomy unavailable: ${meta.reason.message}`, 'error');
}

async function route() {
  generation += 1;
  const mine = generation;
  delete view.dataset.ready;
  const current = parseRoute();
  try {
    if (current.name === 'event') {
      document.title = 'rasad — event';
      const notice = pendingNotice && pendingNotice.eventId === current.eventId ? pendingNotice.notice : null;
      pendingNotice = null;
      await renderEventView(view, {
        eventId: current.eventId,
        meta: shared.meta,
        notice,
        eventHref,
        isCurrent: () => mine === generation,
        onReviewed: async (action) => {
          await route();
          showFlash(`Review saved: ${action}.`);
        },
        onChanged: async ({ goTo, notice: next }) => {
          pendingNotice = { eventId: goTo, notice: next };
          // Another event's page comes through hashchange; the same page is rendered again here.
          if (goTo === current.eventId) await route();
          else window.location.hash = eventHref(goTo);
        },
      });
    } else {
      document.title = 'rasad — events';
      await renderEventsView(view, { ...shared, params: current.params, navigate, eventHref });
    }
  } catch (err) {
    clear(view, h('p', { class: 'error', role: 'alert' }, `Something went wrong: ${err.message}`));
  }
  if (mine === generation) view.dataset.ready = current.name;
}

function wireToken() {
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  const state = document.getElementById('token-state');
  const show = () => { state.textContent = getToken() ? 'token kept for this session' : 'no token: reviews are read-only'; };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    input.value = '';
    show();
  });
  document.getElementById('token-clear').addEventListener('click', () => { setToken(''); show(); });
  show();
}

wireToken();
window.addEventListener('hashchange', route);
loadShared().then(route);
