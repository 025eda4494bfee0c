from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_activity_mode import LegalActivityMode
from ..models.legal_activity_type import LegalActivityType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalActivityUpdate")


@_attrs_define
class LegalActivityUpdate:
    """PATCH: only the fields given change (``person_id``/``outcome`` null clear them).

    Attributes:
        advisor_id (None | Unset | UUID):
        attendees (int | None | Unset):
        duration_minutes (int | None | Unset):
        held_on (datetime.date | None | Unset):
        mode (LegalActivityMode | None | Unset):
        outcome (None | str | Unset):
        person_id (None | Unset | UUID):
        region_id (None | Unset | UUID):
        summary (None | str | Unset):
        type_ (LegalActivityType | None | Unset):
    """

    advisor_id: None | Unset | UUID = UNSET
    attendees: int | None | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    held_on: datetime.date | None | Unset = UNSET
    mode: LegalActivityMode | None | Unset = UNSET
    outcome: None | str | Unset = UNSET
    person_id: None | Unset | UUID = UNSET
    region_id: None | Unset | UUID = UNSET
    summary: None | str | Unset = UNSET
    type_: LegalActivityType | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advisor_id: None | str | Unset
        if isinstance(self.advisor_id, Unset):
            advisor_id = UNSET
        elif isinstance(self.advisor_id, UUID):
            advisor_id = str(self.advisor_id)
        else:
            advisor_id = self.advisor_id

        attendees: int | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        else:
            attendees = self.attendees

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        held_on: None | str | Unset
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, LegalActivityMode):
            mode = self.mode.value
        else:
            mode = self.mode

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

        region_id: None | str | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, UUID):
            region_id = str(self.region_id)
        else:
            region_id = self.region_id

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, LegalActivityType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advisor_id is not UNSET:
            field_dict["advisor_id"] = advisor_id
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if duration_minutes is not UNSET:
            field_dict["duration_minutes"] = duration_minutes
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if mode is not UNSET:
            field_dict["mode"] = mode
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
        if summary is not UNSET:
            field_dict["summary"] = summary
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_advisor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advisor_id_type_0 = UUID(data)

                return advisor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        advisor_id = _parse_advisor_id(d.pop("advisor_id", UNSET))

        def _parse_attendees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("duration_minutes", UNSET))

        def _parse_held_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_on_type_0 = datetime.date.fromisoformat(data)

                return held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_on = _parse_held_on(d.pop("held_on", UNSET))

        def _parse_mode(data: object) -> LegalActivityMode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_0 = LegalActivityMode(data)

                return mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalActivityMode | None | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))

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

        def _parse_region_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_id_type_0 = UUID(data)

                return region_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        region_id = _parse_region_id(d.pop("region_id", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        def _parse_type_(data: object) -> LegalActivityType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = LegalActivityType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalActivityType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        legal_activity_update = cls(
            advisor_id=advisor_id,
            attendees=attendees,
            duration_minutes=duration_minutes,
            held_on=held_on,
            mode=mode,
            outcome=outcome,
            person_id=person_id,
            region_id=region_id,
            summary=summary,
            type_=type_,
        )

        return legal_activity_update
