from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.program import Program

T = TypeVar("T", bound="ServiceRecordRead")


@_attrs_define
class ServiceRecordRead:
    """
    Attributes:
        activity_id (None | UUID): Set when an activity made the record: it changes only through the activity
        caretaker_id (None | UUID):
        created_at (datetime.datetime):
        created_by (str):
        delivered_on (datetime.date):
        id (UUID):
        notes (None | str):
        outcome (None | str):
        person_id (UUID):
        program (Program): The programme a service type belongs to: the sections of the seed report.
        provider_organization_id (None | UUID):
        quantity (int):
        service_type (str):
        service_type_name_zh (str): The type's name_zh (read-only)
        updated_at (datetime.datetime):
        version (int):
        wish_id (None | UUID): Set when a wish's fulfilment made the record: it changes only through the wish
    """

    activity_id: None | UUID
    caretaker_id: None | UUID
    created_at: datetime.datetime
    created_by: str
    delivered_on: datetime.date
    id: UUID
    notes: None | str
    outcome: None | str
    person_id: UUID
    program: Program
    provider_organization_id: None | UUID
    quantity: int
    service_type: str
    service_type_name_zh: str
    updated_at: datetime.datetime
    version: int
    wish_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity_id: None | str
        if isinstance(self.activity_id, UUID):
            activity_id = str(self.activity_id)
        else:
            activity_id = self.activity_id

        caretaker_id: None | str
        if isinstance(self.caretaker_id, UUID):
            caretaker_id = str(self.caretaker_id)
        else:
            caretaker_id = self.caretaker_id

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        delivered_on = self.delivered_on.isoformat()

        id = str(self.id)

        notes: None | str
        notes = self.notes

        outcome: None | str
        outcome = self.outcome

        person_id = str(self.person_id)

        program = self.program.value

        provider_organization_id: None | str
        if isinstance(self.provider_organization_id, UUID):
            provider_organization_id = str(self.provider_organization_id)
        else:
            provider_organization_id = self.provider_organization_id

        quantity = self.quantity

        service_type = self.service_type

        service_type_name_zh = self.service_type_name_zh

        updated_at = self.updated_at.isoformat()

        version = self.version

        wish_id: None | str
        if isinstance(self.wish_id, UUID):
            wish_id = str(self.wish_id)
        else:
            wish_id = self.wish_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity_id": activity_id,
                "caretaker_id": caretaker_id,
                "created_at": created_at,
                "created_by": created_by,
                "delivered_on": delivered_on,
                "id": id,
                "notes": notes,
                "outcome": outcome,
                "person_id": person_id,
                "program": program,
                "provider_organization_id": provider_organization_id,
                "quantity": quantity,
                "service_type": service_type,
                "service_type_name_zh": service_type_name_zh,
                "updated_at": updated_at,
                "version": version,
                "wish_id": wish_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activity_id_type_0 = UUID(data)

                return activity_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        activity_id = _parse_activity_id(d.pop("activity_id"))

        def _parse_caretaker_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                caretaker_id_type_0 = UUID(data)

                return caretaker_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        caretaker_id = _parse_caretaker_id(d.pop("caretaker_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        id = UUID(d.pop("id"))

        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        person_id = UUID(d.pop("person_id"))

        program = Program(d.pop("program"))

        def _parse_provider_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_organization_id_type_0 = UUID(data)

                return provider_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        provider_organization_id = _parse_provider_organization_id(d.pop("provider_organization_id"))

        quantity = d.pop("quantity")

        service_type = d.pop("service_type")

        service_type_name_zh = d.pop("service_type_name_zh")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_wish_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                wish_id_type_0 = UUID(data)

                return wish_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        wish_id = _parse_wish_id(d.pop("wish_id"))

        service_record_read = cls(
            activity_id=activity_id,
            caretaker_id=caretaker_id,
            created_at=created_at,
            created_by=created_by,
            delivered_on=delivered_on,
            id=id,
            notes=notes,
            outcome=outcome,
            person_id=person_id,
            program=program,
            provider_organization_id=provider_organization_id,
            quantity=quantity,
            service_type=service_type,
            service_type_name_zh=service_type_name_zh,
            updated_at=updated_at,
            version=version,
            wish_id=wish_id,
        )

        service_record_read.additional_properties = d
        return service_record_read

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
