"""The UI as files and as served by the app, without a browser: everything is local (offline),
no script parses strings as HTML, and the mount leaves the API reachable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rasad.web import CONTENT_SECURITY_POLICY, STATIC_DIR

STATIC_FILES = sorted(p for p in STATIC_DIR.rglob("*") if p.is_file())
SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_static_files_exist() -> None:
    names = {p.relative_to(STATIC_DIR).as_posix() for p in STATIC_FILES}
    assert {"index.html", "css/app.css", "js/app.js"} <= names


@pytest.mark.parametrize("path", STATIC_FILES, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_nothing_is_loaded_from_another_origin(path: Path) -> None:
    remote = [u for u in re.findall(r"[a-z]+://[^\s'\"<>)]+", _text(path)) if u != SVG_NAMESPACE]
    assert remote == [], f"{path.name} refers to another origin: the UI must work offline"
    assert "@import" not in _text(path)


@pytest.mark.parametrize("path", [p for p in STATIC_FILES if p.suffix == ".js"], ids=lambda p: p.name)
def test_no_script_turns_strings_into_markup_or_code(path: Path) -> None:
    code = _text(path)
    sinks = re.findall(r"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\s*\(|new Function|"
                       r"setAttribute\(\s*['\"]on|setAttribute\(\s*['\"]style)", code)
    assert sinks == [], f"{path.name} uses {sinks}: build nodes with textContent (see dom.js)"


def test_index_has_no_inline_script_or_style() -> None:
    html = _text(STATIC_DIR / "index.html")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "<style" not in html and " style=" not in html and re.search(r"\son[a-z]+=", html) is None


def test_mount_serves_the_ui_with_its_policy_and_keeps_the_api(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from rasad.api.app import create_app
    from rasad.store import open_store

    store = open_store(f"sqlite:///{tmp_path / 'ui.sqlite'}")
    try:
        client = TestClient(create_app(token="t", store=store))
        index = client.get("/")
        assert index.status_code == 200 and "text/html" in index.headers["content-type"]
        assert index.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY
        script = client.get("/js/app.js")
        assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
        meta = client.get("/api/meta")
        assert meta.status_code == 200 and "Battles" in meta.json()["event_types"]
        assert client.get("/js/no-such-file.js").status_code == 404
    finally:
        store.close()
