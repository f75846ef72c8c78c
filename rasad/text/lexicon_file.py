"""Reading the word-list files under ``rasad/data/lexicon`` (format: docs/lexicon-numbers-dates.md)."""

from __future__ import annotations

from importlib import resources
from typing import NamedTuple

from rasad.text.normalize import fold_raw
from rasad.text.tokens import WORD_RE


class LexiconRow(NamedTuple):
    form: str  # folded
    category: str
    value: str
    flags: frozenset[str]
    line: int


def load_rows(filename: str) -> list[LexiconRow]:
    """Rows of a ``rasad/data/lexicon`` TSV file (format in docs/lexicon-numbers-dates.md)."""
    text = resources.files("rasad.data.lexicon").joinpath(filename).read_text(encoding="utf-8")
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"{filename}:{n}: expected 'form<TAB>category<TAB>value[<TAB>flags]'")
        form = " ".join(WORD_RE.findall(fold_raw(parts[0].strip()))) or fold_raw(parts[0].strip())
        flags = frozenset(f.strip() for f in parts[3].split(",")) if len(parts) > 3 and parts[3].strip() else frozenset()
        rows.append(LexiconRow(form, parts[1].strip(), parts[2].strip(), flags, n))
    return rows
