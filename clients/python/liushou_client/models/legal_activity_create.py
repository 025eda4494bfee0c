from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_activity_mode import LegalActivityMode
from ..models.legal_activity_type import LegalActivityType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalActivityCreate")


@_attrs_define
class LegalActivityCreate:
    """
    Attributes:
        advisor_id (UUID): The advisor who served (a legal_advisor login: its own)
        duration_minutes (int): 1 to 1440 (one day)
        held_on (datetime.date): Not in the future (Asia/Shanghai)
        mode (LegalActivityMode):
        region_id (UUID): A village under that advisor's contract
        summary (str):
        type_ (LegalActivityType):
        attendees (int | Unset): People present (≥ 0) Default: 0.
        outcome (None | str | Unset):
        person_id (None | Unset | UUID):
    """

    advisor_id: UUID
    duration_minutes: int
    held_on: datetime.date
    mode: LegalActivityMode
    region_id: UUID
    summary: str
    type_: LegalActivityType
    attendees: int | Unset = 0
    outcome: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        advisor_id = str(self.advisor_id)

        duration_minutes = self.duration_minutes

        held_on = self.held_on.isoformat()

        mode = self.mode.value

        region_id = str(self.region_id)

        summary = self.summary

        type_ = self.type_.value

        attendees = self.attendees

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "advisor_id": advisor_id,
                "duration_minutes": duration_minutes,
                "held_on": held_on,
                "mode": mode,
                "region_id": region_id,
                "summary": summary,
                "type": type_,
            }
        )
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if person_id is not UNSET:
            field_dict["person_id"] = person_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        advisor_id = UUID(d.pop("advisor_id"))

        duration_minutes = d.pop("duration_minutes")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        mode = LegalActivityMode(d.pop("mode"))

        region_id = UUID(d.pop("region_id"))

        summary = d.pop("summary")

        type_ = LegalActivityType(d.pop("type"))

        attendees = d.pop("attendees", UNSET)

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

        legal_activity_create = cls(
            advisor_id=advisor_id,
            duration_minutes=duration_minutes,
            held_on=held_on,
            mode=mode,
            region_id=region_id,
            summary=summary,
            type_=type_,
            attendees=attendees,
            outcome=outcome,
            person_id=person_id,
        )

        return legal_activity_create
