from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.village_month import VillageMonth


T = TypeVar("T", bound="VillageCompliance")


@_attrs_define
class VillageCompliance:
    """
    Attributes:
        advisor_id (UUID):
        months (list[VillageMonth]): Every month overlapping the period that the advisor's contract covers from its
            first day through its last, oldest first
        name (str):
        region_id (UUID):
    """

    advisor_id: UUID
    months: list[VillageMonth]
    name: str
    region_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)

        name = self.name

        region_id = str(self.region_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor_id": advisor_id,
                "months": months,
                "name": name,
                "region_id": region_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.village_month import VillageMonth  # noqa: PLC0415

        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        months = []
        _months = d.pop("months")
        for months_item_data in _months:
            months_item = VillageMonth.from_dict(months_item_data)

            months.append(months_item)

        name = d.pop("name")

        region_id = UUID(d.pop("region_id"))

        village_compliance = cls(
            advisor_id=advisor_id,
            months=months,
            name=name,
            region_id=region_id,
        )

        village_compliance.additional_properties = d
        return village_compliance

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
