"""Snapshot of everything extraction produces, to prove a speed change changed nothing.

    .venv/bin/python bench/extraction_snapshot.py OUT_PREFIX
    cmp BEFORE.events.json AFTER.events.json && cmp BEFORE.mentions.json AFTER.mentions.json

Runs ``rasad.extract.extract_article`` over every article of ``data/gold/{dev,test}-{ar,en}.jsonl``,
``rasad/examples/reports.jsonl`` and two generated corpora (400 x 6 KB seed 7, 200 x 1.5 KB seed 11)
and writes, as sorted JSON:

* ``OUT_PREFIX.events.json``: every event's full record (``Event.to_dict()``, evidence spans
  included) and the warnings, per article: what users see, which must stay byte-identical;
* ``OUT_PREFIX.mentions.json``: the Document behind them (language runs, tokens, sentences,
  clauses, every mention and place): stricter, to find where a difference starts.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from rasad.batch.corpus import write_corpus
from rasad.extract import extract_article
from rasad.record import Article

ROOT = Path(__file__).resolve().parent.parent


def inputs(tmp: Path) -> list[Path]:
    paths = [ROOT / "data" / "gold" / f"{part}-{lang}.jsonl" for part in ("dev", "test") for lang in ("ar", "en")]
    paths.append(ROOT / "rasad" / "examples" / "reports.jsonl")
    paths += write_corpus(tmp / "a", 400, files=2, seed=7, target_bytes=6000)
    paths += write_corpus(tmp / "b", 200, files=1, seed=11, target_bytes=1500)
    return paths


def document_record(d) -> dict:
    return {
        "lang": d.language, "paragraphs": d.paragraphs,
        "sentences": [repr(s) for s in d.sentences], "clauses": [repr(s) for s in d.clauses],
        "tokens": [repr(t) for t in d.tokens],
        "mentions": {k: [[m.kind, m.start, m.end, m.tok_start, m.tok_end, m.surface, repr(m.value),
                          repr(sorted(m.attrs.items(), key=str))] for m in v] for k, v in d.mentions.items()},
        "places": [repr(p) for p in d.places],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("prefix", help="output path prefix: writes PREFIX.events.json and PREFIX.mentions.json")
    args = ap.parse_args(argv)
    events, documents = {}, {}
    with tempfile.TemporaryDirectory(prefix="rasad-snapshot-") as tmp:
        for path in inputs(Path(tmp)):
            with open(path, "rb") as f:
                for i, line in enumerate(f):
                    if not line.strip():
                        continue
                    article = Article.from_dict(json.loads(line))
                    key = f"{path.name}:{i}:{article.id}"
                    result = extract_article(article)
                    events[key] = {"events": [e.to_dict() for e in result.events], "warnings": result.warnings}
                    documents[key] = document_record(result.document)
    for name, data in (("events", events), ("mentions", documents)):
        Path(f"{args.prefix}.{name}.json").write_text(
            json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0, default=repr), encoding="utf-8")
    print(f"{len(events)} articles, {sum(len(v['events']) for v in events.values())} events")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
