from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.exit_reason import ExitReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonExit")


@_attrs_define
class PersonExit:
    """
    Attributes:
        exit_reason (ExitReason):
        exited_on (datetime.date):
        note (None | str | Unset):
    """

    exit_reason: ExitReason
    exited_on: datetime.date
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        exit_reason = self.exit_reason.value

        exited_on = self.exited_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "exit_reason": exit_reason,
                "exited_on": exited_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        exit_reason = ExitReason(d.pop("exit_reason"))

        exited_on = datetime.date.fromisoformat(d.pop("exited_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        person_exit = cls(
            exit_reason=exit_reason,
            exited_on=exited_on,
            note=note,
        )

        return person_exit
