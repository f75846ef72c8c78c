"""`rasad geocode` and the gazetteer build script (supplement and local CSV merging)."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasad.cli.geocode_cmd import geocode
from rasad.geo.gazetteer import load

ROOT = Path(__file__).resolve().parents[2]
DATA_CANDIDATES = [Path("/work/shared/data/places"), ROOT.parent / "shared" / "data" / "places",
                   ROOT / "shared" / "data" / "places"]
DATA = next((p for p in DATA_CANDIDATES if (p / "wof_sy_places.csv").exists()), None)
needs_data = pytest.mark.skipif(DATA is None, reason="shared place data (wof_sy_places.csv) not present")


def run(*args):
    return CliRunner().invoke(geocode, list(args), standalone_mode=False, catch_exceptions=True)


def test_geocode_shows_choice_candidates_and_reasons():
    res = run("قرية الزر بريف مدينة البصيرة شرقي سوريا")
    assert res.exit_code == 0, res.output
    assert "Safat az Zur / صفات الزر" in res.output and "geo_precision 1" in res.output
    assert "candidates weighed" in res.output and "Zarik" in res.output  # the other al-Zir, rejected
    assert "km from Basira" in res.output


def test_geocode_json():
    res = run("near Al-Sukhnah in eastern Homs", "--json")
    out = json.loads(res.output)
    assert out["result"]["location"] == "Sokhneh" and out["result"]["geo_precision"] == 2
    assert out["candidates"] and out["mentions"][0]["name"] == "Al-Sukhnah"


def test_geocode_bad_input_is_a_one_line_error():
    from rasad.record import InputError

    for args in ([""], ["x" * 5000], ["الزر", "--prior", "Atlantis"]):
        res = run(*args)
        assert isinstance(res.exception, InputError), args
        assert "\n" not in str(res.exception)


def test_geocode_nothing_found():
    res = run("لا شيء هنا")
    assert res.exit_code == 1 or isinstance(res.exception, SystemExit)
    assert "no place found" in res.output


@needs_data
@pytest.mark.slow
def test_build_merges_a_local_csv(tmp_path):
    local = tmp_path / "my_places.csv"
    local.write_text(
        "id,action,kind,name,name_ar,names,lat,lon,coord_quality,precision,importance,country,admin1,admin2,admin3,point_from,source\n"
        "local:tal-test,add,village,Tal Test,تل الاختبار,Tal al-Ikhtibar,35.30,40.20,exact,,1,Syria,,,,,field report 2024\n"
        "wof:1242967673,alias,,,,ذيبان الكبيرة,,,,,,,,,,,local spelling\n",
        encoding="utf-8")
    out = tmp_path / "g.tsv.gz"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--data", str(DATA),
                           "--local", str(local), "--out", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    gaz = load(out)
    added = gaz.get("local:tal-test")
    assert added.admin1 == "Deir-ez-Zor" and added.admin2 and added.admin3  # admin filled from the point
    assert "local:my_places.csv" in added.source
    assert gaz.get("wof:1242967673") in gaz.lookup("ذيبان الكبيرة")
    # the build is deterministic: same inputs, same bytes
    out2 = tmp_path / "g2.tsv.gz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--data", str(DATA),
                    "--local", str(local), "--out", str(out2)], check=True, capture_output=True)
    assert gzip.decompress(out.read_bytes()) == gzip.decompress(out2.read_bytes())


@needs_data
@pytest.mark.slow
def test_build_rejects_a_row_without_source(tmp_path):
    local = tmp_path / "bad.csv"
    local.write_text("id,action,kind,name,name_ar,lat,lon,source\nx:1,add,village,X,اكس,35,40,\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "--data", str(DATA),
                           "--local", str(local), "--out", str(tmp_path / "g.tsv.gz")], capture_output=True, text=True)
    assert proc.returncode != 0 and "source" in proc.stderr and "Traceback" not in proc.stderr


def test_display_names_are_plain_latin_and_the_marked_form_stays_a_name():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build  # its dataclasses look their module up
    try:
        spec.loader.exec_module(build)
    finally:
        sys.modules.pop(spec.name, None)
    # WOF's transliteration marks are not how news or ACLED write names; ayn stays as GeoNames'
    # ASCII names write it.
    assert build.plain_latin("An Nāşirīyah") == "An Nasiriyah"
    assert build.plain_latin("Al Hårithah") == "Al Harithah"
    assert build.plain_latin("Al ‘Amārah") == "Al `Amarah"
    assert build.plain_latin("Batroûn") == "Batroun"
    assert build.plain_latin("الناصرية") == "الناصرية"
    # the shipped gazetteer: Hit is displayed plain, and "Hīt" still finds it
    from rasad.geo import get_gazetteer

    gaz = get_gazetteer()
    hit = gaz.get("wof:1125920661")
    assert hit.name == "Hit"
    assert hit in gaz.lookup_en("Hīt") and hit in gaz.lookup_en("Hit")
