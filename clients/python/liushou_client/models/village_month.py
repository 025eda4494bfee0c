from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VillageMonth")


@_attrs_define
class VillageMonth:
    """
    Attributes:
        met (bool): onsite_minutes >= target
        month (str): Calendar month, e.g. 2026-11
        onsite_minutes (int): Sum of duration_minutes of the advisor's on_site activities in the village that month
        target (int): monthly_onsite_minutes_target of the contract
    """

    met: bool
    month: str
    onsite_minutes: int
    target: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        met = self.met

        month = self.month

        onsite_minutes = self.onsite_minutes

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "met": met,
                "month": month,
                "onsite_minutes": onsite_minutes,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        met = d.pop("met")

        month = d.pop("month")

        onsite_minutes = d.pop("onsite_minutes")

        target = d.pop("target")

        village_month = cls(
            met=met,
            month=month,
            onsite_minutes=onsite_minutes,
            target=target,
        )

        village_month.additional_properties = d
        return village_month

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
