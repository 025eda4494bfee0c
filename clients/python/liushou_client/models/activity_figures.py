from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActivityFigures")


@_attrs_define
class ActivityFigures:
    """
    Attributes:
        activities (int): Activities held within the period
        attendees (int): Sum of their attendee_count
        service_type (str):
    """

    activities: int
    attendees: int
    service_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities

        attendees = self.attendees

        service_type = self.service_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "attendees": attendees,
                "service_type": service_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activities = d.pop("activities")

        attendees = d.pop("attendees")

        service_type = d.pop("service_type")

        activity_figures = cls(
            activities=activities,
            attendees=attendees,
            service_type=service_type,
        )

        activity_figures.additional_properties = d
        return activity_figures

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
