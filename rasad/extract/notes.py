"""The one-sentence English ``notes`` field, generated from the coded fields only."""

from __future__ import annotations

import datetime as dt

from rasad.record import Event

_VERB = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained territory from",
    "Non-state actor overtakes territory": "took territory from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike on",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled",
    "Remote explosive/landmine/IED": "detonated an explosive device against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "protested",
    "Protest with intervention": "protested and were dispersed by",
    "Excessive force against protesters": "protested and were met with force by",
    "Violent demonstration": "rioted",
    "Mob violence": "attacked",
    "Arrests": "arrested",
    "Looting/property destruction": "seized or destroyed property",
    "Agreement": "reached an agreement with",
    "Change to group/activity": "changed its activity",
    "Disrupted weapons use": "disrupted weapons use",
    "Headquarters or base established": "established a base",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "made threats against",
}


def make_notes(ev: Event) -> str:
    when = ""
    if ev.event_date:
        d = dt.date.fromisoformat(ev.event_date)
        # Only the form the precision asks for is formatted: strftime is most of this function.
        precision = ev.time_precision or 1
        if precision in (1, 2):
            when = f"{'On' if precision == 1 else 'Around'} {d.day} {d:%B %Y}, "
        elif precision == 3:
            when = f"In {d:%B %Y}, "
    who = ev.actor1 or "An unidentified actor"
    verb = _VERB.get(ev.sub_event_type or "", "was involved in an incident with")
    sentence = f"{when}{who} {verb}"
    if ev.actor2 and (verb.endswith((" with", " from", " on", " at", " against", " by")) or verb in ("attacked", "shelled", "abducted", "arrested")):
        sentence += f" {ev.actor2}"
    elif verb.endswith((" with", " from", " on", " at", " against", " by")):
        sentence = sentence.rsplit(" ", 1)[0]
    if ev.assoc_actor_2:
        sentence += f" and {', '.join(ev.assoc_actor_2)}"
    if ev.location:
        where = ", ".join(x for x in (ev.admin2 if ev.admin2 != ev.location else None, ev.admin1) if x)
        prep = "near" if ev.geo_precision == 2 else "in"
        sentence += f" {prep} {ev.location}" + (f" ({where})" if where else "")
    if ev.weapons:
        sentence += f" using {', '.join(ev.weapons)}"
    tolls = []
    if ev.fatalities:
        tolls.append(f"{ev.fatalities} killed")
    if ev.injuries:
        tolls.append(f"{ev.injuries} wounded")
    if tolls:
        sentence += ": " + ", ".join(tolls)
    return sentence + "."
