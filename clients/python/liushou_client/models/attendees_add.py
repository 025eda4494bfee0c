from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttendeesAdd")


@_attrs_define
class AttendeesAdd:
    """
    Attributes:
        person_ids (list[UUID]):
    """

    person_ids: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        person_ids = []
        for person_ids_item_data in self.person_ids:
            person_ids_item = str(person_ids_item_data)
            person_ids.append(person_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_ids": person_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_ids = []
        _person_ids = d.pop("person_ids")
        for person_ids_item_data in _person_ids:
            person_ids_item = UUID(person_ids_item_data)

            person_ids.append(person_ids_item)

        attendees_add = cls(
            person_ids=person_ids,
        )

        return attendees_add
