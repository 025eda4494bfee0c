from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ServiceFigures")


@_attrs_define
class ServiceFigures:
    """
    Attributes:
        name_zh (str):
        persons (int): Distinct persons served
        program (str):
        quantity (int): Sum of the records' quantity
        records (int): Service records delivered within the period
        service_type (str):
    """

    name_zh: str
    persons: int
    program: str
    quantity: int
    records: int
    service_type: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name_zh = self.name_zh

        persons = self.persons

        program = self.program

        quantity = self.quantity

        records = self.records

        service_type = self.service_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name_zh": name_zh,
                "persons": persons,
                "program": program,
                "quantity": quantity,
                "records": records,
                "service_type": service_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name_zh = d.pop("name_zh")

        persons = d.pop("persons")

        program = d.pop("program")

        quantity = d.pop("quantity")

        records = d.pop("records")

        service_type = d.pop("service_type")

        service_figures = cls(
            name_zh=name_zh,
            persons=persons,
            program=program,
            quantity=quantity,
            records=records,
            service_type=service_type,
        )

        service_figures.additional_properties = d
        return service_figures

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
