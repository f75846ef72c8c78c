// The event map: an SVG drawn here from longitude/latitude with an equirectangular projection
// (x scaled by the cosine of the middle latitude, which is accurate enough at the scale of one
// country), over the offline basemap from /api/basemap. No tiles, nothing from the network.
// Wheel zooms, drag pans; the dots keep their screen size.

import { h, put, s, clear, fmtValue } from './dom.js';
import { EVENT_TYPE_COLORS, UNKNOWN_TYPE_COLOR, eventTypeColor } from './colors.js';

const WIDTH = 900;
// Used only when neither the basemap nor any event has coordinates: the Levant and Iraq.
const FALLBACK_BOUNDS = [34.0, 29.0, 49.0, 38.0];
const MAX_BASEMAP_LABELS = 40;

export function dotRadius(fatalities) {
  const n = Math.max(0, Number(fatalities) || 0);
  return Math.min(26, 5 + 3 * Math.sqrt(n));
}

function eachPosition(geometry, visit) {
  if (!geometry) return;
  const { type, coordinates } = geometry;
  const walk = (coords, depth) => {
    if (depth === 0) visit(coords);
    else for (const c of coords || []) walk(c, depth - 1);
  };
  const depths = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
  if (type === 'GeometryCollection') {
    for (const g of geometry.geometries || []) eachPosition(g, visit);
  } else if (type in depths && coordinates) {
    walk(coordinates, depths[type]);
  }
}

function isLonLat(pos) {
  return Array.isArray(pos) && Number.isFinite(pos[0]) && Number.isFinite(pos[1])
    && Math.abs(pos[0]) <= 180 && Math.abs(pos[1]) <= 90;
}

function boundsOf(features, events) {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (lon, lat) => {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  };
  for (const feature of features) eachPosition(feature.geometry, (p) => isLonLat(p) && grow(p[0], p[1]));
  for (const ev of events) grow(ev.longitude, ev.latitude);
  if (!Number.isFinite(minLon)) return FALLBACK_BOUNDS;
  // A single point (or a line) still needs an area to show.
  const padLon = Math.max(0.5, (maxLon - minLon) * 0.06);
  const padLat = Math.max(0.5, (maxLat - minLat) * 0.06);
  return [minLon - padLon, minLat - padLat, maxLon + padLon, maxLat + padLat];
}

export function makeProjection(bounds) {
  const [minLon, minLat, maxLon, maxLat] = bounds;
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = WIDTH / ((maxLon - minLon) * kx);
  const height = Math.max(200, Math.round((maxLat - minLat) * scale));
  return {
    width: WIDTH,
    height,
    project: (lon, lat) => [(lon - minLon) * kx * scale, (maxLat - lat) * scale],
    unproject: (x, y) => [x / (kx * scale) + minLon, maxLat - y / scale],
  };
}

function pathData(geometry, project) {
  const ring = (coords, close) => coords.filter(isLonLat)
    .map((p, i) => { const [x, y] = project(p[0], p[1]); return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`; })
    .join('') + (close ? 'Z' : '');
  switch (geometry && geometry.type) {
    case 'LineString': return ring(geometry.coordinates, false);
    case 'MultiLineString': return geometry.coordinates.map((c) => ring(c, false)).join('');
    case 'Polygon': return geometry.coordinates.map((c) => ring(c, true)).join('');
    case 'MultiPolygon': return geometry.coordinates.flat(1).map((c) => ring(c, true)).join('');
    default: return '';
  }
}

function featureName(properties) {
  const p = properties || {};
  return p.name || p.name_en || p.label || p.admin1 || '';
}

function polygonLabelPoint(geometry) {
  let [sx, sy, n] = [0, 0, 0];
  eachPosition(geometry, (p) => { if (isLonLat(p)) { sx += p[0]; sy += p[1]; n += 1; } });
  return n ? [sx / n, sy / n] : null;
}

// Governorates (and countries) are always labelled; other places only when there are few.
const MAJOR_KINDS = new Set(['country', 'governorate', 'admin1']);

function drawBasemap(layer, labelLayer, features, project) {
  const labelAll = features.length <= MAX_BASEMAP_LABELS;
  for (const feature of features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const props = feature.properties || {};
    const name = featureName(props);
    const major = MAJOR_KINDS.has(props.kind);
    const labelled = Boolean(name) && (labelAll || major);
    const hint = [name, props.name_ar].filter(Boolean).join(' · ');
    if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
      eachPosition(geometry, (p) => {
        if (!isLonLat(p)) return;
        const [x, y] = project(p[0], p[1]);
        layer.append(s('circle', {
          class: major ? 'base-point major' : 'base-point', cx: x.toFixed(1), cy: y.toFixed(1), r: major ? 3.5 : 2,
        }, hint ? s('title', {}, hint) : null));
        if (labelled) {
          labelLayer.append(s('text', { class: major ? 'base-label major' : 'base-label', x: (x + 5).toFixed(1), y: (y - 5).toFixed(1) }, name));
        }
      });
    } else {
      const d = pathData(geometry, project);
      if (!d) continue;
      const closed = geometry.type.endsWith('Polygon');
      layer.append(s('path', { class: closed ? 'base-area' : 'base-line', d }, hint ? s('title', {}, hint) : null));
      if (labelled && closed) {
        const at = polygonLabelPoint(geometry);
        if (at) {
          const [x, y] = project(at[0], at[1]);
          labelLayer.append(s('text', { class: 'base-label base-label-area', x: x.toFixed(1), y: y.toFixed(1) }, name));
        }
      }
    }
  }
}

function tooltip(ev) {
  const where = [ev.location, ev.admin1].filter(Boolean).join(', ');
  return [
    `${fmtValue(ev.event_date)} — ${fmtValue(ev.event_type)}`,
    ev.sub_event_type ? `(${ev.sub_event_type})` : '',
    where ? `\n${where}` : '',
    `\nfatalities: ${fmtValue(ev.fatalities)}`,
  ].join(' ');
}

function legend() {
  const entries = Object.entries(EVENT_TYPE_COLORS).concat([['unknown type', UNKNOWN_TYPE_COLOR]]);
  const items = entries.map(([label, color]) => {
    const swatch = h('span', { class: 'swatch round' });
    swatch.style.setProperty('--swatch', color);
    return h('li', {}, swatch, label);
  });
  const sizes = [0, 5, 25].map((n) => {
    const r = dotRadius(n);
    return h('li', { class: 'size' },
      s('svg', { width: 2 * r + 2, height: 2 * r + 2, 'aria-hidden': 'true' },
        s('circle', { cx: r + 1, cy: r + 1, r, class: 'size-dot' })),
      `${n} killed`);
  });
  return h('ul', { class: 'legend map-legend' }, items, sizes);
}

/**
 * Draw the map into `container`. `events` are event records; those without coordinates are
 * counted, not drawn. `onSelect(eventId)` is called when a dot is clicked or activated with Enter.
 */
export function renderMap(container, { basemap, events, total, onSelect, onArea }) {
  clear(container);
  const features = (basemap && Array.isArray(basemap.features)) ? basemap.features : [];
  const located = events.filter((ev) => isLonLat([Number(ev.longitude), Number(ev.latitude)])
    && ev.longitude !== null && ev.latitude !== null);
  const { width, height, project, unproject } = makeProjection(boundsOf(features, located.map((ev) => ({
    longitude: Number(ev.longitude), latitude: Number(ev.latitude),
  }))));

  const baseLayer = s('g', { class: 'basemap' });
  const labelLayer = s('g', { class: 'basemap-labels' });
  drawBasemap(baseLayer, labelLayer, features, project);

  const dotLayer = s('g', { class: 'events' });
  // Large dots first so that small ones stay clickable on top of them.
  const ordered = [...located].sort((a, b) => (Number(b.fatalities) || 0) - (Number(a.fatalities) || 0));
  for (const ev of ordered) {
    const [x, y] = project(Number(ev.longitude), Number(ev.latitude));
    const r = dotRadius(ev.fatalities);
    const dot = s('circle', {
      class: 'event-dot',
      cx: x.toFixed(1),
      cy: y.toFixed(1),
      r,
      fill: eventTypeColor(ev.event_type),
      tabindex: 0,
      role: 'link',
      'aria-label': tooltip(ev),
      'data-event-id': ev.event_id,
      'data-r': r,
    }, s('title', {}, tooltip(ev)));
    dot.addEventListener('click', () => onSelect(ev.event_id));
    dot.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(ev.event_id); });
    dotLayer.append(dot);
  }

  const svg = s('svg', {
    class: 'map-svg',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': `Map of ${located.length} events`,
  }, s('rect', { class: 'sea', x: -width, y: -height, width: 3 * width, height: 3 * height }),
  baseLayer, labelLayer, dotLayer);
  enableZoom(svg, width, height, dotLayer);

  const missing = events.length - located.length;
  const notes = [];
  if (total > events.length) notes.push(`the map shows the first ${events.length} of ${total} matching events`);
  if (missing > 0) notes.push(`${missing} event${missing === 1 ? '' : 's'} without coordinates not drawn`);
  if (!features.length) notes.push('no basemap available');
  const reset = h('button', { type: 'button', id: 'map-reset', onclick: () => svg.resetZoom() }, 'Reset view');
  // The visible rectangle as a bbox filter: zoom to an area, then keep only its events.
  const area = onArea ? h('button', {
    type: 'button', id: 'map-area',
    onclick: () => {
      const v = svg.currentView();
      const [minLon, maxLat] = unproject(v.x, v.y);
      const [maxLon, minLat] = unproject(v.x + v.w, v.y + v.h);
      onArea([minLon, minLat, maxLon, maxLat].map((n) => n.toFixed(4)).join(','));
    },
  }, 'Only this area') : null;
  put(container,
    h('div', { class: 'map-frame' }, svg, h('div', { class: 'map-buttons' }, area, reset)),
    legend(),
    notes.length ? h('p', { class: 'muted map-note' }, notes.join('; ')) : null,
  );
}

function enableZoom(svg, width, height, dotLayer) {
  let view = { x: 0, y: 0, w: width, h: height };
  const apply = () => {
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    const k = view.w / width;
    for (const dot of dotLayer.children) dot.setAttribute('r', (Number(dot.dataset.r) * k).toFixed(2));
    svg.style.setProperty('--zoom', String(k));
  };
  const toSvg = (clientX, clientY) => {
    const box = svg.getBoundingClientRect();
    return [view.x + ((clientX - box.left) / box.width) * view.w, view.y + ((clientY - box.top) / box.height) * view.h];
  };
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const factor = e.deltaY < 0 ? 0.8 : 1.25;
    const w = Math.min(width * 2, Math.max(width / 40, view.w * factor));
    const k = w / view.w;
    const [px, py] = toSvg(e.clientX, e.clientY);
    view = { x: px - (px - view.x) * k, y: py - (py - view.y) * k, w, h: view.h * k };
    apply();
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (e) => {
    if (e.target.classList.contains('event-dot')) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...view } };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view = {
      ...drag.view,
      x: drag.view.x - ((e.clientX - drag.x) / box.width) * drag.view.w,
      y: drag.view.y - ((e.clientY - drag.y) / box.height) * drag.view.h,
    };
    apply();
  });
  const stop = () => { drag = null; };
  svg.addEventListener('pointerup', stop);
  svg.addEventListener('pointercancel', stop);
  svg.resetZoom = () => { view = { x: 0, y: 0, w: width, h: height }; apply(); };
  svg.currentView = () => ({ ...view });
}
