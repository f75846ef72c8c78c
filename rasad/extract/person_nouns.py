"""Singular/plural nouns for people (``rasad/data/kb/person_nouns.csv``)."""

from __future__ import annotations

from functools import lru_cache

from rasad.text.tokens import Token, entry_key


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    from rasad.kb import _rows

    return {entry_key(r["word"])[0]: r["number"] for r in _rows("person_nouns.csv")}


def person_number(token: Token) -> str | None:
    table = _table()
    for stem in token.stems:
        hit = table.get(stem)
        if hit:
            return hit
    # "قتل شخصاً / مدنيا": the accusative singular adds a final ا (its tanween is folded away).
    # Only a singular is read so: a plural with a final ا (ضحايا) is listed as it is.
    for stem in token.stems:
        if stem.endswith("ا") and len(stem) >= 4 and table.get(stem[:-1]) == "singular":
            return "singular"
    # "ما أدى لمقتل سائقها": a person noun with a possessive suffix is still that person
    for stem in token.stems:
        for suffix in _suffixes():
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                base = stem[: -len(suffix)]
                # "والدته": a ta marbuta (folded ه) is written ت before the suffix
                hit = table.get(base) or (table.get(base[:-1] + "ه") if base.endswith("ت") else None)
                if hit:
                    return hit
    return None


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    from rasad.kb import words

    return tuple(sorted(words("pronoun_suffix"), key=len, reverse=True))
