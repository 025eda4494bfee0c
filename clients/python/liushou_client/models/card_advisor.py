from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CardAdvisor")


@_attrs_define
class CardAdvisor:
    """
    Attributes:
        id (UUID):
        law_firm (str): The contracting law firm's name
        name (str):
        phone (str):
        service_hours (None | str):
    """

    id: UUID
    law_firm: str
    name: str
    phone: str
    service_hours: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        law_firm = self.law_firm

        name = self.name

        phone = self.phone

        service_hours: None | str
        service_hours = self.service_hours

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "law_firm": law_firm,
                "name": name,
                "phone": phone,
                "service_hours": service_hours,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        law_firm = d.pop("law_firm")

        name = d.pop("name")

        phone = d.pop("phone")

        def _parse_service_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_hours = _parse_service_hours(d.pop("service_hours"))

        card_advisor = cls(
            id=id,
            law_firm=law_firm,
            name=name,
            phone=phone,
            service_hours=service_hours,
        )

        card_advisor.additional_properties = d
        return card_advisor

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
