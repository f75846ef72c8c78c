"""Same-name places: each of a pair of Syrian namesakes resolves by the context given with it.

``same_name_pairs.tsv`` holds 26 pairs (52 phrases) of villages or towns that share an Arabic
name in two different governorates, each phrase carrying that place's governorate, district or
nearest town, as the data names them.
"""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from rasad.geo import geocode_phrase, get_gazetteer

ROWS = list(csv.DictReader(
    (line for line in (Path(__file__).parent / "same_name_pairs.tsv").read_text(encoding="utf-8").splitlines()
     if not line.startswith("#")), delimiter="\t"))


def test_enough_pairs():
    by_key = defaultdict(set)
    for r in ROWS:
        by_key[r["key"]].add(r["admin1"])
    pairs = [k for k, govs in by_key.items() if len(govs) == 2]
    assert len(pairs) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['key']}-{r['admin1']}" for r in ROWS])
def test_namesake_resolved_by_context(row):
    r = geocode_phrase(row["phrase"])
    assert r is not None, row["phrase"]
    place = get_gazetteer().get(r.place_id)
    assert row["expect_id"] in (place.id, *place.src_ids), (row["phrase"], r.location, r.admin2, r.reasons)
    assert r.admin1 == row["admin1"] and r.admin2 == row["admin2"]
    assert r.geo_precision == 1
