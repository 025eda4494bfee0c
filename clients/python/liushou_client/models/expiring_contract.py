from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ExpiringContract")


@_attrs_define
class ExpiringContract:
    """
    Attributes:
        advisor_id (UUID):
        contract_id (UUID):
        ends_on (datetime.date):
        last_day (datetime.date): The last day the contract covers: ends_on, or the day before terminated_on when it was
            terminated early
    """

    advisor_id: UUID
    contract_id: UUID
    ends_on: datetime.date
    last_day: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        contract_id = str(self.contract_id)

        ends_on = self.ends_on.isoformat()

        last_day = self.last_day.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor_id": advisor_id,
                "contract_id": contract_id,
                "ends_on": ends_on,
                "last_day": last_day,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        contract_id = UUID(d.pop("contract_id"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        expiring_contract = cls(
            advisor_id=advisor_id,
            contract_id=contract_id,
            ends_on=ends_on,
            last_day=last_day,
        )

        expiring_contract.additional_properties = d
        return expiring_contract

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
