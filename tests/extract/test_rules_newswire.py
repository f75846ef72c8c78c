"""Rules for real Arabic newswire (the kind of sentence the OEDA event gold standard holds): each
test gives the text that is the reason the rule exists and, with the same words, the incident
it must still report."""

from __future__ import annotations

import datetime as dt

from rasad.extract import extract_article
from rasad.record import Article

PUB = dt.date(2023, 3, 15)

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATION = {"Protests", "Riots"}


def types(text: str, published: dt.date | None = PUB) -> set[str]:
    return {e.event_type for e in extract_article(Article(text=text, published=published)).events}


# --- protests -------------------------------------------------------------------------------

def test_banners_and_chants_of_the_protesters_tell_a_protest_already_reported():
    # Raising banners and chanting are what a crowd did at a protest told before, not a report
    # that one took place.
    assert not types("ورفع المتظاهرون لافتات كتب عليها «لا للفساد» وهتفوا ضد الحكومة.") & DEMONSTRATION
    assert not types("وهتف المحتجون «الشعب يريد الماء والكهرباء».") & DEMONSTRATION
    # A verb of gathering beside them still reports one, and so does chanting as the crowd's
    # accompaniment ("…مرددين هتافات").
    assert types("وتجمع المتظاهرون أمام مبنى المحافظة في البصرة ورفعوا لافتات تطالب بالكهرباء.") & DEMONSTRATION
    assert types("تجمع العشرات من الأهالي في ساحة المدينة أمس مرددين هتافات ضد الغلاء.") & DEMONSTRATION
