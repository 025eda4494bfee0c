from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.distribution_item import DistributionItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionCreate")


@_attrs_define
class DistributionCreate:
    """
    Attributes:
        distributed_on (datetime.date): Not in the future
        item (DistributionItem):
        quantity (int): How many were handed out
        region_id (UUID): A region inside the caller's area
        activity_id (None | Unset | UUID):
        households (int | None | Unset):
        note (None | str | Unset):
    """

    distributed_on: datetime.date
    item: DistributionItem
    quantity: int
    region_id: UUID
    activity_id: None | Unset | UUID = UNSET
    households: int | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        distributed_on = self.distributed_on.isoformat()

        item = self.item.value

        quantity = self.quantity

        region_id = str(self.region_id)

        activity_id: None | str | Unset
        if isinstance(self.activity_id, Unset):
            activity_id = UNSET
        elif isinstance(self.activity_id, UUID):
            activity_id = str(self.activity_id)
        else:
            activity_id = self.activity_id

        households: int | None | Unset
        if isinstance(self.households, Unset):
            households = UNSET
        else:
            households = self.households

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "distributed_on": distributed_on,
                "item": item,
                "quantity": quantity,
                "region_id": region_id,
            }
        )
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if households is not UNSET:
            field_dict["households"] = households
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        distributed_on = datetime.date.fromisoformat(d.pop("distributed_on"))

        item = DistributionItem(d.pop("item"))

        quantity = d.pop("quantity")

        region_id = UUID(d.pop("region_id"))

        def _parse_activity_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_id_type_0 = UUID(data)

                return activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        activity_id = _parse_activity_id(d.pop("activity_id", UNSET))

        def _parse_households(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        households = _parse_households(d.pop("households", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        distribution_create = cls(
            distributed_on=distributed_on,
            item=item,
            quantity=quantity,
            region_id=region_id,
            activity_id=activity_id,
            households=households,
            note=note,
        )

        return distribution_create
