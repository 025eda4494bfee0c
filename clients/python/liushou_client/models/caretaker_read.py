from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.caretaker_kind import CaretakerKind

T = TypeVar("T", bound="CaretakerRead")


@_attrs_define
class CaretakerRead:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        kind (CaretakerKind):
        name (str):
        organization_id (None | UUID):
        phone_masked (None | str): 138****5678; the clear number only through POST /caretakers/{id}/reveal
        region_id (UUID):
        updated_at (datetime.datetime):
        user_id (None | UUID):
        version (int):
    """

    created_at: datetime.datetime
    id: UUID
    kind: CaretakerKind
    name: str
    organization_id: None | UUID
    phone_masked: None | str
    region_id: UUID
    updated_at: datetime.datetime
    user_id: None | UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        phone_masked: None | str
        phone_masked = self.phone_masked

        region_id = str(self.region_id)

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
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "organization_id": organization_id,
                "phone_masked": phone_masked,
                "region_id": region_id,
                "updated_at": updated_at,
                "user_id": user_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        kind = CaretakerKind(d.pop("kind"))

        name = d.pop("name")

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))

        region_id = UUID(d.pop("region_id"))

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

        caretaker_read = cls(
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            organization_id=organization_id,
            phone_masked=phone_masked,
            region_id=region_id,
            updated_at=updated_at,
            user_id=user_id,
            version=version,
        )

        caretaker_read.additional_properties = d
        return caretaker_read

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
