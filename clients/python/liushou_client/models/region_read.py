from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.region_kind import RegionKind
from ..models.region_level import RegionLevel

T = TypeVar("T", bound="RegionRead")


@_attrs_define
class RegionRead:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        id (UUID):
        kind (None | RegionKind):
        level (RegionLevel):
        name (str):
        parent_id (None | UUID):
        updated_at (datetime.datetime):
        version (int):
    """

    code: str
    created_at: datetime.datetime
    id: UUID
    kind: None | RegionKind
    level: RegionLevel
    name: str
    parent_id: None | UUID
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind: None | str
        if isinstance(self.kind, RegionKind):
            kind = self.kind.value
        else:
            kind = self.kind

        level = self.level.value

        name = self.name

        parent_id: None | str
        if isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "level": level,
                "name": name,
                "parent_id": parent_id,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        def _parse_kind(data: object) -> None | RegionKind:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = RegionKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegionKind, data)

        kind = _parse_kind(d.pop("kind"))

        level = RegionLevel(d.pop("level"))

        name = d.pop("name")

        def _parse_parent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        region_read = cls(
            code=code,
            created_at=created_at,
            id=id,
            kind=kind,
            level=level,
            name=name,
            parent_id=parent_id,
            updated_at=updated_at,
            version=version,
        )

        region_read.additional_properties = d
        return region_read

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
