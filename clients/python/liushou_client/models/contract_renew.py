from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractRenew")


@_attrs_define
class ContractRenew:
    """
    Attributes:
        ends_on (datetime.date): The new contract's last day
        signed_on (datetime.date | None | Unset):
    """

    ends_on: datetime.date
    signed_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        ends_on = self.ends_on.isoformat()

        signed_on: None | str | Unset
        if isinstance(self.signed_on, Unset):
            signed_on = UNSET
        elif isinstance(self.signed_on, datetime.date):
            signed_on = self.signed_on.isoformat()
        else:
            signed_on = self.signed_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ends_on": ends_on,
            }
        )
        if signed_on is not UNSET:
            field_dict["signed_on"] = signed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

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

        contract_renew = cls(
            ends_on=ends_on,
            signed_on=signed_on,
        )

        return contract_renew
