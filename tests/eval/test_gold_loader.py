from __future__ import annotations

import json

import pytest

from rasad.eval.gold import load_gold
from rasad.record import InputError

GOOD = {"id": "ok-1", "text": "Clashes in Hajin.", "published": "2022-12-05", "language": "en",
        "events": [{"event_type": "Battles", "location": "Hajin"}]}


def _write(tmp_path, lines: list[str | bytes]):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines))
    return path


def test_bad_lines_get_line_numbers_and_loading_goes_on(tmp_path):
    path = _write(tmp_path, [
        "# header comment",
        json.dumps(GOOD),
        '{"id": "broken", "text": ',  # malformed JSON
        json.dumps({"id": "no-text", "events": []}),
        "",
        json.dumps({"id": "empty-text", "text": "  ", "events": []}),
        "[1, 2]",
        json.dumps(dict(GOOD, id="ok-2")),
        json.dumps(dict(GOOD, id="ok-1")),  # duplicate id
        b'{"id": "latin1", "text": "caf\xe9", "events": []}',
        json.dumps(dict(GOOD, id="bad-date", published="05/12/2022")),
        json.dumps(dict(GOOD, id="no-events-list", events={"event_type": "Battles"})),
    ])
    gold = load_gold(path)
    assert [a.id for a in gold.articles] == ["ok-1", "ok-2"]
    assert [a.line for a in gold.articles] == [2, 8]
    errors = {issue.line: issue.message for issue in gold.errors}
    assert sorted(errors) == [3, 4, 6, 7, 9, 10, 11, 12]
    assert "malformed JSON" in errors[3]
    assert "'text'" in errors[4] and "'text'" in errors[6]
    assert "duplicate id" in errors[9]
    assert "UTF-8" in errors[10]
    assert "publication date" in errors[11]
    assert "'events'" in errors[12]
    assert str(gold.errors[0]).startswith(f"{path}:3: ")


def test_bad_field_is_dropped_and_reported_article_kept(tmp_path):
    event = {"event_type": "Battle", "fatalities": "two", "location": "Hajin", "fatalites": 2,
             "latitude": 34.7, "sub_event_type": "Armed clash",
             "evidence": {"trigger": [{"start": 0, "end": 7, "text": "Clashes"},
                                      {"start": 0, "end": 3, "text": "xyz"}]}}
    path = _write(tmp_path, [json.dumps(dict(GOOD, events=[event]))])
    gold = load_gold(path)
    (article,) = gold.articles
    kept = article.events[0]
    assert set(kept) == {"location", "sub_event_type", "evidence"}
    assert kept["evidence"] == {"trigger": [(0, 7)]}
    messages = [str(i) for i in gold.issues]
    assert any("'Battle' is not an ACLED event type" in m for m in messages)
    assert any("fatalities: must be an integer" in m for m in messages)
    assert any("latitude and longitude come together" in m for m in messages)
    assert any("differs from the article's" in m for m in messages)
    warnings = [i for i in gold.issues if not i.is_error]
    assert len(warnings) == 1 and "'fatalites'" in warnings[0].message


def test_unreadable_files_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="directory"):
        load_gold(tmp_path)
    binary = tmp_path / "gold.bin"
    binary.write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(InputError, match="binary"):
        load_gold(binary)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    with pytest.raises(InputError, match="no articles"):
        load_gold(empty)
