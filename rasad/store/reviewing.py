"""Human review of stored events: correct, confirm, reject, merge and split, each recorded in
the audit trail with the event before and after."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload, sessionmaker

from rasad.record import InputError
from rasad.store.corrections import check_changes
from rasad.store.models import EventRow, EventSourceRow, ReviewRow, utcnow
from rasad.store.records import event_summary
from rasad.store.results import NotFoundError

REVIEW_ACTIONS = ("correct", "confirm", "reject")


class ReviewingMixin:
    """Review methods of :class:`rasad.store.Store` (which provides the attributes below)."""

    _sessions: sessionmaker[Session]

    if TYPE_CHECKING:  # provided by Store and ReadingMixin
        def _recompute(self, s: Session, event_row: EventRow) -> None: ...

        def _detail(self, row: EventRow) -> dict[str, Any]: ...

    def reviews_of(self, event_id: str) -> list[dict[str, Any]]:
        with self._sessions() as s:
            if s.get(EventRow, event_id) is None and not s.scalar(sa.select(ReviewRow.id).where(ReviewRow.event_id == event_id).limit(1)):
                raise NotFoundError(f"no event with id {event_id!r}")
            rows = s.scalars(sa.select(ReviewRow).where(ReviewRow.event_id == event_id).order_by(ReviewRow.id)).all()
            return [{
                "id": r.id, "event_id": r.event_id, "action": r.action, "reviewer": r.reviewer, "comment": r.comment,
                "before": r.before, "after": r.after, "created_at": r.created_at.isoformat() + "Z",
            } for r in rows]

    @staticmethod
    def _check_reviewer(reviewer: Any) -> str:
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise InputError("reviewer is required: the name of the person making the change")
        if len(reviewer) > 200:
            raise InputError("reviewer is too long (200 characters at most)")
        return reviewer.strip()

    def _load_event(self, s: Session, event_id: str) -> EventRow:
        row = s.get(EventRow, event_id, options=[selectinload(EventRow.sources).selectinload(EventSourceRow.article)])
        if row is None:
            raise NotFoundError(f"no event with id {event_id!r}")
        return row

    def review(self, event_id: str, action: str, reviewer: str, changes: dict[str, Any] | None = None,
               comment: str | None = None) -> dict[str, Any]:
        """Correct, confirm or reject one event; the audit trail keeps the before and after."""
        if action not in REVIEW_ACTIONS:
            raise InputError(f"action {action!r}: use one of {', '.join(REVIEW_ACTIONS)} (merge and split have their own endpoints)")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            row = self._load_event(s, event_id)
            before = event_summary(row)
            if action == "correct":
                checked = check_changes(changes, before)
                row.overrides = {**(row.overrides or {}), **checked}
                self._recompute(s, row)
                if not row.sources:  # a kept event without sources: apply corrections directly
                    for name, value in checked.items():
                        setattr(row, name, value)
                row.review_state = "corrected"
            elif changes:
                raise InputError(f"'{action}' takes no changes: use action 'correct' to change fields")
            else:
                row.review_state = "confirmed" if action == "confirm" else "rejected"
            row.updated_at = utcnow()
            s.flush()
            after = event_summary(row)
            s.add(ReviewRow(event_id=row.id, action=action, reviewer=reviewer, comment=comment,
                            before=before, after=after, created_at=utcnow()))
            s.flush()
            return self._detail(row)

    def merge(self, event_ids: list[str], reviewer: str, comment: str | None = None) -> dict[str, Any]:
        """Fold the later events into the first: it keeps every source and its own corrections."""
        if not isinstance(event_ids, list) or len(event_ids) < 2 or not all(isinstance(e, str) for e in event_ids):
            raise InputError("merge needs 'event_ids': a list of at least two event ids")
        if len(set(event_ids)) != len(event_ids):
            raise InputError("merge needs distinct event ids")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            rows = [self._load_event(s, e) for e in event_ids]
            survivor, others = rows[0], rows[1:]
            before = event_summary(survivor)
            position = max((src.position for src in survivor.sources), default=-1) + 1
            for other in others:
                other_before = event_summary(other)
                for src in list(other.sources):
                    other.sources.remove(src)
                    survivor.sources.append(EventSourceRow(article_id=src.article_id, position=position,
                                                           extracted=src.extracted, evidence=src.evidence))
                    position += 1
                s.add(ReviewRow(event_id=other.id, action="merge", reviewer=reviewer, comment=comment,
                                before=other_before, after={"merged_into": survivor.id}, created_at=utcnow()))
                s.flush()
                s.delete(other)
            s.flush()
            self._recompute(s, survivor)
            survivor.review_state = "corrected"
            s.flush()
            s.add(ReviewRow(event_id=survivor.id, action="merge", reviewer=reviewer, comment=comment,
                            before=before, after=event_summary(survivor) | {"merged_from": event_ids[1:]}, created_at=utcnow()))
            s.flush()
            return self._detail(survivor)

    def split(self, event_id: str, article_ids: list[str], reviewer: str, comment: str | None = None) -> dict[str, Any]:
        """Move the given articles' reports of an event to a new event; returns the new event."""
        if not isinstance(article_ids, list) or not article_ids or not all(isinstance(a, str) for a in article_ids):
            raise InputError("split needs 'article_ids': a non-empty list of the article ids to move to a new event")
        reviewer = self._check_reviewer(reviewer)
        with self._sessions.begin() as s:
            row = self._load_event(s, event_id)
            present = {src.article_id for src in row.sources}
            missing = sorted(set(article_ids) - present)
            if missing:
                raise InputError(f"event {event_id!r} has no source article(s) {', '.join(missing)}; its articles are {', '.join(sorted(present))}")
            if present <= set(article_ids):
                raise InputError("split must leave at least one article with the original event")
            before = event_summary(row)
            new_row = EventRow(id=self._split_id(s, event_id), created_at=utcnow(), review_state="corrected", overrides={})
            s.add(new_row)
            for position, src in enumerate([x for x in row.sources if x.article_id in article_ids]):
                row.sources.remove(src)
                new_row.sources.append(EventSourceRow(article_id=src.article_id, position=position,
                                                      extracted=src.extracted, evidence=src.evidence))
            s.flush()
            self._recompute(s, row)
            self._recompute(s, new_row)
            row.review_state = "corrected"
            s.flush()
            s.add(ReviewRow(event_id=row.id, action="split", reviewer=reviewer, comment=comment, before=before,
                            after=event_summary(row) | {"split_into": new_row.id}, created_at=utcnow()))
            s.add(ReviewRow(event_id=new_row.id, action="split", reviewer=reviewer, comment=comment,
                            before={"split_from": row.id}, after=event_summary(new_row), created_at=utcnow()))
            s.flush()
            new_row = self._load_event(s, new_row.id)
            return self._detail(new_row)

    def _split_id(self, s: Session, event_id: str) -> str:
        n = 1
        while s.get(EventRow, f"{event_id}-s{n}") is not None:
            n += 1
        return f"{event_id}-s{n}"
