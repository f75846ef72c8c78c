"""Event detection on real Arabic newswire: the OEDA Arabic event gold-standard sentences.

Each sentence is labelled for one PLOVER category (ASSAULT or PROTEST); detection is right when
the extractor yields an event that maps to it. Two mappings are scored:

* ``family`` (the data README's): ASSAULT -> Battles, Explosions/Remote violence or Violence
  against civilians; PROTEST -> Protests or Riots, by event type.
* ``plover``: the same by sub-event type, except where ACLED and PLOVER file one act under
  different headings: ACLED codes force used on protesters ("Excessive force against
  protesters") and a crowd beating a person ("Mob violence") under Protests and Riots, while
  PLOVER calls both ASSAULT (physical violence against people) and not PROTEST; the annotators
  of these sentences label "police opened fire on the demonstrators" no for PROTEST.

``ambiguous`` sentences are not scored. The extractor is passed in, so tests can use a fake one.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rasad.eval.report import Counts
from rasad.eval.taxonomy import types_in_family
from rasad.record import Article, Event, InputError

Extractor = Callable[[Article], Sequence[Event]]

TASKS: dict[str, str] = {"assault": "violence", "protest": "demonstrations"}  # task -> ACLED family
MAPPINGS = ("family", "plover")
# Sub-event types PLOVER files as ASSAULT though ACLED's event type is a demonstration one.
_PLOVER_ASSAULT = frozenset({"Excessive force against protesters", "Mob violence"})


def tasks_of(event_type: str, sub_event_type: str | None, mapping: str = "family") -> frozenset[str]:
    """The GSR tasks an extracted event counts for under ``mapping``."""
    if mapping == "plover" and sub_event_type in _PLOVER_ASSAULT:
        return frozenset({"assault"})
    return frozenset(task for task, family in TASKS.items() if event_type in types_in_family(family))
POSITIVE = "yes"
NEGATIVES = ("easy no", "difficult no")
UNSCORED = ("ambiguous",)
_COLUMNS = ("id", "event_type", "label", "text")
_DIR_NAME = "arabic-event-gsr-dev"


@dataclass(frozen=True)
class GsrSentence:
    id: str
    task: str  # "assault" or "protest"
    label: str  # "yes", "easy no", "difficult no"
    text: str


@dataclass
class GsrData:
    sentences: list[GsrSentence] = field(default_factory=list)
    unscored: Counter = field(default_factory=Counter)  # task -> ambiguous sentences left out
    issues: list[str] = field(default_factory=list)


def candidate_dirs() -> list[Path]:
    """Where the dev sentences may be: $RASAD_GSR_DIR, the checkout's shared/, /work/shared/."""
    dirs = []
    if os.environ.get("RASAD_GSR_DIR"):
        dirs.append(Path(os.environ["RASAD_GSR_DIR"]))
    repo_root = Path(__file__).resolve().parents[2]
    dirs.append(repo_root / "shared" / "data" / _DIR_NAME)
    dirs.append(Path("/work/shared/data") / _DIR_NAME)
    return dirs


def find_gsr_dir() -> Path | None:
    for directory in candidate_dirs():
        if all((directory / f"{task}_gsr_dev.csv").is_file() for task in TASKS):
            return directory
    return None


def load_gsr(directory: str | Path, tasks: Iterable[str] = tuple(TASKS)) -> GsrData:
    data = GsrData()
    for task in tasks:
        if task not in TASKS:
            raise InputError(f"unknown task {task!r}: use one of {', '.join(TASKS)}")
        path = Path(directory) / f"{task}_gsr_dev.csv"
        try:
            handle = path.open(encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror}; point --data at the "
                             f"{_DIR_NAME} folder") from None
        with handle:
            _read_csv(handle, path, task, data)
    return data


def _read_csv(handle, path: Path, task: str, data: GsrData) -> None:
    try:
        reader = csv.DictReader(handle)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            label = (row.get("label") or "").strip()
            text = (row.get("text") or "").strip()
            if label in UNSCORED:
                data.unscored[task] += 1
            elif label != POSITIVE and label not in NEGATIVES:
                data.issues.append(f"{path}:{line}: unknown label {label!r}; row skipped")
            elif not text:
                data.issues.append(f"{path}:{line}: empty text; row skipped")
            else:
                data.sentences.append(GsrSentence(row["id"], task, label, text))
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8") from None


@dataclass
class Confusion(Counts):
    """Detection counts for one task, plus the true negatives the gold sentences give."""

    tn: int = 0
    fp_by_label: Counter = field(default_factory=Counter)  # which kind of "no" was mistaken


@dataclass(frozen=True)
class Miss:
    sentence: GsrSentence
    predicted_types: tuple[str, ...]
    kind: str  # "false positive" or "false negative"


@dataclass
class GsrResult:
    by_task: dict[str, Confusion] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def flat(self) -> dict[str, float | int | None]:
        out: dict[str, float | int | None] = {}
        for task, c in self.by_task.items():
            out.update({f"{task}.tp": c.tp, f"{task}.fp": c.fp, f"{task}.fn": c.fn, f"{task}.tn": c.tn,
                        f"{task}.precision": c.precision, f"{task}.recall": c.recall, f"{task}.f1": c.f1})
        return out


def run_gsr(sentences: Sequence[GsrSentence], extractor: Extractor, mapping: str = "family",
            cache: dict[str, tuple[tuple[str, str | None], ...]] | None = None) -> GsrResult:
    """Run ``extractor`` once per distinct sentence text and score each task's detection.
    ``cache`` (text -> extracted types) lets a second mapping reuse the first run."""
    if mapping not in MAPPINGS:
        raise InputError(f"unknown mapping {mapping!r}: use one of {', '.join(MAPPINGS)}")
    result = GsrResult(by_task={task: Confusion() for task in sorted({s.task for s in sentences})})
    types_of_text = cache if cache is not None else {}
    for sentence in sentences:
        if sentence.text not in types_of_text:
            types_of_text[sentence.text] = _event_types(sentence, extractor, result.failures)
        pairs = types_of_text[sentence.text]
        predicted = tuple(sorted({t for t, _ in pairs}))
        detected = any(sentence.task in tasks_of(t, sub, mapping) for t, sub in pairs)
        confusion = result.by_task[sentence.task]
        if sentence.label == POSITIVE:
            if detected:
                confusion.tp += 1
            else:
                confusion.fn += 1
                result.misses.append(Miss(sentence, predicted, "false negative"))
        elif detected:
            confusion.fp += 1
            confusion.fp_by_label[sentence.label] += 1
            result.misses.append(Miss(sentence, predicted, "false positive"))
        else:
            confusion.tn += 1
    return result


def _event_types(sentence: GsrSentence, extractor: Extractor, failures: list[str]) -> tuple[tuple[str, str | None], ...]:
    # No publication date: these sentences carry none, and detection must not depend on one.
    article = Article(text=sentence.text, id=sentence.id, language="ar")
    try:
        events = extractor(article)
    except Exception as exc:  # noqa: BLE001 - counted as "no event" and reported, the run goes on
        failures.append(f"{sentence.task} {sentence.id}: extractor raised {type(exc).__name__}: {exc}")
        return ()
    return tuple(sorted({(e.event_type, e.sub_event_type) for e in events if e.event_type},
                        key=lambda pair: (pair[0], pair[1] or "")))


# ---------------------------------------------------------------- an ACLED reading of the labels

@dataclass(frozen=True)
class Judgement:
    """One "no" sentence read by ACLED's rules: would a coder who follows them code an event of
    the task's family from it?"""

    task: str
    id: str
    label: str
    codable: bool
    event_type: str | None
    reason: str


def load_adjudication(path: str | Path) -> dict[tuple[str, str], Judgement]:
    """``bench/gsr_adjudication.tsv``: task, id, label, acled_codable (yes|no), acled_event_type,
    reason; ``#`` lines are comments. Keyed by (task, id)."""
    out: dict[tuple[str, str], Judgement] = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the adjudication file {path}: {exc}") from None
    rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
    for n, row in enumerate(rows, 2):
        codable = (row.get("acled_codable") or "").strip()
        if codable not in ("yes", "no") or row.get("task") not in TASKS or not row.get("id"):
            raise InputError(f"{path}: row {n} needs a task ({', '.join(TASKS)}), an id and "
                             f"acled_codable yes or no; got {dict(row)!r}")
        event_type = (row.get("acled_event_type") or "").strip()
        out[(row["task"], row["id"])] = Judgement(
            row["task"], row["id"], (row.get("label") or "").strip(), codable == "yes",
            None if event_type in ("", "-") else event_type, (row.get("reason") or "").strip())
    return out


@dataclass(frozen=True)
class AcledReading:
    """What the adjudication says about one task's scoring."""

    task: str
    positives: int  # "yes" sentences scored
    codable_negatives: int  # "no" sentences an ACLED coder codes, among those judged
    judged: int
    fp_codable: int  # false positives now that the reading calls codable …
    fp_not_codable: int  # … not codable …
    fp_unjudged: int  # … or has not judged

    @property
    def best_f1(self) -> float:
        """The F1 a coder that follows ACLED's rules reaches at best on these labels: every "yes"
        found, every "no" it does not code left alone, and the codable "no" sentences (counted
        among those judged only, so the bound is generous) coded, as its rules require."""
        return 2 * self.positives / (2 * self.positives + self.codable_negatives)


def acled_reading(result: GsrResult, sentences: Sequence[GsrSentence],
                  judgements: dict[tuple[str, str], Judgement]) -> dict[str, AcledReading]:
    out: dict[str, AcledReading] = {}
    fps: dict[str, list[GsrSentence]] = {}
    for miss in result.misses:
        if miss.kind == "false positive":
            fps.setdefault(miss.sentence.task, []).append(miss.sentence)
    for task in result.by_task:
        mine = {(t, i): j for (t, i), j in judgements.items() if t == task}
        found = [mine.get((task, s.id)) for s in fps.get(task, [])]
        out[task] = AcledReading(
            task=task,
            positives=sum(1 for s in sentences if s.task == task and s.label == POSITIVE),
            codable_negatives=sum(1 for j in mine.values() if j.codable),
            judged=len(mine),
            fp_codable=sum(1 for j in found if j is not None and j.codable),
            fp_not_codable=sum(1 for j in found if j is not None and not j.codable),
            fp_unjudged=sum(1 for j in found if j is None))
    return out
