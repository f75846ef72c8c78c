"""``rasad eval`` end to end with an injected fake extractor (the real one is not needed here)."""

from __future__ import annotations

import json

import pytest

import rasad.eval.runner as runner
from rasad.cli import main
from rasad.record import Article, Event

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _fake_extractor(article: Article) -> list[Event]:
    if "crash" in article.text:
        raise RuntimeError("simulated extractor bug")
    if "Clashes" in article.text:
        return [Event(event_type="Battles", sub_event_type="Armed clash", location="Hajin",
                      fatalities=1, event_date=None)]
    if "script" in article.text:
        return [Event(event_type="Riots", location=HOSTILE, actor1=HOSTILE)]
    return []


@pytest.fixture
def gold_file(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "default_extractor", lambda: _fake_extractor)
    lines = [
        {"id": "a1", "text": "Clashes in Hajin killed two.", "published": None, "language": "en",
         "events": [{"event_type": "Battles", "location": "Hajin", "fatalities": 2}]},
        {"id": "a2", "text": f"Hostile {HOSTILE} text", "published": None, "language": "en", "events": []},
        {"id": "a3", "text": "Nothing happened.", "published": None, "language": "en", "events": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n", encoding="utf-8")
    return path


def _run(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def test_eval_writes_json_and_escaped_html(gold_file, tmp_path, capsys):
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    status = _run(["eval", str(gold_file), "--json", str(out_json), "--report", str(out_html)])
    captured = capsys.readouterr()
    assert status == 1  # line 4 of the gold file is malformed: reported, scoring went on
    assert f"{gold_file}:4: malformed JSON" in captured.err
    document = json.loads(out_json.read_text("utf-8"))
    metrics = document["metrics"]
    assert (metrics["detection.tp"], metrics["detection.fp"], metrics["detection.fn"]) == (1, 1, 0)
    assert metrics["fields.fatalities.mae"] == 1.0
    assert any(":4: malformed JSON" in issue for issue in document["gold_issues"])
    html = out_html.read_text("utf-8")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "Spurious prediction" in html
    assert "http://" not in html and "https://" not in html  # self-contained


def test_floors_missed_exit_3_and_name_the_metric(gold_file, tmp_path, capsys):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"_comment": "test", "detection.recall": 0.5, "detection.f1": 0.9,
                                  "fields.fatalities.mae": 0.5}))
    status = _run(["eval", str(gold_file), "--floors", str(floors), "--quiet"])
    err = capsys.readouterr().err
    assert status == 3
    assert "detection.f1 = 0.6667, below the floor 0.9" in err
    assert "fields.fatalities.mae = 1.0000, above the maximum 0.5" in err
    assert "detection.recall" not in err


def test_extractor_failure_is_reported_per_article(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(runner, "default_extractor", lambda: _fake_extractor)
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "c1", "text": "crash here", "published": None,
                                "language": "en", "events": []}) + "\n", encoding="utf-8")
    status = _run(["eval", str(path), "--json", "-"])
    captured = capsys.readouterr()
    assert status == 1
    assert "article c1 (line 1): extractor raised RuntimeError: simulated extractor bug" in captured.err
    assert json.loads(captured.out)["metrics"]["articles"] == 1


def test_user_errors_are_one_line(tmp_path, capsys):
    assert _run(["eval", str(tmp_path / "nope.jsonl")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    bad_floors = tmp_path / "f.json"
    bad_floors.write_text("{oops")
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "x", "text": "t", "events": []}\n')
    assert _run(["eval", str(gold), "--floors", str(bad_floors)]) == 2
    assert "not valid UTF-8 JSON" in capsys.readouterr().err


def test_html_marks_evidence_spans_and_escapes_them():
    from rasad.eval.gold import GoldArticle
    from rasad.eval.html_report import render_html
    from rasad.eval.scorer import score

    text = "A <b>bomb</b> hit."
    start = text.index("bomb")
    gold = [GoldArticle("x", text, "en", None,
                        [{"event_type": "Battles", "evidence": {"trigger": [(start, start + 4)]}}], line=1)]
    html = render_html(score(gold, {}), "t")
    assert 'A &lt;b&gt;<span class="ev-g">bomb</span>&lt;/b&gt; hit.' in html
