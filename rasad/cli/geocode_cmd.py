"""``rasad geocode "<place phrase>" [--prior GOVERNORATE] [--json] [--top N]``.

Shows the place a phrase resolves to, the mentions recognised in it, and the candidates that
were weighed with the reasons for their scores.
"""

from __future__ import annotations

import json

import click

from rasad.record import InputError

MAX_PHRASE_CHARS = 2000


@click.command("geocode")
@click.argument("phrase")
@click.option("--prior", "prior_admin1", default=None, metavar="GOVERNORATE",
              help="governorate named earlier in the article (OCHA English name, e.g. Deir-ez-Zor)")
@click.option("--json", "as_json", is_flag=True, help="print the result as one JSON object")
@click.option("--top", default=5, show_default=True, type=click.IntRange(1, 50), help="candidates to show")
def geocode(phrase: str, prior_admin1: str | None, as_json: bool, top: int) -> None:
    """Resolve a place phrase, e.g. rasad geocode "قرية الزر بريف مدينة البصيرة"."""
    from rasad.geo import geocode_phrase, get_gazetteer
    from rasad.geo.recognize import find_places_in_text

    phrase = phrase.strip()
    if not phrase:
        raise InputError("empty place phrase: pass a place name, e.g. rasad geocode \"بلدة ذيبان بريف دير الزور\"")
    if len(phrase) > MAX_PHRASE_CHARS:
        raise InputError(f"place phrase is {len(phrase)} characters; pass one phrase of at most {MAX_PHRASE_CHARS}")
    if "\x00" in phrase:
        raise InputError("place phrase contains NUL bytes: pass plain text")
    gaz = get_gazetteer()
    if prior_admin1 is not None and prior_admin1 not in gaz.admin1_names():
        raise InputError(f"unknown governorate {prior_admin1!r} for --prior; use an OCHA English name such as "
                         "Deir-ez-Zor, Aleppo, Homs, Dar'a, Ar-Raqqa")
    mentions = find_places_in_text(phrase)
    result = geocode_phrase(phrase, prior_admin1)
    if as_json:
        out = {
            "phrase": phrase,
            "mentions": [{"name": m.name, "cue": m.cue, "direction": m.direction, "candidates": len(m.candidates)}
                         for m in mentions],
            "result": None if result is None else {
                k: getattr(result, k) for k in ("place_id", "location", "location_ar", "latitude", "longitude",
                                                "geo_precision", "country", "iso", "admin1", "admin2", "admin3",
                                                "kind", "reasons")
            },
            "candidates": [] if result is None else result.candidates[:top],
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if not mentions:
        click.echo("no place mention recognised (no cue word or known name); looked the phrase up as a name")
    for m in mentions:
        extra = ", ".join(x for x in (m.cue and f"cue {m.cue}", m.direction and f"direction {m.direction}") if x)
        click.echo(f"mention: {m.name}" + (f" ({extra})" if extra else "") + f" - {len(m.candidates)} candidate(s)")
    if result is None:
        click.echo("no place found")
        raise SystemExit(1)
    click.echo("")
    click.echo(f"place:        {result.location} / {result.location_ar or '-'}  [{result.place_id}]")
    click.echo(f"kind:         {result.kind}")
    click.echo(f"admin:        {result.country} > {result.admin1 or '-'} > {result.admin2 or '-'} > {result.admin3 or '-'}")
    click.echo(f"point:        {result.latitude}, {result.longitude}   geo_precision {result.geo_precision}")
    click.echo("why:")
    for r in result.reasons:
        click.echo(f"  - {r}")
    if result.candidates:
        click.echo(f"candidates weighed ({len(result.candidates)}, top {min(top, len(result.candidates))}):")
        for c in result.candidates[:top]:
            click.echo(f"  {c['score']:+6.2f}  {c['name']} / {c['name_ar'] or '-'} ({c['kind']}; "
                       f"{c['admin2'] or '-'}, {c['admin1'] or '-'}, {c['country']})  [{c['id']}]")
            if c.get("why"):
                click.echo("          " + "; ".join(c["why"]))
