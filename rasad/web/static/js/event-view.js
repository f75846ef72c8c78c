// One event: its coded fields, every source article with the evidence highlighted in place, the
// review form, merge and split, and the audit trail. Clicking a field that has evidence scrolls
// to it.

import { h, put, clear, fmtValue, safeHref } from './dom.js';
import { api } from './api.js';
import { eventTypeColor, fieldColor } from './colors.js';
import { renderHighlightedText, highlightLegend } from './highlight.js';
import { renderReviewForm } from './review-form.js';
import { renderAudit } from './audit.js';
import { mergeDialog } from './merge-dialog.js';
import { splitDialog } from './split-dialog.js';
import { changeNotice, mergedAway } from './change-notice.js';

const FIELD_ORDER = [
  'event_date', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'actor2',
  'assoc_actor_1', 'assoc_actor_2', 'inter1', 'inter2', 'interaction', 'civilian_targeting',
  'location', 'location_ar', 'admin1', 'admin2', 'admin3', 'country', 'iso', 'latitude', 'longitude',
  'geo_precision', 'place_id', 'fatalities', 'injuries', 'weapons', 'notes', 'confidence',
  'language', 'source', 'source_url', 'article_ids', 'event_id',
];
const ARABIC_FIELDS = new Set(['location_ar']);

// The evidence of one article: the source's own map if the API gives it, else the event's
// evidence filtered to that article.
function evidenceFor(event, source) {
  if (source.evidence && typeof source.evidence === 'object') return source.evidence;
  const out = {};
  for (const [field, items] of Object.entries(event.evidence || {})) {
    const mine = (items || []).filter((item) => !item.article_id || item.article_id === source.article_id);
    if (mine.length) out[field] = mine;
  }
  return out;
}

function sourcesOf(event) {
  if (Array.isArray(event.sources) && event.sources.length) return event.sources;
  return (event.article_ids || []).map((id) => ({ article_id: id }));
}

export function showEvidence(field, root = document) {
  const marks = [...root.querySelectorAll(`mark.ev[data-fields~="${CSS.escape(field)}"]`)];
  if (!marks.length) return false;
  for (const mark of root.querySelectorAll('mark.ev.pulse')) mark.classList.remove('pulse');
  marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
  for (const mark of marks) mark.classList.add('pulse');
  window.setTimeout(() => marks.forEach((mark) => mark.classList.remove('pulse')), 2000);
  return true;
}

function fieldsPanel(event, fieldsWithEvidence) {
  const keys = FIELD_ORDER.filter((k) => k in event).concat(
    Object.keys(event).filter((k) => !FIELD_ORDER.includes(k) && !['evidence', 'sources', 'review_state', 'source_count'].includes(k)));
  return h('dl', { class: 'fields', id: 'event-fields' }, keys.map((key) => {
    const hasEvidence = fieldsWithEvidence.has(key);
    let label = key;
    if (hasEvidence) {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.setProperty('--ev-color', fieldColor(key));
      label = h('button', {
        type: 'button', class: 'field-ev', 'data-field': key, title: 'show the evidence in the article',
        onclick: () => showEvidence(key),
      }, swatch, key);
    }
    const ddAttrs = { 'data-field': key };
    if (ARABIC_FIELDS.has(key) || typeof event[key] === 'string') ddAttrs.dir = 'auto';
    return [h('dt', {}, label), h('dd', ddAttrs, fmtValue(event[key]))];
  }));
}

async function sourcePanel(event, source) {
  const panel = h('article', { class: 'source', 'data-article-id': source.article_id });
  let article;
  try {
    article = await api.article(source.article_id);
  } catch (err) {
    panel.append(h('p', { class: 'error' }, `Article ${source.article_id} could not be loaded: ${err.message}`));
    return { panel, fields: [] };
  }
  const evidence = evidenceFor(event, source);
  const { element, problems } = renderHighlightedText(article.text || '', evidence);
  element.id = `article-${source.article_id}`;
  const href = safeHref(article.url || source.url);
  const title = article.title || source.title || article.id;
  const fields = Object.keys(evidence).filter((f) => (evidence[f] || []).length);
  put(panel,
    h('header', {},
      h('h3', { dir: 'auto' }, href ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, title) : title),
      h('p', { class: 'muted' },
        [article.source || source.source, article.published || source.published, article.language, `article ${article.id}`]
          .filter(Boolean).join(' · '))),
    fields.length ? highlightLegend(fields) : h('p', { class: 'muted' }, 'No evidence spans recorded for this article.'),
    problems.length ? h('ul', { class: 'warning' }, problems.map((p) => h('li', {}, p))) : null,
    element);
  return { panel, fields };
}

// Merge and split, each behind a button that opens its dialog. Split needs two sources or more.
function restructurePanel(event, sources, { eventHref, onChanged }) {
  const merge = mergeDialog(event, {
    eventHref,
    onMerged: ({ survivor, absorbed, event: merged }) => onChanged({
      goTo: survivor,
      notice: { action: 'merge', survivor, absorbed, sourceCount: sourcesOf(merged).length },
    }),
  });
  const split = sources.length > 1 ? splitDialog(event, sources, {
    onSplit: ({ original, created, moved, kept }) => onChanged({
      goTo: original,
      notice: { action: 'split', original, created, moved, kept },
    }),
  }) : null;
  return h('section', { class: 'panel', id: 'restructure', 'aria-label': 'merge or split' },
    h('h2', {}, 'Merge or split'),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', id: 'merge-open', onclick: () => merge.open() }, 'Merge with…'),
      split ? h('button', { type: 'button', id: 'split-open', onclick: () => split.open() }, 'Split…') : null),
    h('p', { class: 'muted' }, split
      ? 'Merge when another event records the same incident; split when some sources report a different one.'
      : 'Merge when another event records the same incident. (Split needs two or more source articles.)'),
    merge.dialog, split ? split.dialog : null);
}

async function notFound(eventId, err, eventHref) {
  let whereNow = null;
  if (err.status === 404) {
    try {
      whereNow = mergedAway(await api.reviews(eventId), eventHref);
    } catch {
      // no audit trail either: the id never existed
    }
  }
  return [
    h('p', { class: 'error', role: 'alert' }, `Event ${eventId}: ${err.message}`),
    whereNow,
    h('p', {}, h('a', { href: '#/' }, '← all events')),
  ];
}

export async function renderEventView(view, {
  eventId, meta, onReviewed, onChanged = () => {}, eventHref = (id) => `#/event/${encodeURIComponent(id)}`,
  notice = null, isCurrent = () => true,
}) {
  clear(view, h('p', { class: 'muted' }, 'Loading event…'));
  let event;
  try {
    event = await api.event(eventId);
  } catch (err) {
    const message = await notFound(eventId, err, eventHref);
    if (!isCurrent()) return;
    clear(view, message);
    return;
  }
  const swatch = h('span', { class: 'swatch round big' });
  swatch.style.setProperty('--swatch', eventTypeColor(event.event_type));
  const state = event.review_state || 'unreviewed';
  const where = [event.location, event.admin1].filter(Boolean).join(', ');
  const metaParts = [
    event.event_date || 'undated', where,
    event.location_ar ? h('bdi', { class: 'ar', lang: 'ar' }, event.location_ar) : null,
    `${fmtValue(event.fatalities)} killed`,
  ].filter(Boolean);

  const sourcesBox = h('section', { class: 'panel sources', id: 'sources', 'aria-label': 'source articles' });
  const auditBox = h('section', { class: 'panel audit-panel', id: 'audit', 'aria-label': 'audit trail' },
    h('h2', {}, 'Audit trail'), h('p', { class: 'muted' }, 'Loading…'));
  const evidenceFields = new Set();
  const results = await Promise.all(sourcesOf(event).map((source) => sourcePanel(event, source)));
  for (const { panel, fields } of results) {
    sourcesBox.append(panel);
    fields.forEach((f) => evidenceFields.add(f));
  }
  if (!isCurrent()) return; // the reader navigated away while the articles loaded
  if (!results.length) sourcesBox.append(h('p', { class: 'muted' }, 'This event has no source article.'));

  clear(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/', id: 'back-to-list' }, '← all events')),
    notice ? changeNotice(notice, eventHref) : null,
    h('header', { class: 'event-head' },
      h('h1', { id: 'event-title' }, swatch, fmtValue(event.event_type), h('small', {}, ` ${fmtValue(event.sub_event_type)}`)),
      h('p', { class: 'event-meta' },
        h('span', { class: `state state-${state}`, id: 'event-state' }, state),
        ' ', metaParts.flatMap((part, i) => (i ? [' · ', part] : [part]))),
      event.notes ? h('p', { class: 'notes', dir: 'auto' }, event.notes) : null),
    h('div', { class: 'event-layout' },
      sourcesBox,
      h('aside', { class: 'event-side' },
        h('section', { class: 'panel', 'aria-label': 'coded fields' }, h('h2', {}, 'Coded fields'), fieldsPanel(event, evidenceFields)),
        h('section', { class: 'panel', 'aria-label': 'review' }, h('h2', {}, 'Review'),
          renderReviewForm(event, meta, (action) => onReviewed(action))),
        restructurePanel(event, sourcesOf(event), { eventHref, onChanged }),
        auditBox)),
  );
  try {
    const trail = await api.reviews(eventId);
    auditBox.replaceChildren(h('h2', {}, 'Audit trail'), renderAudit(trail));
  } catch (err) {
    auditBox.replaceChildren(h('h2', {}, 'Audit trail'), h('p', { class: 'error' }, err.message));
  }
}
