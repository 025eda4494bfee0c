from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.consent_giver import ConsentGiver

T = TypeVar("T", bound="ConsentRead")


@_attrs_define
class ConsentRead:
    """
    Attributes:
        created_at (datetime.datetime):
        expires_on (datetime.date | None):
        given_by (ConsentGiver):
        given_on (datetime.date):
        guardian_name (None | str):
        id (UUID):
        note (None | str):
        person_id (UUID):
        purpose (str):
        recipients (list[str]):
        updated_at (datetime.datetime):
        version (int):
        withdrawn_on (datetime.date | None):
    """

    created_at: datetime.datetime
    expires_on: datetime.date | None
    given_by: ConsentGiver
    given_on: datetime.date
    guardian_name: None | str
    id: UUID
    note: None | str
    person_id: UUID
    purpose: str
    recipients: list[str]
    updated_at: datetime.datetime
    version: int
    withdrawn_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        expires_on: None | str
        if isinstance(self.expires_on, datetime.date):
            expires_on = self.expires_on.isoformat()
        else:
            expires_on = self.expires_on

        given_by = self.given_by.value

        given_on = self.given_on.isoformat()

        guardian_name: None | str
        guardian_name = self.guardian_name

        id = str(self.id)

        note: None | str
        note = self.note

        person_id = str(self.person_id)

        purpose = self.purpose

        recipients = self.recipients

        updated_at = self.updated_at.isoformat()

        version = self.version

        withdrawn_on: None | str
        if isinstance(self.withdrawn_on, datetime.date):
            withdrawn_on = self.withdrawn_on.isoformat()
        else:
            withdrawn_on = self.withdrawn_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "expires_on": expires_on,
                "given_by": given_by,
                "given_on": given_on,
                "guardian_name": guardian_name,
                "id": id,
                "note": note,
                "person_id": person_id,
                "purpose": purpose,
                "recipients": recipients,
                "updated_at": updated_at,
                "version": version,
                "withdrawn_on": withdrawn_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_expires_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_on_type_0 = datetime.date.fromisoformat(data)

                return expires_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        expires_on = _parse_expires_on(d.pop("expires_on"))

        given_by = ConsentGiver(d.pop("given_by"))

        given_on = datetime.date.fromisoformat(d.pop("given_on"))

        def _parse_guardian_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        guardian_name = _parse_guardian_name(d.pop("guardian_name"))

        id = UUID(d.pop("id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        person_id = UUID(d.pop("person_id"))

        purpose = d.pop("purpose")

        recipients = cast(list[str], d.pop("recipients"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_withdrawn_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_on_type_0 = datetime.date.fromisoformat(data)

                return withdrawn_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        withdrawn_on = _parse_withdrawn_on(d.pop("withdrawn_on"))

        consent_read = cls(
            created_at=created_at,
            expires_on=expires_on,
            given_by=given_by,
            given_on=given_on,
            guardian_name=guardian_name,
            id=id,
            note=note,
            person_id=person_id,
            purpose=purpose,
            recipients=recipients,
            updated_at=updated_at,
            version=version,
            withdrawn_on=withdrawn_on,
        )

        consent_read.additional_properties = d
        return consent_read

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
