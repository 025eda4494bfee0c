from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coverage_counts import CoverageCounts


T = TypeVar("T", bound="CoverageByCategory")


@_attrs_define
class CoverageByCategory:
    """
    Attributes:
        child (CoverageCounts): Persons on the register and how their care stands, as of the report's day.
        elder (CoverageCounts): Persons on the register and how their care stands, as of the report's day.
        woman (CoverageCounts): Persons on the register and how their care stands, as of the report's day.
    """

    child: CoverageCounts
    elder: CoverageCounts
    woman: CoverageCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child = self.child.to_dict()

        elder = self.elder.to_dict()

        woman = self.woman.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child": child,
                "elder": elder,
                "woman": woman,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coverage_counts import CoverageCounts  # noqa: PLC0415

        d = dict(src_dict)
        child = CoverageCounts.from_dict(d.pop("child"))

        elder = CoverageCounts.from_dict(d.pop("elder"))

        woman = CoverageCounts.from_dict(d.pop("woman"))

        coverage_by_category = cls(
            child=child,
            elder=elder,
            woman=woman,
        )

        coverage_by_category.additional_properties = d
        return coverage_by_category

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
