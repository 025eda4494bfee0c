from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CoverageCounts")


@_attrs_define
class CoverageCounts:
    """Persons on the register and how their care stands, as of the report's day.

    Attributes:
        active (int): Persons on the register: status active, not deleted, a child before its 16th birthday (the persons
            `GET /persons?status=active` lists)
        overdue (int): Of those, persons whose primary contact's visit is overdue (`overdue=true`: next visit due before
            today)
        with_primary_contact (int): Of those, persons with an active primary contact
        without_primary_contact (int): Of those, persons with no active primary contact (`unassigned=true`)
    """

    active: int
    overdue: int
    with_primary_contact: int
    without_primary_contact: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        overdue = self.overdue

        with_primary_contact = self.with_primary_contact

        without_primary_contact = self.without_primary_contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "overdue": overdue,
                "with_primary_contact": with_primary_contact,
                "without_primary_contact": without_primary_contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        overdue = d.pop("overdue")

        with_primary_contact = d.pop("with_primary_contact")

        without_primary_contact = d.pop("without_primary_contact")

        coverage_counts = cls(
            active=active,
            overdue=overdue,
            with_primary_contact=with_primary_contact,
            without_primary_contact=without_primary_contact,
        )

        coverage_counts.additional_properties = d
        return coverage_counts

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
