from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractUpdate")


@_attrs_define
class ContractUpdate:
    """
    Attributes:
        advisor_id (None | Unset | UUID):
        ends_on (datetime.date | None | Unset):
        law_firm_id (None | Unset | UUID):
        monthly_onsite_minutes_target (int | None | Unset):
        region_ids (list[UUID] | None | Unset):
        signed_on (datetime.date | None | Unset):
        starts_on (datetime.date | None | Unset):
        weekly_activity_target (int | None | Unset):
    """

    advisor_id: None | Unset | UUID = UNSET
    ends_on: datetime.date | None | Unset = UNSET
    law_firm_id: None | Unset | UUID = UNSET
    monthly_onsite_minutes_target: int | None | Unset = UNSET
    region_ids: list[UUID] | None | Unset = UNSET
    signed_on: datetime.date | None | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    weekly_activity_target: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advisor_id: None | str | Unset
        if isinstance(self.advisor_id, Unset):
            advisor_id = UNSET
        elif isinstance(self.advisor_id, UUID):
            advisor_id = str(self.advisor_id)
        else:
            advisor_id = self.advisor_id

        ends_on: None | str | Unset
        if isinstance(self.ends_on, Unset):
            ends_on = UNSET
        elif isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        law_firm_id: None | str | Unset
        if isinstance(self.law_firm_id, Unset):
            law_firm_id = UNSET
        elif isinstance(self.law_firm_id, UUID):
            law_firm_id = str(self.law_firm_id)
        else:
            law_firm_id = self.law_firm_id

        monthly_onsite_minutes_target: int | None | Unset
        if isinstance(self.monthly_onsite_minutes_target, Unset):
            monthly_onsite_minutes_target = UNSET
        else:
            monthly_onsite_minutes_target = self.monthly_onsite_minutes_target

        region_ids: list[str] | None | Unset
        if isinstance(self.region_ids, Unset):
            region_ids = UNSET
        elif isinstance(self.region_ids, list):
            region_ids = []
            for region_ids_type_0_item_data in self.region_ids:
                region_ids_type_0_item = str(region_ids_type_0_item_data)
                region_ids.append(region_ids_type_0_item)

        else:
            region_ids = self.region_ids

        signed_on: None | str | Unset
        if isinstance(self.signed_on, Unset):
            signed_on = UNSET
        elif isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        weekly_activity_target: int | None | Unset
        if isinstance(self.weekly_activity_target, Unset):
            weekly_activity_target = UNSET
        else:
            weekly_activity_target = self.weekly_activity_target

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advisor_id is not UNSET:
            field_dict["advisor_id"] = advisor_id
        if ends_on is not UNSET:
            field_dict["ends_on"] = ends_on
        if law_firm_id is not UNSET:
            field_dict["law_firm_id"] = law_firm_id
        if monthly_onsite_minutes_target is not UNSET:
            field_dict["monthly_onsite_minutes_target"] = monthly_onsite_minutes_target
        if region_ids is not UNSET:
            field_dict["region_ids"] = region_ids
        if signed_on is not UNSET:
            field_dict["signed_on"] = signed_on
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if weekly_activity_target is not UNSET:
            field_dict["weekly_activity_target"] = weekly_activity_target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_advisor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advisor_id_type_0 = UUID(data)

                return advisor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        advisor_id = _parse_advisor_id(d.pop("advisor_id", UNSET))

        def _parse_ends_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        ends_on = _parse_ends_on(d.pop("ends_on", UNSET))

        def _parse_law_firm_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                law_firm_id_type_0 = UUID(data)

                return law_firm_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        law_firm_id = _parse_law_firm_id(d.pop("law_firm_id", UNSET))

        def _parse_monthly_onsite_minutes_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        monthly_onsite_minutes_target = _parse_monthly_onsite_minutes_target(
            d.pop("monthly_onsite_minutes_target", UNSET)
        )

        def _parse_region_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                region_ids_type_0 = []
                _region_ids_type_0 = data
                for region_ids_type_0_item_data in _region_ids_type_0:
                    region_ids_type_0_item = UUID(region_ids_type_0_item_data)

                    region_ids_type_0.append(region_ids_type_0_item)

                return region_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        region_ids = _parse_region_ids(d.pop("region_ids", UNSET))

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

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_weekly_activity_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        weekly_activity_target = _parse_weekly_activity_target(d.pop("weekly_activity_target", UNSET))

        contract_update = cls(
            advisor_id=advisor_id,
            ends_on=ends_on,
            law_firm_id=law_firm_id,
            monthly_onsite_minutes_target=monthly_onsite_minutes_target,
            region_ids=region_ids,
            signed_on=signed_on,
            starts_on=starts_on,
            weekly_activity_target=weekly_activity_target,
        )

        return contract_update
