from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AdvisorWeek")


@_attrs_define
class AdvisorWeek:
    """
    Attributes:
        activities (int): The advisor's legal activities in the region that week (Monday to Sunday)
        met (bool): activities >= target
        target (int): weekly_activity_target of the contract covering the week
        week (str): ISO week, e.g. 2026-W48
    """

    activities: int
    met: bool
    target: int
    week: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities

        met = self.met

        target = self.target

        week = self.week

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "met": met,
                "target": target,
                "week": week,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activities = d.pop("activities")

        met = d.pop("met")

        target = d.pop("target")

        week = d.pop("week")

        advisor_week = cls(
            activities=activities,
            met=met,
            target=target,
            week=week,
        )

        advisor_week.additional_properties = d
        return advisor_week

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
