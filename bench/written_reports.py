"""rasad against multi-incident reports written for the purpose and coded by hand from taxonomy.md.

    .venv/bin/python bench/written_reports.py [--diff] [SET ...]

The sets in bench/written_reports/ (see its README.md) are whole news items, Arabic and English,
each telling two to six incidents in a style the gold sets lack (agency wires, monitors' digests,
Telegram bulletins, liveblogs, official statements, Houthi and Kurdish media wording), with
background history, vows and claims that must not be coded. Each report lists the events an ACLED
coder would record (event type, sub-event type, actor 1, actor 2, admin1, fatalities; "*" where
the text leaves a field open). Scoring: rasad.eval.written (matched by event type within a report).
These are figures to compare versions by, not gold: one author per set, no adjudication.
tests/test_written_floor.py keeps each set's F1 above tests/floors/written.json.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasad.eval.written import FIELDS, score_written

HERE = Path(__file__).parent / "written_reports"


def _print_diff(report_id: str, want: list[dict], got: list[dict]) -> None:
    print(f"--- {report_id}: want {len(want)}, got {len(got)}")
    for label, rows in (("want", want), ("got", got)):
        for r in rows:
            print(f"  {label:4} " + " | ".join(str(r[k]) for k in FIELDS))


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
        s = score_written(path, on_diff=_print_diff if args.diff else None)
        print(f"{s['set']:6} {s['reports']:>7} {s['exact']:>5} {s['expected']:>6} {s['extracted']:>5}  "
              f"{s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
              + "  ".join(f"{s[k]:>8.2f}" for k in FIELDS[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
