from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ContractTerminate")


@_attrs_define
class ContractTerminate:
    """
    Attributes:
        terminated_on (datetime.date): The first day no longer covered; not after ends_on. May lie ahead.
    """

    terminated_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        terminated_on = self.terminated_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "terminated_on": terminated_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        terminated_on = datetime.date.fromisoformat(d.pop("terminated_on"))

        contract_terminate = cls(
            terminated_on=terminated_on,
        )

        return contract_terminate
