from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.legal_figures_activities import LegalFiguresActivities


T = TypeVar("T", bound="LegalFigures")


@_attrs_define
class LegalFigures:
    """
    Attributes:
        activities (LegalFiguresActivities): Legal activities held within the period, by type (every type with at least
            one)
        consultations (int): Of those, activities of type `consultation`
        onsite_minutes (int): Sum of duration_minutes of the period's `on_site` activities
        villages (int): Villages (村/社区) of the region
        villages_with_advisor (int): Villages with a contract active on `to`
        villages_without_advisor (int): villages - villages_with_advisor
    """

    activities: LegalFiguresActivities
    consultations: int
    onsite_minutes: int
    villages: int
    villages_with_advisor: int
    villages_without_advisor: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = self.activities.to_dict()

        consultations = self.consultations

        onsite_minutes = self.onsite_minutes

        villages = self.villages

        villages_with_advisor = self.villages_with_advisor

        villages_without_advisor = self.villages_without_advisor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "consultations": consultations,
                "onsite_minutes": onsite_minutes,
                "villages": villages,
                "villages_with_advisor": villages_with_advisor,
                "villages_without_advisor": villages_without_advisor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legal_figures_activities import LegalFiguresActivities  # noqa: PLC0415

        d = dict(src_dict)
        activities = LegalFiguresActivities.from_dict(d.pop("activities"))

        consultations = d.pop("consultations")

        onsite_minutes = d.pop("onsite_minutes")

        villages = d.pop("villages")

        villages_with_advisor = d.pop("villages_with_advisor")

        villages_without_advisor = d.pop("villages_without_advisor")

        legal_figures = cls(
            activities=activities,
            consultations=consultations,
            onsite_minutes=onsite_minutes,
            villages=villages,
            villages_with_advisor=villages_with_advisor,
            villages_without_advisor=villages_without_advisor,
        )

        legal_figures.additional_properties = d
        return legal_figures

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
