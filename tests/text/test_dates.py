"""Date expressions in Arabic and English resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.record import InputError
from rasad.text.dates import DateMention, find_dates
from rasad.text.normalize import normalize

PUB = dt.date(2022, 12, 8)  # a Thursday


def dates(raw: str, published: dt.date | None = PUB, lang: str = "ar") -> list[tuple[str, str | None, int | None]]:
    text = normalize(raw).text
    return [
        (m.expr, m.date.isoformat() if m.date else None, m.precision)
        for m in find_dates(text, published, lang)
    ]


def one(raw: str, published: dt.date | None = PUB, lang: str = "ar") -> DateMention:
    found = find_dates(normalize(raw).text, published, lang)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- Arabic relative dates


@pytest.mark.parametrize(
    "raw, expr, date, precision",
    [
        ("قتل أمس ثلاثة عناصر", "أمس", "2022-12-07", 1),
        ("قتل بالأمس", "الأمس", "2022-12-07", 1),
        ("يوم أمس", "يوم أمس", "2022-12-07", 1),
        ("مساء يوم أمس", "مساء يوم أمس", "2022-12-07", 1),
        ("أول أمس", "أول أمس", "2022-12-06", 1),
        ("أول من أمس", "أول من أمس", "2022-12-06", 1),
        ("اليوم", "اليوم", "2022-12-08", 1),
        ("فجر اليوم", "فجر اليوم", "2022-12-08", 1),
        ("مساء أمس", "مساء أمس", "2022-12-07", 1),
        ("الليلة الماضية", "الليلة الماضية", "2022-12-07", 1),
        ("قبل يومين", "قبل يومين", "2022-12-06", 1),
        ("قبل ثلاثة أيام", "قبل ثلاثة أيام", "2022-12-05", 1),
        ("منذ 3 أيام", "منذ 3 أيام", "2022-12-05", 1),
        ("قبل أيام", "قبل أيام", "2022-12-05", 2),
        ("قبل عدة أيام", "قبل عدة أيام", "2022-12-05", 2),
        ("قبل أسبوع", "قبل أسبوع", "2022-12-01", 2),
        ("قبل أسبوعين", "قبل أسبوعين", "2022-11-24", 2),
        ("قبل شهر", "قبل شهر", "2022-11-08", 3),
        ("قبل نحو شهرين", "قبل نحو شهرين", "2022-10-08", 3),
        ("الأسبوع الماضي", "الأسبوع الماضي", "2022-12-01", 2),
        ("الشهر الماضي", "الشهر الماضي", "2022-11-01", 3),
        ("مطلع الشهر الجاري", "مطلع الشهر الجاري", "2022-12-01", 3),
    ],
)
def test_arabic_relative(raw: str, expr: str, date: str, precision: int) -> None:
    assert dates(raw) == [(expr, date, precision)]


def test_seed_report_a_month_ago() -> None:
    raw = "الذي قتل في اشتباكات مسلحة في مدينة جاسم بمحافظة درعا جنوبي سوريا قبل شهر."
    assert dates(raw, dt.date(2022, 12, 6)) == [("قبل شهر", "2022-11-06", 3)]


def test_a_month_ago_clamps_to_the_month_end() -> None:
    assert dates("قبل شهر", dt.date(2023, 3, 31)) == [("قبل شهر", "2023-02-28", 3)]


def test_days_before_another_event_are_not_relative_to_publication() -> None:
    assert dates("قبل يومين من الهجوم") == []


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    "raw, expr, date",
    [
        ("يوم الثلاثاء", "يوم الثلاثاء", "2022-12-06"),
        ("الثلاثاء", "الثلاثاء", "2022-12-06"),
        ("والثلاثاء", "الثلاثاء", "2022-12-06"),
        ("مساء الثلاثاء", "مساء الثلاثاء", "2022-12-06"),
        ("ظهر يوم الثلاثاء", "ظهر يوم الثلاثاء", "2022-12-06"),
        ("الثلاثاء الماضي", "الثلاثاء الماضي", "2022-12-06"),
        ("يوم الخميس", "يوم الخميس", "2022-12-08"),  # publication day itself
        ("الخميس الماضي", "الخميس الماضي", "2022-12-01"),  # "last" is strictly before
        ("يوم الجمعة", "يوم الجمعة", "2022-12-02"),
        ("يوم الاثنين", "يوم الاثنين", "2022-12-05"),
        ("يوم الأحد", "يوم الأحد", "2022-12-04"),
    ],
)
def test_weekdays(raw: str, expr: str, date: str) -> None:
    assert dates(raw) == [(expr, date, 1)]


def test_weekday_before_an_explicit_date_gives_way_to_it() -> None:
    assert dates("الأحد 5 كانون الأول 2021") == [("5 كانون الأول 2021", "2021-12-05", 1)]
    assert dates("on Sunday, March 7, 2021", lang="en") == [("March 7, 2021", "2021-03-07", 1)]


def test_since_tuesday_is_a_weekday_not_one_day_ago() -> None:
    assert dates("منذ يوم الثلاثاء") == [("يوم الثلاثاء", "2022-12-06", 1)]


@pytest.mark.parametrize("raw", ["في سوق الجمعة", "مسجد الخميس", "شارع السبت", "محمد جمعة", "قتل جمعة"])
def test_weekday_word_used_as_a_name_is_not_a_date(raw: str) -> None:
    assert dates(raw) == []


@pytest.mark.parametrize(
    "raw, expr, date, precision",
    [
        ("الجمعة المقبل", "الجمعة المقبل", "2022-12-09", 1),
        ("يوم الخميس القادم", "يوم الخميس القادم", "2022-12-15", 1),
        ("الأسبوع المقبل", "الأسبوع المقبل", "2022-12-15", 2),
        ("الشهر المقبل", "الشهر المقبل", "2023-01-01", 3),
        ("14 كانون الثاني المقبل", "14 كانون الثاني المقبل", "2023-01-14", 1),
        ("next week", "next week", "2022-12-15", 2),
        ("next Monday", "next Monday", "2022-12-12", 1),
    ],
)
def test_coming_days_are_after_publication_with_a_warning(raw: str, expr: str, date: str, precision: int) -> None:
    lang = "en" if raw.isascii() else "ar"
    m = one(raw, lang=lang)
    assert (m.expr, m.date.isoformat() if m.date else None, m.precision) == (expr, date, precision)
    assert m.warning and "after the publication date" in m.warning


def test_the_next_day_counts_from_the_date_before_it() -> None:
    raw = "اندلعت مساء الإثنين اشتباكات في مدينة الباب. وفي اليوم التالي، نهب عناصر المحال. وفي اليوم ذاته"
    assert dates(raw) == [
        ("مساء الإثنين", "2022-12-05", 1),
        ("اليوم التالي", "2022-12-06", 1),
        ("اليوم ذاته", "2022-12-06", 1),
    ]
    assert dates("on Sunday gunmen attacked; the next day two died", lang="en")[1] == ("the next day", "2022-12-05", 1)


def test_a_day_earlier_counts_back_from_the_date_before_it() -> None:
    assert dates("Gunmen shot two men on Sunday. A day earlier, warplanes struck a base.", lang="en")[1] == (
        "A day earlier", "2022-12-03", 1)
    assert dates("قتل مدنيان يوم الأحد. وقبل ذلك بيوم، قصفت طائرات قاعدة.")[1] == ("قبل ذلك بيوم", "2022-12-03", 1)


def test_the_next_day_without_an_earlier_date_is_none_with_a_warning() -> None:
    m = one("وفي اليوم التالي قصفت مسيرة حاجزا")
    assert m.date is None and m.warning and "earlier date" in m.warning


def test_the_past_hours_are_the_publication_date() -> None:
    assert dates("خلال الساعات الماضية") == [("خلال الساعات الماضية", "2022-12-08", 1)]
    assert dates("خلال الساعات الأربع والعشرين الماضية") == [("خلال الساعات الأربع والعشرين الماضية", "2022-12-08", 1)]
    assert dates("in the past 24 hours", lang="en") == [("in the past 24 hours", "2022-12-08", 1)]


@pytest.mark.parametrize("raw", ["في اليوم الثالث للحملة", "اليوم الوطني", "قبل أقل من أسبوع على موعد الجلسة"])
def test_days_counted_from_something_else_are_not_dates(raw: str) -> None:
    assert dates(raw) == []


def test_night_before_last() -> None:
    assert dates("وفي الليلة قبل الماضية") == [("الليلة قبل الماضية", "2022-12-06", 1)]


@pytest.mark.parametrize("raw", ["قوى 14 آذار", "فريق 8 آذار", "مسيحيي 14 آذار", "ثورة 25 يناير", "وحركة 6 أبريل"])
def test_day_and_month_that_name_a_movement_are_not_dates(raw: str) -> None:
    assert dates(raw) == []


# ---------------------------------------------------------------- explicit Gregorian dates


@pytest.mark.parametrize(
    "raw, expr, date",
    [
        ("5 كانون الأول 2022", "5 كانون الأول 2022", "2022-12-05"),
        ("في 5 كانون الأول 2022", "5 كانون الأول 2022", "2022-12-05"),
        ("5 كانون الأول", "5 كانون الأول", "2022-12-05"),
        ("الخامس من ديسمبر", "الخامس من ديسمبر", "2022-12-05"),
        ("الحادي والعشرين من آذار", "الحادي والعشرين من آذار", "2022-03-21"),
        ("5 ديسمبر/كانون الأول 2022", "5 ديسمبر/كانون الأول 2022", "2022-12-05"),
        ("3/12/2022", "3/12/2022", "2022-12-03"),
        ("3-12-2022", "3-12-2022", "2022-12-03"),
        ("2022-12-03", "2022-12-03", "2022-12-03"),
        ("12 شباط 2021", "12 شباط 2021", "2021-02-12"),
        ("1 أيار 2021", "1 أيار 2021", "2021-05-01"),
        ("7 إبريل 2021", "7 إبريل 2021", "2021-04-07"),
        ("7 أبريل 2021", "7 أبريل 2021", "2021-04-07"),
        ("9 يونيه 2021", "9 يونيه 2021", "2021-06-09"),
        ("9 يوليو 2021", "9 يوليو 2021", "2021-07-09"),
        ("14 آب 2021", "14 آب 2021", "2021-08-14"),
        ("20 تشرين الثاني 2021", "20 تشرين الثاني 2021", "2021-11-20"),
        ("20 أكتوبر عام 2021", "20 أكتوبر عام 2021", "2021-10-20"),
    ],
)
def test_explicit_dates(raw: str, expr: str, date: str) -> None:
    assert dates(raw) == [(expr, date, 1)]


@pytest.mark.parametrize(
    "month, number",
    [
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
        ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("إبريل", 4), ("مايو", 5), ("يونيو", 6),
        ("يونيه", 6), ("يوليو", 7), ("يوليه", 7), ("أغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10),
        ("نوفمبر", 11), ("ديسمبر", 12),
    ],
)
def test_every_month_name(month: str, number: int) -> None:
    assert dates(f"10 {month} 2021") == [(f"10 {month} 2021", f"2021-{number:02d}-10", 1)]


def test_day_of_the_current_or_previous_month() -> None:
    assert dates("في الخامس من الشهر الجاري") == [("الخامس من الشهر الجاري", "2022-12-05", 1)]
    assert dates("يوم 20 من الشهر الماضي") == [("يوم 20 من الشهر الماضي", "2022-11-20", 1)]


def test_date_without_year_takes_the_year_before_publication() -> None:
    assert dates("20 كانون الأول") == [("20 كانون الأول", "2021-12-20", 1)]


def test_month_only_dates() -> None:
    assert dates("خلال شهر تشرين الثاني") == [("شهر تشرين الثاني", "2022-11-01", 3)]
    assert dates("في كانون الثاني 2021") == [("كانون الثاني 2021", "2021-01-01", 3)]
    assert dates("في آب الماضي") == [("آب الماضي", "2022-08-01", 3)]


@pytest.mark.parametrize("raw", ["أب لخمسة أطفال", "في آب", "مارس الضغط على الحكومة", "محمد رمضان", "رجب طيب"])
def test_month_words_used_otherwise_are_not_dates(raw: str) -> None:
    assert dates(raw) == []


def test_invalid_calendar_date_is_none_with_a_warning() -> None:
    m = one("31 شباط 2022")
    assert m.date is None and m.precision is None
    assert m.warning and "not a valid calendar date" in m.warning


def test_date_after_publication_carries_a_warning() -> None:
    m = one("5 كانون الثاني 2023")
    assert m.date == dt.date(2023, 1, 5)
    assert m.warning and "after the publication date" in m.warning


# ---------------------------------------------------------------- Hijri dates


def test_hijri_day_month_year() -> None:
    assert dates("15 رمضان 1444") == [("15 رمضان 1444", "2023-04-06", 1)]
    assert dates("15 رمضان 1444 هـ", dt.date(2023, 5, 1)) == [("15 رمضان 1444 ه", "2023-04-06", 1)]


def test_hijri_month_without_year_is_the_last_one_before_publication() -> None:
    assert dates("شهر رمضان") == [("شهر رمضان", "2022-04-02", 3)]


def test_hijri_year_alone_is_too_coarse() -> None:
    m = one("عام 1444 هـ")
    assert m.date is None and m.warning and "only a Hijri year" in m.warning


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    "raw, expr, date, precision",
    [
        ("killed yesterday", "yesterday", "2022-12-07", 1),
        ("killed on Tuesday", "on Tuesday", "2022-12-06", 1),
        ("killed last Thursday", "last Thursday", "2022-12-01", 1),
        ("on Tuesday night", "on Tuesday night", "2022-12-06", 1),
        ("last week", "last week", "2022-12-01", 2),
        ("a month ago", "a month ago", "2022-11-08", 3),
        ("two days ago", "two days ago", "2022-12-06", 1),
        ("3 days ago", "3 days ago", "2022-12-05", 1),
        ("a few days ago", "a few days ago", "2022-12-05", 2),
        ("on 3 March 2021", "on 3 March 2021", "2021-03-03", 1),
        ("March 3, 2021", "March 3, 2021", "2021-03-03", 1),
        ("earlier this month", "earlier this month", "2022-12-01", 3),
        ("last month", "last month", "2022-11-01", 3),
        ("in May 2021", "May 2021", "2021-05-01", 3),
        ("the day before yesterday", "the day before yesterday", "2022-12-06", 1),
    ],
)
def test_english(raw: str, expr: str, date: str, precision: int) -> None:
    assert dates(raw, lang="en") == [(expr, date, precision)]


@pytest.mark.parametrize("raw", ["you may go", "3 may be hurt", "Good Friday prayers", "they march on"])
def test_english_words_that_look_like_dates(raw: str) -> None:
    assert dates(raw, lang="en") == []


# ---------------------------------------------------------------- no publication date


@pytest.mark.parametrize("raw", ["أمس", "قبل شهر", "يوم الثلاثاء", "الأسبوع الماضي", "5 كانون الأول"])
def test_relative_without_publication_date_is_none_with_a_warning(raw: str) -> None:
    m = one(raw, None)
    assert m.date is None and m.precision is None
    assert m.warning and "publication date is unknown" in m.warning


def test_absolute_date_needs_no_publication_date() -> None:
    assert dates("5 كانون الأول 2022", None) == [("5 كانون الأول 2022", "2022-12-05", 1)]


# ---------------------------------------------------------------- offsets, bad input


def test_offsets_are_into_the_normalised_text() -> None:
    raw = "قُتِلَ ثلاثةُ عناصرَ مساءَ أمسِ في ريف دير الزور"
    text = normalize(raw).text
    (m,) = find_dates(text, PUB)
    assert text[m.start:m.end] == m.expr == "مساء أمس"


def test_folded_text_from_the_document_gives_the_same_result() -> None:
    from rasad.text.normalize import fold

    text = normalize("قتل أمس الثلاثاء، وفي 5 كانون الأول 2022").text
    assert find_dates(text, PUB, folded=fold(text)) == find_dates(text, PUB)


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        find_dates("أمس", PUB, "fr")
    with pytest.raises(InputError, match="datetime.date"):
        find_dates("أمس", "2022-12-08")  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01", "<script>أمس</script>", "أمس " * 3000, "3/" * 4000])
def test_bad_input_gives_no_traceback(bad: str) -> None:
    for m in find_dates(normalize(bad).text, PUB):
        assert isinstance(m, DateMention)


_ALPHABET = st.sampled_from(list("أمس قبل يوم الثلاثاء 5 12 / كانون الأول 2022 شهر ، . days ago Tuesday ه"))


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_any_text_gives_ordered_spans_inside_the_text(text: str) -> None:
    found = find_dates(text, PUB)
    end = 0
    for m in found:
        assert end <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.expr
        end = m.end
