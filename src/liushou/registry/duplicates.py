"""Duplicate candidates: is the person about to be registered already on the register?

Pure scoring, no database: the repository fetches a bounded pool of plausible rows (same
pinyin initials or same birth date, within the caller's scope) and :func:`rank` scores
them here. Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳), and by the
common fuzzy-pinyin confusions (z/zh, c/ch, s/sh, l/n, an/ang, en/eng, in/ing); a person
whose name matches none of these is never a candidate, whatever else agrees.

Score (0..1) = name weight (halved when both birth dates are known and unlike each other)
+ birth-date bonus + place bonus, rounded to 3 decimals; candidates under
:data:`MIN_SCORE` are dropped. With every signal agreeing the score is 1.0.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from pypinyin import Style, pinyin

from liushou.registry.person_values import pinyin_of


class DuplicateReason(StrEnum):
    """Why a registered person may be the one about to be registered."""

    same_name = "same_name"  # the same characters (same_pinyin is then not repeated)
    same_pinyin = "same_pinyin"  # other characters, same toneless pinyin (同音字)
    similar_pinyin = "similar_pinyin"  # equal up to fuzzy pinyin (z/zh, l/n, an/ang, ...)
    same_birth_date = "same_birth_date"
    similar_birth_date = "similar_birth_date"  # one typing slip: a digit, a swap, day/month
    same_village = "same_village"
    same_township = "same_township"  # another village of the same township (街道/乡镇)


REASON_DESCRIPTIONS: dict[DuplicateReason, str] = {
    DuplicateReason.same_name: "the same name in characters",
    DuplicateReason.same_pinyin: "another name with the same toneless pinyin (同音字)",
    DuplicateReason.similar_pinyin: (
        "a name equal up to common fuzzy-pinyin confusions: z/zh, c/ch, s/sh, l/n, an/ang, "
        "en/eng, in/ing"
    ),
    DuplicateReason.same_birth_date: "the same birth date",
    DuplicateReason.similar_birth_date: (
        "a birth date one typing slip away: one digit different, two adjacent digits "
        "swapped, or month and day swapped"
    ),
    DuplicateReason.same_village: "registered in the same village or community",
    DuplicateReason.same_township: "registered in another village of the same township",
}

NAME_WEIGHTS: dict[DuplicateReason, float] = {
    DuplicateReason.same_name: 0.6,
    DuplicateReason.same_pinyin: 0.55,
    DuplicateReason.similar_pinyin: 0.4,
}
BIRTH_WEIGHTS: dict[DuplicateReason, float] = {
    DuplicateReason.same_birth_date: 0.3,
    DuplicateReason.similar_birth_date: 0.15,
}
PLACE_WEIGHTS: dict[DuplicateReason, float] = {
    DuplicateReason.same_village: 0.1,
    DuplicateReason.same_township: 0.05,
}
# Both birth dates known and unlike each other: most likely a namesake.
OTHER_BIRTH_DATE_FACTOR = 0.5
MIN_SCORE = 0.3


# --- names -------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameKey:
    """What a name is compared by: its characters, and per syllable the readings it may have."""

    chars: str
    # One set per syllable; the surname (first syllable) also carries its other readings
    # (单: dan, shan, chan; 曾: ceng, zeng), since surnames are where polyphony bites.
    readings: tuple[frozenset[str], ...]
    fuzzy: tuple[frozenset[str], ...] = field(repr=False)


def normalize_name(name: str) -> str:
    """NFKC, no whitespace, case-folded: "張 偉" and "張偉" are the same characters."""
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


@lru_cache(maxsize=4096)
def name_key(name: str) -> NameKey:
    chars = normalize_name(name)
    default = pinyin_of(chars)[0].split(" ") if chars else []
    readings = [frozenset({s}) for s in default]
    if readings and chars and _is_han(chars[0]):
        others = {
            s.lower() for s in pinyin(chars[0], style=Style.NORMAL, heteronym=True)[0] if s.strip()
        }
        readings[0] = readings[0] | frozenset(others)
    frozen = tuple(readings)
    return NameKey(chars, frozen, tuple(frozenset(map(fuzzy_syllable, r)) for r in frozen))


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def fuzzy_syllable(syllable: str) -> str:
    """The syllable with the usual fuzzy-pinyin distinctions erased (as IMEs offer them)."""
    s = syllable
    if s.startswith(("zh", "ch", "sh")):
        s = s[0] + s[2:]
    elif s.startswith("n") and len(s) > 1 and s[1] != "g":
        s = "l" + s[1:]
    if s.endswith(("ang", "eng", "ing")):
        s = s[:-1]
    return s


def pinyin_variants(key: NameKey, limit: int = 16) -> list[str]:
    """Stored-form pinyin strings the name may have (surname readings), at most ``limit``."""
    out = [""]
    for readings in key.readings:
        out = [f"{prefix} {r}".strip() for prefix in out for r in sorted(readings)][:limit]
    return [v for v in out if v]


def initials_variants(key: NameKey) -> list[str]:
    """``Person.name_initials`` values worth fetching: every reading, with l/n swapped."""
    firsts: list[set[str]] = []
    for readings in key.readings:
        letters = {r[0] for r in readings if r}
        if letters & {"l", "n"}:
            letters |= {"l", "n"}
        firsts.append(letters)
    out = [""]
    for letters in firsts:
        out = [prefix + letter for prefix in out for letter in sorted(letters)][:64]
    return [v for v in out if v]


def name_reason(query: NameKey, candidate: NameKey) -> DuplicateReason | None:
    if query.chars and query.chars == candidate.chars:
        return DuplicateReason.same_name
    if len(query.readings) != len(candidate.readings) or not query.readings:
        return None
    if all(a & b for a, b in zip(query.readings, candidate.readings, strict=True)):
        return DuplicateReason.same_pinyin
    if all(a & b for a, b in zip(query.fuzzy, candidate.fuzzy, strict=True)):
        return DuplicateReason.similar_pinyin
    return None


# --- birth dates and places ----------------------------------------------------------------


def birth_reason(query: date | None, candidate: date | None) -> DuplicateReason | bool | None:
    """same/similar birth date; False when both are known and unlike; None when unknown."""
    if query is None or candidate is None:
        return None
    if query == candidate:
        return DuplicateReason.same_birth_date
    a, b = _digits(query), _digits(candidate)
    diff = [i for i in range(8) if a[i] != b[i]]
    one_digit = len(diff) == 1
    adjacent_swap = (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and (a[diff[0]], a[diff[1]])
        == (
            b[diff[1]],
            b[diff[0]],
        )
    )
    day_month_swapped = query.year == candidate.year and (query.month, query.day) == (
        candidate.day,
        candidate.month,
    )
    if one_digit or adjacent_swap or day_month_swapped:
        return DuplicateReason.similar_birth_date
    return False


def _digits(day: date) -> str:
    # Always 8 digits: strftime("%Y") does not pad years below 1000 on every platform.
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def parent_path(path: str) -> str:
    """The materialised path of a region's parent ("a/b/c/" -> "a/b/")."""
    trimmed = path.rstrip("/")
    return trimmed.rsplit("/", 1)[0] + "/" if "/" in trimmed else ""


def place_reason(
    query_region: uuid.UUID | None,
    query_path: str | None,
    region_id: uuid.UUID,
    region_path: str,
) -> DuplicateReason | None:
    if query_region is None:
        return None
    if query_region == region_id:
        return DuplicateReason.same_village
    if (
        query_path
        and parent_path(query_path)
        and parent_path(query_path) == parent_path(region_path)
    ):
        return DuplicateReason.same_township
    return None


# --- scoring -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """The person about to be registered, as far as it is known."""

    name: str
    birth_date: date | None = None
    region_id: uuid.UUID | None = None
    region_path: str | None = None

    @property
    def key(self) -> NameKey:
        return name_key(self.name)


@dataclass(frozen=True)
class Candidate:
    """A registered person, reduced to what matching looks at."""

    id: uuid.UUID
    name: str
    birth_date: date
    region_id: uuid.UUID
    region_path: str


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    reasons: tuple[DuplicateReason, ...]


def score(query: Query, candidate: Candidate) -> Match | None:
    """The match of one registered person, or None when it is not a plausible duplicate."""
    by_name = name_reason(query.key, name_key(candidate.name))
    if by_name is None:
        return None
    reasons = [by_name]
    total = NAME_WEIGHTS[by_name]
    by_birth = birth_reason(query.birth_date, candidate.birth_date)
    if by_birth is False:
        total *= OTHER_BIRTH_DATE_FACTOR
    elif isinstance(by_birth, DuplicateReason):
        reasons.append(by_birth)
        total += BIRTH_WEIGHTS[by_birth]
    by_place = place_reason(
        query.region_id, query.region_path, candidate.region_id, candidate.region_path
    )
    if by_place is not None:
        reasons.append(by_place)
        total += PLACE_WEIGHTS[by_place]
    total = round(min(total, 1.0), 3)
    if total < MIN_SCORE:
        return None
    return Match(candidate, total, tuple(reasons))


def rank(query: Query, candidates: Iterable[Candidate], limit: int = 10) -> list[Match]:
    """Plausible duplicates, best first (ties: by id, so the order is stable)."""
    matches = [m for c in candidates if (m := score(query, c)) is not None]
    matches.sort(key=lambda m: (-m.score, str(m.candidate.id)))
    return matches[:limit]


def fetch_keys(query: Query) -> tuple[Sequence[str], Sequence[str]]:
    """(pinyin strings, initials strings) the repository fetches the pool by."""
    key = query.key
    return pinyin_variants(key), initials_variants(key)
