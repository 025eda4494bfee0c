from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.employment_status import EmploymentStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WomanProfileRead")


@_attrs_define
class WomanProfileRead:
    """
    Attributes:
        children_count (int | None | Unset):
        employment_status (EmploymentStatus | None | Unset):
        health_notes (None | str | Unset):
        spouse_away_since (datetime.date | None | Unset):
        spouse_work_location (None | str | Unset):
        training_interests (list[str] | Unset):
    """

    children_count: int | None | Unset = UNSET
    employment_status: EmploymentStatus | None | Unset = UNSET
    health_notes: None | str | Unset = UNSET
    spouse_away_since: datetime.date | None | Unset = UNSET
    spouse_work_location: None | str | Unset = UNSET
    training_interests: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        children_count: int | None | Unset
        if isinstance(self.children_count, Unset):
            children_count = UNSET
        else:
            children_count = self.children_count

        employment_status: None | str | Unset
        if isinstance(self.employment_status, Unset):
            employment_status = UNSET
        elif isinstance(self.employment_status, EmploymentStatus):
            employment_status = self.employment_status.value
        else:
            employment_status = self.employment_status

        health_notes: None | str | Unset
        if isinstance(self.health_notes, Unset):
            health_notes = UNSET
        else:
            health_notes = self.health_notes

        spouse_away_since: None | str | Unset
        if isinstance(self.spouse_away_since, Unset):
            spouse_away_since = UNSET
        elif isinstance(self.spouse_away_since, datetime.date):
            spouse_away_since = self.spouse_away_since.isoformat()
        else:
            spouse_away_since = self.spouse_away_since

        spouse_work_location: None | str | Unset
        if isinstance(self.spouse_work_location, Unset):
            spouse_work_location = UNSET
        else:
            spouse_work_location = self.spouse_work_location

        training_interests: list[str] | Unset = UNSET
        if not isinstance(self.training_interests, Unset):
            training_interests = self.training_interests

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if children_count is not UNSET:
            field_dict["children_count"] = children_count
        if employment_status is not UNSET:
            field_dict["employment_status"] = employment_status
        if health_notes is not UNSET:
            field_dict["health_notes"] = health_notes
        if spouse_away_since is not UNSET:
            field_dict["spouse_away_since"] = spouse_away_since
        if spouse_work_location is not UNSET:
            field_dict["spouse_work_location"] = spouse_work_location
        if training_interests is not UNSET:
            field_dict["training_interests"] = training_interests

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_children_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        children_count = _parse_children_count(d.pop("children_count", UNSET))

        def _parse_employment_status(data: object) -> EmploymentStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                employment_status_type_0 = EmploymentStatus(data)

                return employment_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmploymentStatus | None | Unset, data)

        employment_status = _parse_employment_status(d.pop("employment_status", UNSET))

        def _parse_health_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        health_notes = _parse_health_notes(d.pop("health_notes", UNSET))

        def _parse_spouse_away_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                spouse_away_since_type_0 = datetime.date.fromisoformat(data)

                return spouse_away_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        spouse_away_since = _parse_spouse_away_since(d.pop("spouse_away_since", UNSET))

        def _parse_spouse_work_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        spouse_work_location = _parse_spouse_work_location(d.pop("spouse_work_location", UNSET))

        training_interests = cast(list[str], d.pop("training_interests", UNSET))

        woman_profile_read = cls(
            children_count=children_count,
            employment_status=employment_status,
            health_notes=health_notes,
            spouse_away_since=spouse_away_since,
            spouse_work_location=spouse_work_location,
            training_interests=training_interests,
        )

        return woman_profile_read
