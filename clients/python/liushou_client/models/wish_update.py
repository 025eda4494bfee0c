from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WishUpdate")


@_attrs_define
class WishUpdate:
    """PATCH while the wish is open or claimed; the donor changes through /release and
    /claim, the status through the transitions.

        Attributes:
            description (None | str | Unset):
            estimated_value (float | None | str | Unset):
    """

    description: None | str | Unset = UNSET
    estimated_value: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        estimated_value: float | None | str | Unset
        if isinstance(self.estimated_value, Unset):
            estimated_value = UNSET
        else:
            estimated_value = self.estimated_value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if estimated_value is not UNSET:
            field_dict["estimated_value"] = estimated_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_estimated_value(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        estimated_value = _parse_estimated_value(d.pop("estimated_value", UNSET))

        wish_update = cls(
            description=description,
            estimated_value=estimated_value,
        )

        return wish_update
