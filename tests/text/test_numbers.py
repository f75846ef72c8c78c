"""Numbers in words and digits, the vague-quantity rule, non-count kinds and the dual."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.record import InputError
from rasad.text.normalize import fold, normalize
from rasad.text.numbers import KINDS, NumberMention, dual_count, find_numbers, parse_count, vague_estimate
from rasad.text.tokens import tokenize
from rasad.text.wordscan import quick_fold


def numbers(raw: str, lang: str = "ar", **kw) -> list[tuple[str, int, str]]:
    text = normalize(raw).text
    return [(text[m.start:m.end], m.value, m.kind) for m in find_numbers(text, lang=lang, **kw)]


def values(raw: str, lang: str = "ar") -> list[int]:
    return [v for _s, v, kind in numbers(raw, lang) if kind == "count"]


# ---------------------------------------------------------------- Arabic number words


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("مقتل ثلاثة عناصر", 3),
        ("مقتل ثلاث نساء", 3),
        ("ثلاثين قتيلا", 30),
        ("ثلاثون قتيلا", 30),
        ("اثنان من الجنود", 2),
        ("اثنين من الجنود", 2),
        ("اثنتين من النساء", 2),
        ("عشرة مدنيين", 10),
        ("عشر نساء", 10),
        ("أحد المدنيين", 1),
        ("إحدى النساء", 1),
        ("خمسة وعشرين مدنيا", 25),
        ("خمس وعشرون امرأة", 25),
        ("ثلاثة عشر شخصا", 13),
        ("إحدى عشرة امرأة", 11),
        ("اثنا عشر جنديا", 12),
        ("مئة شخص", 100),
        ("مائة شخص", 100),
        ("مئتين من العناصر", 200),
        ("مئتي شخص", 200),
        ("ثلاثمئة مقاتل", 300),
        ("ثلاث مئة مقاتل", 300),
        ("مئة وخمسة وعشرين قتيلا", 125),
        ("ألف شخص", 1000),
        ("ثلاثة آلاف نازح", 3000),
        ("ثلاثة آلاف وخمسمئة نازح", 3500),
        ("خمسة عشر ألف نازح", 15000),
        ("بثلاثة صواريخ", 3),
        ("وخمسة جرحى", 5),
        ("وانصاب تلاتة", 3),
        ("تمانية جرحى", 8),
    ],
)
def test_arabic_number_words(raw: str, expected: int) -> None:
    assert values(raw) == [expected]


def test_digits_eastern_and_western() -> None:
    assert values("مقتل ١٢ عنصرا") == [12]
    assert values("مقتل 12 عنصرا") == [12]
    assert values("نزوح 1,200 شخص") == [1200]
    assert values("نزوح 3 آلاف شخص") == [3000]
    assert values("1.5 مليون نازح") == [1500000]


def test_two_numbers_are_not_merged() -> None:
    assert values("قتل ثلاثة عناصر وأصيب خمسة آخرون") == [3, 5]
    assert values("ثلاثة، أربعة") == [3, 4]


def test_offsets_are_into_the_normalised_text_and_keep_the_clitic_out() -> None:
    raw = "أُصيب بثلاثةِ صواريخ"  # diacritics change offsets between raw and normalised text
    text = normalize(raw).text
    (m,) = find_numbers(text)
    assert text[m.start:m.end] == "ثلاثة"
    assert m == NumberMention(m.start, m.end, 3, False, "exact", "count")


def test_tokens_from_the_document_give_the_same_result() -> None:
    text = normalize("قتل خمسة وعشرين مدنيا وأصيب عدد من العناصر في الساعة 3 قبل ثلاثة أيام").text
    assert find_numbers(text, tokenize(text)) == find_numbers(text)


# ---------------------------------------------------------------- negative examples


def test_weekdays_are_not_numbers() -> None:
    assert numbers("يوم الاثنين") == []
    assert numbers("يوم الأحد") == []


def test_ahad_after_negation_means_anyone() -> None:
    assert numbers("لم يصب أحد بأذى") == []
    assert numbers("ولم يقتل أحد في الهجوم") == []


def test_clitic_lookalike_is_not_a_number() -> None:
    assert numbers("لست متأكدا") == []


def test_words_containing_a_number_word_are_not_numbers() -> None:
    assert numbers("من حيث كمية الأسهم") == []  # ك + مية folds like مئة


def test_conjunction_glued_to_digits_is_not_a_code() -> None:
    assert numbers("مدافع و120 صاروخا") == [("120", 120, "count")]


def test_relative_pronoun_is_not_a_hijri_month() -> None:
    assert numbers("القرار 1706 الذي") == [("1706", 1706, "ordinal")]
    assert numbers("نشر 1706 الذي") == [("1706", 1706, "count")]


def test_ordinal_words_are_not_counts() -> None:
    assert numbers("قوات الفرقة الرابعة") == []


@pytest.mark.parametrize(
    "raw, kind",
    [
        ("في عام 2022", "year"),
        ("منذ 2011", "year"),
        ("1444 هـ", "year"),
        ("الساعة 3", "time"),
        ("الساعة 3:30", "time"),
        ("الفرقة 25", "ordinal"),
        ("اللواء 47", "ordinal"),
        ("20% من السكان", "percent"),
        ("2.5 بالمئة", "percent"),
        ("نسبة 2.5", "decimal"),
        ("طريق M4", "code"),
        ("دبابة T-72", "code"),
        ("هاتف 0933123456", "phone"),
        ("على بعد 5 كم", "measure"),
        ("قبل ثلاثة أيام", "measure"),
        ("5 كانون الأول", "date"),
        ("3/12/2022", "date"),
    ],
)
def test_non_counts_are_flagged(raw: str, kind: str) -> None:
    found = numbers(raw)
    assert found, raw
    assert found[0][2] == kind


def test_approximator_keeps_a_year_like_number_a_count() -> None:
    assert numbers("نحو 2000 مقاتل") == [("2000", 2000, "count")]


def test_percent_word_is_not_a_hundred() -> None:
    assert [k for _s, _v, k in numbers("ارتفع بنسبة 20 في المئة")] == ["percent"]


# ---------------------------------------------------------------- vague quantities


@pytest.mark.parametrize(
    "raw, value, rule",
    [
        ("إصابة عدد من العناصر", 3, "vague:several=3"),
        ("إصابة عددا من العناصر", 3, "vague:several=3"),
        ("بعدة طلقات", 3, "vague:several=3"),
        ("بعض المدنيين", 3, "vague:several=3"),
        ("بضعة جنود", 3, "vague:several=3"),
        ("العديد من القتلى", 3, "vague:several=3"),
        ("وإصابة عدد آخر بجروح", 3, "vague:several=3"),
        ("عشرات القتلى", 20, "vague:dozens=20"),
        ("سقوط العشرات", 20, "vague:dozens=20"),
        ("مئات النازحين", 200, "vague:hundreds=200"),
        ("آلاف النازحين", 2000, "vague:thousands=2000"),
        ("عشرات الآلاف من النازحين", 20000, "vague:dozens=20*1000"),
    ],
)
def test_arabic_vague_quantities(raw: str, value: int, rule: str) -> None:
    text = normalize(raw).text
    (m,) = find_numbers(text)
    assert (m.value, m.vague, m.rule) == (value, True, rule)


def test_vague_rule_is_one_function_with_one_value_per_class() -> None:
    assert vague_estimate("عدة") == (3, "vague:several=3")
    assert vague_estimate("بعدة") == (3, "vague:several=3")
    assert vague_estimate("عدد من") == (3, "vague:several=3")
    assert vague_estimate("Several") == (3, "vague:several=3")
    assert vague_estimate("a number of") == (3, "vague:several=3")
    assert vague_estimate("العشرات") == (20, "vague:dozens=20")
    assert vague_estimate("scores of") == (20, "vague:dozens=20")
    assert vague_estimate("مئات") == (200, "vague:hundreds=200")
    assert vague_estimate("thousands") == (2000, "vague:thousands=2000")


def test_find_numbers_uses_the_same_rule_as_vague_estimate() -> None:
    for phrase in ("عدة", "عدد من", "عشرات", "مئات"):
        (m,) = find_numbers(normalize(phrase + " جنود").text)
        assert (m.value, m.rule) == vague_estimate(phrase)


def test_unknown_vague_word_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not a known vague quantity"):
        vague_estimate("كثير جدا")


def test_a_large_number_of_is_still_the_several_rule() -> None:
    (m,) = find_numbers(normalize("سحب عدد كبير من حواجزها").text)
    assert m.rule == "vague:several=3"
    assert normalize("سحب عدد كبير من حواجزها").text[m.start:m.end] == "عدد كبير من"


def test_count_of_without_min_is_not_vague() -> None:
    assert numbers("وتقليل عدد دورياتها") == []
    assert numbers("أكبر عدد ممكن من المقاتلين") == []


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("three soldiers", 3),
        ("twenty-five civilians", 25),
        ("twenty five civilians", 25),
        ("2 soldiers", 2),
        ("one fighter", 1),
        ("a dozen people", 12),
        ("two dozen people", 24),
        ("one hundred and five people", 105),
        ("a hundred people", 100),
        ("three thousand people", 3000),
        ("eleven people", 11),
    ],
)
def test_english_numbers(raw: str, expected: int) -> None:
    assert values(raw, "en") == [expected]


@pytest.mark.parametrize(
    "raw, value, rule",
    [
        ("several soldiers", 3, "vague:several=3"),
        ("a number of soldiers", 3, "vague:several=3"),
        ("a few soldiers", 3, "vague:several=3"),
        ("dozens of people", 20, "vague:dozens=20"),
        ("scores of people", 20, "vague:dozens=20"),
        ("hundreds of people", 200, "vague:hundreds=200"),
        ("tens of thousands of people", 20000, "vague:dozens=20*1000"),
    ],
)
def test_english_vague(raw: str, value: int, rule: str) -> None:
    (m,) = find_numbers(raw, lang="en")
    assert (m.value, m.vague, m.rule) == (value, True, rule)


def test_a_dozen_is_exact() -> None:
    (m,) = find_numbers("a dozen soldiers", lang="en")
    assert (m.value, m.vague, m.rule) == (12, False, "exact")


def test_no_one_is_not_a_count() -> None:
    assert numbers("no one was hurt", "en") == []
    assert values("one soldier was killed", "en") == [1]


def test_english_article_is_a_number_only_when_asked() -> None:
    assert find_numbers("a soldier was killed", lang="en") == []
    (m,) = find_numbers("a soldier was killed", lang="en", article_as_one=True)
    assert (m.start, m.end, m.value) == (0, 1, 1)


def test_some_before_a_number_is_an_approximation() -> None:
    assert numbers("some 200 people", "en") == [("200", 200, "count")]


def test_english_years_times_and_units() -> None:
    assert numbers("in 2021", "en") == [("2021", 2021, "year")]
    assert numbers("at 5 pm", "en") == [("5", 5, "time")]
    assert numbers("3 miles away", "en") == [("3", 3, "measure")]


# ---------------------------------------------------------------- the dual


@pytest.mark.parametrize(
    "token, expected",
    [
        ("عنصرين", True),
        ("جنديين", True),
        ("شخصين", True),
        ("طفلين", True),
        ("امرأتين", True),
        ("مدنيان", True),
        ("والعنصرين", True),
        ("طائرتين", True),
        ("بلدتين", True),
        ("هجومين", True),
        ("المقاتلين", False),
        ("مدنيين", False),
        ("المدنيين", False),
        ("مقاتلين", False),
        ("نازحين", False),
        ("فلسطين", False),
        ("سكان", False),
        ("عشرين", False),
        ("عناصر", False),
        ("soldiers", False),
        ("", False),
        # A final ا after a consonant is the accusative singular, with or without its tanween.
        ("شخصاً", False),
        ("شخصا", False),
        ("مدنياً", False),
        ("عنصرا", False),
        ("طفلاً", False),
    ],
)
def test_dual(token: str, expected: bool) -> None:
    assert dual_count(token) is expected


def test_dual_uses_vowel_marks_when_the_caller_passes_them() -> None:
    assert dual_count("مدنيَّين") is True  # madaniyyayn, two civilians
    assert dual_count("مدنيِّين") is False  # madaniyyin, civilians
    assert dual_count("عنصرَيْن") is True


# ---------------------------------------------------------------- helpers and bad input


def test_parse_count() -> None:
    assert parse_count("خمسة وعشرين") == 25
    assert parse_count("٢٥") == 25
    assert parse_count("three", "en") == 3
    assert parse_count("ثلاثة جنود") is None
    assert parse_count("") is None


def test_quick_fold_equals_fold() -> None:
    sample = "أإآٱ ى ة ؤ ئ Hello ABC قتلى أحمد مدرسة مؤسسة رئيس 123"
    assert quick_fold(sample) == fold(sample)


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01\x02", "<script>alert(1)</script>", "٣" * 5000, "و" * 10000])
def test_bad_input_gives_no_traceback(bad: str) -> None:
    result = find_numbers(normalize(bad).text)
    assert all(isinstance(m, NumberMention) for m in result)


def test_language_tags_with_a_region_are_accepted() -> None:
    assert find_numbers("ثلاثة", lang="ar-SY") == find_numbers("ثلاثة")
    assert [m.value for m in find_numbers("three", lang="EN")] == [3]


def test_wrong_language_and_type_are_clear_errors() -> None:
    with pytest.raises(InputError, match="unsupported language"):
        find_numbers("ثلاثة", lang="fr")
    with pytest.raises(InputError, match="string"):
        find_numbers(b"three")  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    ["ثلاثة", "عشر", "وعشرين", "مئة", "آلاف", "عدد", "من", "عشرات", "أحد", "لم", "12", "2022", "3/12/2022",
     "الساعة", "%", "،", " ", " ", "a", "dozen", "twenty-five", "and", "hundred", "بالمئة", "M4", "+963"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join), st.sampled_from(["ar", "en"]))
def test_any_text_gives_ordered_spans_inside_the_text(text: str, lang: str) -> None:
    found = find_numbers(text, lang=lang)
    assert found == find_numbers(text, tokenize(text), lang=lang)
    end = 0
    for m in found:
        assert end <= m.start < m.end <= len(text)
        assert m.value >= 0 and m.kind in KINDS
        end = m.end


def test_an_age_is_no_count() -> None:
    # "A 22-year-old demonstrator was hit in the chest and died": the number is his age; read as a
    # count it made 22 dead of one.
    assert numbers("A 22-year-old demonstrator died", "en")[0][2] == "measure"
    assert numbers("a 9-month-old baby", "en")[0][2] == "measure"
    # A count of people stays a count.
    assert values("22 demonstrators were wounded", "en") == [22]
