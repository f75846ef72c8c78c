"""What each trigger class means: its family, its priority when several meet in one incident, and
the ACLED event type and sub-event type it is coded to once roles and weapons are known."""

from __future__ import annotations

VIOLENT = "violent"
DEMONSTRATION = "demonstration"
STRATEGIC = "strategic"

# Highest priority first: the most specific class among an incident's triggers decides its type.
# An ambush outranks the IEDs it began with (taxonomy.md: IED ambush followed by gunfire is a clash).
PRIORITY = (
    "chemical", "suicide", "capture", "ambush", "carbomb", "ied", "airstrike", "drone", "shelling",
    "clash", "grenade", "explosion", "killing", "abduction", "sexual", "attack", "shooting", "stabbing",
    "riot", "mob", "protest", "arrest", "disrupted", "looting", "destruction",
    "agreement", "change_group", "hq", "transfer", "threat", "withdrawal",
)
FAMILY = {c: VIOLENT for c in PRIORITY[:18]}
FAMILY.update({c: DEMONSTRATION for c in ("riot", "mob", "protest")})
FAMILY.update({c: STRATEGIC for c in PRIORITY[21:]})

# Classes that modify an incident but never start one on their own.
MODIFIERS = {"protest_intervention"}

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

FIXED = {
    "chemical": ("Explosions/Remote violence", "Chemical weapon"),
    "suicide": ("Explosions/Remote violence", "Suicide bomb"),
    "carbomb": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "ied": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "grenade": ("Explosions/Remote violence", "Grenade"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "sexual": ("Violence against civilians", "Sexual violence"),
    "riot": ("Riots", "Violent demonstration"),
    "mob": ("Riots", "Mob violence"),
    "arrest": ("Strategic developments", "Arrests"),
    "looting": ("Strategic developments", "Looting/property destruction"),
    "destruction": ("Strategic developments", "Looting/property destruction"),
    "agreement": ("Strategic developments", "Agreement"),
    "change_group": ("Strategic developments", "Change to group/activity"),
    "withdrawal": ("Strategic developments", "Change to group/activity"),
    "hq": ("Strategic developments", "Headquarters or base established"),
    "transfer": ("Strategic developments", "Non-violent transfer of territory"),
    "disrupted": ("Strategic developments", "Disrupted weapons use"),
    "threat": ("Strategic developments", "Other"),
}

SHELLING_WEAPONS = {"artillery", "mortar", "rocket", "missile"}
AIR_WEAPONS = {"airstrike", "drone"}
AIRCRAFT_MUNITIONS = {"missile", "rocket"}  # fired by aircraft as by launchers on the ground
EXPLOSIVE_WEAPONS = {"IED", "landmine", "car bomb"}
GUN_WEAPONS = {"machine gun", "heavy machine gun", "small arms", "RPG", "sniper", "live ammunition"}
ARMED_INTER = {1, 2, 3, 4, 8}


# Position of each class in PRIORITY: rank() is the key of min() over every incident's anchors,
# asked tens of times an article, and a dict lookup is cheaper than tuple.index.
_RANK = {c: i for i, c in reversed(list(enumerate(PRIORITY)))}  # first position wins


def rank(cls: str) -> int:
    return _RANK.get(cls, len(PRIORITY))


_GUNFIGHT = {"clash", "shooting", "attack", "ambush"}


def code_event(cls: str, inter1: int | None, inter2: int | None, weapons: set[str],
               civilians_targeted: bool, modifiers: set[str], has_casualties: bool,
               classes: frozenset[str] = frozenset()) -> tuple[str, str]:
    """(event_type, sub_event_type) for an incident whose deciding trigger class is ``cls``;
    ``classes`` are all its triggers' classes."""
    if cls in ("ied", "explosion", "carbomb") and (inter2 in ARMED_INTER) and (
            (classes & _GUNFIGHT and weapons & GUN_WEAPONS) or "clash" in classes):
        # taxonomy.md: roadside bombs followed by gunfire on armed men is an armed clash; so is a
        # bomb the fighting told with it followed ("انفجار عبوة ناسفة أعقبه إطلاق نار … وقد اشتبكت
        # قواتنا مع الإرهابيين").
        return "Battles", "Armed clash"
    if cls == "protest":
        if "riot" in modifiers or "attack" in modifiers or "destruction" in modifiers or "clash" in modifiers:
            # "supporters stormed the embassy … in protest at…": the crowd's own violence makes
            # it a riot, whatever force then met it (excessive force is force on peaceful crowds).
            # So do clashes: "احتجاجات … تحولت إلى مواجهات مع القوات الأمنية".
            return "Riots", "Violent demonstration"
        if "killing" in modifiers or "shooting" in modifiers or (has_casualties and "live ammunition" in weapons):
            return "Protests", "Excessive force against protesters"
        if "protest_intervention" in modifiers or "arrest" in modifiers or "tear gas" in weapons:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if cls == "capture":
        return ("Battles", "Government regains territory") if inter1 == 1 else \
            ("Battles", "Non-state actor overtakes territory")
    if cls == "shelling" and weapons & AIR_WEAPONS and not weapons & (SHELLING_WEAPONS - AIRCRAFT_MUNITIONS):
        # "قصفت مسيّرة حاجزاً", "warplanes shelled", "Israeli warplanes fired missiles": the verb
        # of shelling, the means an aircraft (whose munitions are missiles and rockets)
        return "Explosions/Remote violence", "Air/drone strike"
    if cls in FIXED:
        return FIXED[cls]
    # attack, clash, ambush, killing, shooting, stabbing: decided by who was hit and with what.
    target_armed = inter2 in ARMED_INTER
    if cls in ("attack", "shooting", "killing") and not target_armed:
        # "Russian warplanes struck a vegetable market, killing nine civilians": strikes, shells
        # and bombs are remote violence whoever they hit (civilian targeting is its own field).
        if weapons & AIR_WEAPONS:
            return "Explosions/Remote violence", "Air/drone strike"
        if weapons & SHELLING_WEAPONS and not weapons & GUN_WEAPONS:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if weapons & EXPLOSIVE_WEAPONS and not weapons & GUN_WEAPONS:
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if civilians_targeted and not target_armed and cls not in ("clash", "ambush"):
        # People killed in a clash between armed groups are caught in it, not its target.
        return "Violence against civilians", "Attack"
    if cls in ("shooting", "killing") and not target_armed and inter2 is None:
        return "Violence against civilians", "Attack"
    if cls == "attack" and target_armed and not weapons & GUN_WEAPONS:
        if weapons & AIR_WEAPONS:
            return "Explosions/Remote violence", "Air/drone strike"
        if weapons & SHELLING_WEAPONS:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if weapons & EXPLOSIVE_WEAPONS:
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if cls == "stabbing" and not target_armed:
        return "Violence against civilians", "Attack"
    return "Battles", "Armed clash"
