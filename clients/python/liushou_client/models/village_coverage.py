from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VillageCoverage")


@_attrs_define
class VillageCoverage:
    """
    Attributes:
        active (int):
        name (str):
        overdue (int):
        region_id (UUID):
        with_primary_contact (int):
        without_primary_contact (int):
    """

    active: int
    name: str
    overdue: int
    region_id: UUID
    with_primary_contact: int
    without_primary_contact: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        name = self.name

        overdue = self.overdue

        region_id = str(self.region_id)

        with_primary_contact = self.with_primary_contact

        without_primary_contact = self.without_primary_contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "name": name,
                "overdue": overdue,
                "region_id": region_id,
                "with_primary_contact": with_primary_contact,
                "without_primary_contact": without_primary_contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        name = d.pop("name")

        overdue = d.pop("overdue")

        region_id = UUID(d.pop("region_id"))

        with_primary_contact = d.pop("with_primary_contact")

        without_primary_contact = d.pop("without_primary_contact")

        village_coverage = cls(
            active=active,
            name=name,
            overdue=overdue,
            region_id=region_id,
            with_primary_contact=with_primary_contact,
            without_primary_contact=without_primary_contact,
        )

        village_coverage.additional_properties = d
        return village_coverage

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
