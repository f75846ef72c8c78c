"""The knowledge base: actors, triggers, casualty words, weapons and context words, loaded once.

Every list is a CSV under ``rasad/data/kb/`` (format in ``docs/knowledge-base.md``); this module
only reads them into matchers. ``knowledge_base()`` is cached per process.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator

from rasad.text.tokens import PhraseMatcher, entry_key

KB_FILES = ("actors.csv", "actor_adjectives.csv", "generic_actors.csv", "country_actors.csv", "triggers.csv",
            "casualties.csv", "weapons.csv", "context_words.csv", "function_words.csv", "person_nouns.csv",
            "countries.csv")


@dataclass(frozen=True)
class Actor:
    canonical: str  # may hold "{country}"
    inter: int
    countries: tuple[str, ...]  # ("*",) for any

    def name_for(self, country: str | None) -> str:
        if "{country}" in self.canonical:
            return self.canonical.replace("{country}", country or "Syria")
        return self.canonical


@dataclass(frozen=True)
class ActorRef:
    """What an actor phrase in text refers to: a named actor, a generic role, or an anaphor."""

    kind: str  # named | generic | anaphor
    actor: Actor | None = None
    role: str | None = None  # for generic: military|police|civilians|protesters|rioters|unidentified
    alias: str = ""

    @property
    def is_acronym(self) -> bool:
        return self.alias.isupper() and self.alias.isascii() and len(self.alias) <= 5


@dataclass(frozen=True)
class Trigger:
    cls: str
    weight: float
    phrase: str
    verb: bool = False  # a verb of completed action; nouns need concrete context
    pos: str = "n"  # v verb | n noun | r reference-prone noun | c crowd noun


@dataclass(frozen=True)
class Casualty:
    kind: str  # killed | wounded
    position: str  # before | after | self (the word carries its count: "مقتلهما")
    phrase: str
    count: int = 0  # for position "self": how many the pronoun suffix stands for


@dataclass(frozen=True)
class Weapon:
    tag: str
    phrase: str


@dataclass(frozen=True)
class ContextWord:
    kind: str
    phrase: str


@dataclass
class KnowledgeBase:
    actors: PhraseMatcher[ActorRef]
    triggers: PhraseMatcher[Trigger]
    casualties: PhraseMatcher[Casualty]
    weapons: PhraseMatcher[Weapon]
    context: PhraseMatcher[ContextWord]
    country_actors: dict[tuple[str, str], tuple[str, int]]
    named_actors: dict[str, Actor] = field(default_factory=dict)  # canonical -> Actor
    alias_to_canonical: dict[str, str] = field(default_factory=dict)  # folded alias -> canonical
    fingerprint: str = ""
    # folded Arabic owner adjective with the article ("الاسرائيلي") -> canonical, for an adjective
    # that agrees with a post across the post's name ("موقع المالكية الإسرائيلي")
    owner_adjectives: dict[str, str] = field(default_factory=dict)

    def generic_actor(self, role: str, country: str | None) -> tuple[str, int] | None:
        country = country or "Syria"
        hit = self.country_actors.get((role, country)) or self.country_actors.get((role, "*"))
        if hit is None:
            return None
        name, inter = hit
        return name.replace("{country}", country), inter

    def canonical_actor(self, name: str | None) -> str | None:
        """Map any known spelling of an actor (e.g. the schema's ``SDF: Syrian Democratic
        Forces``) to the knowledge base's canonical name; unknown names come back unchanged."""
        if not name:
            return name
        from rasad.text.normalize import fold_raw

        return self.alias_to_canonical.get(fold_raw(name).strip(), name)


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = resources.files("rasad.data.kb").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    for lineno, row in enumerate(csv.DictReader(lines), start=2):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"rasad/data/kb/{name}: malformed row {lineno}: {row}")
        yield {k: v.strip() for k, v in row.items()}


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    from rasad.text.normalize import fold_raw

    actors: PhraseMatcher[ActorRef] = PhraseMatcher()
    named: dict[str, Actor] = {}
    alias_map: dict[str, str] = {}
    seen: set[tuple] = set()  # spellings that fold to the same key are one entry

    def add_actor(alias: str, ref: ActorRef) -> None:
        key = (entry_key(alias), ref.kind, ref.actor, ref.role, ref.is_acronym)
        if key not in seen:
            seen.add(key)
            actors.add(alias, ref)

    for row in _rows("actors.csv"):
        actor = Actor(row["canonical"], int(row["inter"]), tuple(_split(row["countries"])))
        named[actor.canonical] = actor
        for alias in _split(row["aliases_ar"]) + _split(row["aliases_en"]):
            add_actor(alias, ActorRef("named", actor=actor, alias=alias))
            if "{country}" not in actor.canonical:
                alias_map[fold_raw(alias)] = actor.canonical
        if "{country}" not in actor.canonical:
            alias_map[fold_raw(actor.canonical)] = actor.canonical
    nouns: dict[str, list[str]] = {}
    adjectives: list[tuple[str, str, list[str]]] = []
    for row in _rows("actor_adjectives.csv"):
        if row["kind"] == "noun":
            nouns.setdefault(row["lang"], []).extend(_split(row["words"]))
        else:
            if row["canonical"] not in named:
                raise ValueError(f"actor_adjectives.csv: unknown actor {row['canonical']!r} (not in actors.csv)")
            adjectives.append((row["canonical"], row["lang"], _split(row["words"])))
    owner_adjectives: dict[str, str] = {}
    for canonical, lang, forms in adjectives:
        actor = named[canonical]
        for adj in forms:
            if lang == "ar":
                owner_adjectives["ال" + fold_raw(adj)] = canonical
            for noun in nouns.get(lang, ()):
                alias = f"{noun} {adj}" if lang == "ar" else f"{adj} {noun}"
                add_actor(alias, ActorRef("named", actor=actor, alias=alias))
    for row in _rows("generic_actors.csv"):
        kind = "anaphor" if row["role"] in ("anaphor", "latter") else "generic"
        for alias in _split(row["aliases_ar"]) + _split(row["aliases_en"]):
            add_actor(alias, ActorRef(kind, role=row["role"], alias=alias))
    country_actors = {(r["role"], r["country"]): (r["canonical"], int(r["inter"]))
                      for r in _rows("country_actors.csv")}
    triggers = PhraseMatcher((r["phrase"], Trigger(r["class"], float(r["weight"]), r["phrase"], r["pos"] == "v", r["pos"]))
                             for r in _rows("triggers.csv"))
    casualties = PhraseMatcher((r["phrase"], Casualty(r["kind"], r["position"], r["phrase"], int(r.get("count") or 0)))
                               for r in _rows("casualties.csv"))
    weapons = PhraseMatcher((r["phrase"], Weapon(r["tag"], r["phrase"])) for r in _rows("weapons.csv"))
    context = PhraseMatcher((r["phrase"], ContextWord(r["kind"], r["phrase"]))
                            for r in _rows("context_words.csv"))
    digest = hashlib.sha1()
    for name in KB_FILES:
        digest.update(resources.files("rasad.data.kb").joinpath(name).read_bytes())
    return KnowledgeBase(actors, triggers, casualties, weapons, context, country_actors, named,
                         alias_map, digest.hexdigest()[:12], owner_adjectives)


@lru_cache(maxsize=None)
def words(kind: str) -> frozenset[str]:
    """Folded words of one closed class in ``function_words.csv`` (relative pronouns, "others"…)."""
    from rasad.text.normalize import fold_raw

    found = frozenset(fold_raw(r["word"]) for r in _rows("function_words.csv") if r["kind"] == kind)
    if not found:
        raise KeyError(f"no function words of kind {kind!r} in rasad/data/kb/function_words.csv")
    return found


@lru_cache(maxsize=1)
def iso_codes() -> dict[str, int]:
    """Country name -> ISO 3166 numeric code (``countries.csv``)."""
    return {r["country"]: int(r["iso"]) for r in _rows("countries.csv")}
