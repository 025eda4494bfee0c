from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.advisor_category import AdvisorCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdvisorUpdate")


@_attrs_define
class AdvisorUpdate:
    """
    Attributes:
        active (bool | None | Unset):
        category (AdvisorCategory | None | Unset):
        law_firm_id (None | Unset | UUID):
        license_no (None | str | Unset):
        name (None | str | Unset):
        phone (None | str | Unset):
        service_hours (None | str | Unset):
        user_id (None | Unset | UUID):
    """

    active: bool | None | Unset = UNSET
    category: AdvisorCategory | None | Unset = UNSET
    law_firm_id: None | Unset | UUID = UNSET
    license_no: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    service_hours: None | str | Unset = UNSET
    user_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, AdvisorCategory):
            category = self.category.value
        else:
            category = self.category

        law_firm_id: None | str | Unset
        if isinstance(self.law_firm_id, Unset):
            law_firm_id = UNSET
        elif isinstance(self.law_firm_id, UUID):
            law_firm_id = str(self.law_firm_id)
        else:
            law_firm_id = self.law_firm_id

        license_no: None | str | Unset
        if isinstance(self.license_no, Unset):
            license_no = UNSET
        else:
            license_no = self.license_no

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

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

        field_dict.update({})
        if active is not UNSET:
            field_dict["active"] = active
        if category is not UNSET:
            field_dict["category"] = category
        if law_firm_id is not UNSET:
            field_dict["law_firm_id"] = law_firm_id
        if license_no is not UNSET:
            field_dict["license_no"] = license_no
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if service_hours is not UNSET:
            field_dict["service_hours"] = service_hours
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_category(data: object) -> AdvisorCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = AdvisorCategory(data)

                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdvisorCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_law_firm_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                law_firm_id_type_0 = UUID(data)

                return law_firm_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        law_firm_id = _parse_law_firm_id(d.pop("law_firm_id", UNSET))

        def _parse_license_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        license_no = _parse_license_no(d.pop("license_no", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

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

        advisor_update = cls(
            active=active,
            category=category,
            law_firm_id=law_firm_id,
            license_no=license_no,
            name=name,
            phone=phone,
            service_hours=service_hours,
            user_id=user_id,
        )

        return advisor_update
