from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.distribution_item import DistributionItem
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistributionUpdate")


@_attrs_define
class DistributionUpdate:
    """
    Attributes:
        activity_id (None | Unset | UUID):
        distributed_on (datetime.date | None | Unset):
        households (int | None | Unset):
        item (DistributionItem | None | Unset):
        note (None | str | Unset):
        quantity (int | None | Unset):
        region_id (None | Unset | UUID):
    """

    activity_id: None | Unset | UUID = UNSET
    distributed_on: datetime.date | None | Unset = UNSET
    households: int | None | Unset = UNSET
    item: DistributionItem | None | Unset = UNSET
    note: None | str | Unset = UNSET
    quantity: int | None | Unset = UNSET
    region_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity_id: None | str | Unset
        if isinstance(self.activity_id, Unset):
            activity_id = UNSET
        elif isinstance(self.activity_id, UUID):
            activity_id = str(self.activity_id)
        else:
            activity_id = self.activity_id

        distributed_on: None | str | Unset
        if isinstance(self.distributed_on, Unset):
            distributed_on = UNSET
        elif isinstance(self.distributed_on, datetime.date):
            distributed_on = self.distributed_on.isoformat()
        else:
            distributed_on = self.distributed_on

        households: int | None | Unset
        if isinstance(self.households, Unset):
            households = UNSET
        else:
            households = self.households

        item: None | str | Unset
        if isinstance(self.item, Unset):
            item = UNSET
        elif isinstance(self.item, DistributionItem):
            item = self.item.value
        else:
            item = self.item

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        region_id: None | str | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, UUID):
            region_id = str(self.region_id)
        else:
            region_id = self.region_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_id is not UNSET:
            field_dict["activity_id"] = activity_id
        if distributed_on is not UNSET:
            field_dict["distributed_on"] = distributed_on
        if households is not UNSET:
            field_dict["households"] = households
        if item is not UNSET:
            field_dict["item"] = item
        if note is not UNSET:
            field_dict["note"] = note
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if region_id is not UNSET:
            field_dict["region_id"] = region_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_distributed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                distributed_on_type_0 = datetime.date.fromisoformat(data)

                return distributed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        distributed_on = _parse_distributed_on(d.pop("distributed_on", UNSET))

        def _parse_households(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        households = _parse_households(d.pop("households", UNSET))

        def _parse_item(data: object) -> DistributionItem | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                item_type_0 = DistributionItem(data)

                return item_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DistributionItem | None | Unset, data)

        item = _parse_item(d.pop("item", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_region_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_id_type_0 = UUID(data)

                return region_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        region_id = _parse_region_id(d.pop("region_id", UNSET))

        distribution_update = cls(
            activity_id=activity_id,
            distributed_on=distributed_on,
            households=households,
            item=item,
            note=note,
            quantity=quantity,
            region_id=region_id,
        )

        return distribution_update
