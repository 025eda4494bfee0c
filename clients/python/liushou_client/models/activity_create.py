from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityCreate")


@_attrs_define
class ActivityCreate:
    """
    Attributes:
        held_on (datetime.date): Not in the future (Asia/Shanghai)
        region_id (UUID): A village or a township of the caller's area
        service_type (str): A live service type's code
        title (str):
        anonymous_attendees (int | Unset): People who came but are not on the register Default: 0.
        attendee_ids (list[UUID] | Unset): Persons on the register; each gets one service record
        location (None | str | Unset):
        organization_id (None | Unset | UUID):
    """

    held_on: datetime.date
    region_id: UUID
    service_type: str
    title: str
    anonymous_attendees: int | Unset = 0
    attendee_ids: list[UUID] | Unset = UNSET
    location: None | str | Unset = UNSET
    organization_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        region_id = str(self.region_id)

        service_type = self.service_type

        title = self.title

        anonymous_attendees = self.anonymous_attendees

        attendee_ids: list[str] | Unset = UNSET
        if not isinstance(self.attendee_ids, Unset):
            attendee_ids = []
            for attendee_ids_item_data in self.attendee_ids:
                attendee_ids_item = str(attendee_ids_item_data)
                attendee_ids.append(attendee_ids_item)

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "region_id": region_id,
                "service_type": service_type,
                "title": title,
            }
        )
        if anonymous_attendees is not UNSET:
            field_dict["anonymous_attendees"] = anonymous_attendees
        if attendee_ids is not UNSET:
            field_dict["attendee_ids"] = attendee_ids
        if location is not UNSET:
            field_dict["location"] = location
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        region_id = UUID(d.pop("region_id"))

        service_type = d.pop("service_type")

        title = d.pop("title")

        anonymous_attendees = d.pop("anonymous_attendees", UNSET)

        _attendee_ids = d.pop("attendee_ids", UNSET)
        attendee_ids: list[UUID] | Unset = UNSET
        if _attendee_ids is not UNSET:
            attendee_ids = []
            for attendee_ids_item_data in _attendee_ids:
                attendee_ids_item = UUID(attendee_ids_item_data)

                attendee_ids.append(attendee_ids_item)

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

        activity_create = cls(
            held_on=held_on,
            region_id=region_id,
            service_type=service_type,
            title=title,
            anonymous_attendees=anonymous_attendees,
            attendee_ids=attendee_ids,
            location=location,
            organization_id=organization_id,
        )

        return activity_create
