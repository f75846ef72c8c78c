"""A reproducible synthetic corpus of Arabic local-press reports, for batch tests and benchmarks.

Reports are assembled from the data-driven templates in ``corpus_templates.json`` (real place
and group names, invented incidents): a headline, one to four incident paragraphs and context
paragraphs up to a target size. The same seed always gives the same corpus, byte for byte.

    python -m rasad.batch.corpus OUT_DIR --articles 1000 --files 4 --bytes 6000 --bad 0.01
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

_SLOT_RE = re.compile(r"\{(\w+)\}")
_EPOCH = dt.date(2014, 1, 1)
_DAYS = 3650  # ten years of press


@lru_cache(maxsize=1)
def load_templates() -> dict[str, Any]:
    text = resources.files("rasad.batch").joinpath("corpus_templates.json").read_text(encoding="utf-8")
    return json.loads(text)


def generate_articles(n: int, seed: int = 0, target_bytes: int = 6000) -> Iterator[dict[str, Any]]:
    """``n`` article records (dicts with id, title, text, source, published, language)."""
    t = load_templates()
    rng = random.Random(seed)
    for i in range(n):
        published = _EPOCH + dt.timedelta(days=rng.randrange(_DAYS))
        title = _fill(rng.choice(t["headlines"]), t, rng, published)
        paragraphs = [_fill(rng.choice(t["event_paragraphs"]), t, rng, published) for _ in range(rng.randint(1, 4))]
        size = sum(len(p.encode("utf-8")) for p in paragraphs)
        while size < target_bytes:
            p = _fill(rng.choice(t["context_paragraphs"]), t, rng, published)
            paragraphs.insert(rng.randint(1, len(paragraphs)), p)
            size += len(p.encode("utf-8")) + 1
        yield {
            "id": f"gen-{seed}-{i:07d}",
            "title": title,
            "text": "\n".join(paragraphs),
            "source": rng.choice(t["sources"]),
            "published": published.isoformat(),
            "language": "ar",
        }


def _fill(template: str, t: dict[str, Any], rng: random.Random, published: dt.date) -> str:
    place, governorate, kind = rng.choice(t["places"])
    chosen: dict[str, str] = {
        "place": place, "governorate": governorate, "kind": t["kind_names"][kind],
        "date": f"{rng.randint(1, 28)} {rng.choice(t['months'])} {published.year}",
    }

    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in chosen:
            base = name[:-2] if name.endswith("_b") else name
            if base == "place":
                pool = [row[0] for row in t["places"]]
            else:
                pool = t["slots"][base]
            options = [v for v in pool if v != chosen.get(base)] or pool
            chosen[name] = rng.choice(options)
        filled = chosen[name]
        # Arabic writes the preposition ل + the article ال as لل: "ل{actor}" + "الجيش" -> "للجيش".
        s = m.start()
        if filled.startswith("ال") and s > 0 and template[s - 1] == "ل" and (s == 1 or not template[s - 2].isalpha()):
            return filled[1:]
        return filled

    return _SLOT_RE.sub(value, template)


BAD_LINES: tuple[bytes, ...] = (
    b'{"id": "broken", "text": "\xd9\x82\xd8\xaa\xd9\x84',  # truncated JSON
    b'{"id": "no-text", "title": "\xd8\xae\xd8\xa8\xd8\xb1"}',  # no text key
    b'{"id": "empty", "text": "   "}',
    b"\xff\xfe\x00binary\x00garbage\x9c",  # not UTF-8
    b'["an", "array", "not", "an", "object"]',
    b'{"id": "bad-date", "text": "\xd9\x86\xd8\xb5", "published": "yesterday"}',
)


def write_corpus(
    directory: str | Path, articles: int, files: int = 1, seed: int = 0,
    target_bytes: int = 6000, bad_fraction: float = 0.0,
) -> list[Path]:
    """Write ``articles`` records over ``files`` JSON Lines files, with some unreadable lines."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    paths = [out / f"corpus-{k:03d}.jsonl" for k in range(files)]
    handles = [open(p, "wb") for p in paths]
    try:
        for i, record in enumerate(generate_articles(articles, seed, target_bytes)):
            f = handles[i * files // articles]
            f.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            if bad_fraction and rng.random() < bad_fraction:
                f.write(rng.choice(BAD_LINES) + b"\n")
    finally:
        for f in handles:
            f.close()
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bytes", type=int, default=6000, help="approximate size of an article's text")
    ap.add_argument("--bad", type=float, default=0.0, help="fraction of extra unreadable lines")
    args = ap.parse_args(argv)
    if args.articles < 1 or args.files < 1 or args.files > args.articles:
        ap.error("need --articles >= --files >= 1")
    for p in write_corpus(args.directory, args.articles, args.files, args.seed, args.bytes, args.bad):
        print(p)


if __name__ == "__main__":
    main()
