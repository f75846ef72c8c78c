"""Resolution: the place mentions of one incident -> one :class:`ResolvedPlace`.

The most specific mention (a village before its town, a town before its governorate) is the
target; the others are its context. Each candidate of the target is scored by

* agreement with the admin context the text states (governorate, district, sub-district,
  country; a named town or region counts by distance), taking for each context mention its
  candidate that agrees best, so "قرية الزر بريف مدينة البصيرة" picks the al-Zir that lies by an
  al-Busayrah, and a Jordanian Dhiban wins only with Jordanian context;
* a direction stated with the context ("ريف ديرالزور الغربي": west of Deir ez-Zor);
* the article's governorate prior, then the cue word's fit (قرية / مدينة / محافظة) and the
  place's importance; Syria is the default country.

A village named after a cue that no data has, or whose only candidates contradict the stated
context, is coded to the most specific enclosing place the text gives, geo_precision 2, with
the name kept as reported in ``location_ar``. Weights are constants here, documented in
docs/gazetteer.md; the accuracy benchmark (bench/geocode_accuracy.py) measures them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasad.geo.gazetteer import ADMIN_KINDS, POPULATED, Gazetteer, Place, bearing, capital_ids, get_gazetteer, km
from rasad.geo.mentions import PlaceMention, ResolvedPlace
from rasad.geo.names import en_key, is_arabic, romanise_ar

_CONTAINER_CUES = frozenset({"countryside", "badia", "governorate", "district", "subdistrict", "region", "country",
                             "front"})
_CUE_KINDS = {
    "village": {"village": 1.0, "farm": 0.8, "town": 0.6, "city": 0.3, "camp": 0.3},
    "town": {"town": 1.2, "city": 1.0, "village": 0.6, "subdistrict": -0.5},
    "city": {"city": 1.5, "town": 1.2, "village": 0.2},
    "capital": {"city": 1.0},
    "camp": {"camp": 2.0, "village": 0.2},
    "neighbourhood": {"neighbourhood": 2.0, "village": 0.3},
    "farm": {"farm": 1.5, "village": 0.8},
    "airport": {"airport": 2.0},
    "governorate": {"governorate": 3.0},
    "district": {"district": 3.0, "subdistrict": 1.0},
    "subdistrict": {"subdistrict": 3.0},
    "region": {"region": 1.5, "district": 1.0, "subdistrict": 0.8, "city": 0.5, "town": 0.5, "neighbourhood": 0.5},
    "country": {"country": 3.0},
    "countryside": {"region": 1.0, "city": 1.0, "town": 0.8, "governorate": 0.8, "district": 0.5},
    "badia": {"region": 1.5, "city": 0.8, "town": 0.8, "governorate": 0.8},
}
_DIRECTION_DEG = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
                  "southwest": 225, "west": 270, "northwest": 315}
# Cue kinds that name a populated place: an unknown name after one is still a place.
_POINT_CUES = frozenset({"village", "town", "city", "capital", "camp", "neighbourhood", "farm", "airport"})
# "العاصمة طرابلس", "the capital Tripoli": a national capital before any namesake city.
CAPITAL_FIT = 3.0


# Syria is the default country: enough to prefer a Syrian village over a foreign one of the
# same name, not enough to prefer a Syrian village over a foreign city (صيدا, الناصرية). Its
# neighbours come next, before farther countries (Tripoli of Lebanon before Tripoli of Libya).
SYRIA_DEFAULT = 0.5
COUNTRY_DEFAULT = {"Syria": SYRIA_DEFAULT, "Iraq": 0.2, "Lebanon": 0.2, "Jordan": 0.2, "Turkey": 0.2}
# A context reading that is only a spelling variant, when another reading has the exact spelling,
# counts this much less before halving (so -4 on the context score).
LOOSE_CONTEXT_PENALTY = 8.0
# Context agreement at or below this means no reading of a bare name fits what the text states.
CONTRADICTED = -3.0
# A reading in the country of the article's governorate counts this much more (in another
# governorate of it; one in the governorate itself counts 1.5).
ARTICLE_COUNTRY = 0.8
# A neighbourhood is coded to its city (geo_precision 2) when one lies this close.
NEIGHBOURHOOD_CITY_KM = 15.0


@dataclass
class Scored:
    place: Place
    score: float
    why: list[str]
    context_score: float = 0.0  # the part of score that comes from the other mentions


def _mention_specificity(m: PlaceMention, gaz: Gazetteer) -> float:
    if m.cue in _POINT_CUES:
        # "north of the capital", "west of the town of X": a bearing from the place, told to
        # place another one, is context
        bearing = 6 if m.direction not in (None, "centre", "near") else 0
        return 10 + {"neighbourhood": 2, "camp": 1}.get(m.cue, 0) - (1 if m.cue == "city" else 0) - bearing
    if m.cue in ("countryside", "badia") and m.kind in _POINT_CUES:
        return 9  # "بادية بلدة الكسرة": the surroundings of a town, inside any wider area named
    if m.cue in _CONTAINER_CUES:
        return {"countryside": 3.5, "badia": 3.0, "subdistrict": 4, "district": 3, "front": 3, "region": 2.5,
                "governorate": 1, "country": 0}.get(m.cue, 2)
    places = _context_places(m, gaz)
    if not places:
        return -1
    # A bare name is as specific as its most plausible reading: "دير الزور" reads as the city,
    # "Iraq" as the country (not the village that shares the name).
    likely = max(places, key=lambda p: (_prescore(m, p, None), p.rank))
    return likely.rank + (0 if m.direction in (None, "near") else -3)


def _is_point_mention(m: PlaceMention) -> bool:
    """A mention naming a place itself, not an area around or a part of it."""
    return bool(m.candidates) and m.cue not in _CONTAINER_CUES and m.direction in (None, "centre")


def _specificity(m: PlaceMention, gaz: Gazetteer, others: list[PlaceMention]) -> float:
    # "X, near the town of Y": the place near which something happened is context when another
    # place is named as such; alone ("كمين بالقرب من مدينة السخنة") it is the place.
    near_penalty = 4 if m.direction == "near" and any(_is_point_mention(o) for o in others) else 0
    return _mention_specificity(m, gaz) - near_penalty


def _cue_fit(m: PlaceMention, p: Place) -> float:
    cue = m.cue
    if cue in ("countryside", "badia", "neighbourhood") and m.kind in _POINT_CUES and m.kind != cue:
        cue = m.kind  # "بريف مدينة البصيرة", "أحياء مدينة دوما": the named place is a city
    if cue == "capital" and p.id in capital_ids():
        return CAPITAL_FIT
    table = _CUE_KINDS.get(cue or "")
    if table is None:
        # No cue: a place before an admin unit of the same name ("السخنة" the town, not the nahiya).
        return 0.8 if p.kind in POPULATED else (0.3 if p.kind in ("region", "country") else 0.0)
    return table.get(p.kind, -1.0)


def _compat(c: Place, ctx: Place, ctx_mention: PlaceMention) -> tuple[float, str]:
    """How well target candidate c agrees with one reading of a context mention."""
    if c.id == ctx.id:
        return -2.0, "same place"
    if ctx.kind == "country":
        return (2.0, f"in {ctx.name}") if c.country == ctx.country else (-4.0, f"not in {ctx.name}")
    if c.country != ctx.country:
        return -4.0, f"{ctx.name} is in {ctx.country}"
    if ctx.kind == "governorate":
        if c.admin1 != ctx.admin1:
            return -4.0, f"not in {ctx.name} governorate"
        return 4.0 + _direction_fit(c, ctx, ctx_mention), f"in {ctx.name} governorate{_dir_note(ctx_mention)}"
    if ctx.kind == "district":
        if c.admin2 == ctx.admin2:
            return 4.0 + _direction_fit(c, ctx, ctx_mention), f"in {ctx.name} district{_dir_note(ctx_mention)}"
        return (-3.0 if c.admin1 != ctx.admin1 else -1.5), f"not in {ctx.name} district"
    if ctx.kind == "subdistrict":
        if c.admin3 == ctx.admin3:
            return 4.0, f"in {ctx.name} sub-district"
        d = km(c, ctx)
        return (1.5 if d < 20 else (-1.0 if c.admin2 == ctx.admin2 else -3.0)), f"{d:.0f} km from {ctx.name} sub-district seat"
    d = km(c, ctx)
    # A named town or region: nearness is what it says ("بريف مدينة البصيرة").
    radius = 80.0 if ctx.kind == "region" else 35.0
    if ctx_mention.cue in ("countryside", "badia"):
        radius = 60.0 if ctx.kind != "region" else 90.0
    elif ctx_mention.direction in _DIRECTION_DEG and ctx.kind != "region":
        # "مدينة الزاوية غرب طرابلس": a town placed by a compass direction from a city may lie
        # farther from it than one merely near it (Zawiya is 45 km west of Tripoli).
        radius = 60.0
    if d <= radius:
        score = 4.0 * (1.0 - d / (radius * 2))
    else:
        score = -1.5 - min(2.5, (d - radius) / radius)
    if ctx.kind == "region" and ctx.admin1 and c.admin1 == ctx.admin1:
        score += 1.0
    fit = _direction_fit(c, ctx, ctx_mention)
    if d <= 2 * radius:
        # lying the stated way helps a place in reach, not one three times farther ("بادية الرصافة
        # جنوب غربي الرقة" is no village 190 km away that happens to lie southwest)
        score += fit
    else:
        # lying the other way counts against a far place too ("the Makhoul mountains, north of
        # Baiji" is no village 145 km south-east of Baiji)
        score += min(0.0, fit)
    return score, f"{d:.0f} km from {ctx.name}{_dir_note(ctx_mention)}"


def _direction_fit(c: Place, ctx: Place, ctx_mention: PlaceMention) -> float:
    """"ريف الرقة الشمالي": +1 when c lies that way from the context's point (a governorate's
    is its capital), -1 when it lies the other way."""
    if ctx_mention.direction not in _DIRECTION_DEG or km(c, ctx) <= 3:
        return 0.0
    want = _DIRECTION_DEG[ctx_mention.direction]
    diff = abs((bearing(ctx, c) - want + 180) % 360 - 180)
    return 1.0 if diff <= 60 else (-1.0 if diff >= 100 else 0.0)


def _dir_note(m: PlaceMention) -> str:
    return f", {m.direction} side" if m.direction in _DIRECTION_DEG else ""


def _context_places(m: PlaceMention, gaz: Gazetteer) -> list[Place]:
    return [p for p in (gaz.get(c) for c in m.candidates) if p is not None]


def _prescore(m: PlaceMention, p: Place, prior_admin1: str | None) -> float:
    s = _cue_fit(m, p) + 0.2 * p.importance
    s += COUNTRY_DEFAULT.get(p.country, 0.0)
    if prior_admin1 and p.admin1 == prior_admin1:
        s += 1.0
    return s


def score_candidates(target: PlaceMention, context: list[PlaceMention], prior_admin1: str | None,
                     gaz: Gazetteer) -> list[Scored]:
    cands = _context_places(target, gaz)
    target_key = en_key(target.name) if target.language == "en" else ""
    ctx_sets = [(m, _context_places(m, gaz)) for m in context]
    ctx_sets = [(m, ps) for m, ps in ctx_sets if ps]
    # Each reading of a context mention counts with its own plausibility: "بريف مدينة البصيرة"
    # is the town al-Busayrah far more than a village that has the name as a variant. That
    # plausibility does not depend on the candidate scored, so it is computed once per mention.
    priors = []
    for m, ps in ctx_sets:
        pre = {d.id: _prescore(m, d, prior_admin1) for d in ps}
        if m.language == "en":
            # "Al-Mayadin city" is the city spelled so, not also the village Al Maydan that a
            # loose spelling match adds: when some reading has the exact spelling, the
            # variant-only readings hardly count as context.
            key = en_key(m.name)
            exact = {d.id for d in ps if any(en_key(n) == key for n in d.names)}
            if exact:
                for d in ps:
                    if d.id not in exact:
                        pre[d.id] -= LOOSE_CONTEXT_PENALTY
        priors.append((pre, max(pre.values())))
    stated_country = any(p.kind == "country" for _, ps in ctx_sets for p in ps)
    prior_country = _country_of_admin1(prior_admin1, gaz) if prior_admin1 else None
    if prior_country and all(c.country == prior_country for c in cands):
        prior_country = None  # namesakes all in that country: the governorate prior decides
    stated_admin1 = any(p.kind in ("governorate", "district", "subdistrict") for _, ps in ctx_sets for p in ps)
    out: list[Scored] = []
    for c in cands:
        why: list[str] = []
        score = _cue_fit(target, c)
        why.append(f"cue fit {score:+.1f} ({c.kind})")
        if target.language == "en" and target_key and not any(en_key(n) == target_key for n in c.names):
            score -= 0.3
            why.append("spelling variant -0.3")
        ctx_total = 0.0
        for (m, ps), (pre, top_pre) in zip(ctx_sets, priors):
            best = max(((_compat(c, d, m), d) for d in ps),
                       key=lambda t: t[0][0] + 0.5 * (pre[t[1].id] - top_pre))
            (s, reason), d = best
            s += 0.5 * (pre[d.id] - top_pre)
            score += s
            ctx_total += s
            why.append(f"{reason} {s:+.1f}")
        if prior_admin1 and not stated_admin1:
            if c.admin1 == prior_admin1:
                score += 1.5
                why.append(f"article governorate {prior_admin1} +1.5")
            elif prior_country and c.country == prior_country and not stated_country:
                # "غربي الأنبار" in a report on Iraq: the Iraqi governorate, not a Syrian village
                # that has the name as a variant
                score += ARTICLE_COUNTRY
                why.append(f"article country {prior_country} +{ARTICLE_COUNTRY}")
        if not stated_country and c.country in COUNTRY_DEFAULT:
            score += COUNTRY_DEFAULT[c.country]
            why.append(f"{c.country} by default {COUNTRY_DEFAULT[c.country]:+.1f}")
        # Admin units carry high importance for ordering; it must not outweigh a cue's fit.
        imp = (0.25 if c.kind not in ADMIN_KINDS else 0.1) * c.importance
        score += imp
        why.append(f"importance {imp:+.2f}")
        out.append(Scored(c, score, why, ctx_total))
    out.sort(key=lambda s: (-s.score, -s.place.importance, s.place.id))
    return out


def _precision(p: Place, m: PlaceMention) -> int:
    if m.cue in ("countryside", "badia") and p.kind != "region":
        # the countryside or desert of a town is its surroundings; of a governorate, a region
        return 2 if p.kind in POPULATED else 3
    if p.kind in POPULATED:
        if m.direction == "near" or p.coord_quality == "approx":
            return 2
        if m.direction in _DIRECTION_DEG and m.cue not in _POINT_CUES:
            return 2  # "eastern Homs" used as the place itself: a part of it
        return 1
    if p.precision:
        return p.precision
    return 3 if p.kind in ADMIN_KINDS else 2


def _result(p: Place, m: PlaceMention, precision: int, reasons: list[str], scored: list[Scored],
            location_ar: str | None = None) -> ResolvedPlace:
    return ResolvedPlace(
        place_id=p.id, location=p.name, location_ar=location_ar or p.name_ar or None,
        latitude=round(p.lat, 5), longitude=round(p.lon, 5), geo_precision=precision, country=p.country,
        iso=p.iso, admin1=p.admin1, admin2=p.admin2, admin3=p.admin3, kind=p.kind, mention=m,
        reasons=reasons, candidates=[{**s.place.to_dict(), "score": round(s.score, 2), "why": s.why} for s in scored],
    )


def _region_for(m: PlaceMention, p: Place, gaz: Gazetteer) -> Place | None:
    """A named sub-region of a governorate for "ريف ديرالزور الغربي" / "بادية ديرالزور": the
    supplement's region rows of that governorate whose English name says countryside or
    badia/desert and the same direction. Only for the governorate or its capital city."""
    if m.cue not in ("countryside", "badia") or not p.admin1:
        return None
    if not (p.kind == "governorate" or (p.kind == "city" and p.name == p.admin1)):
        return None
    want_dir = m.direction if m.direction in ("west", "east", "north", "south") else None
    for r in gaz.regions:
        if r.admin1 != p.admin1 or r.country != p.country:
            continue
        name = r.name.lower()
        if m.cue == "badia" and not ("badia" in name or "desert" in name):
            continue
        if m.cue == "countryside" and "countryside" not in name:
            continue
        dirs = [w for w in ("west", "east", "north", "south") if w in name]
        if (want_dir and dirs == [want_dir]) or (not want_dir and not dirs):
            return r
    return None


def resolve_incident(mentions: list[PlaceMention], prior_admin1: str | None = None) -> ResolvedPlace | None:
    """One place for one incident's mentions (text order); ``prior_admin1`` is a prior only."""
    gaz = get_gazetteer()
    mentions = [m for m in mentions if m is not None]
    if not mentions:
        return None
    order = sorted(range(len(mentions)),
                   key=lambda k: (-_specificity(mentions[k], gaz, mentions[:k] + mentions[k + 1:]), k))
    target = mentions[order[0]]
    context = [mentions[k] for k in order[1:]]

    if not _context_places(target, gaz):
        return _enclosing(target, context, prior_admin1, gaz)
    scored = score_candidates(target, context, prior_admin1, gaz)
    best = scored[0]
    stated = [m for m in context if _context_places(m, gaz)]
    # A village named after a cue whose every reading contradicts the stated context is not
    # one of these candidates: code it to the enclosing place instead of snapping to a namesake.
    # The same for a bare name whose every reading is far from the stated context ("Al-Sour
    # (Deir ez-Zor)" when the only Sour known is in Lebanon).
    if stated and (best.context_score < 0 if target.cue in _POINT_CUES else best.context_score <= CONTRADICTED):
        enclosing = _enclosing(target, context, prior_admin1, gaz, rejected=scored)
        if enclosing is not None:
            return enclosing
    p = best.place
    reasons = [f"chose {p.name} ({p.kind}, {p.admin2 or p.admin1 or p.country}) for '{target.name}'"] + best.why
    ties = [s for s in scored[1:] if best.score - s.score < 0.1 and s.place.admin2 != p.admin2]
    if ties:
        reasons.append(f"ambiguous: {len(ties) + 1} places named '{target.name}' fit equally; "
                       "the text gives no context to choose (picked the first by importance and id)")
    region = None
    if p.kind != "region" and (p.kind not in POPULATED or target.cue in ("countryside", "badia")):
        region = _region_for(target, p, gaz)
    if region is not None and target.cue in ("countryside", "badia"):
        reasons.append(f"'{target.name}' with {target.cue} {target.direction or ''} -> region {region.name}")
        return _result(region, target, region.precision or 2, reasons, scored)
    if target.cue in ("countryside", "badia") and (p.kind == "governorate" or (p.kind == "city" and p.name == p.admin1)):
        # "ريف حلب الشمالي" with no region row: the governorate's countryside, coded to its
        # capital, but only the governorate is certain (not the capital's district).
        capital = p if p.kind == "city" else _capital_of(p, gaz)
        result = _result(capital or p, target, 2 if capital else 3, reasons, scored)
        result.admin2 = result.admin3 = None
        result.reasons.append(f"the {target.cue} of {p.admin1}: only the governorate is certain")
        return result
    if target.cue == "neighbourhood" and p.kind in ("village", "farm") and context:
        # "the Al-Jadida neighbourhood of Baqubah": a village of that name outside the city is no
        # quarter of it; the quarter the data lacks is coded to the city named
        enclosing = _enclosing(target, context, prior_admin1, gaz, rejected=scored)
        if enclosing is not None:
            return enclosing
    if p.kind == "neighbourhood":
        city = _city_of(p, gaz)
        if city is not None:
            reasons.append(f"{p.name} is a neighbourhood of {city.name} ({km(p, city):.0f} km): coded to the city")
            return _result(city, target, 2, reasons, scored)
    return _result(p, target, _precision(p, target), reasons, scored)


def _country_of_admin1(admin1: str, gaz: Gazetteer) -> str | None:
    cache = getattr(gaz, "_admin1_country", None)
    if cache is None:
        cache = {p.admin1: p.country for p in gaz.places if p.kind == "governorate" and p.admin1}
        gaz._admin1_country = cache  # type: ignore[attr-defined]
    return cache.get(admin1)


def _capital_of(gov: Place, gaz: Gazetteer) -> Place | None:
    return next((c for c in gaz.cities if c.country == gov.country and c.admin1 == gov.admin1
                 and c.name == gov.admin1), None)


def _city_of(p: Place, gaz: Gazetteer) -> Place | None:
    best, best_d = None, NEIGHBOURHOOD_CITY_KM
    for c in gaz.cities:
        if c.country != p.country:
            continue
        d = km(p, c)
        if d < best_d:
            best, best_d = c, d
    return best


def _enclosing(target: PlaceMention, context: list[PlaceMention], prior_admin1: str | None, gaz: Gazetteer,
               rejected: list[Scored] | None = None) -> ResolvedPlace | None:
    """Code an unknown (or contradicted) named place to the most specific enclosing place."""
    usable = [m for m in context if _context_places(m, gaz)]
    if not usable:
        if target.name and not target.candidates and prior_admin1 and target.cue in ("village", "town", "farm", "district", "front"):
            gov = next((p for p in gaz.places if p.kind == "governorate" and p.admin1 == prior_admin1), None)
            if gov is not None and target.cue in ("district", "front") and gov.country in _district_countries(gaz):
                gov = None  # an unknown district where districts are known: not guessed into place
            if gov is not None:
                result = _result(gov, target, 3, [f"'{target.name}' is in no data; coded to the article's governorate"],
                                 [], location_ar=target.name)
                _unknown_district(result, target, gaz)
                return result
        return None
    inner = resolve_incident(usable, prior_admin1)
    if inner is None:
        return None
    reported = target.name if target.language == "ar" else None
    why = "is in no data" if not target.candidates else "has no namesake consistent with the stated context"
    inner.reasons.insert(0, f"'{target.name}' {why}; coded to the enclosing {inner.location} ({inner.kind})")
    inner.geo_precision = max(2, inner.geo_precision if inner.kind not in POPULATED else 2)
    if reported:
        inner.location_ar = reported
    elif target.cue == "neighbourhood" and inner.kind in POPULATED:
        pass  # "the Al-Hamidiyah neighbourhood of Al-Mayadin": a quarter is coded to its city
    else:
        inner.location = f"{target.name} ({inner.location})" if inner.location else target.name
    _unknown_district(inner, target, gaz, contradicted=bool(rejected))
    inner.mention = target
    if rejected:
        inner.candidates = [{**s.place.to_dict(), "score": round(s.score, 2), "why": s.why} for s in rejected] + inner.candidates
    return inner


def _unknown_district(result: ResolvedPlace, target: PlaceMention, gaz: Gazetteer, contradicted: bool = False) -> None:
    """"the Maqbanah district, west of Taiz", "في مزرعة بمديرية التحيتا": where the data has no
    districts, the one the text names is the admin2 (as written, Arabic romanised; unverified).
    A name whose only readings the context contradicts ("Al-Khawkhah district of Hodeidah", also
    a village in Jordan) is such a district too."""
    if not {"district", "front"} & {target.cue, target.kind} or (target.candidates and not contradicted) \
            or result.admin2 is not None or result.country in _district_countries(gaz):
        return
    result.admin2 = romanise_ar(target.name) if target.language == "ar" else target.name
    result.reasons.append(f"admin2 '{result.admin2}' as the text names it (no district data there)")


def _district_countries(gaz: Gazetteer) -> frozenset[str]:
    """Countries whose districts the gazetteer holds."""
    cached = getattr(gaz, "_district_countries", None)
    if cached is None:
        cached = frozenset(p.country for p in gaz.places if p.kind == "district" and p.country)
        gaz._district_countries = cached  # type: ignore[attr-defined]
    return cached


def admin1_of_mention(mention: PlaceMention, resolved: ResolvedPlace | None = None) -> str | None:
    """The governorate a mention names or lies in, for the article prior: the admin1 of the
    mention resolved on its own, unless that reading is a tie between namesakes in different
    places ("محافظة دير الزور" -> "Deir-ez-Zor"; "قرية العوينة" -> None). ``resolved`` is
    ``resolve_incident([mention])`` when the caller has it already."""
    if not mention.candidates:
        return None
    if resolved is None:
        resolved = resolve_incident([mention])
    if resolved is None or any(r.startswith("ambiguous") for r in resolved.reasons):
        return None
    return resolved.admin1


def geocode_phrase(phrase: str, prior_admin1: str | None = None) -> ResolvedPlace | None:
    """Recognise and resolve a free place phrase ("قرية الزر بريف مدينة البصيرة", "in Thiban,
    Deir ez-Zor"): all its mentions are taken as one incident. Used by ``rasad geocode``."""
    from rasad.geo.recognize import find_places_in_text

    mentions = find_places_in_text(phrase)
    if not mentions:
        # A bare village name with no cue: look it up as a name on its own.
        gaz = get_gazetteer()
        places = gaz.lookup(phrase.strip())
        if not places:
            return None
        mentions = [PlaceMention(start=0, end=len(phrase), name=phrase.strip(), candidates=[p.id for p in places],
                                 language="ar" if is_arabic(phrase) else "en")]
    return resolve_incident(mentions, prior_admin1)
