from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.advisor_category import AdvisorCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdvisorCreate")


@_attrs_define
class AdvisorCreate:
    """
    Attributes:
        category (AdvisorCategory):
        law_firm_id (UUID): An organization of type law_firm or grassroots_legal_service
        license_no (str): 律师执业证号: exactly 17 digits, unique among live advisors
        name (str):
        phone (str):
        active (bool | Unset):  Default: True.
        service_hours (None | str | Unset):
        user_id (None | Unset | UUID):
    """

    category: AdvisorCategory
    law_firm_id: UUID
    license_no: str
    name: str
    phone: str
    active: bool | Unset = True
    service_hours: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        law_firm_id = str(self.law_firm_id)

        license_no = self.license_no

        name = self.name

        phone = self.phone

        active = self.active

        service_hours: None | str | Unset
        if isinstance(self.service_hours, Unset):
            service_hours = UNSET
        else:
            service_hours = self.service_hours

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        elif isinstance(self.user_id, UUID):
            user_id = str(self.user_id)
        else:
            user_id = self.user_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "law_firm_id": law_firm_id,
                "license_no": license_no,
                "name": name,
                "phone": phone,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if service_hours is not UNSET:
            field_dict["service_hours"] = service_hours
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = AdvisorCategory(d.pop("category"))

        law_firm_id = UUID(d.pop("law_firm_id"))

        license_no = d.pop("license_no")

        name = d.pop("name")

        phone = d.pop("phone")

        active = d.pop("active", UNSET)

        def _parse_service_hours(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_hours = _parse_service_hours(d.pop("service_hours", UNSET))

        def _parse_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                user_id_type_0 = UUID(data)

                return user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        advisor_create = cls(
            category=category,
            law_firm_id=law_firm_id,
            license_no=license_no,
            name=name,
            phone=phone,
            active=active,
            service_hours=service_hours,
            user_id=user_id,
        )

        return advisor_create
