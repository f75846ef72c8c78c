"""GSR detection scoring with a fake extractor and a hand-made sentence set."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from rasad.eval.gsr import load_gsr, run_gsr
from rasad.record import Article, Event, InputError

ROOT = Path(__file__).resolve().parents[2]

ASSAULT_ROWS = [
    ("a1", "yes", "انفجرت سيارة مفخخة في بغداد"),
    ("a2", "yes", "قتل مسلحون ثلاثة مدنيين"),
    ("a3", "yes", "هاجم مسلحون حاجزا"),
    ("a4", "easy no", "اجتمع الوزراء في عمان"),
    ("a5", "difficult no", "قتل مسلحون شرطيا في رواية"),
    ("a6", "ambiguous", "انفجرت الأوضاع"),
    ("a7", "easy no", "تظاهر مئات الطلاب"),
]
PROTEST_ROWS = [
    ("p1", "yes", "تظاهر مئات الطلاب"),
    ("p2", "yes", "اعتصم العمال أمام الوزارة"),
    ("p3", "easy no", "انفجرت سيارة مفخخة في بغداد"),
    ("p4", "difficult no", "شغب في الملعب"),
]


def _fake_extractor(article: Article) -> list[Event]:
    """Keyword rules standing in for the real extractor; the figures below follow from them."""
    if "مفخخة" in article.text:
        return [Event(event_type="Explosions/Remote violence")]
    if "قتل" in article.text:
        return [Event(event_type="Violence against civilians"), Event(event_type="Strategic developments")]
    if "تظاهر" in article.text:
        return [Event(event_type="Protests")]
    if "شغب" in article.text:
        return [Event(event_type="Riots")]
    if "crash" in article.text:
        raise ValueError("boom")
    return []


def _write_csv(directory: Path, task: str, rows) -> None:
    import csv

    with (directory / f"{task}_gsr_dev.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "event_type", "label", "accept", "reject", "total", "text"])
        for row_id, label, text in rows:
            writer.writerow([row_id, task.upper(), label, 0, 0, 0, text])


@pytest.fixture
def gsr_dir(tmp_path):
    _write_csv(tmp_path, "assault", ASSAULT_ROWS)
    _write_csv(tmp_path, "protest", PROTEST_ROWS)
    return tmp_path


def test_confusion_counts(gsr_dir):
    data = load_gsr(gsr_dir)
    assert data.unscored == {"assault": 1} and len(data.sentences) == 10
    result = run_gsr(data.sentences, _fake_extractor)
    assault, protest = result.by_task["assault"], result.by_task["protest"]
    # a1, a2 detected; a3 missed; a5 (difficult no) detected -> FP; a4, a7 correctly empty
    # (a7 yields a Protests event, which is not an ASSAULT family event).
    assert (assault.tp, assault.fp, assault.fn, assault.tn) == (2, 1, 1, 2)
    assert assault.fp_by_label == {"difficult no": 1}
    assert assault.precision == pytest.approx(2 / 3) and assault.recall == pytest.approx(2 / 3)
    assert assault.f1 == pytest.approx(2 / 3)
    # p1 detected, p2 missed, p3 (explosion) not a protest -> TN, p4 riot -> FP
    assert (protest.tp, protest.fp, protest.fn, protest.tn) == (1, 1, 1, 1)
    assert protest.f1 == pytest.approx(0.5)
    assert {(m.sentence.id, m.kind) for m in result.misses} == {
        ("a3", "false negative"), ("a5", "false positive"), ("p2", "false negative"), ("p4", "false positive")}
    assert result.flat()["assault.f1"] == pytest.approx(2 / 3)


def test_extractor_crash_counts_as_no_event_and_is_reported(gsr_dir):
    _write_csv(gsr_dir, "assault", [("c1", "yes", "crash please")])
    result = run_gsr(load_gsr(gsr_dir, ["assault"]).sentences, _fake_extractor)
    assert result.by_task["assault"].fn == 1
    assert result.failures == ["assault c1: extractor raised ValueError: boom"]


def test_bad_rows_and_files(gsr_dir, tmp_path):
    _write_csv(gsr_dir, "protest", [("x1", "maybe", "نص"), ("x2", "yes", "  ")])
    data = load_gsr(gsr_dir, ["protest"])
    assert data.sentences == [] and len(data.issues) == 2
    assert ":2: unknown label 'maybe'" in data.issues[0] and ":3: empty text" in data.issues[1]
    with pytest.raises(InputError, match="cannot read"):
        load_gsr(tmp_path / "nowhere")
    (gsr_dir / "assault_gsr_dev.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        load_gsr(gsr_dir, ["assault"])


def test_bench_main_with_injected_extractor(gsr_dir, tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("gsr_bench", ROOT / "bench" / "gsr_detection.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    misses, figures = tmp_path / "misses.jsonl", tmp_path / "figures.json"
    status = bench.main(["--data", str(gsr_dir), "--misclassified", str(misses), "--json", str(figures)],
                        extractor=_fake_extractor)
    out = capsys.readouterr().out
    assert status == 0
    assert "assault    2    1    1     2" in out
    assert json.loads(figures.read_text())["protest.f1"] == pytest.approx(0.5)
    rows = [json.loads(line) for line in misses.read_text("utf-8").splitlines()]
    assert {r["id"] for r in rows} == {"a3", "a5", "p2", "p4"}
    assert bench.main(["--data", str(tmp_path / "none")], extractor=_fake_extractor) == 2


def test_plover_mapping_files_force_on_protesters_under_assault():
    # ACLED codes police firing on demonstrators as Protests (excessive force); PLOVER calls the
    # act ASSAULT and the GSR annotators label such sentences no for PROTEST.
    from rasad.eval.gsr import GsrSentence, tasks_of

    assert tasks_of("Protests", "Excessive force against protesters", "family") == {"protest"}
    assert tasks_of("Protests", "Excessive force against protesters", "plover") == {"assault"}
    assert tasks_of("Riots", "Mob violence", "plover") == {"assault"}
    assert tasks_of("Riots", "Violent demonstration", "plover") == {"protest"}
    sentences = [GsrSentence("p9", "protest", "easy no", "أطلقت الشرطة النار على المتظاهرين"),
                 GsrSentence("a9", "assault", "yes", "أطلقت الشرطة النار على المتظاهرين")]

    def force(article):
        return [Event(event_type="Protests", sub_event_type="Excessive force against protesters")]

    family, plover = run_gsr(sentences, force, "family"), run_gsr(sentences, force, "plover")
    assert (family.by_task["protest"].fp, family.by_task["assault"].tp) == (1, 0)
    assert (plover.by_task["protest"].fp, plover.by_task["assault"].tp) == (0, 1)
    with pytest.raises(InputError):
        run_gsr(sentences, force, "acled")


def _write_adjudication(path: Path, rows) -> Path:
    lines = ["# a comment line", "task\tid\tlabel\tacled_codable\tacled_event_type\treason"]
    lines += ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_acled_reading_bounds_the_f1_of_a_coder_that_follows_acled(gsr_dir, tmp_path):
    from rasad.eval.gsr import acled_reading, load_adjudication

    # a5 (the fake extractor's false positive) is judged codable; a4 judged not codable.
    path = _write_adjudication(tmp_path / "adj.tsv", [
        ("assault", "a5", "difficult no", "yes", "Violence against civilians", "gunmen killed a policeman"),
        ("assault", "a4", "easy no", "no", "-", "a meeting"),
        ("protest", "p3", "easy no", "no", "-", "a car bomb, no protest"),
    ])
    judgements = load_adjudication(path)
    assert judgements[("assault", "a5")].codable and judgements[("assault", "a4")].event_type is None
    data = load_gsr(gsr_dir)
    reading = acled_reading(run_gsr(data.sentences, _fake_extractor), data.sentences, judgements)
    assault, protest = reading["assault"], reading["protest"]
    assert (assault.positives, assault.codable_negatives, assault.judged) == (3, 1, 2)
    assert (assault.fp_codable, assault.fp_not_codable, assault.fp_unjudged) == (1, 0, 0)
    assert assault.best_f1 == pytest.approx(6 / 7)  # 3 yes found, 1 codable no coded
    # p4 (the riot FP) was not judged; no protest "no" is codable, so the bound is 1.
    assert (protest.fp_unjudged, protest.codable_negatives, protest.best_f1) == (1, 0, 1.0)


def test_a_bad_adjudication_file_is_a_clear_error(tmp_path):
    from rasad.eval.gsr import load_adjudication

    with pytest.raises(InputError, match="acled_codable yes or no"):
        load_adjudication(_write_adjudication(tmp_path / "bad.tsv", [("assault", "a1", "easy no", "maybe", "-", "?")]))
    with pytest.raises(InputError, match="cannot read the adjudication file"):
        load_adjudication(tmp_path / "missing.tsv")


def test_the_shipped_adjudication_judges_every_row_and_gives_a_reason():
    from rasad.eval.gsr import load_adjudication

    judgements = load_adjudication(ROOT / "bench" / "gsr_adjudication.tsv")
    assert len(judgements) > 100
    assert all(j.reason and j.label in ("easy no", "difficult no") for j in judgements.values())
    # a codable sentence names the ACLED event type coded, of the task's family
    violence = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    for j in judgements.values():
        if j.codable:
            assert j.event_type in (violence if j.task == "assault" else {"Protests", "Riots"})


def test_bench_prints_the_acled_reading(gsr_dir, tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("gsr_bench", ROOT / "bench" / "gsr_detection.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = _write_adjudication(tmp_path / "adj.tsv", [
        ("assault", "a5", "difficult no", "yes", "Violence against civilians", "gunmen killed a policeman")])
    figures = tmp_path / "figures.json"
    assert bench.main(["--data", str(gsr_dir), "--adjudication", str(path), "--json", str(figures)],
                      extractor=_fake_extractor) == 0
    assert re.search(r"assault +1 +1 \| +1 / +0 / +0 \| 0\.857", capsys.readouterr().out)
    assert json.loads(figures.read_text())["acled.assault.best_f1"] == pytest.approx(0.857)
