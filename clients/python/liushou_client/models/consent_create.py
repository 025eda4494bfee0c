from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.consent_giver import ConsentGiver
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentCreate")


@_attrs_define
class ConsentCreate:
    """
    Attributes:
        given_by (ConsentGiver):
        given_on (datetime.date):
        purpose (str):
        recipients (list[str]): Organization ids, or organization types such as womens_federation
        expires_on (datetime.date | None | Unset):
        guardian_name (None | str | Unset):
        note (None | str | Unset):
    """

    given_by: ConsentGiver
    given_on: datetime.date
    purpose: str
    recipients: list[str]
    expires_on: datetime.date | None | Unset = UNSET
    guardian_name: None | str | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        given_by = self.given_by.value

        given_on = self.given_on.isoformat()

        purpose = self.purpose

        recipients = self.recipients

        expires_on: None | str | Unset
        if isinstance(self.expires_on, Unset):
            expires_on = UNSET
        elif isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        guardian_name: None | str | Unset
        if isinstance(self.guardian_name, Unset):
            guardian_name = UNSET
        else:
            guardian_name = self.guardian_name

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "given_by": given_by,
                "given_on": given_on,
                "purpose": purpose,
                "recipients": recipients,
            }
        )
        if expires_on is not UNSET:
            field_dict["expires_on"] = expires_on
        if guardian_name is not UNSET:
            field_dict["guardian_name"] = guardian_name
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        given_by = ConsentGiver(d.pop("given_by"))

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        purpose = d.pop("purpose")

        recipients = cast(list[str], d.pop("recipients"))

        def _parse_expires_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        expires_on = _parse_expires_on(d.pop("expires_on", UNSET))

        def _parse_guardian_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guardian_name = _parse_guardian_name(d.pop("guardian_name", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        consent_create = cls(
            given_by=given_by,
            given_on=given_on,
            purpose=purpose,
            recipients=recipients,
            expires_on=expires_on,
            guardian_name=guardian_name,
            note=note,
        )

        return consent_create
