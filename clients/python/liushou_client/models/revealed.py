from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Revealed")


@_attrs_define
class Revealed:
    """
    Attributes:
        guardian_phone (None | str):
        id_number (None | str):
        phone (None | str):
    """

    guardian_phone: None | str
    id_number: None | str
    phone: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardian_phone: None | str
        guardian_phone = self.guardian_phone

        id_number: None | str
        id_number = self.id_number

        phone: None | str
        phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardian_phone": guardian_phone,
                "id_number": id_number,
                "phone": phone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_guardian_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        guardian_phone = _parse_guardian_phone(d.pop("guardian_phone"))

        def _parse_id_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id_number = _parse_id_number(d.pop("id_number"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        revealed = cls(
            guardian_phone=guardian_phone,
            id_number=id_number,
            phone=phone,
        )

        revealed.additional_properties = d
        return revealed

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
