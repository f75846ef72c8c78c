"""Normalisation keeps a map back to every raw character (property-based)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.text.normalize import _NORM_TABLE, fold, normalize

ALPHABET = "هاجم عناصر داعش قسد،.\"“”«»٠١٢٣٤٥٦٧٨٩۰۱۲ abcXYZ 0123\n\r" + "\u064b\u064e\u0650\u0651\u0652\u0640\u200f\u200b\ufeff\u00a0"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_every_normalised_character_maps_back_to_its_raw_character(raw):
    n = normalize(raw)
    assert len(n.text) == len(n.to_raw)
    assert list(n.to_raw) == sorted(set(n.to_raw))  # strictly increasing
    for i, ch in enumerate(n.text):
        assert raw[n.to_raw[i]].translate(_NORM_TABLE) == ch
    assert len(fold(n.text)) == len(n.text)


def test_span_maps_to_raw_slice_with_removed_characters_inside():
    raw = "هجومٌ لـ”قسد” على حاجـــز"
    n = normalize(raw)
    start = n.text.index("حاجز")
    assert n.raw_text(start, start + 4) == "حاجـــز"
    q = n.text.index("قسد")
    assert n.raw_text(q, q + 3) == "قسد"


def test_a_phrase_starting_inside_a_match_and_ending_after_it_wins():
    from rasad.text.tokens import PhraseMatcher, tokenize

    m = PhraseMatcher([("قوات الجيش الوطني", "yemen"), ("الجيش الوطني الليبي", "lna")])
    text = normalize("اشتباكات بين قوات الجيش الوطني الليبي ومجموعة مسلحة").text
    assert [x.value for x in m.find(tokenize(text), text)] == ["lna"]
    text = normalize("هاجمت قوات الجيش الوطني مواقع الحوثيين").text
    assert [x.value for x in m.find(tokenize(text), text)] == ["yemen"]
