from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ConsentWithdraw")


@_attrs_define
class ConsentWithdraw:
    """
    Attributes:
        withdrawn_on (datetime.date):
    """

    withdrawn_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        withdrawn_on = self.withdrawn_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "withdrawn_on": withdrawn_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdrawn_on = datetime.date.fromisoformat(d.pop("withdrawn_on"))

        consent_withdraw = cls(
            withdrawn_on=withdrawn_on,
        )

        return consent_withdraw
