"""Sentence splitting over the normalised text (rasad.text.segment)."""

from __future__ import annotations

import datetime as dt

from rasad.document import Document
from rasad.extract import extract_article
from rasad.record import Article
from rasad.text.segment import split_sentences


def _sentences(text: str) -> list[str]:
    doc = Document(Article(text=text))
    return [doc.text[s.start:s.end] for s in split_sentences(doc)]


def test_an_initial_is_no_sentence_end():
    # "(ف. ج.)": a victim named by initials; "U.S. forces": the stops belong to the initials.
    assert len(_sentences("اغتال مسلحون الناشط (ف. ج.) مساء الأحد أمام منزله. وفتحت الشرطة تحقيقا.")) == 2
    assert len(_sentences("U.S. forces struck a site near Al-Qaim on Sunday. No casualties were reported.")) == 2
    # A word before a full stop ends its sentence.
    assert len(_sentences("قتل شاب في درعا. وأصيب آخر في طفس.")) == 2


def test_the_date_after_initials_dates_the_incident():
    ev = extract_article(Article(text="اغتال مسلحون مجهولون الناشط المدني (ف. ج.) مساء الأحد أمام منزله في مدينة العمارة.",
                                 published=dt.date(2021, 5, 10))).events[0]
    assert (ev.event_date, ev.time_precision) == ("2021-05-09", 1)
