// Evidence highlighting: the article text with every evidence span marked in place.
//
// Offsets come from Python and count Unicode code points; JavaScript strings index UTF-16 code
// units, which differ as soon as the text holds an emoji or another astral character. So the text
// is handled as an array of code points. The article text is only ever placed with text nodes.

import { h } from './dom.js';
import { fieldColor } from './colors.js';

/**
 * Split `text` at every evidence boundary.
 * `evidence` maps field -> [{start, end, text}]. Returns {segments, problems}: segments are
 * {text, fields} in text order (fields sorted from the narrowest span covering the segment);
 * problems describe spans that were skipped because they do not match the text.
 */
export function evidenceSegments(text, evidence) {
  const chars = Array.from(text || '');
  const spans = [];
  const problems = [];
  for (const [field, items] of Object.entries(evidence || {})) {
    for (const item of items || []) {
      const start = Number(item.start);
      const end = Number(item.end);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > chars.length || start >= end) {
        problems.push(`${field}: offsets ${item.start}–${item.end} are outside the article text`);
        continue;
      }
      const quoted = chars.slice(start, end).join('');
      if (typeof item.text === 'string' && item.text !== quoted) {
        problems.push(`${field}: offsets ${start}–${end} do not hold the quoted evidence text`);
        continue;
      }
      spans.push({ field, start, end });
    }
  }
  const cuts = new Set([0, chars.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans
      .filter((span) => span.start <= from && span.end >= to)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    const fields = [...new Set(covering.map((span) => span.field))];
    segments.push({ text: chars.slice(from, to).join(''), fields });
  }
  return { segments, problems };
}

function markFor(pieceText, fields) {
  const mark = h('mark', {
    class: fields.length > 1 ? 'ev ev-multi' : 'ev',
    'data-fields': fields.join(' '),
    title: fields.join(', '),
  }, pieceText);
  mark.style.setProperty('--ev-color', fieldColor(fields[0]));
  if (fields.length > 1) mark.style.setProperty('--ev-color-2', fieldColor(fields[1]));
  return mark;
}

/**
 * The article as paragraphs (one per line, each with dir="auto" so Arabic lines run right to
 * left and English ones left to right), evidence spans as <mark> elements.
 */
export function renderHighlightedText(text, evidence) {
  const { segments, problems } = evidenceSegments(text, evidence);
  const container = h('div', { class: 'article-text', lang: '' });
  let paragraph = h('p', { dir: 'auto' });
  container.append(paragraph);
  for (const segment of segments) {
    const pieces = segment.text.split('\n');
    pieces.forEach((piece, index) => {
      if (index > 0) {
        paragraph = h('p', { dir: 'auto' });
        container.append(paragraph);
      }
      if (!piece) return;
      paragraph.append(segment.fields.length ? markFor(piece, segment.fields) : document.createTextNode(piece));
    });
  }
  return { element: container, problems };
}

export function highlightLegend(fields) {
  return h('ul', { class: 'legend ev-legend' },
    fields.map((field) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.setProperty('--ev-color', fieldColor(field));
      return h('li', { 'data-field': field }, swatch, field);
    }));
}
