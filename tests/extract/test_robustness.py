"""Hostile and random text never crashes extraction, and evidence always indexes the raw text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.extract import extract_article
from rasad.record import EVENT_KEYS, Article

WORDS = ["هاجم", "عناصر", "داعش", "حاجزاً", "لـ”قسد”", "في", "بلدة", "ذيبان", "أمس", "مقتل", "ثلاثة", "،", ".",
         "قصفت", "قوات", "النظام", "قرية", "كنصفرة", "IS", "attacked", "killing", "2", "on", "Tuesday", "\u200f",
         "ـــ", "ً", "<script>alert(1)</script>", "\x00", "؟", "\n", "١٢", "عدد من", "الذي", "قتل", "🙂"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
def test_word_salad_of_lexicon_words(text):
    _check(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    _check(text)


def _check(text: str) -> None:
    if not text.strip():
        return
    res = extract_article(Article(text=text, published=dt.date(2023, 3, 15)))
    for ev in res.events:
        d = ev.to_dict()
        assert list(d) == list(EVENT_KEYS)
        assert d["fatalities"] >= 0 and (d["injuries"] is None or d["injuries"] >= 0)
        for spans in d["evidence"].values():
            for sp in spans:
                assert text[sp["start"]:sp["end"]] == sp["text"]
