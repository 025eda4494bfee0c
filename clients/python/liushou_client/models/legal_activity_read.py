from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legal_activity_mode import LegalActivityMode
from ..models.legal_activity_type import LegalActivityType

T = TypeVar("T", bound="LegalActivityRead")


@_attrs_define
class LegalActivityRead:
    """
    Attributes:
        advisor_id (UUID):
        attendees (int):
        contract_id (UUID): The advisor's contract that covered the village on held_on (read-only)
        created_at (datetime.datetime):
        created_by (str):
        duration_minutes (int):
        held_on (datetime.date):
        id (UUID):
        mode (LegalActivityMode):
        outcome (None | str):
        person_id (None | UUID): Only the id: never the person's data
        region_id (UUID):
        summary (str):
        type_ (LegalActivityType):
        updated_at (datetime.datetime):
        version (int):
    """

    advisor_id: UUID
    attendees: int
    contract_id: UUID
    created_at: datetime.datetime
    created_by: str
    duration_minutes: int
    held_on: datetime.date
    id: UUID
    mode: LegalActivityMode
    outcome: None | str
    person_id: None | UUID
    region_id: UUID
    summary: str
    type_: LegalActivityType
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        attendees = self.attendees

        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        duration_minutes = self.duration_minutes

        held_on = self.held_on.isoformat()

        id = str(self.id)

        mode = self.mode.value

        outcome: None | str
        outcome = self.outcome

        person_id: None | str
        if isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        region_id = str(self.region_id)

        summary = self.summary

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor_id": advisor_id,
                "attendees": attendees,
                "contract_id": contract_id,
                "created_at": created_at,
                "created_by": created_by,
                "duration_minutes": duration_minutes,
                "held_on": held_on,
                "id": id,
                "mode": mode,
                "outcome": outcome,
                "person_id": person_id,
                "region_id": region_id,
                "summary": summary,
                "type": type_,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        attendees = d.pop("attendees")

        contract_id = UUID(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        duration_minutes = d.pop("duration_minutes")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        mode = LegalActivityMode(d.pop("mode"))

        def _parse_outcome(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome = _parse_outcome(d.pop("outcome"))

        def _parse_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        person_id = _parse_person_id(d.pop("person_id"))

        region_id = UUID(d.pop("region_id"))

        summary = d.pop("summary")

        type_ = LegalActivityType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        legal_activity_read = cls(
            advisor_id=advisor_id,
            attendees=attendees,
            contract_id=contract_id,
            created_at=created_at,
            created_by=created_by,
            duration_minutes=duration_minutes,
            held_on=held_on,
            id=id,
            mode=mode,
            outcome=outcome,
            person_id=person_id,
            region_id=region_id,
            summary=summary,
            type_=type_,
            updated_at=updated_at,
            version=version,
        )

        legal_activity_read.additional_properties = d
        return legal_activity_read

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
