from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceRecordUpdate")


@_attrs_define
class ServiceRecordUpdate:
    """
    Attributes:
        caretaker_id (None | Unset | UUID):
        delivered_on (datetime.date | None | Unset):
        notes (None | str | Unset):
        outcome (None | str | Unset):
        person_id (None | Unset | UUID): Fixed once created: another value is 422 immutable_field
        provider_organization_id (None | Unset | UUID):
        quantity (int | None | Unset):
        service_type (None | str | Unset):
    """

    caretaker_id: None | Unset | UUID = UNSET
    delivered_on: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    provider_organization_id: None | Unset | UUID = UNSET
    quantity: int | None | Unset = UNSET
    service_type: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        caretaker_id: None | str | Unset
        if isinstance(self.caretaker_id, Unset):
            caretaker_id = UNSET
        elif isinstance(self.caretaker_id, UUID):
            caretaker_id = str(self.caretaker_id)
        else:
            caretaker_id = self.caretaker_id

        delivered_on: None | str | Unset
        if isinstance(self.delivered_on, Unset):
            delivered_on = UNSET
        elif isinstance(self.delivered_on, datetime.date):
            delivered_on = self.delivered_on.isoformat()
        else:
            delivered_on = self.delivered_on

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

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        provider_organization_id: None | str | Unset
        if isinstance(self.provider_organization_id, Unset):
            provider_organization_id = UNSET
        elif isinstance(self.provider_organization_id, UUID):
            provider_organization_id = str(self.provider_organization_id)
        else:
            provider_organization_id = self.provider_organization_id

        quantity: int | None | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        service_type: None | str | Unset
        if isinstance(self.service_type, Unset):
            service_type = UNSET
        else:
            service_type = self.service_type

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if caretaker_id is not UNSET:
            field_dict["caretaker_id"] = caretaker_id
        if delivered_on is not UNSET:
            field_dict["delivered_on"] = delivered_on
        if notes is not UNSET:
            field_dict["notes"] = notes
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if provider_organization_id is not UNSET:
            field_dict["provider_organization_id"] = provider_organization_id
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if service_type is not UNSET:
            field_dict["service_type"] = service_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_delivered_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_on_type_0 = datetime.date.fromisoformat(data)

                return delivered_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        delivered_on = _parse_delivered_on(d.pop("delivered_on", UNSET))

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

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

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

        def _parse_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_service_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type = _parse_service_type(d.pop("service_type", UNSET))

        service_record_update = cls(
            caretaker_id=caretaker_id,
            delivered_on=delivered_on,
            notes=notes,
            outcome=outcome,
            person_id=person_id,
            provider_organization_id=provider_organization_id,
            quantity=quantity,
            service_type=service_type,
        )

        return service_record_update
