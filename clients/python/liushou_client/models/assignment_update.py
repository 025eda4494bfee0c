from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AssignmentUpdate")


@_attrs_define
class AssignmentUpdate:
    """Change the interval, or end the assignment (an ended one changes no more).

    Attributes:
        end_reason (None | str | Unset):
        ends_on (datetime.date | None | Unset):
        visit_interval_days (int | None | Unset):
    """

    end_reason: None | str | Unset = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    visit_interval_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        visit_interval_days: int | None | Unset
        if isinstance(self.visit_interval_days, Unset):
            visit_interval_days = UNSET
        else:
            visit_interval_days = self.visit_interval_days

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if visit_interval_days is not UNSET:
            field_dict["visit_interval_days"] = visit_interval_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_visit_interval_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        visit_interval_days = _parse_visit_interval_days(d.pop("visit_interval_days", UNSET))

        assignment_update = cls(
            end_reason=end_reason,
            ends_on=ends_on,
            visit_interval_days=visit_interval_days,
        )

        return assignment_update
