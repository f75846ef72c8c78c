// "Merge with…": pick the other event (by id, or from the events of the same week and
// governorate), see both side by side, then merge. The API folds the later event into the first:
// the survivor keeps every source of both and its own corrections; the other event is removed and
// only its audit trail remains.

import { h, clear, fmtValue } from './dom.js';
import { api } from './api.js';
import { signoffFields } from './signoff.js';

const CANDIDATE_LIMIT = 20;

// The fields an analyst compares to decide whether two reports are one incident.
const COMPARED = [
  ['event_date', 'Date'], ['event_type', 'Event type'], ['sub_event_type', 'Sub-event type'],
  ['actor1', 'Actor 1'], ['actor2', 'Actor 2'], ['location', 'Location'], ['location_ar', 'Location (Arabic)'],
  ['admin1', 'Governorate'], ['admin2', 'District'], ['latitude', 'Latitude'], ['longitude', 'Longitude'],
  ['fatalities', 'Fatalities'], ['injuries', 'Injuries'], ['weapons', 'Weapons'],
  ['civilian_targeting', 'Civilians targeted'], ['confidence', 'Confidence'], ['review_state', 'Review state'],
];

/** Monday..Sunday (ISO week, as the timeline counts) around a `YYYY-MM-DD` date, or null. */
export function weekAround(dateText) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(dateText || ''));
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Date.UTC rolls a month 13 or a day 45 over into the next year or month: refuse, not guess.
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== m[0]) return null;
  const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86400000);
  const sunday = new Date(monday.getTime() + 6 * 86400000);
  const iso = (d) => d.toISOString().slice(0, 10);
  return { start: iso(monday), end: iso(sunday) };
}

function sourceTitles(event) {
  const sources = Array.isArray(event.sources) && event.sources.length
    ? event.sources : (event.article_ids || []).map((id) => ({ article_id: id }));
  return h('ul', { class: 'compare-sources' }, sources.map((src) => h('li', { dir: 'auto', 'data-article-id': src.article_id },
    [src.title || src.article_id, src.source, src.published].filter(Boolean).join(' · '))));
}

function comparison(current, other, eventHref) {
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const cell = (event, key) => h('td', { dir: 'auto' }, fmtValue(event[key]));
  return h('table', { class: 'compare', id: 'merge-compare-table' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'field'),
      h('th', { scope: 'col', 'data-side': 'current' }, 'this event ', h('a', { href: eventHref(current.event_id) }, current.event_id)),
      h('th', { scope: 'col', 'data-side': 'other' }, 'other event ', h('a', { href: eventHref(other.event_id) }, other.event_id)))),
    h('tbody', {},
      COMPARED.map(([key, label]) => h('tr', { 'data-field': key, class: same(current[key], other[key]) ? null : 'differs' },
        h('th', { scope: 'row' }, label), cell(current, key), cell(other, key))),
      h('tr', { 'data-field': 'sources' },
        h('th', { scope: 'row' }, 'Sources'), h('td', {}, sourceTitles(current)), h('td', {}, sourceTitles(other)))));
}

function candidateLabel(event) {
  return [event.event_date || 'undated', event.event_type, event.location, `${fmtValue(event.fatalities)} killed`,
    `${event.source_count ?? (event.article_ids || []).length} source(s)`].filter(Boolean).join(' · ');
}

/**
 * The dialog for `current` (the full event); `open()` shows it. `onMerged({survivor, absorbed,
 * event})` runs after the server merged, with the surviving event as the server returned it.
 */
export function mergeDialog(current, { eventHref, onMerged }) {
  let other = null;
  const idInput = h('input', { id: 'merge-id', name: 'event_id', placeholder: 'event id', autocomplete: 'off', required: true });
  const pickStatus = h('p', { class: 'form-status', id: 'merge-pick-status', role: 'status', 'aria-live': 'polite' });
  const candidatesBox = h('section', { class: 'candidates', id: 'merge-candidates', 'aria-label': 'candidate events' });
  const compareBox = h('section', { class: 'compare-box', id: 'merge-compare', 'aria-label': 'both events side by side' },
    h('p', { class: 'muted' }, 'Pick an event to see both side by side.'));
  const signoff = signoffFields('merge', 'why they are one incident (kept in the audit trail)');
  const confirm = h('button', { type: 'submit', id: 'merge-confirm', disabled: true }, 'Merge the two events');
  const cancel = h('button', { type: 'button', id: 'merge-cancel' }, 'Cancel');
  const keepCurrent = h('input', { type: 'radio', name: 'survivor', value: 'current', id: 'merge-keep-current', checked: true });
  const keepOther = h('input', { type: 'radio', name: 'survivor', value: 'other', id: 'merge-keep-other' });
  const otherName = h('span', {}, ' the other event');
  const survivorChoice = h('fieldset', { class: 'survivor', id: 'merge-survivor' },
    h('legend', {}, 'Keep the id and the corrections of'),
    h('label', { for: keepCurrent.id }, keepCurrent, ` this event (${current.event_id})`),
    h('label', { for: keepOther.id }, keepOther, otherName));
  const sayPick = (text, kind) => { pickStatus.textContent = text; pickStatus.className = `form-status ${kind || ''}`; };

  async function show(eventId) {
    const id = String(eventId || '').trim();
    if (!id) {
      sayPick('Type the id of the other event, or pick one from the list.', 'error');
      return;
    }
    if (id === current.event_id) {
      sayPick('That is this event: pick another one.', 'error');
      return;
    }
    sayPick('Loading…');
    try {
      other = await api.event(id);
    } catch (err) {
      other = null;
      confirm.disabled = true;
      clear(compareBox, h('p', { class: 'muted' }, 'Pick an event to see both side by side.'));
      sayPick(`Event ${id}: ${err.message}`, 'error');
      return;
    }
    sayPick('');
    idInput.value = other.event_id;
    otherName.textContent = ` the other event (${other.event_id})`;
    for (const button of candidatesBox.querySelectorAll('button.candidate')) {
      button.setAttribute('aria-pressed', String(button.dataset.eventId === other.event_id));
    }
    clear(compareBox, comparison(current, other, eventHref),
      h('p', { class: 'muted' }, 'Rows that differ are marked. After merging, the event is recomputed from all the sources; ' +
        'corrections made on the event that is not kept are not carried over.'));
    confirm.disabled = false;
  }

  async function loadCandidates() {
    const week = weekAround(current.event_date);
    if (!week) {
      clear(candidatesBox, h('p', { class: 'muted' }, 'This event has no date, so there is no week to search: type the other event\'s id.'));
      return;
    }
    const scope = current.admin1 ? `${week.start} to ${week.end} in ${current.admin1}` : `${week.start} to ${week.end} (this event has no governorate)`;
    clear(candidatesBox, h('h3', {}, `Events of the same week: ${scope}`), h('p', { class: 'muted' }, 'Loading…'));
    let page;
    try {
      page = await api.events({ ...week, admin1: current.admin1 || undefined, page_size: CANDIDATE_LIMIT + 1, sort: 'event_date' });
    } catch (err) {
      clear(candidatesBox, h('h3', {}, `Events of the same week: ${scope}`), h('p', { class: 'error' }, `Could not load them: ${err.message}`));
      return;
    }
    const items = (page.items || []).filter((e) => e.event_id !== current.event_id).slice(0, CANDIDATE_LIMIT);
    const more = (page.total || 0) - 1 > items.length;
    clear(candidatesBox,
      h('h3', {}, `Events of the same week: ${scope}`),
      items.length
        ? h('ul', { class: 'candidate-list' }, items.map((e) => h('li', {},
          h('button', { type: 'button', class: 'candidate', 'data-event-id': e.event_id, 'aria-pressed': 'false', onclick: () => show(e.event_id) },
            h('span', { dir: 'auto' }, candidateLabel(e)), h('small', { class: 'muted' }, ` ${e.event_id}`)))))
        : h('p', { class: 'muted', id: 'merge-no-candidates' }, 'No other event in that week and governorate: type an id.'),
      more ? h('p', { class: 'muted' }, `Showing the first ${items.length}; type an id for the others.`) : null);
  }

  const pickForm = h('form', { class: 'merge-pick', id: 'merge-pick', novalidate: true },
    h('label', { class: 'field', for: idInput.id }, h('span', {}, 'Other event id'), idInput),
    h('button', { type: 'submit', id: 'merge-show' }, 'Compare'), pickStatus);
  pickForm.addEventListener('submit', (e) => { e.preventDefault(); show(idInput.value); });

  const mergeForm = h('form', { class: 'merge-form', id: 'merge-form', novalidate: true },
    survivorChoice, signoff.nodes, h('div', { class: 'form-actions' }, confirm, cancel), signoff.status);
  mergeForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!other) {
      signoff.say('Pick the event to merge with first.', 'error');
      return;
    }
    const who = signoff.collect();
    if (!who) return;
    const [survivor, absorbed] = keepOther.checked ? [other.event_id, current.event_id] : [current.event_id, other.event_id];
    const merged = await signoff.send(confirm, 'Merging…', 'Merged.',
      () => api.merge({ event_ids: [survivor, absorbed], ...who }));
    if (!merged) return;
    dialog.close();
    onMerged({ survivor: merged.event_id || survivor, absorbed, event: merged });
  });

  const dialog = h('dialog', { class: 'merge-dialog', id: 'merge-dialog', 'aria-labelledby': 'merge-title' },
    h('header', { class: 'dialog-head' },
      h('h2', { id: 'merge-title' }, 'Merge with another event'),
      h('p', { class: 'muted' }, 'Two records of one incident become one event with the sources of both.')),
    h('div', { class: 'merge-grid' }, h('div', { class: 'merge-choose' }, pickForm, candidatesBox, mergeForm), compareBox));
  cancel.addEventListener('click', () => dialog.close());

  let loaded = false;
  return {
    dialog,
    open() {
      if (!dialog.open) dialog.showModal();
      if (!loaded) {
        loaded = true;
        loadCandidates();
      }
    },
  };
}
