from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CaretakerCoverage")


@_attrs_define
class CaretakerCoverage:
    """
    Attributes:
        caretaker_id (UUID):
        caseload (int): Active primary-contact assignments of persons on the register in the report's region
        name (str):
        overdue (int): Of those persons, how many are overdue
    """

    caretaker_id: UUID
    caseload: int
    name: str
    overdue: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        caretaker_id = str(self.caretaker_id)

        caseload = self.caseload

        name = self.name

        overdue = self.overdue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "caretaker_id": caretaker_id,
                "caseload": caseload,
                "name": name,
                "overdue": overdue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caretaker_id = UUID(d.pop("caretaker_id"))

        caseload = d.pop("caseload")

        name = d.pop("name")

        overdue = d.pop("overdue")

        caretaker_coverage = cls(
            caretaker_id=caretaker_id,
            caseload=caseload,
            name=name,
            overdue=overdue,
        )

        caretaker_coverage.additional_properties = d
        return caretaker_coverage

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
