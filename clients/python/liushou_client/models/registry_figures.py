from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registry_counts import RegistryCounts


T = TypeVar("T", bound="RegistryFigures")


@_attrs_define
class RegistryFigures:
    """
    Attributes:
        child (RegistryCounts):
        elder (RegistryCounts):
        total (RegistryCounts):
        woman (RegistryCounts):
    """

    child: RegistryCounts
    elder: RegistryCounts
    total: RegistryCounts
    woman: RegistryCounts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child = self.child.to_dict()

        elder = self.elder.to_dict()

        total = self.total.to_dict()

        woman = self.woman.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child": child,
                "elder": elder,
                "total": total,
                "woman": woman,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registry_counts import RegistryCounts  # noqa: PLC0415

        d = dict(src_dict)
        child = RegistryCounts.from_dict(d.pop("child"))

        elder = RegistryCounts.from_dict(d.pop("elder"))

        total = RegistryCounts.from_dict(d.pop("total"))

        woman = RegistryCounts.from_dict(d.pop("woman"))

        registry_figures = cls(
            child=child,
            elder=elder,
            total=total,
            woman=woman,
        )

        registry_figures.additional_properties = d
        return registry_figures

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
