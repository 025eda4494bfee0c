"""How many full ID numbers fit what an output shows of one person (docs/privacy.md).

The rule every person-shaped output keeps: take a masked ID number together with everything
shown beside it (birth date, sex, age, village code); count the full 18-character numbers
that are valid and agree with all of it; at least ``MIN_ID_CANDIDATES`` must remain. The
same for masked phone numbers (``MIN_PHONE_CANDIDATES``).

Counted, not enumerated: the check character depends on the weighted digit sum modulo 11,
so the count is a convolution of per-position residue histograms (the birth-date block
taken as a whole, since only real dates count).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from liushou.clock import today
from liushou.registry.identifiers import (
    EARLIEST_BIRTH_DATE,
    ID_CHECK_CHARS,
    ID_WEIGHTS,
    age_on,
)

# Birth date, sex and the check character shown leave the 1000 sequence codes / 2 sexes /
# 11 check characters: 45 or 46 numbers for every masked value, never fewer.
MIN_ID_CANDIDATES = 45
MIN_PHONE_CANDIDATES = 1000
DIGITS = "0123456789"
_DATE = range(6, 14)
_SEX_DIGIT = 16


@dataclass(frozen=True)
class Shown:
    """What one output row shows beside a masked ID number (None: not shown)."""

    id_number_masked: str
    birth_date: date | None = None
    sex: str | None = None
    age: int | None = None
    age_on: date | None = None  # the day the age was computed (today, or the as_of day)
    region_code: str | None = None  # a region code whose first 6 digits are the county


def id_number_candidates(shown: Shown) -> int:
    """The number of valid ID numbers consistent with everything ``shown``."""
    masked = shown.id_number_masked
    if len(masked) != 18:
        return _all_numbers()
    residues = [1] + [0] * 10  # residue of the weighted sum of positions 0-16 -> count
    for position in [*range(6), 14, 15, _SEX_DIGIT]:
        residues = _convolve(residues, _position_residues(shown, position))
    residues = _convolve(residues, _date_residues(shown))
    checks = set(ID_CHECK_CHARS) if masked[17] == "*" else {masked[17]}
    return sum(count for r, count in enumerate(residues) if ID_CHECK_CHARS[r] in checks)


def phone_candidates(masked: str) -> int:
    """Mobile numbers fitting a masked one: each hidden digit is free."""
    return 10 ** masked.count("*")


def _position_residues(shown: Shown, position: int) -> list[int]:
    char = shown.id_number_masked[position]
    if char != "*":
        allowed = char
    elif position < 6 and shown.region_code:
        allowed = shown.region_code[position]
    elif position == 0:
        allowed = DIGITS[1:]  # no number starts with 0
    elif position == _SEX_DIGIT and shown.sex is not None:
        allowed = DIGITS[1::2] if shown.sex in ("male", "男") else DIGITS[::2]
    else:
        allowed = DIGITS
    histogram = [0] * 11
    for digit in allowed:
        histogram[int(digit) * ID_WEIGHTS[position] % 11] += 1
    return histogram


def _date_residues(shown: Shown) -> list[int]:
    histogram = [0] * 11
    for day in _possible_birth_dates(shown):
        digits = f"{day.year:04d}{day.month:02d}{day.day:02d}"
        if all(shown.id_number_masked[p] in ("*", d) for p, d in zip(_DATE, digits, strict=True)):
            total = sum(int(d) * ID_WEIGHTS[p] for p, d in zip(_DATE, digits, strict=True))
            histogram[total % 11] += 1
    return histogram


def _possible_birth_dates(shown: Shown) -> Iterator[date]:
    if shown.birth_date is not None:
        yield shown.birth_date
        return
    day, last = EARLIEST_BIRTH_DATE, today()
    while day <= last:
        if shown.age is None or age_on(day, shown.age_on or today()) == shown.age:
            yield day
        day += timedelta(days=1)


def _convolve(a: list[int], b: list[int]) -> list[int]:
    out = [0] * 11
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[(i + j) % 11] += x * y
    return out


def _all_numbers() -> int:
    return 10**17  # an unexpected shape shows nothing; far above any threshold


# --- outputs -----------------------------------------------------------------------------


def assert_json_keeps_the_rule(
    document: Any, regions: Mapping[str, str], on: date | None = None
) -> int:
    """Check every person-shaped object in a JSON document; returns how many masked values
    were checked. ``regions``: region id -> code; ``on``: the day ages were computed."""
    checked = 0
    for obj in _objects(document):
        if obj.get("id_number_masked"):
            shown = Shown(
                id_number_masked=obj["id_number_masked"],
                birth_date=_day(obj.get("birth_date")),
                sex=obj.get("sex"),
                age=obj.get("age"),
                age_on=on,
                region_code=regions.get(str(obj.get("region_id"))),
            )
            candidates = id_number_candidates(shown)
            assert candidates >= MIN_ID_CANDIDATES, (shown, candidates)
            checked += 1
        for key, value in obj.items():
            if key.endswith("phone_masked") and value:
                assert phone_candidates(value) >= MIN_PHONE_CANDIDATES, (key, value)
                checked += 1
    return checked


def assert_sheet_keeps_the_rule(records: Iterable[Mapping[str, Any]]) -> int:
    """The same for the rows of an export (Chinese headers, as the import template)."""
    checked = 0
    for row in records:
        if row.get("身份证号"):
            shown = Shown(
                id_number_masked=str(row["身份证号"]),
                birth_date=_day(row.get("出生日期")),
                sex=row.get("性别"),
                age=int(row["年龄"]) if row.get("年龄") not in (None, "") else None,
                region_code=str(row.get("村/社区代码") or "") or None,
            )
            candidates = id_number_candidates(shown)
            assert candidates >= MIN_ID_CANDIDATES, (shown, candidates)
            checked += 1
        for header in ("联系电话", "监护人电话"):
            if row.get(header):
                assert phone_candidates(str(row[header])) >= MIN_PHONE_CANDIDATES, row[header]
                checked += 1
    return checked


def _objects(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, dict):
        yield document
        for value in document.values():
            yield from _objects(value)
    elif isinstance(document, list):
        for value in document:
            yield from _objects(value)


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
