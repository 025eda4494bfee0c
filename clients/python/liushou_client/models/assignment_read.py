from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assignment_role import AssignmentRole

T = TypeVar("T", bound="AssignmentRead")


@_attrs_define
class AssignmentRead:
    """
    Attributes:
        active (bool): Not ended
        caretaker_id (UUID):
        created_at (datetime.datetime):
        end_reason (None | str):
        ends_on (datetime.date | None):
        id (UUID):
        last_visited_on (datetime.date | None): The person's latest visit
        next_visit_due (datetime.date | None): Latest visit (or starts_on when none) plus the interval; null once ended
        overdue (bool): Active and next_visit_due is before today
        person_id (UUID):
        role (AssignmentRole):
        starts_on (datetime.date):
        updated_at (datetime.datetime):
        version (int):
        visit_interval_days (int):
    """

    active: bool
    caretaker_id: UUID
    created_at: datetime.datetime
    end_reason: None | str
    ends_on: datetime.date | None
    id: UUID
    last_visited_on: datetime.date | None
    next_visit_due: datetime.date | None
    overdue: bool
    person_id: UUID
    role: AssignmentRole
    starts_on: datetime.date
    updated_at: datetime.datetime
    version: int
    visit_interval_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        caretaker_id = str(self.caretaker_id)

        created_at = self.created_at.isoformat()

        end_reason: None | str
        end_reason = self.end_reason

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        id = str(self.id)

        last_visited_on: None | str
        if isinstance(self.last_visited_on, datetime.date):
            last_visited_on = self.last_visited_on.isoformat()
        else:
            last_visited_on = self.last_visited_on

        next_visit_due: None | str
        if isinstance(self.next_visit_due, datetime.date):
            next_visit_due = self.next_visit_due.isoformat()
        else:
            next_visit_due = self.next_visit_due

        overdue = self.overdue

        person_id = str(self.person_id)

        role = self.role.value

        starts_on = self.starts_on.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        visit_interval_days = self.visit_interval_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "caretaker_id": caretaker_id,
                "created_at": created_at,
                "end_reason": end_reason,
                "ends_on": ends_on,
                "id": id,
                "last_visited_on": last_visited_on,
                "next_visit_due": next_visit_due,
                "overdue": overdue,
                "person_id": person_id,
                "role": role,
                "starts_on": starts_on,
                "updated_at": updated_at,
                "version": version,
                "visit_interval_days": visit_interval_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        caretaker_id = UUID(d.pop("caretaker_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        def _parse_last_visited_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_visited_on_type_0 = datetime.date.fromisoformat(data)

                return last_visited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_visited_on = _parse_last_visited_on(d.pop("last_visited_on"))

        def _parse_next_visit_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_visit_due_type_0 = datetime.date.fromisoformat(data)

                return next_visit_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_visit_due = _parse_next_visit_due(d.pop("next_visit_due"))

        overdue = d.pop("overdue")

        person_id = UUID(d.pop("person_id"))

        role = AssignmentRole(d.pop("role"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        visit_interval_days = d.pop("visit_interval_days")

        assignment_read = cls(
            active=active,
            caretaker_id=caretaker_id,
            created_at=created_at,
            end_reason=end_reason,
            ends_on=ends_on,
            id=id,
            last_visited_on=last_visited_on,
            next_visit_due=next_visit_due,
            overdue=overdue,
            person_id=person_id,
            role=role,
            starts_on=starts_on,
            updated_at=updated_at,
            version=version,
            visit_interval_days=visit_interval_days,
        )

        assignment_read.additional_properties = d
        return assignment_read

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
