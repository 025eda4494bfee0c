from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.region_kind import RegionKind
from ..models.region_level import RegionLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegionCreate")


@_attrs_define
class RegionCreate:
    """
    Attributes:
        code (str): GB/T 2260 (6 digits) for province/city/county; 统计用区划代码 (12 digits) for township and village
        level (RegionLevel):
        name (str):
        kind (None | RegionKind | Unset): Required for townships (subdistrict 街道 / town 镇 / rural_township 乡) and
            villages (community 社区 / village 村); absent above
        parent_id (None | Unset | UUID):
    """

    code: str
    level: RegionLevel
    name: str
    kind: None | RegionKind | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        level = self.level.value

        name = self.name

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, RegionKind):
            kind = self.kind.value
        else:
            kind = self.kind

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "level": level,
                "name": name,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        level = RegionLevel(d.pop("level"))

        name = d.pop("name")

        def _parse_kind(data: object) -> None | RegionKind | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = RegionKind(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegionKind | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        region_create = cls(
            code=code,
            level=level,
            name=name,
            kind=kind,
            parent_id=parent_id,
        )

        return region_create
