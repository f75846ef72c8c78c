// "Split…": when one event wrongly holds reports of two incidents, tick the source articles that
// belong elsewhere; the API moves their reports to a new event, recomputed from those reports
// alone, and recomputes this one from what is left. At least one source must stay.

import { h } from './dom.js';
import { api } from './api.js';
import { signoffFields } from './signoff.js';

/**
 * The dialog for `event` (full, with `sources`); `open()` shows it. `onSplit({original, created,
 * moved, kept})` runs after the server split, with the new event as the server returned it.
 */
export function splitDialog(event, sources, { onSplit }) {
  const boxes = sources.map((src, i) => h('input', {
    type: 'checkbox', name: 'article_id', value: src.article_id, id: `split-article-${i}`,
  }));
  const list = h('ul', { class: 'split-sources', id: 'split-sources' }, sources.map((src, i) => h('li', {},
    h('label', { for: boxes[i].id, 'data-article-id': src.article_id }, boxes[i],
      h('span', { dir: 'auto', class: 'split-title' }, src.title || src.article_id),
      h('small', { class: 'muted' }, ` ${[src.source, src.published, `article ${src.article_id}`].filter(Boolean).join(' · ')}`)))));
  const signoff = signoffFields('split', 'why these reports are another incident (kept in the audit trail)');
  // A refusal about the ticks is stale once the ticks change.
  for (const box of boxes) box.addEventListener('change', () => signoff.say(''));
  const confirm = h('button', { type: 'submit', id: 'split-confirm' }, 'Move the ticked sources to a new event');
  const cancel = h('button', { type: 'button', id: 'split-cancel' }, 'Cancel');
  const form = h('form', { class: 'split-form', id: 'split-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, 'Sources to move'), list),
    signoff.nodes, h('div', { class: 'form-actions' }, confirm, cancel), signoff.status);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const moved = boxes.filter((box) => box.checked).map((box) => box.value);
    const kept = boxes.filter((box) => !box.checked).map((box) => box.value);
    if (!moved.length) {
      signoff.say('Tick the sources that report another incident.', 'error');
      return;
    }
    if (!kept.length) {
      signoff.say('Leave at least one source with this event: untick one.', 'error');
      return;
    }
    const who = signoff.collect();
    if (!who) return;
    const created = await signoff.send(confirm, 'Splitting…', 'Split.',
      () => api.split(event.event_id, { article_ids: moved, ...who }));
    if (!created) return;
    dialog.close();
    onSplit({ original: event.event_id, created: created.event_id, moved, kept, event: created });
  });

  const dialog = h('dialog', { class: 'split-dialog', id: 'split-dialog', 'aria-labelledby': 'split-title' },
    h('header', { class: 'dialog-head' },
      h('h2', { id: 'split-title' }, 'Split this event'),
      h('p', { class: 'muted' }, 'The ticked articles\' reports move to a new event, coded from those reports alone; ' +
        'this event is recomputed from the rest and keeps its own corrections.')),
    form);
  cancel.addEventListener('click', () => dialog.close());
  return { dialog, open: () => { if (!dialog.open) dialog.showModal(); } };
}
