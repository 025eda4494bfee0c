from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractCreate")


@_attrs_define
class ContractCreate:
    """A contract. ``terminated_on`` is set by ``/terminate`` only.

    Attributes:
        advisor_id (UUID): Who serves: an advisor of that firm
        ends_on (datetime.date): The last day covered; after starts_on
        law_firm_id (UUID): The contracting party: a law_firm or grassroots_legal_service
        region_ids (list[UUID]): Villages of the caller's area, each once
        starts_on (datetime.date): The first day covered
        monthly_onsite_minutes_target (int | Unset): Minutes on site a month, per village Default: 240.
        signed_on (datetime.date | None | Unset):
        weekly_activity_target (int | Unset): Legal activities a week the advisor owes Default: 2.
    """

    advisor_id: UUID
    ends_on: datetime.date
    law_firm_id: UUID
    region_ids: list[UUID]
    starts_on: datetime.date
    monthly_onsite_minutes_target: int | Unset = 240
    signed_on: datetime.date | None | Unset = UNSET
    weekly_activity_target: int | Unset = 2

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        ends_on = self.ends_on.isoformat()

        law_firm_id = str(self.law_firm_id)

        region_ids = []
        for region_ids_item_data in self.region_ids:
            region_ids_item = str(region_ids_item_data)
            region_ids.append(region_ids_item)

        starts_on = self.starts_on.isoformat()

        monthly_onsite_minutes_target = self.monthly_onsite_minutes_target

        signed_on: None | str | Unset
        if isinstance(self.signed_on, Unset):
            signed_on = UNSET
        elif isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        weekly_activity_target = self.weekly_activity_target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "advisor_id": advisor_id,
                "ends_on": ends_on,
                "law_firm_id": law_firm_id,
                "region_ids": region_ids,
                "starts_on": starts_on,
            }
        )
        if monthly_onsite_minutes_target is not UNSET:
            field_dict["monthly_onsite_minutes_target"] = monthly_onsite_minutes_target
        if signed_on is not UNSET:
            field_dict["signed_on"] = signed_on
        if weekly_activity_target is not UNSET:
            field_dict["weekly_activity_target"] = weekly_activity_target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        law_firm_id = UUID(d.pop("law_firm_id"))

        region_ids = []
        _region_ids = d.pop("region_ids")
        for region_ids_item_data in _region_ids:
            region_ids_item = UUID(region_ids_item_data)

            region_ids.append(region_ids_item)

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        monthly_onsite_minutes_target = d.pop("monthly_onsite_minutes_target", UNSET)

        def _parse_signed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        signed_on = _parse_signed_on(d.pop("signed_on", UNSET))

        weekly_activity_target = d.pop("weekly_activity_target", UNSET)

        contract_create = cls(
            advisor_id=advisor_id,
            ends_on=ends_on,
            law_firm_id=law_firm_id,
            region_ids=region_ids,
            starts_on=starts_on,
            monthly_onsite_minutes_target=monthly_onsite_minutes_target,
            signed_on=signed_on,
            weekly_activity_target=weekly_activity_target,
        )

        return contract_create
