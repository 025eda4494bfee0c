from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.person_category import PersonCategory
from ..models.program import Program
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceTypeUpdate")


@_attrs_define
class ServiceTypeUpdate:
    """
    Attributes:
        categories (list[PersonCategory] | None | Unset):
        code (None | str | Unset): Fixed once created: another value is 422 immutable_field
        name_zh (None | str | Unset):
        program (None | Program | Unset):
        unit (None | str | Unset):
    """

    categories: list[PersonCategory] | None | Unset = UNSET
    code: None | str | Unset = UNSET
    name_zh: None | str | Unset = UNSET
    program: None | Program | Unset = UNSET
    unit: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        categories: list[str] | None | Unset
        if isinstance(self.categories, Unset):
            categories = UNSET
        elif isinstance(self.categories, list):
            categories = []
            for categories_type_0_item_data in self.categories:
                categories_type_0_item = categories_type_0_item_data.value
                categories.append(categories_type_0_item)

        else:
            categories = self.categories

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        name_zh: None | str | Unset
        if isinstance(self.name_zh, Unset):
            name_zh = UNSET
        else:
            name_zh = self.name_zh

        program: None | str | Unset
        if isinstance(self.program, Unset):
            program = UNSET
        elif isinstance(self.program, Program):
            program = self.program.value
        else:
            program = self.program

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if categories is not UNSET:
            field_dict["categories"] = categories
        if code is not UNSET:
            field_dict["code"] = code
        if name_zh is not UNSET:
            field_dict["name_zh"] = name_zh
        if program is not UNSET:
            field_dict["program"] = program
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_categories(data: object) -> list[PersonCategory] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                categories_type_0 = []
                _categories_type_0 = data
                for categories_type_0_item_data in _categories_type_0:
                    categories_type_0_item = PersonCategory(categories_type_0_item_data)

                    categories_type_0.append(categories_type_0_item)

                return categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PersonCategory] | None | Unset, data)

        categories = _parse_categories(d.pop("categories", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_name_zh(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_zh = _parse_name_zh(d.pop("name_zh", UNSET))

        def _parse_program(data: object) -> None | Program | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                program_type_0 = Program(data)

                return program_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Program | Unset, data)

        program = _parse_program(d.pop("program", UNSET))

        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        service_type_update = cls(
            categories=categories,
            code=code,
            name_zh=name_zh,
            program=program,
            unit=unit,
        )

        return service_type_update
