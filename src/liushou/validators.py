"""Checks for Chinese identifiers and codes (docs/domain.md). Pure functions, no I/O."""

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


# --- free text (see docs/registry.md, "Text fields") ----------------------------------

# The same rules as JSON Schema patterns, for the OpenAPI document. Lone surrogates cannot
# be written in a pattern; the checks below refuse them too.
SINGLE_LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f]*$"
MULTI_LINE_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
_NOT_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Multi-line text keeps the tab, line feed and carriage return.
_NOT_MULTI_LINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(text: str, *, multi_line: bool = False) -> int | None:
    """The index of the first character free text may not hold, or None.

    Refused: C0 controls (U+0000-U+001F, NUL included: PostgreSQL cannot store it), DEL,
    C1 controls (U+0080-U+009F) and lone surrogates (not encodable as UTF-8). With
    ``multi_line``, tab, line feed and carriage return are allowed.
    """
    found = (_NOT_MULTI_LINE if multi_line else _NOT_SINGLE_LINE).search(text)
    return None if found is None else found.start()
