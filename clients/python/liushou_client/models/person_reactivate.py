from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonReactivate")


@_attrs_define
class PersonReactivate:
    """
    Attributes:
        left_behind_since (datetime.date | None | Unset): A new start date; the old one is kept when absent
        note (None | str | Unset):
    """

    left_behind_since: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        left_behind_since: None | str | Unset
        if isinstance(self.left_behind_since, Unset):
            left_behind_since = UNSET
        elif isinstance(self.left_behind_since, datetime.date):
            left_behind_since = self.left_behind_since.isoformat()
        else:
            left_behind_since = self.left_behind_since

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if left_behind_since is not UNSET:
            field_dict["left_behind_since"] = left_behind_since
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_left_behind_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_behind_since_type_0 = datetime.date.fromisoformat(data)

                return left_behind_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        left_behind_since = _parse_left_behind_since(d.pop("left_behind_since", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        person_reactivate = cls(
            left_behind_since=left_behind_since,
            note=note,
        )

        return person_reactivate
