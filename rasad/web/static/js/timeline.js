// The timeline: weekly event counts from /api/stats?by=week as an SVG bar chart. Weeks with no
// events are drawn as gaps (zero bars) so the time axis stays honest. Clicking a bar filters the
// events to that week.

import { h, put, s, clear } from './dom.js';

const WIDTH = 480;
const HEIGHT = 180;
const MARGIN = { top: 10, right: 10, bottom: 28, left: 34 };
const MAX_WEEKS = 520; // beyond ten years of weekly bars, draw only the weeks that have events
const DAY_MS = 86400000;

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** The Monday of a week key: `YYYY-MM-DD` (any day of that week) or ISO `YYYY-Www`. */
export function weekStart(key) {
  const text = String(key || '');
  let m = /^(\d{4})-W(\d{1,2})$/.exec(text);
  if (m) {
    const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
    const mondayWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
    return new Date(mondayWeek1 + (Number(m[2]) - 1) * 7 * DAY_MS);
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (m) {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (Number.isNaN(day.getTime())) return null;
    return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY_MS);
  }
  return null;
}

/** Bars in time order, with empty weeks filled in when every key is a date. */
export function weeklyBars(items) {
  const parsed = (items || []).filter((item) => item.key !== null && item.key !== undefined && item.key !== '')
    .map((item) => ({ ...item, start: weekStart(item.key) }));
  if (!parsed.length || parsed.some((item) => !item.start)) {
    return parsed.sort((a, b) => String(a.key).localeCompare(String(b.key)));
  }
  const byWeek = new Map();
  for (const item of parsed) {
    const k = isoDate(item.start);
    const prev = byWeek.get(k) || { count: 0, fatalities: 0 };
    byWeek.set(k, { count: prev.count + (Number(item.count) || 0), fatalities: prev.fatalities + (Number(item.fatalities) || 0) });
  }
  const times = [...byWeek.keys()].map((k) => Date.parse(k)).sort((a, b) => a - b);
  const first = times[0];
  const last = times[times.length - 1];
  const weeks = Math.round((last - first) / (7 * DAY_MS)) + 1;
  const keys = weeks <= MAX_WEEKS
    ? Array.from({ length: weeks }, (_, i) => isoDate(new Date(first + i * 7 * DAY_MS)))
    : times.map((t) => isoDate(new Date(t)));
  return keys.map((k) => ({ key: k, start: new Date(Date.parse(k)), ...(byWeek.get(k) || { count: 0, fatalities: 0 }) }));
}

export function renderTimeline(container, { items, onSelectWeek }) {
  clear(container);
  const bars = weeklyBars(items);
  const undated = (items || []).filter((item) => item.key === null || item.key === undefined || item.key === '')
    .reduce((sum, item) => sum + (Number(item.count) || 0), 0);
  const undatedNote = undated
    ? h('p', { class: 'muted timeline-note', id: 'timeline-undated' },
      `${undated} event${undated === 1 ? '' : 's'} without a date (not on the timeline)`)
    : null;
  if (!bars.length) {
    put(container, h('p', { class: 'muted' }, 'No dated events match the filters.'), undatedNote);
    return;
  }
  const maxCount = Math.max(1, ...bars.map((b) => b.count));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotW / bars.length;
  const barW = Math.max(1, step * 0.8);
  const g = s('g', { transform: `translate(${MARGIN.left},${MARGIN.top})` });
  // Axis: zero line, max count, and a few week labels.
  g.append(
    s('line', { class: 'axis', x1: 0, x2: plotW, y1: plotH, y2: plotH }),
    s('text', { class: 'axis-label', x: -6, y: plotH, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'axis-label', x: -6, y: 8, 'text-anchor': 'end' }, String(maxCount)),
  );
  const labelEvery = Math.max(1, Math.ceil(bars.length / 4));
  bars.forEach((bar, i) => {
    const x = i * step + (step - barW) / 2;
    const hgt = (bar.count / maxCount) * plotH;
    const label = bar.start ? `week of ${isoDate(bar.start)}` : String(bar.key);
    const title = `${label}: ${bar.count} event${bar.count === 1 ? '' : 's'}, ${bar.fatalities} killed`;
    const rect = s('rect', {
      class: bar.count ? 'bar' : 'bar empty',
      x: x.toFixed(1), y: (plotH - hgt).toFixed(1), width: barW.toFixed(1), height: Math.max(hgt, 0.5).toFixed(1),
      'data-week': bar.start ? isoDate(bar.start) : String(bar.key),
      'data-count': bar.count,
    }, s('title', {}, title));
    if (bar.count && bar.start && onSelectWeek) {
      rect.setAttribute('tabindex', '0');
      rect.setAttribute('role', 'button');
      rect.setAttribute('aria-label', title);
      const select = () => onSelectWeek(isoDate(bar.start), isoDate(new Date(bar.start.getTime() + 6 * DAY_MS)));
      rect.addEventListener('click', select);
      rect.addEventListener('keydown', (e) => { if (e.key === 'Enter') select(); });
    }
    g.append(rect);
    if (i % labelEvery === 0) {
      g.append(s('text', { class: 'axis-label', x: (i * step + step / 2).toFixed(1), y: plotH + 16, 'text-anchor': 'middle' },
        bar.start ? isoDate(bar.start) : String(bar.key)));
    }
  });
  put(container, s('svg', {
    class: 'timeline-svg', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `Weekly event counts, ${bars.length} weeks`,
  }, g), undatedNote);
}
