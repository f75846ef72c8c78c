from __future__ import annotations

import pytest

from rasad.eval.compare import fold_place, haversine_km, same_name, same_place_name, set_f1, span_overlap_f1


@pytest.mark.parametrize("a,b", [("Al-Busayrah", "Busayrah"), ("al Zir", "Al Zir"),
                                 ("ash-Shaddadi", "Shaddadi"), ("Ar-Raqqa", "Raqqa"),
                                 ("البصيرة", "بصيرة"), ("الرَّقة", "الرقه")])
def test_place_variants_fold_together(a, b):
    assert fold_place(a) == fold_place(b)


def test_different_places_stay_different():
    assert fold_place("Hajin") != fold_place("Al Zir")
    assert fold_place("Deir ez-Zor") == "deir ez zor"


def test_actor_names_ignore_case_and_spacing_only():
    assert same_name("Civilians  (Syria)", "civilians (syria)")
    assert not same_name("Military Forces of Syria", "Military Forces of Iraq")


def test_haversine_one_degree_of_latitude():
    assert haversine_km(35.0, 40.0, 36.0, 40.0) == pytest.approx(111.2, abs=0.1)


def test_span_overlap_and_set_f1():
    assert span_overlap_f1([(0, 4)], [(2, 6)]) == pytest.approx(0.5)
    assert span_overlap_f1([(0, 4)], []) == 0.0
    assert set_f1(["IED", "machine gun"], ["machine gun"]) == pytest.approx(2 / 3)
    assert set_f1([], []) == 1.0


@pytest.mark.parametrize("a,b", [("Saraqab", "Sarāqib"), ("Quamishli", "Al Qamishli"), ("Sokhneh", "As Sukhnah"),
                                 ("Thiban", "Dhiban"), ("Da'el", "Da`il"), ("Jisr-Ash-Shugur", "Jisr ash Shughūr"),
                                 ("Abu Rasayn", "Abu Rasin (Al-Hasakeh)"), ("Tal Tamer", "Tall Tamr"),
                                 ("Duma", "Douma"), ("Kafr Nobol", "Kafr Nabl")])
def test_transliteration_variants_are_the_same_place_name(a, b):
    assert same_place_name(a, b)


@pytest.mark.parametrize("a,b", [("Hama", "Homs"), ("Hajin", "Al Zir"), ("Safat az Zur", "Al Busayrah"),
                                 ("Idlib", "Aleppo"), ("Tripoli", "North Lebanon"),
                                 # same consonants, different places: the spelling-closeness guard
                                 ("Aden", "Aydūn"), ("Sirte", "Sart"), ("Misrata", "Ma`sartah"),
                                 ("Taizz", "Tooz"), ("Hole", "Hulwah"), ("Marib", "Ma`rubu")])
def test_different_place_names_stay_different(a, b):
    assert not same_place_name(a, b)
