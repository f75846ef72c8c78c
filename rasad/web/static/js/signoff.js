// What every change to the store asks for besides the change itself: who makes it, why, a line
// for the server's answer, and the token. Shared by the merge and split dialogs so a refusal reads
// the same everywhere.

import { h } from './dom.js';
import { getToken } from './api.js';

// The review form keeps the reviewer's name under this key too: typed once per tab.
export const REVIEWER_KEY = 'rasad.reviewer';

/** Reviewer and comment inputs plus a status line; ids are prefixed with `prefix`. */
export function signoffFields(prefix, commentHint) {
  const reviewer = h('input', {
    id: `${prefix}-reviewer`, name: 'reviewer', required: true, maxlength: 200, dir: 'auto',
    value: sessionStorage.getItem(REVIEWER_KEY) || '',
  });
  const comment = h('textarea', {
    id: `${prefix}-comment`, name: 'comment', rows: 2, maxlength: 5000, dir: 'auto', placeholder: commentHint,
  });
  const status = h('p', { class: 'form-status', id: `${prefix}-status`, role: 'status', 'aria-live': 'polite' });
  const say = (text, kind) => {
    status.textContent = text;
    status.className = `form-status ${kind || ''}`;
  };
  const nodes = [
    h('label', { class: 'field', for: reviewer.id }, h('span', {}, 'Reviewer'), reviewer),
    h('label', { class: 'field', for: comment.id }, h('span', {}, 'Comment'), comment),
  ];
  return {
    nodes,
    status,
    say,
    /** The reviewer and comment to send, or null (with the reason said) when the change cannot go. */
    collect() {
      const name = reviewer.value.trim();
      if (!name) {
        say('Enter your name as reviewer: it goes into the audit trail.', 'error');
        reviewer.focus();
        return null;
      }
      if (!getToken()) {
        // The dialogs are modal, so the token box cannot be reached from here.
        say('No review token: close this dialog, enter the token at the top of the page, then try again.', 'error');
        return null;
      }
      sessionStorage.setItem(REVIEWER_KEY, name);
      return { reviewer: name, comment: comment.value.trim() || null };
    },
    /** Runs `request` with `button` disabled, saying `working` then `done`; the server's answer,
     * or null (with its refusal said and the button enabled again) when it failed. */
    async send(button, working, done, request) {
      button.disabled = true;
      say(working);
      try {
        const answer = await request();
        say(done, 'ok');
        return answer;
      } catch (err) {
        say(err.message, 'error');
        button.disabled = false;
        return null;
      }
    },
  };
}
