from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.advisor_week import AdvisorWeek


T = TypeVar("T", bound="AdvisorCompliance")


@_attrs_define
class AdvisorCompliance:
    """
    Attributes:
        advisor_id (UUID):
        name (str):
        weeks (list[AdvisorWeek]): Every ISO week overlapping the period that one of the advisor's contracts in the
            region covers from Monday through Sunday, oldest first
    """

    advisor_id: UUID
    name: str
    weeks: list[AdvisorWeek]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        name = self.name

        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor_id": advisor_id,
                "name": name,
                "weeks": weeks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.advisor_week import AdvisorWeek  # noqa: PLC0415

        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        name = d.pop("name")

        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in _weeks:
            weeks_item = AdvisorWeek.from_dict(weeks_item_data)

            weeks.append(weeks_item)

        advisor_compliance = cls(
            advisor_id=advisor_id,
            name=name,
            weeks=weeks,
        )

        advisor_compliance.additional_properties = d
        return advisor_compliance

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
