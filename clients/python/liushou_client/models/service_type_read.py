from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_category import PersonCategory
from ..models.program import Program

T = TypeVar("T", bound="ServiceTypeRead")


@_attrs_define
class ServiceTypeRead:
    """
    Attributes:
        categories (list[PersonCategory]):
        code (str):
        created_at (datetime.datetime):
        id (UUID):
        name_zh (str):
        program (Program): The programme a service type belongs to: the sections of the seed report.
        seeded (bool): One of the catalogue's types: it cannot be deleted
        unit (str):
        updated_at (datetime.datetime):
        version (int):
    """

    categories: list[PersonCategory]
    code: str
    created_at: datetime.datetime
    id: UUID
    name_zh: str
    program: Program
    seeded: bool
    unit: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        code = self.code

        created_at = self.created_at.isoformat()

        id = str(self.id)

        name_zh = self.name_zh

        program = self.program.value

        seeded = self.seeded

        unit = self.unit

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "categories": categories,
                "code": code,
                "created_at": created_at,
                "id": id,
                "name_zh": name_zh,
                "program": program,
                "seeded": seeded,
                "unit": unit,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        categories = []
        _categories = d.pop("categories")
        for categories_item_data in _categories:
            categories_item = PersonCategory(categories_item_data)

            categories.append(categories_item)

        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = UUID(d.pop("id"))

        name_zh = d.pop("name_zh")

        program = Program(d.pop("program"))

        seeded = d.pop("seeded")

        unit = d.pop("unit")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        service_type_read = cls(
            categories=categories,
            code=code,
            created_at=created_at,
            id=id,
            name_zh=name_zh,
            program=program,
            seeded=seeded,
            unit=unit,
            updated_at=updated_at,
            version=version,
        )

        service_type_read.additional_properties = d
        return service_type_read

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
