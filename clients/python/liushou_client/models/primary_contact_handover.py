from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PrimaryContactHandover")


@_attrs_define
class PrimaryContactHandover:
    """
    Attributes:
        caretaker_id (UUID):
        reason (None | str | Unset): end_reason of the primary contact being replaced
        visit_interval_days (int | None | Unset):
    """

    caretaker_id: UUID
    reason: None | str | Unset = UNSET
    visit_interval_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        caretaker_id = str(self.caretaker_id)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        visit_interval_days: int | None | Unset
        if isinstance(self.visit_interval_days, Unset):
            visit_interval_days = UNSET
        else:
            visit_interval_days = self.visit_interval_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "caretaker_id": caretaker_id,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if visit_interval_days is not UNSET:
            field_dict["visit_interval_days"] = visit_interval_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caretaker_id = UUID(d.pop("caretaker_id"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_visit_interval_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visit_interval_days = _parse_visit_interval_days(d.pop("visit_interval_days", UNSET))

        primary_contact_handover = cls(
            caretaker_id=caretaker_id,
            reason=reason,
            visit_interval_days=visit_interval_days,
        )

        return primary_contact_handover
