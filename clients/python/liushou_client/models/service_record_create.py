from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceRecordCreate")


@_attrs_define
class ServiceRecordCreate:
    """
    Attributes:
        delivered_on (datetime.date): Not in the future; the person on the register then
        person_id (UUID): Fixed once created (422 immutable_field)
        service_type (str): A live service type's code
        caretaker_id (None | Unset | UUID): The caretaker who delivered it (one the caller may name)
        notes (None | str | Unset):
        outcome (None | str | Unset):
        provider_organization_id (None | Unset | UUID):
        quantity (int | Unset):  Default: 1.
    """

    delivered_on: datetime.date
    person_id: UUID
    service_type: str
    caretaker_id: None | Unset | UUID = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    provider_organization_id: None | Unset | UUID = UNSET
    quantity: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on.isoformat()

        person_id = str(self.person_id)

        service_type = self.service_type

        caretaker_id: None | str | Unset
        if isinstance(self.caretaker_id, Unset):
            caretaker_id = UNSET
        elif isinstance(self.caretaker_id, UUID):
            caretaker_id = str(self.caretaker_id)
        else:
            caretaker_id = self.caretaker_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        provider_organization_id: None | str | Unset
        if isinstance(self.provider_organization_id, Unset):
            provider_organization_id = UNSET
        elif isinstance(self.provider_organization_id, UUID):
            provider_organization_id = str(self.provider_organization_id)
        else:
            provider_organization_id = self.provider_organization_id

        quantity = self.quantity

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "delivered_on": delivered_on,
                "person_id": person_id,
                "service_type": service_type,
            }
        )
        if caretaker_id is not UNSET:
            field_dict["caretaker_id"] = caretaker_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if provider_organization_id is not UNSET:
            field_dict["provider_organization_id"] = provider_organization_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))

        person_id = UUID(d.pop("person_id"))

        service_type = d.pop("service_type")

        def _parse_caretaker_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                caretaker_id_type_0 = UUID(data)

                return caretaker_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        caretaker_id = _parse_caretaker_id(d.pop("caretaker_id", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_provider_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_organization_id_type_0 = UUID(data)

                return provider_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        provider_organization_id = _parse_provider_organization_id(d.pop("provider_organization_id", UNSET))

        quantity = d.pop("quantity", UNSET)

        service_record_create = cls(
            delivered_on=delivered_on,
            person_id=person_id,
            service_type=service_type,
            caretaker_id=caretaker_id,
            notes=notes,
            outcome=outcome,
            provider_organization_id=provider_organization_id,
            quantity=quantity,
        )

        return service_record_create
