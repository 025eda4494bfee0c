from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WishFulfil")


@_attrs_define
class WishFulfil:
    """
    Attributes:
        fulfilled_on (datetime.date): Not in the future, not before claimed_on; the child on the register that day
        note (None | str | Unset): Kept on the timeline and the record
    """

    fulfilled_on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fulfilled_on = self.fulfilled_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "fulfilled_on": fulfilled_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fulfilled_on = datetime.date.fromisoformat(d.pop("fulfilled_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        wish_fulfil = cls(
            fulfilled_on=fulfilled_on,
            note=note,
        )

        return wish_fulfil
