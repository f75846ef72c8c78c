"""Fusion thresholds: when two reports describe the same incident.

The defaults live in ``defaults.json`` beside this module; a deployment passes its own file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasad.record import InputError


@dataclass(frozen=True)
class FusionConfig:
    # Two events coded to named places (geo_precision 1) fuse only at the same gazetteer place or,
    # without place ids, within this distance: neighbouring villages are usually 3-10 km apart.
    max_km_precise: float = 3.0
    # When either event is coded only to a wider area (precision 2 or 3) its coordinates are a
    # centre, so the tolerance has to be as wide as that area.
    max_km_coarse: float = 30.0
    # Dates may differ by up to this many days, keyed by the looser of the two time precisions.
    date_window_days: dict[int, int] = field(default_factory=lambda: {1: 1, 2: 7, 3: 31})
    require_same_admin1_when_coarse: bool = True
    # Reports disagree about who attacked whom; the same two actors in either order are compatible.
    allow_swapped_actors: bool = True
    type_families: dict[str, str] = field(default_factory=dict)
    # Names that refer to the same actor for the purpose of fusion (country-suffixed ACLED names).
    actor_aliases: dict[str, str] = field(default_factory=dict)
    # Also map every spelling the knowledge base knows (rasad/data/kb/actors.csv: "SDF: Syrian
    # Democratic Forces" = "QSD: Syrian Democratic Forces") to its canonical name.
    use_knowledge_base_aliases: bool = True
    # Leading words of ACLED's country-suffixed crowd names that count as one actor: outlets
    # differ on whether a demonstration turned violent, so "Rioters (Syria)" and
    # "Protesters (Syria)" are the same crowd (the country part must still agree).
    actor_prefix_aliases: dict[str, str] = field(default_factory=dict)

    def family(self, event_type: str | None) -> str | None:
        if event_type is None:
            return None
        return self.type_families.get(event_type, event_type)

    def date_window(self, precision_a: int | None, precision_b: int | None) -> int:
        loosest = max(precision_a or 1, precision_b or 1)
        return self.date_window_days.get(loosest, max(self.date_window_days.values()))

    def canonical_actor(self, name: str | None) -> str | None:
        if not name:
            return None
        name = self.actor_aliases.get(name, name)
        head, paren, rest = name.partition(" (")
        if paren and head in self.actor_prefix_aliases:
            name = f"{self.actor_prefix_aliases[head]} ({rest}"
        return _kb_canonical(name) if self.use_knowledge_base_aliases else name


@lru_cache(maxsize=4096)
def _kb_canonical(name: str) -> str:
    from rasad.kb import knowledge_base

    return knowledge_base().canonical_actor(name) or name


def _from_mapping(raw: dict, origin: str) -> FusionConfig:
    known = set(FusionConfig.__dataclass_fields__)
    values = {k: v for k, v in raw.items() if not k.startswith("_")}
    unknown = set(values) - known
    if unknown:
        raise InputError(f"{origin}: unknown fusion setting(s) {sorted(unknown)}; known: {sorted(known)}")
    if "date_window_days" in values:
        try:
            values["date_window_days"] = {int(k): int(v) for k, v in values["date_window_days"].items()}
        except (AttributeError, ValueError):
            raise InputError(f"{origin}: date_window_days must map precision 1/2/3 to whole days") from None
    for key in ("type_families", "actor_aliases", "actor_prefix_aliases"):
        mapping = values.get(key, {})
        if not isinstance(mapping, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()):
            raise InputError(f"{origin}: {key} must map names to names (a JSON object of strings)")
    for key in ("max_km_precise", "max_km_coarse"):
        if key in values and not isinstance(values[key], (int, float)):
            raise InputError(f"{origin}: {key} must be a number of kilometres")
    return FusionConfig(**values)


def load_fusion_config(path: str | Path | None = None) -> FusionConfig:
    """The default thresholds, or the defaults overridden key by key by a JSON file with keys of
    ``defaults.json`` (a file holding only ``max_km_coarse`` keeps the default type families)."""
    defaults = _read_config(resources.files("rasad.fusion").joinpath("defaults.json").read_text("utf-8"),
                            "rasad/fusion/defaults.json")
    if path is None:
        return _from_mapping(defaults, "rasad/fusion/defaults.json")
    try:
        raw_text = Path(path).read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read fusion config {path}: {exc.strerror}") from None
    return _from_mapping({**defaults, **_read_config(raw_text, str(path))}, str(path))


def _read_config(raw_text: str, origin: str) -> dict:
    try:
        raw = json.loads(raw_text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{origin} is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(raw, dict):
        raise InputError(f"{origin} must hold a JSON object of fusion settings")
    return raw
