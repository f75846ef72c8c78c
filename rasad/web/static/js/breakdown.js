// Counts per event type (from /api/stats?by=event_type) as horizontal bars in the type colours,
// a quick read of what the filtered set is made of; clicking a type filters to it.

import { h } from './dom.js';
import { eventTypeColor } from './colors.js';

export function renderTypeBreakdown(result, onSelectType) {
  const items = [...((result && result.items) || [])].sort((a, b) => (b.count || 0) - (a.count || 0));
  if (!items.length) return h('p', { class: 'muted' }, 'No events.');
  const max = Math.max(1, ...items.map((item) => Number(item.count) || 0));
  return h('ul', { class: 'breakdown', id: 'type-breakdown' }, items.map((item) => {
    const bar = h('span', { class: 'breakdown-bar' });
    bar.style.setProperty('--share', String((Number(item.count) || 0) / max));
    bar.style.setProperty('--swatch', eventTypeColor(item.key));
    const label = item.key || 'unknown type';
    return h('li', {},
      h('button', { type: 'button', class: 'breakdown-label', disabled: !item.key, onclick: () => onSelectType(item.key) }, label),
      bar,
      h('span', { class: 'breakdown-count' }, `${item.count} · ${item.fatalities || 0} killed`));
  }));
}
