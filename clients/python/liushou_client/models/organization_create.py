from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.network import Network
from ..models.organization_type import OrganizationType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationCreate")


@_attrs_define
class OrganizationCreate:
    """
    Attributes:
        name (str):
        region_id (UUID):
        type_ (OrganizationType):
        credit_code (None | str | Unset):
        networks (list[Network] | Unset):
        phone (None | str | Unset):
    """

    name: str
    region_id: UUID
    type_: OrganizationType
    credit_code: None | str | Unset = UNSET
    networks: list[Network] | Unset = UNSET
    phone: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        region_id = str(self.region_id)

        type_ = self.type_.value

        credit_code: None | str | Unset
        if isinstance(self.credit_code, Unset):
            credit_code = UNSET
        else:
            credit_code = self.credit_code

        networks: list[str] | Unset = UNSET
        if not isinstance(self.networks, Unset):
            networks = []
            for networks_item_data in self.networks:
                networks_item = networks_item_data.value
                networks.append(networks_item)

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "region_id": region_id,
                "type": type_,
            }
        )
        if credit_code is not UNSET:
            field_dict["credit_code"] = credit_code
        if networks is not UNSET:
            field_dict["networks"] = networks
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        region_id = UUID(d.pop("region_id"))

        type_ = OrganizationType(d.pop("type"))

        def _parse_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credit_code = _parse_credit_code(d.pop("credit_code", UNSET))

        _networks = d.pop("networks", UNSET)
        networks: list[Network] | Unset = UNSET
        if _networks is not UNSET:
            networks = []
            for networks_item_data in _networks:
                networks_item = Network(networks_item_data)

                networks.append(networks_item)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        organization_create = cls(
            name=name,
            region_id=region_id,
            type_=type_,
            credit_code=credit_code,
            networks=networks,
            phone=phone,
        )

        return organization_create
