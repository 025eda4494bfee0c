from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.network import Network
from ..models.organization_type import OrganizationType

T = TypeVar("T", bound="OrganizationRead")


@_attrs_define
class OrganizationRead:
    """
    Attributes:
        created_at (datetime.datetime):
        credit_code (None | str):
        id (UUID):
        name (str):
        networks (list[Network]):
        phone (None | str):
        region_id (UUID):
        type_ (OrganizationType):
        updated_at (datetime.datetime):
        version (int):
    """

    created_at: datetime.datetime
    credit_code: None | str
    id: UUID
    name: str
    networks: list[Network]
    phone: None | str
    region_id: UUID
    type_: OrganizationType
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        credit_code: None | str
        credit_code = self.credit_code

        id = str(self.id)

        name = self.name

        networks = []
        for networks_item_data in self.networks:
            networks_item = networks_item_data.value
            networks.append(networks_item)

        phone: None | str
        phone = self.phone

        region_id = str(self.region_id)

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "credit_code": credit_code,
                "id": id,
                "name": name,
                "networks": networks,
                "phone": phone,
                "region_id": region_id,
                "type": type_,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_credit_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credit_code = _parse_credit_code(d.pop("credit_code"))

        id = UUID(d.pop("id"))

        name = d.pop("name")

        networks = []
        _networks = d.pop("networks")
        for networks_item_data in _networks:
            networks_item = Network(networks_item_data)

            networks.append(networks_item)

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        region_id = UUID(d.pop("region_id"))

        type_ = OrganizationType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        organization_read = cls(
            created_at=created_at,
            credit_code=credit_code,
            id=id,
            name=name,
            networks=networks,
            phone=phone,
            region_id=region_id,
            type_=type_,
            updated_at=updated_at,
            version=version,
        )

        organization_read.additional_properties = d
        return organization_read

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
