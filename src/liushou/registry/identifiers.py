"""Resident ID numbers, mainland mobile numbers, masking and ages (docs/domain.md, docs/privacy.md).

Pure functions, no I/O and no clock: callers pass "today" (Asia/Shanghai, see liushou.clock).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

Sex = Literal["male", "female"]
IdKind = Literal["mainland", "hk_mo_tw", "foreigner"]

# ISO 7064 MOD 11-2: w_i = 2^(17-i) mod 11; the remainder indexes the check character.
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# Citizens start with a province digit 1-8 and foreign permanent residents with 9;
# no number starts with 0. [0-9] and not \d: \d would accept Arabic-Indic and other digits.
_ID_SHAPE = re.compile(r"[1-9][0-9]{16}[0-9X]")
# 港澳台居民居住证 use the address codes 810000/820000/830000 (docs/domain.md, "ID numbers").
_HK_MO_TW_PROVINCES = frozenset({"81", "82", "83"})
EARLIEST_BIRTH_DATE = date(1900, 1, 1)

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# What people type around a number: spaces, hyphens, parentheses ("(+86) 138-1234-5678").
_MOBILE_PUNCTUATION = re.compile(r"[\s\-()]")


class InvalidIdentifier(ValueError):
    """A bad identifier: a stable snake_case ``code`` and a message in Chinese and English."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


class InvalidIdNumber(InvalidIdentifier):
    """``code`` is ``id_number_format``, ``id_number_checksum`` or ``id_number_birth_date``."""


class InvalidPhone(InvalidIdentifier):
    """``code`` is ``phone_format``."""


@dataclass(frozen=True, slots=True)
class IdNumber:
    number: str  # canonical: 18 characters, upper-case X
    birth_date: date
    sex: Sex
    # The first six characters. For citizens the county code at issue time, which may no
    # longer exist (never reject for that); for foreigners not a GB/T 2260 code at all.
    region_code: str
    kind: IdKind


# --- resident ID numbers (GB 11643-1999) ---------------------------------------------


def normalize_id_number(value: str) -> str:
    """Drop all whitespace and upper-case the check character ``x``.

    NFKC first, so full-width digits and ``Ｘ`` typed with a Chinese input method count too.
    Never raises: :func:`parse_id_number` decides whether the result is valid.
    """
    folded = unicodedata.normalize("NFKC", value)
    return "".join(folded.split()).replace("x", "X")


def id_check_char(first17: str) -> str:
    """The check character for 17 ASCII digits."""
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def parse_id_number(value: str, today: date) -> IdNumber:
    """Validate and take apart an 18-character ID number; raises :class:`InvalidIdNumber`.

    The same layout and check serve mainland citizens, 港澳台 residence permits and the
    2023 foreigner permanent-residence numbers (first digit 9, birth date and sex digit in
    the same places). Old 15-digit numbers are refused: the contract takes 18 characters
    only, and first-generation cards have been invalid since 2013.
    """
    number = normalize_id_number(value)
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise InvalidIdNumber(
            "id_number_format",
            "15 位旧身份证号已停用，请填写 18 位身份证号。",
            "Old 15-digit ID numbers are no longer valid; give the 18-character number.",
        )
    if not _ID_SHAPE.fullmatch(number):
        raise InvalidIdNumber(
            "id_number_format",
            "身份证号应为 18 位：17 位数字加 1 位数字或 X。",
            "An ID number has 18 characters: 17 digits and a digit or X.",
        )
    if number[17] != id_check_char(number[:17]):
        raise InvalidIdNumber(
            "id_number_checksum",
            "身份证号校验位不正确，请核对号码。",
            "The ID number's check character is wrong; please check the number.",
        )
    try:
        birth_date = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise _bad_birth_date() from None
    if not EARLIEST_BIRTH_DATE <= birth_date <= today:
        raise _bad_birth_date()
    return IdNumber(
        number=number,
        birth_date=birth_date,
        sex="male" if int(number[16]) % 2 else "female",
        region_code=number[:6],
        kind=_id_kind(number),
    )


def _bad_birth_date() -> InvalidIdNumber:
    return InvalidIdNumber(
        "id_number_birth_date",
        "身份证号中的出生日期无效（不存在、早于 1900 年或晚于今天）。",
        "The ID number's birth date is impossible, before 1900 or in the future.",
    )


def _id_kind(number: str) -> IdKind:
    if number[0] == "9":
        return "foreigner"
    if number[:2] in _HK_MO_TW_PROVINCES:
        return "hk_mo_tw"
    return "mainland"


ID_MASK_STARS = 11


def mask_id_number(number: str) -> str:
    """``370811***********X``: the first 6 and the last character (docs/privacy.md).

    The birth-date digits and the sequence code stay hidden: the birth date and sex are
    shown beside the mask, so showing the sequence code's digits would give the whole
    number back. Anything that is not 18 characters is starred out entirely: an unexpected
    shape must not decide how much of it leaks.
    """
    if len(number) != 18:
        return "*" * len(number)
    return f"{number[:6]}{'*' * ID_MASK_STARS}{number[-1]}"


def make_id_number(region6: str, birth_date: date, sequence3: int, sex: str) -> str:
    """A valid number for tests and demo data: the check character is computed.

    ``sex`` is "male" or "female" (a :data:`Sex`, or the registry's ``Sex`` enum).

    ``sequence3`` is the 3-digit sequence code (0-999); its last digit carries the sex, so
    when its parity disagrees with ``sex`` the lowest bit is flipped (e.g. 124 -> 125 male).
    """
    if not re.fullmatch(r"[0-9]{6}", region6):
        raise ValueError("region6 must be 6 ASCII digits")
    if not 0 <= sequence3 <= 999:
        raise ValueError("sequence3 must be between 0 and 999")
    if (sequence3 % 2 == 1) != (sex == "male"):
        sequence3 ^= 1
    # Explicit zero padding: strftime("%Y") does not pad years below 1000 on every platform.
    body = (
        f"{region6}{birth_date.year:04d}{birth_date.month:02d}{birth_date.day:02d}{sequence3:03d}"
    )
    return body + id_check_char(body)


# --- mainland mobile numbers -----------------------------------------------------------


def normalize_mobile(value: str) -> str:
    """The canonical 11-digit mainland mobile number; raises :class:`InvalidPhone`.

    Strips spaces, hyphens, parentheses and a ``+86``/``0086``/``86`` country prefix, then
    requires ``^1[3-9]\\d{9}$`` (docs/domain.md, "ID numbers"). Deliberately loose on the second
    and third digits: operators keep opening new ranges.
    """
    digits = _MOBILE_PUNCTUATION.sub("", unicodedata.normalize("NFKC", value))
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix) :]
            break
    else:
        # A bare "86" is only a prefix when 11 digits follow: no mobile number starts with 8.
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
    if not _MOBILE.fullmatch(digits):
        raise InvalidPhone(
            "phone_format",
            "手机号应为 11 位数字，以 13–19 开头（可带 +86）。",
            "A mobile number has 11 digits starting with 13-19 (optionally +86).",
        )
    return digits


def mask_mobile(number: str) -> str:
    """``138****5678``: first 3 and last 4; any other shape is starred out entirely."""
    if len(number) != 11:
        return "*" * len(number)
    return f"{number[:3]}****{number[-4:]}"


# --- ages ------------------------------------------------------------------------------


def age_on(birth_date: date, day: date) -> int:
    """Completed years (周岁) on ``day``; negative before birth.

    The birthday itself counts: a child stops counting *on* its 16th
    birthday (docs/domain.md, "On the register"). For 29 February we take 1 March in common years
    (the person has not completed the year on 28 February), as :func:`birthday_at_age` does.
    """
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def birthday_at_age(birth_date: date, age: int) -> date:
    """The first day on which :func:`age_on` gives ``age``."""
    year = birth_date.year + age
    try:
        return birth_date.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 3, 1)


def sixteenth_birthday(birth_date: date) -> date:
    """The day a child leaves the register (docs/domain.md: exit ``aged_out`` on this day)."""
    return birthday_at_age(birth_date, 16)
