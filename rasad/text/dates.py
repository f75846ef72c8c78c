"""Date expressions in Arabic and English, resolved against the publication date.

Input is the *normalised* text; offsets returned are into it. Matching runs on ``fold(text)``.

What is read (word lists in ``rasad/data/lexicon/dates.tsv``, format in
``docs/lexicon-numbers-dates.md``), with the ``time_precision`` given to each:

* days relative to publication: أمس، أول أمس، اليوم، فجر اليوم، مساء أمس، الليلة الماضية،
  yesterday, last night, the day before yesterday (precision 1)
* "N units ago": قبل يومين، قبل ثلاثة أيام، منذ 3 أيام، two days ago (1); قبل أيام / a few days
  ago (the vague rule of ``rasad.text.numbers``: 3 days, precision 2); قبل أسبوع، قبل أسبوعين،
  a week ago (2); قبل شهر، a month ago (3: the same day one month earlier)
* periods: الأسبوع الماضي / last week (publication minus 7 days, 2); الأسبوع الجاري / this week
  (publication date, 2); الشهر الماضي / last month, الشهر الجاري / earlier this month
  (the 1st of that month, 3)
* weekdays: يوم الثلاثاء، الثلاثاء، مساء الخميس, on Tuesday: the most recent such day on or before
  publication (1); with الماضي / "last" it is strictly before publication. A weekday must carry
  the article in Arabic (جمعة alone is a name) and is not a date after a word such as سوق or
  مسجد (سوق الجمعة is a place) or "Good" (Good Friday)
* explicit dates: 5 كانون الأول 2022، الخامس من ديسمبر، 5 ديسمبر/كانون الأول، 3/12/2022
  (day/month/year, as Arabic sources write it; an English text with a middle part above 12 is
  read month/day), 2022-12-03, "on 3 March 2021", "March 3, 2021" (1). Without a year the year
  is the one that puts the date on or before publication. Month and year only, or شهر + month,
  or a month with في/خلال/منذ/مطلع… or الماضي: the 1st of that month (3). Month names that are
  also common words (آب father, مارس exerted, May) need a day, a year, شهر or الماضي
* Hijri dates: 15 رمضان 1444، 15 رمضان 1444 هـ، شهر رمضان (converted with ``hijridate``);
  a Hijri year alone (1444 هـ) is reported with date None and a warning, since ACLED's
  precisions stop at the month.
* a day of this or last month: الخامس من الشهر الجاري، 20 من الشهر الماضي (1)
* coming days: الجمعة المقبل، الأسبوع المقبل، 14 كانون الثاني القادم، next week: resolved
  forwards; any date after publication carries a warning
* the past hours: خلال الساعات (الأربع والعشرين) الماضية، in the past 24 hours: publication (1)
* days counted from the previous date in the text: اليوم التالي، اليوم ذاته، the next day (the
  precision of that date); with no earlier date, date None and a warning
* not dates: a day and month naming a movement (قوى 14 آذار، ثورة 25 يناير), اليوم التالي-like
  days counted from something else (اليوم الثالث للحملة), "N days before X" (قبل يومين من الهجوم)

A relative expression (or a date without a year) with no publication date resolves to date None,
precision None and a warning, never to today's date.

How it runs: every expression contains a *core* word (a month, weekday, unit, period, Hijri
marker…). One ``split`` of the folded text finds the core words by set lookup; the one compiled
pattern is then tried only at the core word and at up to five words before it that may open an
expression. Python's regex engine would otherwise try the whole alternation at every character.

Why own rules and not dateparser: dateparser (checked 2026-11-25) parses أمس, قبل يومين,
3/12/2022 and الأسبوع الماضي, but returns nothing for أول أمس, قبل ثلاثة أيام (number words), قبل
شهر, يوم الثلاثاء, الثلاثاء الماضي, Levantine months (5 كانون الأول 2022), الخامس من ديسمبر,
فجر اليوم and Hijri dates; its ``search_dates`` found nothing in the project's example article
and took 11-140 ms per article. One compiled pattern over the folded text does all of the above
in well under a millisecond and keeps exact offsets.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import hijridate

from rasad.record import InputError
from rasad.text.lexicon_file import load_rows
from rasad.text.normalize import fold_raw
from rasad.text.numbers import parse_count, vague_estimate
from rasad.text.wordscan import EDGE_PUNCT, blank_punctuation, language_code, locate_word, quick_fold

PRECISION_DAY, PRECISION_WEEK, PRECISION_MONTH = 1, 2, 3


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the normalised text given
    end: int
    date: dt.date | None
    precision: int | None  # time_precision: 1 day, 2 week or a few days, 3 month
    expr: str  # the text of the expression
    warning: str | None = None


# ---------------------------------------------------------------- lexicon and pattern


@dataclass
class _DateLexicon:
    months: dict[str, tuple[str, int, bool]]  # folded name -> (calendar, number, ambiguous)
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    anaphoric: dict[str, int]
    units: dict[str, tuple[str, str]]  # folded unit word -> (day|week|month|hour, ""|dual|plural)
    periods: dict[str, str]  # folded period word -> week|month
    ordinals: dict[str, int]
    forms: dict[str, set[str]]  # category -> folded forms
    pattern: re.Pattern[str]
    # Every expression contains a core word (a month, weekday, unit, period word…); a match is
    # tried only near one, at the core word or at a starter word up to five words before it.
    core: frozenset[str]  # with every clitic prefix
    starters: frozenset[str]
    first_ordinals: frozenset[str]  # first words of ordinal day numbers (الثالث، الحادي)


_L = r"(?<![^\W\d_])"  # no letter just before
_R = r"(?![^\W\d_])"  # no letter just after
_CLITIC = r"(?:[وف]?[بل]?)"  # a proclitic glued to a date word: وأمس، بالأمس، والثلاثاء
_SUFFIX = r"(?:st|nd|rd|th)?"


_CATEGORIES = frozenset({
    "month", "hijri_month", "weekday", "day_offset", "day_part", "en_day_part", "ago", "ago_after",
    "unit", "approx", "last", "this", "en_last", "en_this", "period", "ordinal", "year_intro",
    "hijri_marker", "greg_marker", "month_intro", "weekday_blocker", "next", "en_next",
    "date_name_head", "day_blocker_after", "anaphoric", "hours", "since",
})


def names_coming_time(expr: str) -> bool:
    """Whether a date expression points forward from publication ("الجمعة المقبل", "next week"):
    what it dates is planned or expected, not reported. (An explicit date after publication is
    more often a wrong publication date, so it is not read this way.)"""
    forms = _lexicon().forms
    coming = forms.get("next", set()) | forms.get("en_next", set())
    words = fold_raw(expr).split()
    return any(" ".join(words[i:i + len(f.split())]) == f for f in coming for i in range(len(words)))


def _alt(forms: set[str] | list[str]) -> str:
    ordered = sorted(set(forms), key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in ordered) + ")"


def _key(surface: str) -> str:
    return " ".join(surface.split())


@lru_cache(maxsize=1)
def _lexicon() -> _DateLexicon:
    months: dict[str, tuple[str, int, bool]] = {}
    weekdays: dict[str, int] = {}
    day_offsets: dict[str, int] = {}
    anaphoric: dict[str, int] = {}
    units: dict[str, tuple[str, str]] = {}
    periods: dict[str, str] = {}
    ordinals: dict[str, int] = {}
    forms: dict[str, set[str]] = {}
    for row in load_rows("dates.tsv"):
        if row.category not in _CATEGORIES:
            raise ValueError(f"dates.tsv:{row.line}: unknown category {row.category!r}")
        forms.setdefault(row.category, set()).add(row.form)
        if row.category == "month":
            months[row.form] = ("greg", int(row.value), "ambiguous" in row.flags)
        elif row.category == "hijri_month":
            months[row.form] = ("hijri", int(row.value), True)
        elif row.category == "weekday":
            weekdays[row.form] = int(row.value)
        elif row.category == "day_offset":
            day_offsets[row.form] = int(row.value)
        elif row.category == "anaphoric":
            anaphoric[row.form] = int(row.value)
        elif row.category == "unit":
            flag = "dual" if "dual" in row.flags else "plural" if "plural" in row.flags else ""
            units[row.form] = (row.value, flag)
        elif row.category == "ordinal":
            ordinals[row.form] = int(row.value)
        elif row.category == "period":
            periods[row.form] = row.value
    f = {k: _alt(v) for k, v in forms.items()}
    number_rows = load_rows("numbers.tsv")
    number_words = {r.form for r in number_rows if r.category in ("unit", "ten", "tens")}
    several = {r.form for r in number_rows if r.category == "vague" and r.value == "several"}
    word = _alt(number_words)
    num = rf"(?:\d{{1,3}}|{word}(?:\s+و?{word}){{0,2}}|{_alt(several)})"
    months_alt = _alt(forms["month"] | forms["hijri_month"])
    marks = f"(?:{f['hijri_marker']}|{f['greg_marker']})"
    year_tail = (
        rf"(?:\s*[,،]?\s*(?:(?:من\s+)?{f['year_intro']}\s+)?(?P<PFXyear>\d{{4}})(?!\d))?"
        rf"(?:\s*(?P<PFXmark>{marks}){_R})?"
    )
    alternatives = {
        "numeric": (
            r"(?<![\d/.\-])(?:(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})"
            r"|(?P<num_a>\d{1,2})[/.\-](?P<num_b>\d{1,2})[/.\-](?P<num_y>\d{4}|\d{2}))(?![\d/\-]|\.\d)"
        ),
        "dmy": (
            rf"(?:يوم\s+|on\s+)?(?:the\s+)?(?:(?<![\d/.\-])(?P<d_dig>\d{{1,2}}){_SUFFIX}|(?P<d_ord>{f['ordinal']}))"
            rf"(?:\s+(?:من|of))?\s+(?:شهر\s+)?(?P<d_mon>{months_alt})\.?{_R}"
            rf"(?:\s*[/(]\s*{months_alt}\s*\)?)?" + year_tail.replace("PFX", "d_")
            + rf"(?:\s+(?P<d_last>{f['last']}|{f['next']}){_R})?"
        ),
        "dom": (
            rf"(?:يوم\s+)?(?:(?<![\d/.\-])(?P<dom_dig>\d{{1,2}})|(?P<dom_ord>{f['ordinal']}))(?:\s+من)?\s+"
            rf"(?P<dom_per>الشهر)\s+(?P<dom_which>{f['last']}|{f['this']}){_R}"
        ),
        "mdy": (
            rf"(?:on\s+)?(?P<e_mon>{_alt([m for m in forms['month'] if m.isascii()])})\.?\s+(?P<e_day>\d{{1,2}}){_SUFFIX}(?!\d)"
            rf"(?:,?\s+(?P<e_year>\d{{4}})(?!\d))?"
        ),
        "ago": (
            rf"(?:(?P<ago_w>{f['ago']})\s+(?:{f['approx']}\s+)?(?:(?P<ago_n>{num})\s+)?(?P<ago_u>{f['unit']}){_R}"
            rf"(?!\s+(?:من|علي)(?!\s+الان{_R}))(?!\s+(?:{f['weekday']}|{f['day_offset']}|\d))"
            rf"|(?:{f['approx']}\s+)?(?:(?P<en_ago_n>{num}|an|a)\s+)?(?P<en_ago_u>{f['unit']})\s+ago{_R})"
        ),
        "period": (
            rf"(?:(?:{f['month_intro']})\s+)?(?P<per>{f['period']})\s+(?P<per_which>{f['last']}|{f['this']}|{f['next']}){_R}"
            rf"|(?:the\s+)?(?P<per_en_which>{f['en_last']}|{f['en_this']}|{f['en_next']})\s+(?P<per_en>{f['period']}){_R}"
        ),
        "anaphoric": rf"(?:(?P<ana_part>{f['day_part']})\s+)?(?P<ana>{f['anaphoric']}){_R}",
        "hours": (
            rf"(?:خلال\s+)?(?:{f['hours']})\s+(?:[^\s]+\s+){{0,3}}?(?:{f['last']}){_R}"
            rf"|(?:(?:in|over|during)\s+)?(?:the\s+)?(?:{f['en_last']})\s+(?:(?:few|\d+|{word}(?:-{word})?)\s+)?(?:{f['hours']}){_R}"
        ),
        "relative": (
            rf"(?:(?P<rel_part>{f['day_part']})\s+){{0,2}}(?P<rel>{f['day_offset']}){_R}(?:\s+{f['en_day_part']}{_R})?"
        ),
        "weekday": (
            rf"(?:(?P<wd_pre>{f['day_part']}|{f['en_last']}|{f['en_this']}|{f['en_next']}|on)\s+){{0,2}}(?P<wd>{f['weekday']}){_R}"
            rf"(?:\s+(?P<wd_last>{f['last']}|{f['next']}){_R})?(?:\s+{f['en_day_part']}{_R})?"
        ),
        "month": (
            rf"(?:(?P<mo_pre>{f['month_intro']}|{f['en_last']}|{f['en_this']}|{f['en_next']})\s+)?(?:(?P<mo_shahr>شهر)\s+)?"
            rf"(?P<mo>{months_alt})\.?{_R}(?:\s*[/(]\s*{months_alt}\s*\)?)?" + year_tail.replace("PFX", "mo_")
            + rf"(?:\s+(?P<mo_last>{f['last']}|{f['this']}|{f['next']}){_R})?"
        ),
        "hyear": rf"(?<!\d)(?P<hy>\d{{3,4}})\s*(?P<hy_mark>{f['hijri_marker']}){_R}",
    }
    body = "|".join(f"{_L}{_CLITIC}(?P<A_{name}>{pat})" for name, pat in alternatives.items())
    core = {form.split()[0] for cat in ("month", "hijri_month", "weekday", "unit", "period", "hijri_marker", "ago_after", "hours")
            for form in forms.get(cat, ())}
    core |= {w for form in forms["anaphoric"] for w in form.split() if w in ("اليوم", "day")}
    core |= {form.split()[-1] for form in forms["day_offset"]}
    starters = {form.split()[0] for cat, fs in forms.items() for form in fs}
    starters |= {w.split()[0] for w in number_words | several} | {"on", "the", "a", "an", "يوم"}
    return _DateLexicon(months, weekdays, day_offsets, anaphoric, units, periods, ordinals, forms, re.compile(body),
                        _with_clitics(core), _with_clitics(starters), frozenset(o.split()[0] for o in ordinals))


def _with_clitics(words: set[str]) -> frozenset[str]:
    # A one-letter word (the Hijri marker ه) takes no clitic: له and به are everyday words.
    return frozenset(c + w for w in words for c in _CLITICS if not c or (not w.isascii() and len(w) > 1))


_CLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# Starts with a plain \d so that the regex engine can skip ahead to digits (a leading
# lookbehind would make it try every position); the character before is checked afterwards.
_NUMERIC_DATE_RE = re.compile(r"\d\d{0,3}[/.\-]\d{1,2}[/.\-]\d{1,4}")


_ALTERNATIVES = ("numeric", "dmy", "dom", "mdy", "ago", "period", "anaphoric", "hours", "relative", "weekday", "month", "hyear")


# ---------------------------------------------------------------- public function


def find_dates(text: str, published: dt.date | None, lang: str = "ar", *, folded: str | None = None) -> list[DateMention]:
    """Every date expression in normalised ``text``, resolved against ``published``.

    ``folded`` is ``fold(text)`` when the caller already has it (``Document.folded``).
    """
    lang = language_code(lang)
    if lang not in ("ar", "en"):
        raise InputError(f"unsupported language {lang!r} for date finding: use 'ar' or 'en'")
    if not isinstance(text, str):
        raise InputError("find_dates needs the normalised article text as a string")
    if published is not None and not isinstance(published, dt.date):
        raise InputError("the publication date must be a datetime.date (YYYY-MM-DD)")
    if isinstance(published, dt.datetime):
        published = published.date()
    lex = _lexicon()
    fo = folded if folded is not None and len(folded) == len(text) else quick_fold(text)
    resolver = _Resolver(text, fo, published, lang, lex)
    out: list[DateMention] = []
    kinds: list[str] = []  # the alternative that produced each mention
    pos = 0
    for core_start in _core_positions(fo, lex):
        if core_start < pos:
            continue
        for start in _candidate_starts(fo, core_start, lex):
            if start < pos:
                continue
            m = lex.pattern.match(fo, start)
            if m is None or m.end() <= core_start:
                continue
            name = next(n for n in _ALTERNATIVES if m.group("A_" + n) is not None)
            mention = getattr(resolver, name)(m, *m.span("A_" + name))
            if mention is not None:
                if name in _EXPLICIT and out and kinds[-1] == "weekday" and _only_space(text, out[-1].end, mention.start):
                    out.pop()  # الأحد 5 كانون الأول: the explicit date says it all
                    kinds.pop()
                out.append(mention)
                kinds.append(name)
                if mention.date is not None and not (name in _EXPLICIT and after_since(fo, mention.start)):
                    # (a state's start, "in force since 27 November 2024", is no day that "the
                    # same day" or "the next day" can count from)
                    resolver.last_date = mention.date, mention.precision
            pos = m.end()
            break
    return out


_EXPLICIT = frozenset({"numeric", "dmy", "mdy", "dom"})


def after_since(folded: str, start: int) -> bool:
    """Whether the date at ``start`` of the folded text follows a word of dates.tsv category
    ``since`` ("since", "منذ"): a state's start."""
    before = folded[max(0, start - 12):start].split()
    return bool(before) and before[-1] in _lexicon().forms.get("since", ())


def _only_space(text: str, start: int, end: int) -> bool:
    return end - start <= 3 and not text[start:end].strip(" ,،(")


def _core_positions(fo: str, lex: _DateLexicon) -> list[int]:
    """Offsets of core words (and numeric dates) in folded text, in order."""
    core = lex.core
    hits: list[int] = []
    search_from = 0
    spaced = blank_punctuation(fo)
    for word in spaced.split():
        if word in core:
            at = locate_word(spaced, word, search_from)
            search_from = at + len(word)
            hits.append(at)
    numeric = [m.start() for m in _NUMERIC_DATE_RE.finditer(fo) if not m.start() or fo[m.start() - 1] not in "0123456789/.-"]
    if numeric:
        hits = sorted(hits + numeric)
    return hits


def _candidate_starts(fo: str, core_start: int, lex: _DateLexicon) -> list[int]:
    """Where an expression around the core word at ``core_start`` may begin, earliest first."""
    window_start = max(0, core_start - 60)
    starts = []
    offset = window_start
    words = fo[window_start:core_start].split()
    if window_start and words and not fo[window_start - 1].isspace():
        words = words[1:]  # cut in the middle of a word
    tail = words[-5:]
    at = core_start
    positions = []
    for word in reversed(tail):
        at = fo.rfind(word, offset, at)
        positions.append((at, word))
    for at, word in reversed(positions):
        stripped = word.strip(EDGE_PUNCT)
        if stripped in lex.starters or stripped[:1].isdigit():
            starts.append(at + word.find(stripped))
    starts.append(core_start)
    return starts


# ---------------------------------------------------------------- resolution


class _Resolver:
    def __init__(self, text: str, folded: str, published: dt.date | None, lang: str, lex: _DateLexicon):
        self.text = text
        self.folded = folded
        self.pub = published
        self.lang = lang
        self.lex = lex
        self.last_date: tuple[dt.date, int | None] | None = None  # for اليوم التالي / the next day

    def _mention(self, s: int, e: int, date: dt.date | None, precision: int | None, warning: str | None = None) -> DateMention:
        if date is not None and self.pub is not None and date > self.pub and warning is None:
            warning = f"date expression {self.text[s:e]!r} resolves to {date.isoformat()}, after the publication date"
        return DateMention(s, e, date, precision if date is not None else None, self.text[s:e], warning)

    def _no_pub(self, s: int, e: int) -> DateMention:
        expr = self.text[s:e]
        return DateMention(s, e, None, None, expr, (
            f"date expression {expr!r} is relative but the publication date is unknown: "
            "give the article a 'published' date (or --published YYYY-MM-DD)"
        ))

    def _invalid(self, s: int, e: int, why: str) -> DateMention:
        expr = self.text[s:e]
        return DateMention(s, e, None, None, expr, f"date expression {expr!r} {why}")

    def _latin_ok(self, s: int) -> bool:
        """English month and day names are capitalised; lower case "may"/"march" are words."""
        ch = self.text[s:s + 1]
        return not ch.isascii() or ch.isupper()

    # -- explicit dates

    def numeric(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        if m.group("iso_y"):
            y, mo, d = int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))
        else:
            a, b, y = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
            if y < 100:
                y += 2000
            d, mo = a, b
            if b > 12 and a <= 12:  # only month/day order can be valid
                d, mo = b, a
        return self._exact(s, e, y, mo, d)

    def _exact(self, s: int, e: int, y: int, mo: int, d: int) -> DateMention:
        try:
            return self._mention(s, e, dt.date(y, mo, d), PRECISION_DAY)
        except ValueError:
            return self._invalid(s, e, "is not a valid calendar date")

    def dmy(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        series, month, _amb = self.lex.months[_key(m.group("d_mon"))]
        if not self._latin_ok(m.start("d_mon")):
            return None
        if self._named(s):
            return None
        day = int(m.group("d_dig")) if m.group("d_dig") else self.lex.ordinals[_key(m.group("d_ord"))]
        year = int(m.group("d_year")) if m.group("d_year") else None
        return self._day_month_year(s, e, series, year, month, day, self._which(m.group("d_last")), m.group("d_mark"))

    def dom(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        """الخامس من الشهر الجاري / 5 من الشهر الماضي: a day of the current or previous month."""
        day = int(m.group("dom_dig")) if m.group("dom_dig") else self.lex.ordinals[_key(m.group("dom_ord"))]
        if self.pub is None:
            return self._no_pub(s, e)
        month_start = self.pub.replace(day=1)
        if _key(m.group("dom_which")) in self.lex.forms["last"]:
            month_start = _months_before(month_start, 1)
        return self._exact(s, e, month_start.year, month_start.month, day)

    def mdy(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        if not self._latin_ok(m.start("e_mon")):
            return None
        _series, month, _amb = self.lex.months[_key(m.group("e_mon"))]
        year = int(m.group("e_year")) if m.group("e_year") else None
        return self._day_month_year(s, e, "greg", year, month, int(m.group("e_day")), None, None)

    def _day_month_year(self, s: int, e: int, series: str, year: int | None, month: int, day: int,
                        which: str | None, mark: str | None) -> DateMention:
        if mark is not None and mark in self.lex.forms.get("hijri_marker", ()) and series == "greg":
            return self._invalid(s, e, "mixes a Gregorian month with a Hijri year marker")
        if series == "hijri":
            return self._hijri(s, e, year, month, day, PRECISION_DAY)
        if year is None:
            if self.pub is None:
                return self._no_pub(s, e)
            year = self.pub.year
            later = (month, day) > (self.pub.month, self.pub.day)
            if which == "next":
                year += 0 if later else 1
            elif later or (which == "last" and (month, day) == (self.pub.month, self.pub.day)):
                year -= 1
        return self._exact(s, e, year, month, day)

    def _hijri(self, s: int, e: int, year: int | None, month: int, day: int, precision: int) -> DateMention:
        try:
            if year is None:
                if self.pub is None:
                    return self._no_pub(s, e)
                year = hijridate.Gregorian.fromdate(self.pub).to_hijri().year
                if _hijri_to_date(year, month, day) > self.pub:
                    year -= 1
            return self._mention(s, e, _hijri_to_date(year, month, day), precision)
        except (ValueError, OverflowError) as exc:
            return self._invalid(s, e, f"is not a convertible Hijri date ({exc})")

    def month(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        series, month, ambiguous = self.lex.months[_key(m.group("mo")).rstrip(".")]
        if not self._latin_ok(m.start("mo")):
            return None
        year = int(m.group("mo_year")) if m.group("mo_year") else None
        pre = _key(m.group("mo_pre") or "")
        which = self._which(m.group("mo_last")) or self._which(pre)
        has_shahr = m.group("mo_shahr") is not None or pre == "شهر"
        explicit = year is not None or has_shahr or which is not None
        if not explicit and (ambiguous or not pre):
            return None  # a bare month word is not enough to call it a date
        if m.group("mo_pre") and self._which(pre) is None and pre != "شهر":
            # في/خلال/in are not part of the date; شهر and last/this are
            s = m.start("mo_shahr") if m.group("mo_shahr") else m.start("mo")
        if series == "hijri":
            return self._hijri(s, e, year, month, 1, PRECISION_MONTH)
        if year is None:
            if self.pub is None:
                return self._no_pub(s, e)
            year = self.pub.year
            if which == "next":
                year += 0 if month > self.pub.month else 1
            elif month > self.pub.month or (which == "last" and month == self.pub.month):
                year -= 1
        return self._mention(s, e, dt.date(year, month, 1), PRECISION_MONTH)

    def hyear(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        return self._invalid(s, e, "gives only a Hijri year: too coarse for an event date (precision is at most a month)")

    # -- relative dates

    def anaphoric(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        if self.last_date is None:
            expr = self.text[s:e]
            return DateMention(s, e, None, None, expr, (
                f"date expression {expr!r} counts from an earlier date that the text does not give"
            ))
        offset = self.lex.anaphoric[_key(m.group("ana"))]
        date, precision = self.last_date
        return self._mention(s, e, date + dt.timedelta(days=offset), precision)

    def hours(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        """خلال الساعات الماضية / in the past 24 hours: the publication date."""
        if self.pub is None:
            return self._no_pub(s, e)
        return self._mention(s, e, self.pub, PRECISION_DAY)

    def relative(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        offset = self.lex.day_offsets[_key(m.group("rel"))]
        after = self.folded[e:e + 30].split()
        if after and (after[0] in self.lex.forms["day_blocker_after"] or after[0] in self.lex.first_ordinals):
            return None  # اليوم التالي / اليوم الثالث: a day counted from something else
        if self.pub is None:
            return self._no_pub(s, e)
        return self._mention(s, e, self.pub + dt.timedelta(days=offset), PRECISION_DAY)

    def ago(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        english = m.group("en_ago_u") is not None
        unit_word = _key(m.group("en_ago_u") if english else m.group("ago_u"))
        number_text = m.group("en_ago_n") if english else m.group("ago_n")
        unit, form = self.lex.units[unit_word]
        vague = False
        if number_text is None:
            if form == "plural":  # قبل أيام: a few days
                count, vague = vague_estimate("several")[0], True
            else:
                count = 2 if form == "dual" else 1
        elif _key(number_text) in ("a", "an"):
            count = 1
        else:
            parsed = parse_count(number_text, "en" if english else "ar")
            if parsed is None:
                count, vague = vague_estimate(number_text)[0], True
            else:
                count = parsed * (2 if form == "dual" else 1)
        if self.pub is None:
            return self._no_pub(s, e)
        if unit == "hour":
            return self._mention(s, e, self.pub, PRECISION_DAY)
        if unit == "day":
            return self._mention(s, e, self.pub - dt.timedelta(days=count), PRECISION_WEEK if vague else PRECISION_DAY)
        if unit == "week":
            return self._mention(s, e, self.pub - dt.timedelta(days=7 * count), PRECISION_WEEK if count < 4 else PRECISION_MONTH)
        return self._mention(s, e, _months_before(self.pub, count), PRECISION_MONTH)

    def period(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        period_word = m.group("per") or m.group("per_en")
        which = _key(m.group("per_which") or m.group("per_en_which"))
        period = self.lex.periods[_key(period_word)]
        step = {"last": -1, "next": 1}.get(self._which(which) or "this", 0)
        if self.pub is None:
            return self._no_pub(s, e)
        if period == "week":
            return self._mention(s, e, self.pub + dt.timedelta(days=7 * step), PRECISION_WEEK)
        return self._mention(s, e, _months_before(self.pub.replace(day=1), -step), PRECISION_MONTH)

    def weekday(self, m: re.Match[str], s: int, e: int) -> DateMention | None:
        wd_start = m.start("wd")
        if not self._latin_ok(wd_start):
            return None
        if m.group("wd_pre") is None and self._blocked(s):
            return None
        target = self.lex.weekdays[_key(m.group("wd"))]
        which = self._which(m.group("wd_last")) or self._which(_key(m.group("wd_pre") or ""))
        if self.pub is None:
            return self._no_pub(s, e)
        if which == "next":
            ahead = (target - self.pub.weekday()) % 7 or 7
            return self._mention(s, e, self.pub + dt.timedelta(days=ahead), PRECISION_DAY)
        back = (self.pub.weekday() - target) % 7
        if back == 0 and which == "last":
            back = 7
        return self._mention(s, e, self.pub - dt.timedelta(days=back), PRECISION_DAY)

    def _which(self, word: str | None) -> str | None:
        """"last", "this" or "next" for a word such as الماضي، الجاري، المقبل، last, next."""
        if not word:
            return None
        word = _key(word)
        forms = self.lex.forms
        for name in ("last", "this", "next"):
            if word in forms.get(name, ()) or word in forms.get("en_" + name, ()):
                return name
        return None

    def _named(self, start: int) -> bool:
        """قوى 14 آذار، ثورة 25 يناير: a day and month that name a movement or a place."""
        before = self.folded[max(0, start - 30):start].split()
        heads = self.lex.forms["date_name_head"]
        return bool(before) and (before[-1] in heads or _strip_proclitic(before[-1]) in heads)

    def _blocked(self, start: int) -> bool:
        before = self.folded[max(0, start - 30):start].split()
        if not before:
            return False
        word = before[-1]
        blockers = self.lex.forms["weekday_blocker"]
        return any(word[k:] in blockers for k in range(0, min(3, len(word) - 1)))


def _strip_proclitic(word: str) -> str:
    for prefix in ("وال", "بال", "ال", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix):]
    return word


def _hijri_to_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(*hijridate.Hijri(year, month, day).to_gregorian().datetuple())


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
