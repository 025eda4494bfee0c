"""Checks for Chinese identifiers and codes (DOMAIN.md §2). Pure functions, no I/O."""

from __future__ import annotations

import re

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalize_credit_code(value: str) -> str:
    return re.sub(r"[\s\-]", "", value).upper()


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_credit_code(value: str) -> bool:
    """统一社会信用代码 (GB 32100-2015): charset, layout and the mod-31 check character."""
    code = normalize_credit_code(value)
    if not _USCC_SHAPE.match(code):
        return False
    return code[17] == uscc_check_char(code[:17])
