from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contract_status import ContractStatus

T = TypeVar("T", bound="ContractRead")


@_attrs_define
class ContractRead:
    """
    Attributes:
        advisor_id (UUID):
        created_at (datetime.datetime):
        ends_on (datetime.date):
        id (UUID):
        law_firm_id (UUID):
        monthly_onsite_minutes_target (int):
        region_ids (list[UUID]):
        renews_id (None | UUID): The contract this one renews
        signed_on (datetime.date | None):
        starts_on (datetime.date):
        status (ContractStatus): Computed from the contract's dates as of a day (legal/coverage.py), never stored.
        terminated_on (datetime.date | None):
        updated_at (datetime.datetime):
        version (int):
        weekly_activity_target (int):
    """

    advisor_id: UUID
    created_at: datetime.datetime
    ends_on: datetime.date
    id: UUID
    law_firm_id: UUID
    monthly_onsite_minutes_target: int
    region_ids: list[UUID]
    renews_id: None | UUID
    signed_on: datetime.date | None
    starts_on: datetime.date
    status: ContractStatus
    terminated_on: datetime.date | None
    updated_at: datetime.datetime
    version: int
    weekly_activity_target: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        created_at = self.created_at.isoformat()

        ends_on = self.ends_on.isoformat()

        id = str(self.id)

        law_firm_id = str(self.law_firm_id)

        monthly_onsite_minutes_target = self.monthly_onsite_minutes_target

        region_ids = []
        for region_ids_item_data in self.region_ids:
            region_ids_item = str(region_ids_item_data)
            region_ids.append(region_ids_item)

        renews_id: None | str
        if isinstance(self.renews_id, UUID):
            renews_id = str(self.renews_id)
        else:
            renews_id = self.renews_id

        signed_on: None | str
        if isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        terminated_on: None | str
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        updated_at = self.updated_at.isoformat()

        version = self.version

        weekly_activity_target = self.weekly_activity_target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor_id": advisor_id,
                "created_at": created_at,
                "ends_on": ends_on,
                "id": id,
                "law_firm_id": law_firm_id,
                "monthly_onsite_minutes_target": monthly_onsite_minutes_target,
                "region_ids": region_ids,
                "renews_id": renews_id,
                "signed_on": signed_on,
                "starts_on": starts_on,
                "status": status,
                "terminated_on": terminated_on,
                "updated_at": updated_at,
                "version": version,
                "weekly_activity_target": weekly_activity_target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        id = UUID(d.pop("id"))

        law_firm_id = UUID(d.pop("law_firm_id"))

        monthly_onsite_minutes_target = d.pop("monthly_onsite_minutes_target")

        region_ids = []
        _region_ids = d.pop("region_ids")
        for region_ids_item_data in _region_ids:
            region_ids_item = UUID(region_ids_item_data)

            region_ids.append(region_ids_item)

        def _parse_renews_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                renews_id_type_0 = UUID(data)

                return renews_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        renews_id = _parse_renews_id(d.pop("renews_id"))

        def _parse_signed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_on_type_0 = datetime.date.fromisoformat(data)

                return signed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        signed_on = _parse_signed_on(d.pop("signed_on"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = ContractStatus(d.pop("status"))

        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)

                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        weekly_activity_target = d.pop("weekly_activity_target")

        contract_read = cls(
            advisor_id=advisor_id,
            created_at=created_at,
            ends_on=ends_on,
            id=id,
            law_firm_id=law_firm_id,
            monthly_onsite_minutes_target=monthly_onsite_minutes_target,
            region_ids=region_ids,
            renews_id=renews_id,
            signed_on=signed_on,
            starts_on=starts_on,
            status=status,
            terminated_on=terminated_on,
            updated_at=updated_at,
            version=version,
            weekly_activity_target=weekly_activity_target,
        )

        contract_read.additional_properties = d
        return contract_read

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
