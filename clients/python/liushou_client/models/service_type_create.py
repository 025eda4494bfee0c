from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.person_category import PersonCategory
from ..models.program import Program
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceTypeCreate")


@_attrs_define
class ServiceTypeCreate:
    """
    Attributes:
        categories (list[PersonCategory]): Who the service is for; stored sorted
        code (str): snake_case, 2–64 characters
        name_zh (str):
        program (Program): The programme a service type belongs to: the sections of the seed report.
        unit (str | Unset):  Default: '次'.
    """

    categories: list[PersonCategory]
    code: str
    name_zh: str
    program: Program
    unit: str | Unset = "次"

    def to_dict(self) -> dict[str, Any]:
        categories = []
        for categories_item_data in self.categories:
            categories_item = categories_item_data.value
            categories.append(categories_item)

        code = self.code

        name_zh = self.name_zh

        program = self.program.value

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "categories": categories,
                "code": code,
                "name_zh": name_zh,
                "program": program,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

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

        name_zh = d.pop("name_zh")

        program = Program(d.pop("program"))

        unit = d.pop("unit", UNSET)

        service_type_create = cls(
            categories=categories,
            code=code,
            name_zh=name_zh,
            program=program,
            unit=unit,
        )

        return service_type_create
