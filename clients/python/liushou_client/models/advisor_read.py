from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.advisor_category import AdvisorCategory

T = TypeVar("T", bound="AdvisorRead")


@_attrs_define
class AdvisorRead:
    """
    Attributes:
        active (bool):
        category (AdvisorCategory):
        created_at (datetime.datetime):
        id (UUID):
        law_firm_id (UUID):
        license_no (str):
        name (str):
        phone (str):
        service_hours (None | str):
        updated_at (datetime.datetime):
        user_id (None | UUID):
        version (int):
    """

    active: bool
    category: AdvisorCategory
    created_at: datetime.datetime
    id: UUID
    law_firm_id: UUID
    license_no: str
    name: str
    phone: str
    service_hours: None | str
    updated_at: datetime.datetime
    user_id: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        category = self.category.value

        created_at = self.created_at.isoformat()

        id = str(self.id)

        law_firm_id = str(self.law_firm_id)

        license_no = self.license_no

        name = self.name

        phone = self.phone

        service_hours: None | str
        service_hours = self.service_hours

        updated_at = self.updated_at.isoformat()

        user_id: None | str
        if isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "category": category,
                "created_at": created_at,
                "id": id,
                "law_firm_id": law_firm_id,
                "license_no": license_no,
                "name": name,
                "phone": phone,
                "service_hours": service_hours,
                "updated_at": updated_at,
                "user_id": user_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        category = AdvisorCategory(d.pop("category"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        law_firm_id = UUID(d.pop("law_firm_id"))

        license_no = d.pop("license_no")

        name = d.pop("name")

        phone = d.pop("phone")

        def _parse_service_hours(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_hours = _parse_service_hours(d.pop("service_hours"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        user_id = _parse_user_id(d.pop("user_id"))

        version = d.pop("version")

        advisor_read = cls(
            active=active,
            category=category,
            created_at=created_at,
            id=id,
            law_firm_id=law_firm_id,
            license_no=license_no,
            name=name,
            phone=phone,
            service_hours=service_hours,
            updated_at=updated_at,
            user_id=user_id,
            version=version,
        )

        advisor_read.additional_properties = d
        return advisor_read

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
