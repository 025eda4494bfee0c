from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.wish_kind import WishKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="WishCreate")


@_attrs_define
class WishCreate:
    """A new wish is open; the donor comes with ``/claim``.

    Attributes:
        description (str):
        kind (WishKind):
        person_id (UUID): A child (the wish types serve children only)
        estimated_value (float | None | str | Unset):
    """

    description: str
    kind: WishKind
    person_id: UUID
    estimated_value: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        kind = self.kind.value

        person_id = str(self.person_id)

        estimated_value: float | None | str | Unset
        if isinstance(self.estimated_value, Unset):
            estimated_value = UNSET
        else:
            estimated_value = self.estimated_value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "kind": kind,
                "person_id": person_id,
            }
        )
        if estimated_value is not UNSET:
            field_dict["estimated_value"] = estimated_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        kind = WishKind(d.pop("kind"))

        person_id = UUID(d.pop("person_id"))

        def _parse_estimated_value(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        estimated_value = _parse_estimated_value(d.pop("estimated_value", UNSET))

        wish_create = cls(
            description=description,
            kind=kind,
            person_id=person_id,
            estimated_value=estimated_value,
        )

        return wish_create
