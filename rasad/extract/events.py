"""Turning incidents into coded events: actors, place, date, counts, weapons, type, notes, evidence.

Rules with their reasons (tests in ``tests/extract/``):

* an incident with no actor of its own that follows another incident of the same family in the
  same or previous sentence ("…بالتزامن مع هجوم ثالث…") continues the series: same actor 1;
* an incident with no place of its own ("في البلدة", "the town") is where the previous incident
  of its sentence was; failing that the places of its sentence; failing that the article's
  first place (coded with the wider precision the resolver gives it);
* one dual or "separate" trigger ("هجومين منفصلين", "two separate attacks") over coordinated
  places ("بادية ديرالزور الغربية وبادية البوكمال") is one event per place, the counts divided
  among them (floor, remainder to the first), because the text gives one total for all;
* no date expression of its own: the last day-precise date told before it in the article
  (roundups and "hours later" follow-ups share their day), else the publication date with
  time_precision 2 (the report's days, not a known day); no publication date: null date with a
  warning, never today's date;
* an incident told twice in the article (summary then detail) with the same type, place and
  actor 1 is one event with the evidence of both.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from functools import lru_cache

from rasad.document import Document, Mention
from rasad.extract import roles as R
from rasad.extract.casualties import Count, count_casualties
from rasad.extract.classes import ARMED_INTER, DISORDER, FAMILY, STRATEGIC, code_event
from rasad.extract.incidents import Incident, find_incidents
from rasad.extract.notes import make_notes
from rasad.text.dates import names_coming_time
from rasad.kb import iso_codes, knowledge_base, words
from rasad.record import Event, interaction_code
from rasad.text.normalize import fold_raw
from rasad.text.segment import PHRASE_PUNCT, PHRASE_STOPS, headline_end

_DEFAULT_COUNTRY = "Syria"  # only when neither the incident nor the article names any place


def build_events(doc: Document) -> None:
    kb = knowledge_base()
    incidents = _without_headline_repeats(doc, find_incidents(doc))
    actor_mentions = sorted(doc.get("actor"), key=lambda m: m.tok_start)
    anaphora = _resolve_anaphora(actor_mentions, doc.tokens)
    heads = {id(m) for m in _heads(doc, actor_mentions)}
    article_prior = _article_prior(doc)
    uncovered = _uncovered_country(doc)
    prev_by_sentence: dict[int, list[tuple[Incident, Event, list]]] = {}
    told: list[tuple[Incident, Event]] = []
    last_violent_actor1: tuple[int, R.ActorRole] | None = None
    last_state_actor1: tuple[int, R.ActorRole] | None = None  # for arrests told after the act
    summary_doers = _summary_doers(doc, kb, incidents)
    last_armed_victim: tuple[int, R.ActorRole] | None = None  # for "another member" (عنصر آخر)

    for inc in incidents:
        lang = doc.language_at(inc.anchors[0].start)
        if inc.referential and _tell_more(doc, inc, told, lang):
            continue
        resolved_groups, country = _locate(doc, inc, prev_by_sentence, article_prior,
                                           _actor_home(doc, inc, actor_mentions) or uncovered)
        actors = [_actor_role(kb, m, anaphora, country)
                  for m in _one_reading(doc.in_tokens("actor", inc.tok_start, inc.tok_end), country) if id(m) in heads]
        actors = [a for a in actors if a is not None]
        R.assign(doc, inc, actors, lang)
        actors = R.owned_people(doc, actors, lang)
        side1, side2 = _sides(doc, kb, inc, actors, country, last_violent_actor1, last_state_actor1,
                              summary_doers.get(country), last_armed_victim)
        killed, wounded = count_casualties(doc, inc, lang)
        weapons = _weapons(doc, inc)
        date_m = _date_for(doc, inc, incidents)
        if _after_publication(doc, date_m):
            # "دعت التنسيقيات إلى تظاهرات يوم الجمعة المقبل", "a rally planned for next week":
            # what is dated after the article was published is a call or a plan, not a report.
            doc.warn(f"incident dated {date_m.value.date.isoformat()}, after publication "
                     f"({date_m.value.expr!r}): a plan or a call, not coded")
            continue
        n = len(resolved_groups)
        for k, (group, place) in enumerate(resolved_groups):
            ev = _code(doc, kb, inc, side1, side2, place, country, _share(killed, n, k), _share(wounded, n, k),
                       weapons, date_m, lang)
            told.append((inc, ev))
            prev_by_sentence.setdefault(inc.sentence, []).append((inc, ev, group))
        if inc.family == "violent" and side1 and side1[0].mention.start >= 0:
            last_violent_actor1 = (inc.sentence, side1[0])
        if side1 and side1[0].inter == 1 and side1[0].mention.start >= 0:
            last_state_actor1 = (inc.sentence, side1[0])
        if inc.family == "violent" and side2 and side2[0].inter in ARMED_INTER:
            last_armed_victim = (inc.sentence, side2[0])
    _apply_claims(doc, kb, told)
    told = _arrests_at_protests(doc, told)
    another = {id(ev) for inc, ev in told if _told_as_another(doc, inc)}
    doc.events = _merge_repeats([ev for _, ev in told], another)


def _without_headline_repeats(doc: Document, incidents: list[Incident]) -> list[Incident]:
    """A headline sums up what the body tells: its incidents of a family the body also reports
    are those told again, with their day, place and sides ("مقتل جنديين بهجوم لداعش في كركوك
    وغارة تركية في دهوك" over the two paragraphs that tell each). One of a family the body does
    not report stays."""
    end = headline_end(doc.text)
    if not end:
        return incidents
    body = {inc.family for inc in incidents if inc.anchors[0].start >= end}
    # "…as shots fired at Shahba protest" over "forces opened fire on dozens of demonstrators":
    # force used on a crowd is the body's protest too
    body |= {FAMILY[t.value.cls] for inc in incidents if inc.anchors[0].start >= end and inc.family == "violent"
             for t in doc.in_tokens("trigger", inc.tok_start, inc.tok_end) if FAMILY.get(t.value.cls) == "demonstration"}
    return [inc for inc in incidents if inc.anchors[0].start >= end or inc.family not in body]


def _apply_claims(doc: Document, kb, told: list[tuple[Incident, Event]]) -> None:
    """"Islamic State claimed responsibility for the attack", "وتبنى تنظيم داعش الهجوم": the
    claimant becomes actor 1 of the unattributed incident just told (this or the last sentence)."""
    for claim in (m for m in doc.get("context") if m.value.kind == "claim"):
        lang = doc.language_at(claim.start)
        if lang == "en":
            # the claimant's name ends just before the claim ("Al Qaeda in the Arabian Peninsula
            # claimed responsibility"), however long it is
            near = [a for a in doc.in_tokens("actor", max(0, claim.tok_start - 12), claim.tok_start)
                    if claim.tok_start - a.tok_end <= 3]
        else:
            near = doc.in_tokens("actor", claim.tok_end, claim.tok_end + 3)
        named = [m for m in near if m.value.kind == "named"]
        if not named:
            continue
        actor = named[-1 if lang == "en" else 0].value.actor
        sentence = bisect.bisect_right([s.start for s in doc.sentences], claim.start) - 1
        # "وفي وقت متأخر، تبنى تنظيم الدولة الهجوم على سيارة الأمن العسكري قرب داعل": a claim
        # paragraphs later reaches the incident told at the place it names
        sent = doc.sentences[sentence]
        names = [fold_raw(p.name) for p in doc.places_within(claim.end, sent.end)]
        at_place = {id(ev) for inc, ev in told if inc.anchors[0].start < claim.start and names and any(
            fold_raw(p.name) in names for p in doc.places_within(doc.tokens[inc.tok_start].start,
                                                                doc.tokens[inc.tok_end - 1].end))}
        earlier = [(inc, ev) for inc, ev in told if inc.anchors[0].start < claim.start]
        for k, (inc, ev) in reversed(list(enumerate(earlier))):
            # (the incident told last may lie two sentences back: "…when a drone struck their
            # checkpoint. The drone hit a vehicle … Al Qaeda claimed responsibility")
            reach = 2 if k == len(earlier) - 1 else 1
            if (at_place and id(ev) not in at_place) or (not at_place and inc.sentence < sentence - reach):
                continue
            if ev.actor1 and ev.actor1.startswith("Unidentified"):
                ev.actor1, ev.inter1 = actor.name_for(ev.country), actor.inter
                ev.interaction = interaction_code(ev.inter1, ev.inter2)
                ev.add_evidence("actor1", doc.evidence(claim.start, claim.end))
                ev.notes = make_notes(ev)
            break


def _locate(doc: Document, inc: Incident, prev_by_sentence, article_prior, home: str | None):
    """([(mentions, ResolvedPlace | None)], country): one group per separate incident location."""
    places = _places_for(doc, inc, prev_by_sentence)
    groups = _split_places(doc, inc, places)
    prior = _sentence_governorate(doc, inc, places) or article_prior[0]
    resolved = [(g, _resolve(doc, g, prior) if g else None) for g in groups]
    ends = _road_ends(doc, places) if places else set()
    if ends:
        from dataclasses import replace

        # "على طريق سرمدا – باب الهوى" and no spot named: on the road from Sarmada, near it
        resolved = [(g, replace(r, geo_precision=max(2, r.geo_precision or 2))
                     if r is not None and r.mention is not None and id(r.mention) in ends else r) for g, r in resolved]
    if not any(r for _, r in resolved) and article_prior[1]:
        resolved = [(article_prior[1], _resolve(doc, article_prior[1], article_prior[0]))]
    country = next((r.country for _, r in resolved if r and r.country), None) or article_prior[2] \
        or _adjective_country(doc) or _DEFAULT_COUNTRY
    if home is not None and home != country and home not in _gazetteer_countries():
        # "ميليشيا الحوثي … في مدينة تعز": the gazetteer has few Yemeni places, so a place it
        # found elsewhere is a namesake; the actor's own country is the better evidence, and a
        # reading of the place there (a governorate, a capital) is taken when there is one.
        again = [(g, _resolve_in(g, home) if g else None) for g, _ in resolved]
        country = home
        resolved = again if any(r is not None for _, r in again) else [(g, None) for g, _ in resolved]
    elif home is not None and home != country:
        # "Iraqi security forces … in the Hamrin mountains": a namesake in the actors' own
        # country is preferred to one abroad; with none there, the place stands.
        again = [(g, _resolve_in(g, home) if g else None) for g, _ in resolved]
        if all(r is not None for _, r in again):
            resolved, country = again, home
        elif all(r is None or (r.geo_precision == 1 and _is_village(r)) for _, r in resolved):
            # "Iraqi counter-terrorism forces … in the Hamrin mountains": a village of that name
            # in another country is weaker evidence than the actors' own country.
            resolved, country = [(g, None) for g, _ in resolved], home
    article_country = article_prior[2]
    if article_country and article_country != country and any(r for _, r in resolved) and all(
            r is None or (r.geo_precision in (1, 2) and _is_village(r)) for _, r in resolved):
        # "استشهد مواطن … في قرية الجاح الأعلى" in a report from Hodeidah: a village of that name in
        # another country is a namesake; the article's country stands, and its governorate places
        # the incident when the village is not known there.
        again = [(g, _resolve_in(g, article_country) if g else None) for g, _ in resolved]
        resolved = again if all(r is not None for _, r in again) else [(g, None) for g, _ in resolved]
        country = article_country
    if not any(r for _, r in resolved) and article_prior[1] and article_prior[2] == country:
        # the namesake abroad set aside, the article's own governorate places the incident
        # (geo_precision 3), as for an incident that names no place
        resolved = [(article_prior[1], _resolve(doc, article_prior[1], article_prior[0]))]
    return resolved, country


def _is_village(r) -> bool:
    from rasad import geo

    p = geo.get_gazetteer().get(r.place_id) if r.place_id else None
    return p is not None and p.kind in ("village", "farm")


def _resolve(doc: Document, mentions: list, prior_admin1: str | None):
    """``geo.resolve_incident`` once per document for the same mentions and prior: incidents of
    one sentence share their places, and those naming none all fall back to the article's (~40%
    of the calls). The mentions are ``doc.places`` items, alive as long as the cache, so their
    ids are a safe key; nothing downstream changes a ResolvedPlace."""
    from rasad import geo

    memo = doc.cache.setdefault("resolved_places", {})
    key = (tuple(map(id, mentions)), prior_admin1)
    if key not in memo:
        memo[key] = geo.resolve_incident(mentions, prior_admin1)
    return memo[key]


def _resolve_in(mentions: list, country: str):
    """Resolution with each mention's candidates limited to one country; None when no candidate
    of the first (most specific) mention lies there."""
    from dataclasses import replace

    from rasad import geo

    gaz = geo.get_gazetteer()
    kept = []
    for m in mentions:
        if not m.candidates:
            kept.append(m)  # an unknown name ("مديرية حيس"): resolution codes it to the context
            continue
        inside = [c for c in m.candidates if (p := gaz.get(c)) is not None and p.country == country]
        if inside:
            kept.append(replace(m, candidates=inside))
        elif not kept:
            return None
    res = geo.resolve_incident(kept, None)
    return res if res is not None and res.country == country else None


_DETAIL_REACH = 4  # sentences after a summary that may detail the attacks it counts


def _another_member(doc: Document, inc: Incident) -> bool:
    """"عنصر آخر", "عنصران آخران", "another soldier": a member word followed by "other"."""
    more = words("more")
    return any(m.value.kind == "member" and m.tok_end < inc.tok_end and doc.tokens[m.tok_end].key in more
               for m in doc.in_tokens("context", inc.tok_start, inc.tok_end))


def _summary_doers(doc: Document, kb, incidents: list[Incident]) -> dict[str, tuple[int, R.ActorRole]]:
    """"صعّدت خلايا داعش من هجماتها… حيث نفذت ثلاث هجمات متفرقة", then "ففي بادية السخنة قتل
    عنصران جراء انفجار لغم": the armed actor a summary sentence (one that reports no incident of
    its own) says carried out the attacks, by country reading, with its sentence."""
    told = {inc.sentence for inc in incidents}
    out: dict[str, tuple[int, R.ActorRole]] = {}
    for m in doc.get("context"):
        if m.value.kind != "summary":
            continue
        sentence = bisect.bisect_right([x.start for x in doc.sentences], m.start) - 1
        if sentence in told:
            continue
        sent = doc.sentences[sentence]
        doers = [a for a in doc.within("actor", sent.start, m.start)
                 if a.value.kind == "named" and a.value.actor.inter in (2, 3, 4)]
        if doers:
            actor = doers[0].value.actor
            for country in actor.countries if "*" not in actor.countries else list(_gazetteer_countries()):
                out.setdefault(country, (sentence, R.ActorRole(doers[0], actor.name_for(country), actor.inter, "")))
    return out


def _sides(doc: Document, kb, inc: Incident, actors: list[R.ActorRole], country: str,
           last_violent_actor1, last_state_actor1=None,
           summary_doer: tuple[int, R.ActorRole] | None = None,
           last_armed_victim: tuple[int, R.ActorRole] | None = None) -> tuple[list[R.ActorRole], list[R.ActorRole]]:
    """Actor 1 and actor 2 sides (main actor first, associated actors after), with the defaults
    each event family takes when the text names no one."""
    side1, side2 = R.pick_sides(actors, fallback_patient=inc.family != STRATEGIC or inc.cls in ("arrest", "threat", "looting"))
    nobody = Mention("actor", -1, -1, None)
    if inc.family == "demonstration":
        # Protesters act; an armed actor named in a protest is whom it targets or who
        # intervened, and only the latter is actor 2 (when the protest was dispersed).
        crowd = [_as_protesters(kb, a, country) for a in actors if a.role in ("civilians", "protesters", "rioters")]
        armed = [a for a in side1 + side2 if a.role not in ("civilians", "protesters", "rioters")]
        side1 = crowd[:1]
        met = inc.modifiers or any(w.value.tag in ("tear gas", "live ammunition")
                                   for w in doc.in_tokens("weapon", inc.tok_start, inc.tok_end))
        side2 = armed[:1] if met else []
        if inc.cls == "mob":
            # Mob violence: a crowd attacks a person, coded rioters against civilians.
            r_name, r_inter = kb.generic_actor("rioters", country)
            c_name, c_inter = kb.generic_actor("civilians", country)
            side1 = [R.ActorRole(nobody, r_name, r_inter, "rioters", R.AGENT)]
            victims = [a for a in actors if a.role == "civilians"][1:]
            side2 = [R.ActorRole(victims[0].mention if victims else nobody, c_name, c_inter, "civilians", R.PATIENT)]
    if inc.cls == "disrupted":
        # "أسقطت الدفاعات الجوية طائرة مسيّرة أطلقتها هيئة تحرير الشام", "defused a bomb planted by
        # IS": who launched or planted the weapon is actor 2, whoever stopped it actor 1
        launched = [a for a in actors if a.mention.tok_start > 0 and any(
            doc.tokens[i].key in words("launcher") for i in range(max(0, a.mention.tok_start - 2), a.mention.tok_start))]
        if launched:
            rest = [a for a in side1 + side2 if a not in launched]
            launched[0].side = R.PATIENT
            side1, side2 = [a for a in rest if a.role != "civilians"], launched[:1]
    if inc.cls == "agreement" and not side2 and len(side1) >= 2:
        # "توصلت قسد وقوات النظام إلى اتفاق": an agreement's parties joined by "و" are its two sides
        side1, side2 = side1[:1], side1[1:2]
    if inc.family == STRATEGIC and inc.cls in _NO_VICTIM:
        # "فككت قسد عبوة… بعد بلاغ من أحد السكان", "a base set up in a school after the pupils
        # were moved": residents named in a development nobody suffered are no actor 2.
        side2 = [a for a in side2 if a.role != "civilians"]
    if not side1 and inc.cls == "arrest" and last_state_actor1 is not None \
            and 0 <= inc.sentence - last_state_actor1[0] <= 1:
        # "Kirkuk police defused a car bomb… A suspect was arrested at the scene": an arrest
        # told with no doer right after a state force's act is that force's.
        prev = last_state_actor1[1]
        side1 = [R.ActorRole(prev.mention, prev.name, prev.inter, prev.role, R.AGENT)]
    if not side2 and inc.family == "violent" and last_armed_victim is not None \
            and 0 < inc.sentence - last_armed_victim[0] <= _DETAIL_REACH and _another_member(doc, inc):
        # "كما قتل عنصر آخر برصاص قناص": another member of the side hit just before
        victim = last_armed_victim[1]
        side2 = [R.ActorRole(victim.mention, victim.name, victim.inter, victim.role, R.PATIENT)]
    if not side1 and inc.family == "violent" and summary_doer is not None \
            and 0 < inc.sentence - summary_doer[0] <= _DETAIL_REACH:
        # one of the attacks the summary before gave to this actor
        doer = summary_doer[1]
        side1 = [R.ActorRole(doer.mention, doer.name, doer.inter, doer.role, R.AGENT)]
    if not side1:
        inherited = _inherit_actor(doc, inc, last_violent_actor1)
        if inherited is not None:
            side1 = [inherited]
        elif inc.family in ("violent", "demonstration"):
            role = "unidentified" if inc.family == "violent" else "protesters"
            name, inter = kb.generic_actor(role, country)
            side1 = [R.ActorRole(nobody, name, inter, role)]
    return side1, side2


# Strategic developments with no victim: civilians they mention are bystanders or beneficiaries.
_NO_VICTIM = frozenset({"disrupted", "hq", "withdrawal", "agreement", "transfer", "change_group"})


def _code(doc, kb, inc, side1, side2, place, country, killed, wounded, weapons, date_m, lang) -> Event:
    a1 = side1[0] if side1 else None
    a2 = side2[0] if side2 else None
    if a2 is None and (inc.cls in ("abduction", "sexual") or (
            (inc.family == "violent" or (inc.cls in ("looting", "destruction") and not (
                a1 is not None and a1.role in ("protesters", "rioters")))) and any(m.value.kind == "civilian_target"
                                            for m in doc.in_tokens("context", inc.tok_start, inc.tok_end)))):
        # Abductions and sexual violence in ACLED's sense are committed against civilians; a
        # grenade on a house or a rocket on a market with no armed target hits civilians, and so
        # does armed men's looting shops or burning houses (a crowd's is a riot against property).
        name, inter = kb.generic_actor("civilians", country)
        a2 = R.ActorRole(Mention("actor", -1, -1, None), name, inter, "civilians", R.PATIENT)
        side2 = [a2]
    if a2 is not None and a2.role == "civilians" and a2.mention.tok_start >= 0 and any(
            m.value.kind == "camp" for m in doc.in_tokens("context", inc.tok_start, inc.tok_end)):
        # "found shot dead inside her tent in Al-Hol camp": civilians living in a camp are
        # refugees or displaced people (ACLED's Refugees/IDPs).
        name, inter = kb.generic_actor("displaced", country)
        a2 = R.ActorRole(a2.mention, name, inter, "civilians", R.PATIENT)
        side2 = [a2] + side2[1:]
    civilians = a2 is not None and a2.role == "civilians"
    modifiers = {m.value.cls for m in inc.modifiers}
    weapon_tags = {w for w, _ in weapons}
    cls = inc.cls
    if cls == "arrest" and killed is not None and killed.value > 0 and all(
            fold_raw(a.value.phrase) in words("raid") for a in inc.anchors if a.value.cls == "arrest"):
        # "killed an IS commander during a raid on his hideout": a raid that killed is violence
        # (an armed clash with an armed target, an attack on civilians), not an arrest
        cls = "attack"
    event_type, sub = code_event(cls, a1.inter if a1 else None, a2.inter if a2 else None,
                                 weapon_tags, civilians, modifiers,
                                 bool((killed and killed.value) or (wounded and wounded.value)),
                                 frozenset(a.value.cls for a in inc.anchors))
    if event_type == "Protests" and sub != "Peaceful protest" and _crowd_violence(doc, inc):
        # "used live ammunition to disperse protesters who tried to storm the governorate
        # building": force met a crowd that was storming, so the crowd was rioting
        event_type, sub = "Riots", "Violent demonstration"
    protesters = next((a for a in side2 if a.role == "protesters"), None)
    if ev_is_protest_repression(inc, protesters):
        a2 = protesters
        # Armed men shooting protesters: the protest met with force, protesters as actor 1; a
        # crowd that was storming or burning ("محتجين حاولوا اقتحام نقطة عسكرية") was rioting.
        rioting = _crowd_violence(doc, inc)
        role = "rioters" if rioting else "protesters"
        name, inter = kb.generic_actor(role, country)
        shooter = a1
        a1 = R.ActorRole(a2.mention, name, inter, role, R.AGENT)
        a2 = shooter
        side1, side2 = [a1], ([a2] if a2 else [])
        event_type, sub = ("Riots", "Violent demonstration") if rioting else \
            ("Protests", "Excessive force against protesters")
    if inc.family in ("violent", "strategic") and a1 is not None and a1.role in ("protesters", "rioters") \
            and event_type not in ("Protests",) and (inc.family == "violent" or inc.cls == "destruction"):
        # "هاجم محتجون غاضبون…", "angry protesters set fire to…": a crowd's violence is a
        # violent demonstration.
        event_type, sub = "Riots", "Violent demonstration"
    if event_type == "Riots" and a1 is not None and a1.role == "protesters":
        # A crowd that turns violent is coded as rioters, not protesters (ACLED actor type 5).
        name, inter = kb.generic_actor("rioters", country)
        a1 = R.ActorRole(a1.mention, name, inter, "rioters", R.AGENT)
        side1 = [a1] + side1[1:]
    elif event_type == "Protests" and sub == "Peaceful protest" and a1 is not None and a1.role == "rioters":
        # "angry residents … burning tyres and blocking main roads", "أغلق محتجون غاضبون طريقاً
        # بالإطارات المحترقة": the crowd named as rioting is a violent demonstration (ACLED counts
        # tyre burning and road blocks as one); its actor and its event type agree.
        event_type, sub = "Riots", "Violent demonstration"
    between = any(m.value.kind == "between" for m in doc.in_tokens("context", inc.tok_start, inc.tok_end))
    if a2 is not None and a2.role == "civilians" and (
            event_type == "Battles" or (sub == "Violent demonstration" and between)):
        # A battle is fought between armed sides, and a clash between two crowds too: "three
        # people were killed in clashes…" counts the dead, it does not name a side.
        a2, side2 = None, [a for a in side2 if a.role != "civilians"]
    if event_type in ("Battles", "Strategic developments", "Riots") and a2 is None and a1 is not None \
            and (a1.role in ("unidentified", "tribal", "rioters") or a1.inter == 4) \
            and (event_type in ("Battles", "Riots") or sub == "Agreement") \
            and (between or (a1.mention.tok_start >= 0 and any(
                doc.tokens[i].key in words("rival") for i in range(a1.mention.tok_start, a1.mention.tok_end)))):
        # "clashes between rival armed groups", "rival tribes exchanged fire", "مواجهات بين
        # متظاهرين كرد ومعتصمين عرب": both sides alike.
        a2 = R.ActorRole(a1.mention, a1.name, a1.inter, a1.role, R.PATIENT)
        side2 = [a2]
    if sub == "Air/drone strike" and a1 is not None and a1.role == "unidentified" and "airstrike" in weapon_tags \
            and "drone" not in weapon_tags:
        # warplanes or helicopters with no owner named: only states fly them (ACLED codes the
        # unknown attacker as Unidentified Military Forces); drones are flown by armed groups too
        name, inter = kb.generic_actor("unidentified_state", country)
        a1 = R.ActorRole(a1.mention, name, inter, "unidentified_state", R.AGENT)
        side1 = [a1] + side1[1:]
    if event_type == "Violence against civilians" and a2 is None:
        # ACLED: violence against civilians always has civilians as actor 2
        name, inter = kb.generic_actor("civilians", country)
        a2 = R.ActorRole(Mention("actor", -1, -1, None), name, inter, "civilians", R.PATIENT)
        side2 = [a2]
    ev = Event()
    ev.event_type, ev.sub_event_type = event_type, sub
    ev.disorder_type = DISORDER[event_type]
    if event_type == "Riots" and sub == "Mob violence":
        ev.disorder_type = "Political violence"
    ev.actor1 = a1.name if a1 else None
    ev.inter1 = a1.inter if a1 else None
    ev.actor2 = a2.name if a2 else None
    ev.inter2 = a2.inter if a2 else None
    ev.assoc_actor_1 = [a.name for a in side1[1:]]
    ev.assoc_actor_2 = [a.name for a in side2[1:]]
    ev.interaction = interaction_code(ev.inter1, ev.inter2)
    # Civilians caught in a battle are not its target (ACLED codes civilian targeting only where
    # civilians were the object of the violence).
    ev.civilian_targeting = civilians and event_type in ("Violence against civilians", "Explosions/Remote violence", "Riots")
    ev.fatalities = killed.value if killed else 0
    ev.injuries = wounded.value if wounded else None
    ev.weapons = sorted(weapon_tags)
    ev.language = lang
    art = doc.article
    ev.source = art.source
    ev.source_url = art.url
    ev.article_ids = [art.id]
    # place
    ev.country = country
    ev.iso = iso_codes().get(country)
    if place is not None:
        ev.country = place.country or country
        ev.iso = place.iso or iso_codes().get(ev.country)
        ev.admin1, ev.admin2, ev.admin3 = place.admin1, place.admin2, place.admin3
        ev.location, ev.location_ar = place.location, place.location_ar
        ev.latitude, ev.longitude = place.latitude, place.longitude
        ev.geo_precision, ev.place_id = place.geo_precision, place.place_id
        if place.mention is not None:
            ev.add_evidence("location", doc.evidence(*place.mention.span))
    # date
    _set_date(doc, ev, date_m)
    # evidence
    for a in inc.anchors:
        ev.add_evidence("event_type", doc.evidence(a.start, a.end))
    for side, key in ((side1, "actor1"), (side2, "actor2")):
        for a in side[:1]:
            if a.mention.start >= 0:
                ev.add_evidence(key, doc.evidence(a.mention.start, a.mention.end))
    for count, key in ((killed, "fatalities"), (wounded, "injuries")):
        if count:
            for s, e in count.spans:
                ev.add_evidence(key, doc.evidence(s, e))
    for _, m in weapons:
        ev.add_evidence("weapons", doc.evidence(m.start, m.end))
    ev.confidence = _confidence(inc, ev)
    ev.notes = make_notes(ev)
    first = inc.anchors[0]
    text_hash = doc.cache.get("text_sha1")
    if text_hash is None:
        text_hash = doc.cache["text_sha1"] = hashlib.sha1(art.text.encode("utf-8")).hexdigest()
    key = f"{art.id}|{text_hash}|{first.start}|{ev.place_id or ev.location_ar}|{kb.fingerprint}"
    ev.event_id = "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return ev


def _crowd_violence(doc: Document, inc: Incident) -> bool:
    """A crowd's own violence in the incident: throwing stones, burning, storming (not the riot
    of "قوات مكافحة الشغب", riot police, which is a name)."""
    names = [(a.tok_start, a.tok_end) for a in doc.in_tokens("actor", inc.tok_start, inc.tok_end)]
    storm = words("storm")
    return any(t.value.cls in ("riot", "destruction") and not any(s <= t.tok_start < e for s, e in names)
               for t in doc.in_tokens("trigger", inc.tok_start, inc.tok_end)) or \
        any(st in storm for i in range(inc.tok_start, inc.tok_end) for st in doc.tokens[i].stems)


def ev_is_protest_repression(inc: Incident, victim: R.ActorRole | None) -> bool:
    return inc.family == "violent" and victim is not None and victim.role == "protesters" and \
        inc.cls in ("shooting", "killing", "attack", "clash")


def _after_publication(doc: Document, date_m: Mention | None) -> bool:
    published = doc.article.published
    return published is not None and date_m is not None and date_m.value.date is not None \
        and date_m.value.date > published and names_coming_time(date_m.value.expr)


def _set_date(doc: Document, ev: Event, date_m: Mention | None) -> None:
    published = doc.article.published
    if date_m is not None and date_m.value.date is not None:
        ev.event_date = date_m.value.date.isoformat()
        ev.time_precision = date_m.value.precision or 1
        ev.add_evidence("event_date", doc.evidence(date_m.start, date_m.end))
    elif date_m is not None:
        ev.event_date, ev.time_precision = None, None
    elif published is not None:
        ev.event_date, ev.time_precision = published.isoformat(), 2
    else:
        doc.warn("no publication date and no date in the text: event_date left null "
                 "(give --published YYYY-MM-DD)")


def _confidence(inc: Incident, ev: Event) -> float:
    score = 0.45 + 0.35 * inc.weight
    if ev.actor1 and not ev.actor1.startswith("Unidentified"):
        score += 0.05
    if ev.location:
        score += 0.1 if (ev.geo_precision or 3) == 1 else 0.05
    if inc.family == STRATEGIC:
        score -= 0.1
    return round(max(0.05, min(0.99, score)), 2)


def _share(count: Count | None, n: int, k: int) -> Count | None:
    if count is None or n <= 1:
        return count
    part = count.value // n + (1 if k < count.value % n else 0)
    return Count(part, f"{count.rule};split-{n}", count.spans)


def _weapons(doc: Document, inc: Incident) -> list[tuple[str, Mention]]:
    seen: dict[str, Mention] = {}
    for m in doc.in_tokens("weapon", inc.tok_start, inc.tok_end):
        if m.value.tag not in seen:
            seen[m.value.tag] = m
    return list(seen.items())


def _date_for(doc: Document, inc: Incident, others: list[Incident]) -> Mention | None:
    """The incident's own date expression, else one in its sentence outside other incidents."""
    # "arrested four men suspected of involvement in the killing of an activist last month",
    # "اعتقلت … بتهمة قتل ناشط الشهر الماضي", "وقفة للمطالبة برواتبهم المتأخرة منذ أربعة أشهر": a
    # date after what someone is charged with, or what a protest demands, dates that, not the act
    act = inc.anchors[0].tok_end
    charged = min((m.tok_end for m in doc.in_tokens("context", act, inc.tok_end)
                   if m.value.kind in ("modal", "grievance")), default=None)

    def own(d: Mention) -> bool:
        return charged is None or _tok(doc, d.start) < charged or _tok(doc, d.start) >= inc.tok_end

    inside = [d for d in doc.in_tokens("date", inc.tok_start, inc.tok_end) if own(d)]
    if inside:
        # The date nearest the trigger: "released on Sunday … kidnapped him a month ago".
        anchor = inc.anchors[0].start
        return min(inside, key=lambda m: abs(m.start - anchor))
    sent = doc.sentences[inc.sentence]
    neighbours = [o for o in others if o.sentence == inc.sentence and o is not inc] if doc.within("date", sent.start, sent.end) else []
    free = [m for m in doc.within("date", sent.start, sent.end)
            if own(m) and not any(o.contains(_tok(doc, m.start)) for o in neighbours)]
    if free:
        return free[0]
    # "رصد المرصد عدة حوادث يوم أمس. ففي مدينة نوى…", "…on Tuesday. Hours later, SDF members
    # raided…", "…shelled Aitaroun on Monday, and an airstrike destroyed a house in Meiss
    # el-Jabal": the last day-precise date told before governs the incidents after it.
    return next((m for m in reversed(doc.within("date", 0, doc.tokens[inc.tok_start].start))
                 if m.value.date is not None and m.value.precision == 1), None)


def _tok(doc: Document, offset: int) -> int:
    import bisect

    return bisect.bisect_right(doc.token_starts, offset) - 1


def _places_for(doc: Document, inc: Incident, prev_by_sentence) -> list:
    a, b = doc.tokens[inc.tok_start].start, doc.tokens[inc.tok_end - 1].end
    own = [p for p in doc.places_within(a, b) if not _reporter_place(doc, p) and not _affiliation(doc, p)]
    # "أثناء محاولته عبور الحدود إلى تركيا … قرب بلدة الدرباسية": where someone was going is
    # not where it happened, when the text says where that was
    there = [p for p in own if not _destination(doc, p)]
    if there:
        own = there
    elif own and all(_retreat_to(doc, p) for p in own) and (
            last := max((k for k in prev_by_sentence if inc.sentence - 2 <= k < inc.sentence), default=None)) is not None:
        # "Militants … opened fire on the soldiers before withdrawing towards the Hamrin
        # mountains": only where they fled to is named; the incident goes on where the one told in
        # the last two sentences happened. (Where troops advanced towards is where they fought.)
        return prev_by_sentence[last][-1][2]
    # "توفي شاب من بلدة سرمدا … في أحد سجون الهيئة في مدينة إدلب": where a victim comes from
    # is not where it happened, when the text says where that was
    there = [p for p in own if not _origin(doc, p)]
    if there and inc.cls != "arrest":  # "اعتقلت قسد أربعة شبان من بلدة الحسينية": taken from there
        own = there
    # "على طريق دمشق – السويداء قرب شهبا": a road's ends name the road, not the spot on it
    ends = _road_ends(doc, own)
    there = [p for p in own if id(p) not in ends]
    if any((p.cue or p.kind) not in ("country", "governorate", "region") for p in there):
        own = there  # a spot named besides the road ("قرب شهبا"), not only its country
    if own:
        return _first_chain(doc, own, inc.anchors[0].start)
    referent = _place_anaphor(doc, inc)
    if referent is not None:
        return [referent]
    earlier = prev_by_sentence.get(inc.sentence)
    if earlier:
        return earlier[-1][2]
    sent = doc.sentences[inc.sentence]
    return doc.places_within(sent.start, sent.end)


def _retreat_to(doc: Document, place) -> bool:
    """A destination that attackers withdrew or fled to ("before withdrawing towards the Hamrin
    mountains", "انسحبوا باتجاه البادية")."""
    tok = _tok(doc, place.span[0])
    retreat = words("retreat")
    return _destination(doc, place) and any(
        not retreat.isdisjoint(doc.tokens[i].stems) for i in range(max(0, tok - 4), tok))


def _affiliation(doc: Document, place) -> bool:
    """"فصيلا السلطان مراد والحمزات المواليان لتركيا", "the Iran-backed militias": a country named
    with ل ("to") says whose side someone is on; incidents happen in (في، ب) places, never "to"
    one."""
    return place.kind == "country" and place.cue_start is None and doc.language_at(place.span[0]) == "ar" \
        and doc.text[place.span[0] - 1:place.span[0]] == "ل" and place.span[0] >= 2 \
        and doc.text[place.span[0] - 2].isspace()


def _destination(doc: Document, place) -> bool:
    """Where someone went ("عبور الحدود إلى تركيا", "fled to Turkey"), or the country they came
    from ("after they returned from Lebanon"): not where it happened, when the text names that."""
    tok = _tok(doc, place.span[0])
    if tok <= 0 or place.cue_start is not None:
        return False
    before = doc.tokens[tok - 1].key
    if before == "the" and tok >= 2:
        before = doc.tokens[tok - 2].key  # "withdrawing towards the Hamrin mountains"
    return before in words("destination") or (place.kind == "country" and before in words("origin"))


_ANAPHOR_KINDS = {"town": ("town", "city"), "city": ("city", "town"), "village": ("village", "town"), "camp": ("camp",)}


@lru_cache(maxsize=1)
def _anaphor_words() -> dict[str, str]:
    return {w: kind for kind in _ANAPHOR_KINDS for w in words(f"place_anaphor_{kind}")}


def _place_anaphor(doc: Document, inc: Incident):
    """"وصباح الجمعة، داهمت قسد منازل في البلدة": "the town" is the town named last before."""
    anaphors = _anaphor_words()
    for i in range(inc.tok_start, inc.tok_end):
        tok = doc.tokens[i]
        kind = anaphors.get(tok.key)
        if kind is None or (tok.key.isascii() and (i == 0 or doc.tokens[i - 1].key != "the")):
            continue
        takes = _ANAPHOR_KINDS[kind]
        before = [p for p in doc.places_within(0, tok.start) if (p.cue or p.kind) in takes]
        if before:
            return before[-1]
    return None


def _road_ends(doc: Document, places: list) -> set[int]:
    """Places named as a road's ends: right after a road word ("طريق دمشق", "the Aleppo road" is
    not covered), or joined by a dash to one that is ("طريق دمشق – السويداء")."""
    road = words("road")
    ends: set[int] = set()
    last = None
    for p in places:
        tok = _tok(doc, p.cue_start if p.cue_start is not None else p.span[0])
        if tok > 0 and any(st in road for st in doc.tokens[tok - 1].stems):
            ends.add(id(p))
        elif last is not None and id(last) in ends and doc.text[last.span[1]:p.span[0]].strip() in ("-", "–", "—", "و"):
            ends.add(id(p))
        last = p
    return ends


def _origin(doc: Document, place) -> bool:
    """"شاب من بلدة سرمدا", "شابين من محافظة درعا", "راعياً من أبناء بلدة جباتا": a person's home."""
    tok = _tok(doc, place.cue_start if place.cue_start is not None else place.span[0])
    if tok < 2 or doc.tokens[tok - 1].key not in words("origin"):
        return False
    k = tok - 1
    if k > 0 and doc.tokens[k - 1].key in words("origin_people"):
        k -= 1  # "من أبناء بلدة"
    if k > 0 and doc.tokens[k - 1].key in words("origin"):
        k -= 1
    return any(m.tok_end == k and m.value.kind == "generic" and m.value.role in ("civilians", "displaced")
               for m in doc.in_tokens("actor", max(0, k - 4), k))


def _reporter_place(doc: Document, place) -> bool:
    """"قال مصدر في شرطة كركوك إن عبوة انفجرت في قضاء الحويجة": the place named with the
    source is the reporter's, not the incident's."""
    tok = _tok(doc, place.span[0])
    return any(m.value.kind == "source" for m in doc.in_tokens("context", max(0, tok - 3), tok))


_CHAIN_GAP = 30  # characters between two mentions of one place description ("قرية الزر بريف مدينة…")


def _first_chain(doc: Document, mentions: list, act_start: int) -> list:
    """A run of adjacent place mentions is one description ("قرية الزر بريف مدينة البصيرة شرقي
    سوريا"); a place named later in the incident's text ("…withdrew into the Badia") is where
    something else happened. The first run naming a populated place wins, else the first run."""
    chains: list[list] = [[mentions[0]]]
    for p in mentions[1:]:
        if p.span[0] - chains[-1][-1].end > _CHAIN_GAP:
            chains.append([p])
        else:
            chains[-1].append(p)
    # "وفي محافظة درعا، اختطف مسلحون … في مدينة طفس": an opening governorate sets the scene;
    # the first description naming a town or village is where it happened.
    for chain in chains:
        if any(_level(p) == "populated" for p in chain):
            return chain
    # "وفي محافظة دهوك، قصفت مسيرة … قرب ناحية باطوفة": a district or subdistrict named (by its
    # cue word) for the act is more precise than a governorate set off by a comma to open the
    # scene.
    opening = chains[0][-1]
    if len(chains) > 1 and opening.end <= act_start and not any(p.cue in _DISTRICTS for p in chains[0]) \
            and PHRASE_PUNCT & set(doc.text[opening.end:act_start]):
        for chain in chains[1:]:
            if any(p.cue in _DISTRICTS or p.direction == "near" for p in chain):
                return chain  # (or "على محور كفرنبل": near a town, more precise than the scene)
    return chains[0]


def _split_places(doc: Document, inc: Incident, places: list) -> list[list]:
    """One group per coordinated place when the trigger counts several separate incidents."""
    if len(places) < 2:
        return [places]
    multiple = _is_multiple(doc, inc)
    groups: list[list] = [[places[0]]]
    for prev, p in zip(places, places[1:]):
        s = p.span[0]
        gap = " ".join(doc.folded[prev.end:s].split())
        conj = gap in words("place_and") or \
            (gap == "" and doc.folded[s:s + 1] == "و")
        comma = gap in ("،", ",")
        same_level = _level(p) == _level(prev) and _level(p) is not None
        # "الطريق الواصل بين مدينة درعا وبلدة طفس", "between X and Y": one place, a road or front.
        between = any(doc.tokens[i].key in words("between") for i in range(max(0, _tok(doc, prev.span[0]) - 2), _tok(doc, prev.span[0])))
        if same_level and not between and (conj or (comma and multiple)) and len(groups) < 6:
            groups.append([p])
        else:
            groups[-1].append(p)
    if len(groups) > 1:
        # "the villages of Um Al-Kaif and Tal Shanan in the countryside of Tal Tamr": the context
        # after the last place ("in the countryside of …") locates every place of the list
        last = groups[-1]
        k = next((i for i, p in enumerate(last) if i > 0 and _level(p) != _level(last[0])), None)
        if k is not None:
            context = last[k:]
            groups = [g if g is last else g + context for g in groups]
    return groups


_POPULATED = {"village", "town", "city", "capital", "neighbourhood", "camp", "farm"}
_AREAS = {"badia", "region", "countryside"}
_DISTRICTS = {"district", "subdistrict"}


def _level(p) -> str | None:
    """Places joined by "و"/"and" are separate incident locations only when they are of one
    level ("Sarmin and al-Nayrab", "بادية ديرالزور وبادية البوكمال"), not a chain of context."""
    kind = p.cue or p.kind
    if kind in _POPULATED:
        return "populated"
    if kind in _AREAS:
        return "area"
    return None


def _is_multiple(doc: Document, inc: Incident) -> bool:
    from rasad.text.numbers import dual_count

    for a in inc.anchors:
        tok = doc.tokens[a.tok_start]
        if dual_count(tok.text):
            return True
        nxt = doc.tokens[a.tok_end].key if a.tok_end < len(doc.tokens) else ""
        prv = doc.tokens[a.tok_start - 1].key if a.tok_start > 0 else ""
        if nxt in words("separate") or prv in words("separate"):
            return True
    return False


def _sentence_governorate(doc: Document, inc: Incident, chosen: list) -> str | None:
    """"In Daraa, gunmen kidnapped a pharmacist … in the town of Nawa": a governorate the
    incident's sentence names before its place chooses among namesakes before the governorate
    the article named first (Nawa of Daraa, not of Homs)."""
    from rasad import geo

    sent = doc.sentences[inc.sentence]
    taken = set(map(id, chosen))
    # only one named before the place: one named after it is often where someone was taken
    # ("ونقلتهم إلى أحد سجونها في الحسكة")
    first = min((p.span[0] for p in chosen), default=sent.end)
    for p in doc.places_within(sent.start, first):
        if id(p) in taken or not p.candidates or (p.cue or p.kind) != "governorate":
            continue
        admin1 = geo.admin1_of_mention(p, _resolve(doc, [p], None))
        if admin1:
            return admin1
    return None


def _article_prior(doc: Document) -> tuple[str | None, list | None, str | None]:
    """(governorate named first in the article, that place's mention chain, country)."""
    from rasad import geo

    gaz = geo.get_gazetteer()
    named = [p for p in doc.places if p.candidates]
    countries = [{q.country for c in p.candidates if (q := gaz.get(c)) is not None} for p in named]
    for i, p in enumerate(named):
        res = geo.resolve_incident([p], None)  # once: the governorate and the country both read it
        if len(countries[i]) > 1:
            # "الحديدة | مأرب" over a report from Yemen: a name found in several countries is read
            # in the country of the first name after it that only one country has
            sole = next((next(iter(c)) for c in countries[i + 1:] if len(c) == 1), None)
            if sole in countries[i] and res is not None and res.country != sole:
                res = _resolve_in([p], sole) or res
        admin1 = geo.admin1_of_mention(p, res)
        if admin1:
            return admin1, [p], res.country if res else None
    return None, None, None


def _heads(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Drop a generic word that only heads a named actor ("soldiers of the Syrian regime forces",
    "عنصر من قسد"): the named actor is the party."""
    out = []
    owned: set[int] = set()  # generic words owned by the actor before them ("the STC's forces")
    headed: set[tuple[int, int]] = set()  # spans that head a named actor, in every reading
    for i, m in enumerate(mentions):
        if i in owned or (m.tok_start, m.tok_end) in headed:
            continue
        # the next mention after this one (not another reading of the same words: "Militants"
        # is both the unidentified role and an anaphor)
        nk = next((j for j in range(i + 1, len(mentions)) if mentions[j].tok_start >= m.tok_end), None)
        nxt = mentions[nk] if nk is not None else None
        if nxt is not None and 0 <= nxt.tok_start - m.tok_end <= 1 and m.surface.endswith(("'s", "\u2019s")) \
                and PHRASE_STOPS.isdisjoint(doc.text[m.end:nxt.start]):  # (an adjective between: "the SDF's internal security forces")
            if nxt.value.kind == "generic" and m.value.kind == "named":
                owned.add(nk)  # "the Southern Transitional Council's forces": the council is the party
            else:
                continue  # "the regime's 4th Division": the possessor names the unit's side, not a party
        if m.value.kind == "generic" and nxt is not None and nxt.value.kind == "named":
            between = [doc.tokens[j].key for j in range(m.tok_end, nxt.tok_start)]
            joined = nxt.tok_start < len(doc.tokens) and doc.tokens[nxt.tok_start].key.startswith("و")
            gap = doc.text[m.end:nxt.start]
            if 0 < len(between) <= 4 and any(k in words("of") for k in between) and not any(
                    c.value.kind == "member" for c in doc.in_tokens("context", m.tok_end, nxt.tok_start)) \
                    and PHRASE_STOPS.isdisjoint(gap) and not doc.places_within(m.end, nxt.start):
                # "soldiers of the Syrian regime forces", "عنصر من قسد", "gunmen believed to belong
                # to IS"; not "اغتال مسلحون مجهولون عنصراً في اللواء الثامن", where a member noun
                # between them heads the named unit and the gunmen are the doers, nor "arrested three
                # civilians in Afrin city; the SDF…" across a place and a clause boundary
                headed.add((m.tok_start, m.tok_end))
                if not doc.in_tokens("context", m.tok_end, nxt.tok_start):
                    # "مسلحون من تنظيم داعش": a plain "of" between, so the head stands for the
                    # actor where role markers look (not "مدني في مناطق سيطرة قسد")
                    nxt.attrs["head_start"] = m.tok_start
                continue
            if len(between) <= 1 and not joined and not any(k in ("و", "and") or k[:1] in ("ب", "ل", "ك")
                                                            for k in between) \
                    and (between in ([], ["the"]) or PHRASE_PUNCT.isdisjoint(gap)) \
                    and not doc.in_tokens("trigger", m.tok_end, nxt.tok_start):  # "القوات المشتركة هجوماً لميليشيا الحوثي"
                # apposition: "قوات الأمن الداخلي "الأسايش"", "the security forces, the Asayish";
                # not "مدنيان برصاص قناص حوثي" nor "wounding two children, while Russian warplanes"
                continue
        out.append(m)
    return out


def _uncovered_country(doc: Document) -> str | None:
    """A country the article names whose towns the gazetteer lacks ("Libya's oil…", "في اليمن"):
    places it then names cannot be resolved, and namesakes elsewhere must not be taken."""
    from rasad import geo

    covered = _gazetteer_countries()
    mentions = doc.get("actor")
    spans = Counter((m.tok_start, m.tok_end) for m in mentions)
    for m in mentions:
        # "حكومة الوحدة الوطنية", "the Houthis": an actor of one uncovered country anywhere (but
        # not a name each country reads as its own, "الجيش الوطني").
        ref = m.value
        if ref.kind == "named" and len(ref.actor.countries) == 1 and ref.actor.countries[0] not in covered | {"*"} \
                and spans[m.tok_start, m.tok_end] == 1:
            return ref.actor.countries[0]
    for p in doc.places:
        if (p.cue or p.kind) != "country" or not _placed(doc, p):
            continue
        res = geo.resolve_incident([p], None)
        if res is not None and res.country and res.country not in covered:
            return res.country
    return None


def _adjective_country(doc: Document) -> str | None:
    """"قالت وزارة الداخلية العراقية…" with no place named: the article's first country adjective
    outside an actor's name ("القوات التركية", "Turkish drones" tell whose forces, not where)."""
    cached = doc.cache.get("adjective_country", False)
    if cached is not False:
        return cached
    from rasad.geo.recognize import country_adjectives

    names = [(m.start, m.end) for m in doc.get("actor")]
    found = next((c for s, e, c in country_adjectives(doc)
                  if not any(a <= s and e <= b for a, b in names)), None)
    doc.cache["adjective_country"] = found
    return found


def _placed(doc: Document, p) -> bool:
    """A country named as where something is ("في اليمن", "in Libya", "الليبية"), not as a party
    ("صعّدت تركيا من هجماتها": Turkey acts, the events are in Syria)."""
    from rasad.geo.recognize import cue_lexicon

    tok = _tok(doc, p.start)
    if p.cue is not None or tok <= 0:
        return p.cue is not None
    t = doc.tokens[tok]
    if _affiliation(doc, p):
        return False  # "المواليين لتركيا": whose side, not where
    if len(t.key) > len(t.stems[-1]) and t.key[0] == "ب":
        return True  # "باليمن"
    if _destination(doc, p):
        return False  # "عبور الحدود إلى تركيا": where someone was going
    lex = cue_lexicon()
    return doc.tokens[tok - 1].key in lex.words["ar:locative"] | lex.words["en:locative"]


def _actor_home(doc: Document, inc: Incident, mentions: list[Mention]) -> str | None:
    """The one country of the first named actor in the incident that belongs to one country
    (a name read differently in different countries, "الجيش الوطني", tells none)."""
    found = doc.in_tokens("actor", inc.tok_start, inc.tok_end)
    spans = Counter((m.tok_start, m.tok_end) for m in found)
    for m in found:
        if m.value.kind == "named" and len(m.value.actor.countries) == 1 \
                and m.value.actor.countries[0] != "*" and spans[m.tok_start, m.tok_end] == 1:
            return m.value.actor.countries[0]
    return None


def _one_reading(mentions: list[Mention], country: str) -> list[Mention]:
    """One actor per span: "الجيش الوطني" is the Syrian National Army in Syria, the LNA in Libya
    and the national army elsewhere (Yemen's government forces); the named actor of the event's
    country wins, then an actor of any country, then the generic reading."""
    out: list[Mention] = []
    for m in mentions:
        if out and (out[-1].tok_start, out[-1].tok_end) == (m.tok_start, m.tok_end):
            if _reading_rank(m, country) < _reading_rank(out[-1], country):
                out[-1] = m
            continue
        out.append(m)
    return out


def _reading_rank(m: Mention, country: str) -> int:
    ref = m.value
    if ref.kind != "named":
        return 1
    return 0 if country in ref.actor.countries or "*" in ref.actor.countries else 2


def _gazetteer_countries() -> set[str]:
    from rasad import geo

    gaz = geo.get_gazetteer()
    cached = getattr(gaz, "_rasad_countries", None)
    if cached is None:
        # Countries whose towns and villages the gazetteer holds, not just the country's name.
        counts: dict[str, int] = {}
        for p in gaz.places:
            if p.kind not in ("country", "governorate", "region") and p.country:
                counts[p.country] = counts.get(p.country, 0) + 1
        cached = {c for c, n in counts.items() if n >= 50}
        gaz._rasad_countries = cached  # type: ignore[attr-defined]
    return cached


def _resolve_anaphora(mentions: list[Mention], tokens: list) -> dict[int, Mention]:
    """Anaphor ("التنظيم", "the group") -> a named non-state actor mentioned before it.

    An anaphor right before a named actor is that actor's head noun ("خلايا تنظيم داعش"): no
    referent of its own. Otherwise prefer the last actor whose own name contains the anaphor's
    word ("التنظيم" -> "تنظيم داعش"), then the non-state actor mentioned most so far: an
    article's "the organisation" is its main subject, not whoever was named last.
    """
    out: dict[int, Mention] = {}
    counts: dict[str, int] = {}
    last_by_name: dict[str, Mention] = {}
    of = words("of")
    for i, m in enumerate(mentions):
        ref = m.value
        if ref.kind == "anaphor" and ref.role == "latter":
            prev = next((p for p in reversed(mentions[:i]) if p.value.kind == "named"), None)
            if prev is not None:
                out[m.tok_start] = prev
            continue
        if ref.kind == "named" and ref.actor.inter in (2, 3, 4):
            name = ref.actor.canonical
            counts[name] = counts.get(name, 0) + 1
            last_by_name[name] = m
        elif ref.kind == "anaphor" and counts:
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.value.kind == "named" and (nxt.tok_start == m.tok_end or (
                    nxt.tok_start == m.tok_end + 1 and tokens[m.tok_end].key in of)):
                continue  # ("وحدات تابعة للقيادة العامة": whose units they are, named next)
            word = fold_raw(ref.alias).split()[-1].removeprefix("ال")
            by_word = [mm for mm in last_by_name.values() if word and word in fold_raw(mm.value.alias)]
            target = max(by_word, key=lambda mm: mm.tok_start) if by_word else \
                last_by_name[max(counts, key=lambda n: (counts[n], last_by_name[n].tok_start))]
            out[m.tok_start] = target
            name = target.value.actor.canonical
            counts[name] += 1
    return out


def _actor_role(kb, m: Mention, anaphora: dict[int, Mention], country: str) -> R.ActorRole | None:
    ref = m.value
    if ref.kind == "anaphor":
        target = anaphora.get(m.tok_start)
        if target is None:
            return None
        ref = target.value
    if ref.kind == "named":
        actor = ref.actor
        return R.ActorRole(m, actor.name_for(country), actor.inter, "")
    hit = kb.generic_actor(ref.role, country)
    if hit is None:
        return None
    # Refugees and IDPs have an ACLED name of their own but are civilians in every rule.
    return R.ActorRole(m, hit[0], hit[1], "civilians" if ref.role == "displaced" else ref.role)


def _as_protesters(kb, a: R.ActorRole, country: str) -> R.ActorRole:
    if a.role in ("civilians", "protesters"):
        name, inter = kb.generic_actor("protesters", country)
        return R.ActorRole(a.mention, name, inter, "protesters", a.side)
    return a


def _inherit_actor(doc: Document, inc: Incident, last: tuple[int, R.ActorRole] | None) -> R.ActorRole | None:
    """Actor 1 of the previous violent incident, for a follow-on incident of the same sentence
    or one marked as part of a series ("هجوم ثالث", "another attack")."""
    if last is None or inc.family != "violent":
        return None
    sentence, actor = last
    a = inc.anchors[0]
    # "هجوم ثالث", "another attack", "قصفت مسيّرة أخرى": the series word by the trigger or its doer
    near = {doc.tokens[i].key for i in range(max(0, a.tok_start - 1), min(len(doc.tokens), a.tok_end + 3))}
    if sentence == inc.sentence or (inc.sentence - sentence <= 1 and near & words("series")):
        return R.ActorRole(actor.mention, actor.name, actor.inter, actor.role, R.AGENT)
    return None


def _tell_more(doc: Document, inc: Incident, told: list[tuple[Incident, Event]], lang: str) -> bool:
    """"The ambush destroyed two vehicles and killed…": a definite noun names the incident just
    told; its toll and weapons go to that event instead of making a second one."""
    prior = [ev for i, ev in told if i.family == inc.family]
    if not prior and told and told[-1][0].sentence >= inc.sentence - 1 and not (
            told[-1][0].family == STRATEGIC and inc.family == "demonstration"):
        # "وأدت المواجهات إلى مقتل…" after a riot: the same incident (a protest after an arrest
        # is not the arrest told again)
        prior = [told[-1][1]]
    if not prior or not inc.anchors:
        return False
    if any(inc.tok_start <= y.tok_start < inc.tok_end for y in doc.cache.get("past_years", {}).get(inc.sentence, ())):
        # "وتتجدد الاحتجاجات كل صيف، إذ شهدت البصرة في تموز 2018 احتجاجات قتل خلالها عشرة": the
        # incidents named again are set beside history, whose toll is not theirs.
        return True
    sent = doc.sentences[inc.sentence]
    if any(m.value.kind == "claim" for m in doc.within("context", sent.start, sent.end)):
        # "تبنى تنظيم الدولة الهجوم على سيارة الأمن العسكري قرب داعل، زاعماً مقتل ثلاثة عناصر": the
        # attack claimed is named again; the claimant's toll is its own boast, not a report
        return True
    ev = prior[-1]
    if len(prior) > 1:
        # "The health ministry has raised the toll from the Bachoura strike to nine dead": the
        # place named picks the incident told again, not the last one told
        a, b = doc.tokens[inc.tok_start].start, doc.tokens[inc.tok_end - 1].end
        names = [fold_raw(p.name) for p in doc.places_within(a, b)]
        named = [e for e in prior if any(n in fold_raw(x.text) for n in names for x in e.evidence.get("location", ()))]
        if named:
            ev = named[-1]
    killed, wounded = count_casualties(doc, inc, lang)
    if killed is not None:
        ev.fatalities = max(ev.fatalities, killed.value)
        for s_, e_ in killed.spans:
            ev.add_evidence("fatalities", doc.evidence(s_, e_))
    if wounded is not None:
        ev.injuries = max(ev.injuries or 0, wounded.value)
        for s_, e_ in wounded.spans:
            ev.add_evidence("injuries", doc.evidence(s_, e_))
    for tag, m in _weapons(doc, inc):
        if tag not in ev.weapons:
            ev.weapons = sorted(set(ev.weapons) | {tag})
        ev.add_evidence("weapons", doc.evidence(m.start, m.end))
    for a in inc.anchors:
        ev.add_evidence("event_type", doc.evidence(a.start, a.end))
    _narrow_place(doc, inc, ev)
    ev.notes = make_notes(ev)
    return True


def _narrow_place(doc: Document, inc: Incident, ev: Event) -> None:
    """"…struck Houthi targets in Hodeidah province. The Houthis said the strikes targeted the
    Al-Salif district": the incident told again names a place inside the one first given; the
    event takes the more precise one."""
    a, b = doc.tokens[inc.tok_start].start, doc.tokens[inc.tok_end - 1].end
    own = [p for p in doc.places_within(a, b) if not _reporter_place(doc, p) and not _destination(doc, p)]
    if not own or not ev.admin1:
        return
    from dataclasses import replace

    from rasad import geo

    chain = _first_chain(doc, own, inc.anchors[0].start)
    place = _resolve_in(chain, ev.country) if ev.country else None
    if place is None and chain[0].cue in _DISTRICTS:
        # a district the gazetteer lacks (Yemen): its name is the admin2 inside the province
        place = geo.resolve_incident([replace(chain[0], candidates=[])], ev.admin1)
    if place is None or place.country != ev.country or place.admin1 != ev.admin1:
        return
    if ev.admin2 and place.admin2 != ev.admin2:
        return
    if (place.geo_precision or 3) >= (ev.geo_precision or 3):
        if not ev.admin2 and place.admin2:
            ev.admin2 = place.admin2  # "the Al-Salif district" of the province already placed
            if place.mention is not None:
                ev.add_evidence("location", doc.evidence(*place.mention.span))
        return
    if not ev.admin2 and not place.admin2 and place.place_id == ev.place_id:
        return
    ev.admin2, ev.admin3 = place.admin2 or ev.admin2, place.admin3
    ev.location, ev.location_ar = place.location, place.location_ar
    ev.latitude, ev.longitude = place.latitude, place.longitude
    ev.geo_precision, ev.place_id = place.geo_precision, place.place_id
    if place.mention is not None:
        ev.add_evidence("location", doc.evidence(*place.mention.span))


def _merge_repeats(events: list[Event], another: set[int] = frozenset()) -> list[Event]:
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.event_type == ev.event_type and o.sub_event_type == ev.sub_event_type
                     and o.actor1 == ev.actor1 and o.place_id and o.place_id == ev.place_id
                     and (o.location, o.location_ar) == (ev.location, ev.location_ar)  # two unknown villages near one town
                     and o.event_date == ev.event_date and o.actor2 == ev.actor2), None) or \
            (None if id(ev) in another else next((o for o in out if _same_battle(o, ev) or _lead_told_again(o, ev)),
                                                  None))
        if twin is None:
            out.append(ev)
            continue
        if twin.actor1 and twin.actor1.startswith("Unidentified") and ev.actor1 and not ev.actor1.startswith("Unidentified"):
            twin.actor1, twin.inter1, twin.interaction = ev.actor1, ev.inter1, ev.interaction
        if "event_date" not in twin.evidence and "event_date" in ev.evidence:
            twin.event_date = ev.event_date  # the lead's day was the publication's, the body's is told
            twin.time_precision = None  # (set from the body's below)
        twin.fatalities = max(twin.fatalities, ev.fatalities)
        # A headline gives no day (the report's days, precision 2); its body's "صباح اليوم" does.
        if ev.time_precision is not None and ev.time_precision < (twin.time_precision or 99):
            twin.time_precision = ev.time_precision
        if ev.injuries is not None:
            twin.injuries = max(twin.injuries or 0, ev.injuries)
        twin.weapons = sorted(set(twin.weapons) | set(ev.weapons))
        for k, spans in ev.evidence.items():
            for s in spans:
                twin.add_evidence(k, s)
        twin.confidence = max(twin.confidence, ev.confidence)
        twin.notes = make_notes(twin)
    return out


_DISPERSAL_REACH = 4  # sentences from the protest told last to detentions "during the dispersal"


def _arrests_at_protests(doc: Document, told: list[tuple[Incident, Event]]) -> list[tuple[Incident, Event]]:
    """"…protested on Tuesday in front of the directorate of education. Riot police used tear gas
    to disperse the crowd and detained several protesters": protesters detained where a protest
    was just told (its sentence or the next), the same day, are how it was met, one event (ACLED's
    protest with intervention), not an arrest of their own."""
    out: list[tuple[Incident, Event]] = []
    for inc, ev in told:
        protest = None
        dispersal = any(t.value.cls == "protest_intervention" for t in doc.in_tokens("trigger", inc.tok_start, inc.tok_end))
        if ev.sub_event_type == "Arrests" and (ev.inter2 == 6 or (ev.inter2 in (None, 7) and dispersal)):
            # (or anyone detained "during the dispersal", a sentence or two on: "واعتقلت القوات الأمنية
            # خلال عملية التفريق 12 شخصاً")
            sent = doc.sentences[inc.sentence]
            placeless = not doc.places_within(sent.start, sent.end)  # (then placed by the dateline)
            protest = next((e for i, e in reversed(out) if e.event_type in ("Protests", "Riots")
                            and inc.sentence - i.sentence <= (_DISPERSAL_REACH if dispersal and e is out[-1][1] else 1)
                            and (placeless or e.admin1 == ev.admin1)
                            and (e.event_date == ev.event_date or "event_date" not in ev.evidence)), None)
        if protest is None:
            out.append((inc, ev))
            continue
        if protest.sub_event_type == "Peaceful protest":
            protest.sub_event_type = "Protest with intervention"
        if protest.actor2 is None and ev.actor1:
            protest.actor2, protest.inter2 = ev.actor1, ev.inter1
            protest.interaction = interaction_code(protest.inter1, protest.inter2)
        for k, spans in ev.evidence.items():
            if k in ("actor1", "event_type"):
                for s_ in spans:
                    protest.add_evidence("actor2" if k == "actor1" else k, s_)
        protest.notes = make_notes(protest)
    return out


def _lead_told_again(told: Event, ev: Event) -> bool:
    """"استشهد مدنيان وأصيب أربعة … جراء اعتداء إرهابيي النصرة بالقذائف على مدينة السقيلبية", then
    "استهدفوا مساء أمس بثلاث قذائف … حي الجسر في مدينة السقيلبية، ما تسبب باستشهاد رجل وزوجته
    وإصابة أربعة": a lead and its detail paragraph. The same kind of event at the same place, hitting
    the same side with the same toll, is one incident even when one telling names the doer
    ("the terrorists") less precisely or gives no day of its own."""
    if (told.event_type, told.sub_event_type, told.actor2) != (ev.event_type, ev.sub_event_type, ev.actor2):
        return False
    if not told.place_id or told.place_id != ev.place_id or not (told.fatalities or told.injuries):
        return False
    if (told.fatalities, told.injuries) != (ev.fatalities, ev.injuries):
        return False
    if told.actor1 != ev.actor1 and not any(a and a.startswith("Unidentified") for a in (told.actor1, ev.actor1)):
        return False
    return told.event_date == ev.event_date or "event_date" not in told.evidence or "event_date" not in ev.evidence


def _told_as_another(doc: Document, inc: Incident) -> bool:
    """"Another clash between the SDF and IS…", "اشتباكات أخرى": a series word by the trigger
    says it is a further incident, not the same one told again."""
    series = words("series")
    t = inc.anchors[0]
    return any(doc.tokens[i].key in series for i in range(max(0, t.tok_start - 2), min(len(doc.tokens), t.tok_end + 3)))


def _same_battle(told: Event, ev: Event) -> bool:
    """"Clashes between government forces and STC fighters near Shuqrah… STC forces attacked
    government positions": a battle's sides are one pair whichever is named first, so a later
    clash between (some of) the same sides on the same day, placed no more precisely, is the
    same battle told again."""
    if told.event_type != "Battles" or ev.event_type != "Battles" or told.sub_event_type != ev.sub_event_type:
        return False
    sides = {a for a in (ev.actor1, ev.actor2) if a}
    if not sides or told.event_date != ev.event_date:
        return False
    if not sides <= {told.actor1, told.actor2}:
        # "…killed by an Islamic State ambush… Militants hiding in nearby orchards then opened
        # fire on the soldiers": unnamed attackers of the same side, the same day at the same
        # place, are the battle's named attackers told again.
        unnamed = {a for a in sides if a.startswith("Unidentified")}
        named = sides - unnamed
        return len(unnamed) == 1 and len(named) == 1 and named <= {told.actor1, told.actor2} \
            and bool(told.place_id) and told.place_id == ev.place_id
    if told.place_id and told.place_id == ev.place_id:
        return True
    return bool(ev.admin1) and ev.admin1 == told.admin1 and ev.admin2 in (None, told.admin2) \
        and (ev.geo_precision or 0) >= (told.geo_precision or 0) and ev.location != told.location \
        and ev.location in (ev.admin1, ev.admin2)
