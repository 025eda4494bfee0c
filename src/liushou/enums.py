"""The base of the API's enumerations: each member declares its code and its zh-CN label.

One declaration per enum, so an enum cannot gain a code without a label. The codes are the
stable English values the API and the database use; the labels are what `GET /meta/enums`,
the import sheets and the exports show (docs/api.md).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class LabelledEnum(StrEnum):
    """A StrEnum whose members are declared ``code = "code", "标签"``.

    A member is its code (``str``, ``.value``); ``.label_zh`` is its label.
    """

    _value_: str
    label_zh: str

    def __new__(cls, value: str, label_zh: str | None = None) -> Self:
        # Type checkers read a look-up, ``Enum(code)``, as a call to this __new__; it never
        # reaches here (Enum replaces __new__ once the members exist), hence the default.
        if label_zh is None:
            raise TypeError(f"{cls.__name__} member {value!r} is declared without a zh-CN label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_zh = label_zh
        return member

    @classmethod
    def labels(cls) -> dict[str, str]:
        """Every code with its zh-CN label, in declaration order."""
        return {member.value: member.label_zh for member in cls}
