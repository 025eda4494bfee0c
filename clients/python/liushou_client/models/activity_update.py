from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityUpdate")


@_attrs_define
class ActivityUpdate:
    """PATCH: only the fields given change; ``attendee_ids`` replaces the attendees the
    caller may see (those it may not see stay).

        Attributes:
            anonymous_attendees (int | None | Unset):
            attendee_ids (list[UUID] | None | Unset):
            held_on (datetime.date | None | Unset):
            location (None | str | Unset):
            organization_id (None | Unset | UUID):
            region_id (None | Unset | UUID):
            service_type (None | str | Unset):
            title (None | str | Unset):
    """

    anonymous_attendees: int | None | Unset = UNSET
    attendee_ids: list[UUID] | None | Unset = UNSET
    held_on: datetime.date | None | Unset = UNSET
    location: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET
    region_id: None | Unset | UUID = UNSET
    service_type: None | str | Unset = UNSET
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        anonymous_attendees: int | None | Unset
        if isinstance(self.anonymous_attendees, Unset):
            anonymous_attendees = UNSET
        else:
            anonymous_attendees = self.anonymous_attendees

        attendee_ids: list[str] | None | Unset
        if isinstance(self.attendee_ids, Unset):
            attendee_ids = UNSET
        elif isinstance(self.attendee_ids, list):
            attendee_ids = []
            for attendee_ids_type_0_item_data in self.attendee_ids:
                attendee_ids_type_0_item = str(attendee_ids_type_0_item_data)
                attendee_ids.append(attendee_ids_type_0_item)

        else:
            attendee_ids = self.attendee_ids

        held_on: None | str | Unset
        if isinstance(self.held_on, Unset):
            held_on = UNSET
        elif isinstance(self.held_on, datetime.date):
            held_on = self.held_on.isoformat()
        else:
            held_on = self.held_on

        location: None | str | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        else:
            location = self.location

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        elif isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        region_id: None | str | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, UUID):
            region_id = str(self.region_id)
        else:
            region_id = self.region_id

        service_type: None | str | Unset
        if isinstance(self.service_type, Unset):
            service_type = UNSET
        else:
            service_type = self.service_type

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if anonymous_attendees is not UNSET:
            field_dict["anonymous_attendees"] = anonymous_attendees
        if attendee_ids is not UNSET:
            field_dict["attendee_ids"] = attendee_ids
        if held_on is not UNSET:
            field_dict["held_on"] = held_on
        if location is not UNSET:
            field_dict["location"] = location
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
        if service_type is not UNSET:
            field_dict["service_type"] = service_type
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_anonymous_attendees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        anonymous_attendees = _parse_anonymous_attendees(d.pop("anonymous_attendees", UNSET))

        def _parse_attendee_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attendee_ids_type_0 = []
                _attendee_ids_type_0 = data
                for attendee_ids_type_0_item_data in _attendee_ids_type_0:
                    attendee_ids_type_0_item = UUID(attendee_ids_type_0_item_data)

                    attendee_ids_type_0.append(attendee_ids_type_0_item)

                return attendee_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        attendee_ids = _parse_attendee_ids(d.pop("attendee_ids", UNSET))

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

        def _parse_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        location = _parse_location(d.pop("location", UNSET))

        def _parse_organization_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

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

        def _parse_service_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type = _parse_service_type(d.pop("service_type", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        activity_update = cls(
            anonymous_attendees=anonymous_attendees,
            attendee_ids=attendee_ids,
            held_on=held_on,
            location=location,
            organization_id=organization_id,
            region_id=region_id,
            service_type=service_type,
            title=title,
        )

        return activity_update
