from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.assignment_role import AssignmentRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentCreate")


@_attrs_define
class AssignmentCreate:
    """
    Attributes:
        caretaker_id (UUID):
        person_id (UUID):
        role (AssignmentRole):
        end_reason (None | str | Unset):
        ends_on (datetime.date | None | Unset):
        starts_on (datetime.date | None | Unset): Default today; not in the future
        visit_interval_days (int | None | Unset): Default by the person: child 30, woman 90, elder by risk tier (high 7,
            key 30, general 90), unattended child 1 (configurable)
    """

    caretaker_id: UUID
    person_id: UUID
    role: AssignmentRole
    end_reason: None | str | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    visit_interval_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        caretaker_id = str(self.caretaker_id)

        person_id = str(self.person_id)

        role = self.role.value

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        else:
            end_reason = self.end_reason

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        visit_interval_days: int | None | Unset
        if isinstance(self.visit_interval_days, Unset):
            visit_interval_days = UNSET
        else:
            visit_interval_days = self.visit_interval_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "caretaker_id": caretaker_id,
                "person_id": person_id,
                "role": role,
            }
        )
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if visit_interval_days is not UNSET:
            field_dict["visit_interval_days"] = visit_interval_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caretaker_id = UUID(d.pop("caretaker_id"))

        person_id = UUID(d.pop("person_id"))

        role = AssignmentRole(d.pop("role"))

        def _parse_end_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_visit_interval_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visit_interval_days = _parse_visit_interval_days(d.pop("visit_interval_days", UNSET))

        assignment_create = cls(
            caretaker_id=caretaker_id,
            person_id=person_id,
            role=role,
            end_reason=end_reason,
            ends_on=ends_on,
            starts_on=starts_on,
            visit_interval_days=visit_interval_days,
        )

        return assignment_create
