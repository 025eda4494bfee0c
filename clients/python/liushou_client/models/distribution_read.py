from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distribution_item import DistributionItem

T = TypeVar("T", bound="DistributionRead")


@_attrs_define
class DistributionRead:
    """
    Attributes:
        activity_id (None | UUID):
        created_at (datetime.datetime):
        distributed_on (datetime.date):
        households (int | None):
        id (UUID):
        item (DistributionItem):
        note (None | str):
        quantity (int):
        region_id (UUID):
        updated_at (datetime.datetime):
        version (int):
    """

    activity_id: None | UUID
    created_at: datetime.datetime
    distributed_on: datetime.date
    households: int | None
    id: UUID
    item: DistributionItem
    note: None | str
    quantity: int
    region_id: UUID
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_id: None | str
        if isinstance(self.activity_id, UUID):
            activity_id = str(self.activity_id)
        else:
            activity_id = self.activity_id

        created_at = self.created_at.isoformat()

        distributed_on = self.distributed_on.isoformat()

        households: int | None
        households = self.households

        id = str(self.id)

        item = self.item.value

        note: None | str
        note = self.note

        quantity = self.quantity

        region_id = str(self.region_id)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity_id": activity_id,
                "created_at": created_at,
                "distributed_on": distributed_on,
                "households": households,
                "id": id,
                "item": item,
                "note": note,
                "quantity": quantity,
                "region_id": region_id,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_id_type_0 = UUID(data)

                return activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        activity_id = _parse_activity_id(d.pop("activity_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        distributed_on = datetime.date.fromisoformat(d.pop("distributed_on"))

        def _parse_households(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        households = _parse_households(d.pop("households"))

        id = UUID(d.pop("id"))

        item = DistributionItem(d.pop("item"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        quantity = d.pop("quantity")

        region_id = UUID(d.pop("region_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        distribution_read = cls(
            activity_id=activity_id,
            created_at=created_at,
            distributed_on=distributed_on,
            households=households,
            id=id,
            item=item,
            note=note,
            quantity=quantity,
            region_id=region_id,
            updated_at=updated_at,
            version=version,
        )

        distribution_read.additional_properties = d
        return distribution_read

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
