// What a merge or split just did, shown at the top of the event page it leads to, with a link to
// every event involved (a split leaves two; a merge leaves one and the id of the one removed).

import { h } from './dom.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The notice for `change` (as app.js keeps it between renders), or null for an unknown kind. */
export function changeNotice(change, eventHref) {
  const link = (id, cls) => h('a', { href: eventHref(id), class: cls, 'data-event-id': id }, id);
  if (change.action === 'merge') {
    return h('section', { class: 'change-notice', id: 'change-notice', role: 'status', 'data-action': 'merge' },
      h('strong', {}, 'Merged. '),
      'Event ', link(change.absorbed, 'absorbed'), ' was folded into ', link(change.survivor, 'survivor'),
      `, which now has ${plural(change.sourceCount, 'source article')}. The audit trail records the merge.`);
  }
  if (change.action === 'split') {
    return h('section', { class: 'change-notice', id: 'change-notice', role: 'status', 'data-action': 'split' },
      h('strong', {}, 'Split into two events. '),
      h('ul', {},
        h('li', {}, link(change.original, 'original'), ` keeps ${plural(change.kept.length, 'source')}: ${change.kept.join(', ')}`),
        h('li', {}, link(change.created, 'created'), ` (new) has ${plural(change.moved.length, 'source')}: ${change.moved.join(', ')}`)));
  }
  return null;
}

/** For an id that no longer exists: where its audit trail says it went, or null. */
export function mergedAway(trail, eventHref) {
  const items = (trail && trail.items) || [];
  const merge = [...items].reverse().find((item) => item.action === 'merge' && item.after && item.after.merged_into);
  if (!merge) return null;
  const into = String(merge.after.merged_into);
  return h('p', { id: 'merged-into' }, 'It was merged into ', h('a', { href: eventHref(into) }, into),
    merge.reviewer ? ` by ${merge.reviewer}` : '', merge.created_at ? ` (${String(merge.created_at).slice(0, 10)})` : '', '.');
}
