from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WishClaim")


@_attrs_define
class WishClaim:
    """
    Attributes:
        donor_name (str):
        claimed_on (datetime.date | None | Unset): Default today; not in the future
        donor_organization_id (None | Unset | UUID):
        donor_phone (None | str | Unset):
        note (None | str | Unset):
    """

    donor_name: str
    claimed_on: datetime.date | None | Unset = UNSET
    donor_organization_id: None | Unset | UUID = UNSET
    donor_phone: None | str | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        donor_name = self.donor_name

        claimed_on: None | str | Unset
        if isinstance(self.claimed_on, Unset):
            claimed_on = UNSET
        elif isinstance(self.claimed_on, datetime.date):
            claimed_on = self.claimed_on.isoformat()
        else:
            claimed_on = self.claimed_on

        donor_organization_id: None | str | Unset
        if isinstance(self.donor_organization_id, Unset):
            donor_organization_id = UNSET
        elif isinstance(self.donor_organization_id, UUID):
            donor_organization_id = str(self.donor_organization_id)
        else:
            donor_organization_id = self.donor_organization_id

        donor_phone: None | str | Unset
        if isinstance(self.donor_phone, Unset):
            donor_phone = UNSET
        else:
            donor_phone = self.donor_phone

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "donor_name": donor_name,
            }
        )
        if claimed_on is not UNSET:
            field_dict["claimed_on"] = claimed_on
        if donor_organization_id is not UNSET:
            field_dict["donor_organization_id"] = donor_organization_id
        if donor_phone is not UNSET:
            field_dict["donor_phone"] = donor_phone
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        donor_name = d.pop("donor_name")

        def _parse_claimed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claimed_on_type_0 = datetime.date.fromisoformat(data)

                return claimed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        claimed_on = _parse_claimed_on(d.pop("claimed_on", UNSET))

        def _parse_donor_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                donor_organization_id_type_0 = UUID(data)

                return donor_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        donor_organization_id = _parse_donor_organization_id(d.pop("donor_organization_id", UNSET))

        def _parse_donor_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        donor_phone = _parse_donor_phone(d.pop("donor_phone", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        wish_claim = cls(
            donor_name=donor_name,
            claimed_on=claimed_on,
            donor_organization_id=donor_organization_id,
            donor_phone=donor_phone,
            note=note,
        )

        return wish_claim
