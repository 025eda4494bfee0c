from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CareFigures")


@_attrs_define
class CareFigures:
    """
    Attributes:
        active (int): Persons on the register on `to` (= registry.total.active)
        overdue (int): Of the persons on the register, those whose primary contact's visit was overdue on `to`
        persons_visited (int): Distinct persons visited within the period
        visits (int): Visits made within the period
        with_primary_contact (int): Of those, persons with a primary contact on `to`
    """

    active: int
    overdue: int
    persons_visited: int
    visits: int
    with_primary_contact: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        overdue = self.overdue

        persons_visited = self.persons_visited

        visits = self.visits

        with_primary_contact = self.with_primary_contact

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "overdue": overdue,
                "persons_visited": persons_visited,
                "visits": visits,
                "with_primary_contact": with_primary_contact,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        overdue = d.pop("overdue")

        persons_visited = d.pop("persons_visited")

        visits = d.pop("visits")

        with_primary_contact = d.pop("with_primary_contact")

        care_figures = cls(
            active=active,
            overdue=overdue,
            persons_visited=persons_visited,
            visits=visits,
            with_primary_contact=with_primary_contact,
        )

        care_figures.additional_properties = d
        return care_figures

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
