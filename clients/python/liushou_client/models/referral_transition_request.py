from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.referral_status import ReferralStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralTransitionRequest")


@_attrs_define
class ReferralTransitionRequest:
    """
    Attributes:
        to_status (ReferralStatus):
        note (None | str | Unset):
    """

    to_status: ReferralStatus
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        to_status = self.to_status.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to_status": to_status,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_status = ReferralStatus(d.pop("to_status"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        referral_transition_request = cls(
            to_status=to_status,
            note=note,
        )

        return referral_transition_request
