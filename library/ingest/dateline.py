"""The publication date an article states in its text, when its metadata has none.

Only two forms count, both near the top of the text:

- a **stated date line**: a line that is a date and nothing else, optionally
  labelled ("Published: 4 March 2024", "Updated March 4, 2024 10:32 GMT",
  "2024-03-04", "By Jane Roe | March 4, 2024", "2024年3月4日");
- a **dateline**: the place (in capitals) and date that open the first
  paragraph ("WASHINGTON, March 4 (Reuters) —", "LONDON — 4 March 2024:").

A date inside a sentence ("On November 11 the bureau said…") is an event in
the story, not the publication date, and is never taken.  Nothing found means
nothing is returned: no date is ever made up.  A date with a year is returned
as ISO `YYYY-MM-DD`; a dateline without a year is returned as written.
"""

from __future__ import annotations

import datetime as dt
import re

# How far down a date line may stand: title, standfirst, byline, date.
HEAD_LINES = 8
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ZONE = r"(?:\s+[A-Z]{2,5}|\s*[+-]\d\d:?\d\d)?"
_TIME = rf"(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d\d(?:\s*[ap]\.?m\.?)?{_ZONE})?"
_DATES = (
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # March 4, 2024
    rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}",  # 4 March 2024
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T\s]\d\d:\d\d(?::\d\d)?\S*)?",  # 2024-03-04
    r"(?P<cy>(?:19|20)\d\d)\s*年\s*(?P<cm>[01]?\d)\s*月\s*(?P<cd>[0-3]?\d)\s*日",  # 2024年3月4日
)
_LABEL = (
    r"(?:(?:published|posted|updated|last updated|first published|date|dated|"
    r"发布时间|发布日期|日期)\s*(?:on)?\s*[:：]?\s*)?"
)
_BYLINE = r"(?:by\s+[^|·•\n]{1,60}\s*[|·•]\s*)?"
_DATE_LINES = tuple(
    re.compile(rf"^\s*{_BYLINE}{_LABEL}{date}{_TIME}\s*\.?\s*$", re.IGNORECASE) for date in _DATES
)
# "WASHINGTON, March 4 (Reuters) -" or "LONDON — 4 March 2024:"; the place is in
# capitals (a sentence's first word is not), up to four words with an optional
# ", State" after it.
_PLACE = r"[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"
_DATELINE = re.compile(
    rf"^\s*{_PLACE}\s*(?:,|—|–|-)\s*"
    rf"(?:(?P<m1>(?i:{_MONTH_NAMES}))\.?\s+(?P<d1>[0-3]?\d)"
    rf"|(?P<d2>[0-3]?\d)\s+(?P<m2>(?i:{_MONTH_NAMES}))\.?)"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?\s*(?:\([^)]{{1,40}}\)\s*)?(?:—|–|-|:)",
)


def stated_date(body: str) -> str | None:
    """The publication date stated at the top of `body`, or None.

    Args:
        body: the article text (title lines included or not).
    """
    lines = [line.strip() for line in body.splitlines() if line.strip()][:HEAD_LINES]
    for line in lines:
        if len(line) > 120:
            continue  # a paragraph, not a date line
        for pattern in _DATE_LINES:
            match = pattern.match(line)
            found = _from_match(match.groupdict()) if match else None
            if found:
                return found
    for line in lines[:3]:  # a dateline opens the first paragraph
        match = _DATELINE.match(line)
        if match:
            found = _from_dateline(match.groupdict(), match.group(0))
            if found:
                return found
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None  # "February 30": not a date


def _from_match(groups: dict[str, str | None]) -> str | None:
    if groups.get("iso"):
        iso = str(groups["iso"])
        return _iso(int(iso[:4]), int(iso[5:7]), int(iso[8:10]))
    if groups.get("cy"):
        return _iso(int(str(groups["cy"])), int(str(groups["cm"])), int(str(groups["cd"])))
    month = _MONTHS.get(str(groups.get("month") or "").lower().rstrip("."))
    if month is None or not groups.get("day") or not groups.get("year"):
        return None
    return _iso(int(str(groups["year"])), month, int(str(groups["day"])))


def _from_dateline(groups: dict[str, str | None], text: str) -> str | None:
    name = (groups.get("m1") or groups.get("m2") or "").lower().rstrip(".")
    day = groups.get("d1") or groups.get("d2")
    month = _MONTHS.get(name)
    if month is None or day is None or not 1 <= int(day) <= 31:
        return None
    if groups.get("y"):
        return _iso(int(str(groups["y"])), month, int(day))
    # No year stated: keep the date as written ("March 4"), never guess a year.
    spelled = next(m for m in (groups.get("m1"), groups.get("m2")) if m)
    return f"{spelled} {int(day)}" if groups.get("m1") else f"{int(day)} {spelled}"
