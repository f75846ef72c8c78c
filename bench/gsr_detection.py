"""Event detection on real Arabic newswire (OEDA event gold-standard sentences, dev half).

    .venv/bin/python bench/gsr_detection.py [--data DIR] [--task assault|protest] [--limit N]
        [--misclassified misses.jsonl] [--json figures.json] [--adjudication FILE]

Prints, per task, the confusion counts and precision / recall / F1 of "the extractor yields an
event of the right family" (ASSAULT: Battles, Explosions/Remote violence, Violence against
civilians; PROTEST: Protests, Riots), and the sentences per second. Sentences carry no publication
date and are run one by one, as extract_article sees a short article.

Then, from ``bench/gsr_adjudication.tsv`` (an ACLED reading of the "no" sentences rasad fired on:
would a coder following ACLED's rules code an event from each?), how many of today's false
positives are sentences ACLED's rules code, and the best F1 any coder that follows those rules
can reach on these labels.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from rasad.eval.gsr import (TASKS, GsrResult, GsrSentence, acled_reading, find_gsr_dir, load_adjudication,
                            load_gsr, run_gsr)
from rasad.record import Article, Event, InputError


def _fmt(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def print_result(result: GsrResult, seconds: float, sentences: int, out=sys.stdout) -> None:
    print(f"{sentences} sentences in {seconds:.1f} s ({sentences / max(seconds, 1e-9):.0f}/s)", file=out)
    print("task     TP   FP   FN    TN   precision recall     F1   FP on easy no / difficult no", file=out)
    for task, c in result.by_task.items():
        print(f"{task:<8}{c.tp:4d} {c.fp:4d} {c.fn:4d} {c.tn:5d}   {_fmt(c.precision)}   {_fmt(c.recall)} "
              f"{_fmt(c.f1)}   {c.fp_by_label['easy no']} / {c.fp_by_label['difficult no']}", file=out)
    if result.failures:
        print(f"{len(result.failures)} extractor failures, first: {result.failures[0]}", file=out)


DEFAULT_ADJUDICATION = Path(__file__).with_name("gsr_adjudication.tsv")


def print_reading(result: GsrResult, sentences: list[GsrSentence], path: Path, out=sys.stdout) -> dict:
    reading = acled_reading(result, sentences, load_adjudication(path))
    print(f"ACLED reading of the 'no' sentences ({path.name}):", file=out)
    print("task     judged codable | FP now: codable / not / unjudged | best F1 of an ACLED-faithful coder",
          file=out)
    figures = {}
    for task, r in reading.items():
        print(f"{task:<8}{r.judged:6d} {r.codable_negatives:7d} | {r.fp_codable:11d} / {r.fp_not_codable:3d} / "
              f"{r.fp_unjudged:8d} | {r.best_f1:.3f}", file=out)
        figures.update({f"acled.{task}.codable_negatives": r.codable_negatives,
                        f"acled.{task}.fp_not_codable": r.fp_not_codable,
                        f"acled.{task}.best_f1": round(r.best_f1, 3)})
    return figures


def write_misses(result: GsrResult, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for miss in result.misses:
            handle.write(json.dumps({"kind": miss.kind, "task": miss.sentence.task, "label": miss.sentence.label,
                                     "id": miss.sentence.id, "predicted_types": list(miss.predicted_types),
                                     "text": miss.sentence.text}, ensure_ascii=False) + "\n")


def first_per_task(sentences: list[GsrSentence], limit: int) -> list[GsrSentence]:
    taken: Counter = Counter()
    kept = []
    for sentence in sentences:
        if taken[sentence.task] < limit:
            taken[sentence.task] += 1
            kept.append(sentence)
    return kept


def main(argv: list[str] | None = None,
         extractor: Callable[[Article], Sequence[Event]] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the arabic-event-gsr-dev folder (default: found)")
    parser.add_argument("--task", choices=sorted(TASKS), action="append",
                        help="score only this task (repeatable; default both)")
    parser.add_argument("--limit", type=int, default=0, help="score the first N sentences of each task")
    parser.add_argument("--misclassified", type=Path, help="write false positives/negatives as JSON Lines")
    parser.add_argument("--json", dest="json_path", type=Path, help="write the figures as JSON")
    parser.add_argument("--adjudication", type=Path, default=DEFAULT_ADJUDICATION,
                        help="an ACLED reading of the 'no' sentences (default: %(default)s)")
    args = parser.parse_args(argv)

    directory = args.data or find_gsr_dir()
    if directory is None:
        print("gsr_detection: error: arabic-event-gsr-dev not found; pass --data DIR or set RASAD_GSR_DIR",
              file=sys.stderr)
        return 2
    try:
        data = load_gsr(directory, args.task or tuple(TASKS))
    except InputError as exc:
        print(f"gsr_detection: error: {exc}", file=sys.stderr)
        return 2
    for issue in data.issues:
        print(issue, file=sys.stderr)
    sentences = data.sentences
    if args.limit > 0:
        sentences = first_per_task(sentences, args.limit)
    if extractor is None:
        from rasad.eval.runner import default_extractor

        extractor = default_extractor()
    started = time.perf_counter()
    cache: dict = {}
    result = run_gsr(sentences, extractor, "family", cache)
    seconds = time.perf_counter() - started
    print("mapping 'family' (by ACLED event type, as the data README says):")
    print_result(result, seconds, len(sentences))
    plover = run_gsr(sentences, extractor, "plover", cache)
    print("mapping 'plover' (force on protesters and mob violence count as ASSAULT, not PROTEST):")
    print_result(plover, seconds, len(sentences))
    print(f"not scored (ambiguous): {dict(data.unscored)}")
    acled = {}
    if args.adjudication.is_file():
        try:
            acled = print_reading(result, sentences, args.adjudication)
        except InputError as exc:
            print(f"gsr_detection: error: {exc}", file=sys.stderr)
            return 2
    if args.misclassified:
        write_misses(result, args.misclassified)
        print(f"{len(result.misses)} misclassified sentences written to {args.misclassified}")
    if args.json_path:
        figures = dict(result.flat(), **{f"plover.{k}": v for k, v in plover.flat().items()},
                       **acled, sentences=len(sentences), seconds=round(seconds, 3))
        args.json_path.write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
