"""rasad against multi-incident reports written for the purpose and coded by hand from taxonomy.md.

    .venv/bin/python bench/written_reports.py [--diff] [SET ...]

The sets in bench/written_reports/ (see its README.md) are whole news items, Arabic and English,
each telling two to six incidents in a style the gold sets lack (agency wires, monitors' digests,
Telegram bulletins, liveblogs, official statements, Houthi and Kurdish media wording), with
background history, vows and claims that must not be coded. Each report lists the events an ACLED
coder would record (event type, sub-event type, actor 1, actor 2, admin1, fatalities; "*" where
the text leaves a field open).

Scoring: within a report, each expected event is matched to an unused extracted event of the same
event type, the one agreeing on most fields; precision and recall count those matches, and field
accuracy is over the matched pairs. "exact" counts reports whose events all agree, in order.
These are figures to compare versions by, not gold: one author per set, no adjudication.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from rasad.extract import extract_article
from rasad.record import Article

HERE = Path(__file__).parent / "written_reports"
FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "admin1", "fatalities")


def _agree(want: dict, got: dict, field: str) -> bool:
    return want[field] == "*" or want[field] == got[field]


def score_set(path: Path, diff: bool = False) -> dict:
    reports = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    matched = n_got = n_want = exact = 0
    field_ok = dict.fromkeys(FIELDS, 0)
    for rep in reports:
        article = Article(text=rep["text"], id=rep["id"], published=dt.date.fromisoformat(rep["published"]))
        got = [{k: getattr(e, k) for k in FIELDS} for e in extract_article(article).events]
        want = rep["expect"]
        n_got += len(got)
        n_want += len(want)
        used: set[int] = set()
        for w in want:
            options = [(sum(_agree(w, g, k) for k in FIELDS), i) for i, g in enumerate(got)
                       if i not in used and g["event_type"] == w["event_type"]]
            if not options:
                continue
            _, best = max(options, key=lambda o: (o[0], -o[1]))
            used.add(best)
            matched += 1
            for k in FIELDS:
                field_ok[k] += _agree(w, got[best], k)
        same = len(got) == len(want) and all(_agree(w, g, k) for w, g in zip(want, got) for k in FIELDS)
        exact += same
        if diff and not same:
            print(f"--- {rep['id']}: want {len(want)}, got {len(got)}")
            for label, rows in (("want", want), ("got", got)):
                for r in rows:
                    print(f"  {label:4} " + " | ".join(str(r[k]) for k in FIELDS))
    p = matched / n_got if n_got else 0.0
    r = matched / n_want if n_want else 0.0
    return {
        "set": path.stem, "reports": len(reports), "exact": exact, "expected": n_want, "extracted": n_got,
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        **{k: (field_ok[k] / matched if matched else 0.0) for k in FIELDS[1:]},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="set names (default: all in bench/written_reports/)")
    ap.add_argument("--diff", action="store_true", help="print each report that differs")
    args = ap.parse_args(argv)
    paths = [HERE / f"{s}.jsonl" for s in args.sets] if args.sets else sorted(HERE.glob("*.jsonl"))
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"no such set: {', '.join(p.stem for p in missing)} (have: "
              f"{', '.join(p.stem for p in sorted(HERE.glob('*.jsonl')))})", file=sys.stderr)
        return 2
    print(f"{'set':6} {'reports':>7} {'exact':>5} {'events':>6} {'found':>5}   P      R      F1   "
          + "  ".join(f"{k[:8]:>8}" for k in FIELDS[1:]))
    for path in paths:
        s = score_set(path, args.diff)
        print(f"{s['set']:6} {s['reports']:>7} {s['exact']:>5} {s['expected']:>6} {s['extracted']:>5}  "
              f"{s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
              + "  ".join(f"{s[k]:>8.2f}" for k in FIELDS[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
