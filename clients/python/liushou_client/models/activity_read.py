from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActivityRead")


@_attrs_define
class ActivityRead:
    """
    Attributes:
        anonymous_attendees (int):
        attendee_count (int): Every registered attendee plus the anonymous ones
        attendee_ids (list[UUID]): The registered attendees the caller may see (a volunteer: its own)
        created_at (datetime.datetime):
        held_on (datetime.date):
        id (UUID):
        location (None | str):
        organization_id (None | UUID):
        region_id (UUID):
        service_type (str):
        title (str):
        updated_at (datetime.datetime):
        version (int):
    """

    anonymous_attendees: int
    attendee_count: int
    attendee_ids: list[UUID]
    created_at: datetime.datetime
    held_on: datetime.date
    id: UUID
    location: None | str
    organization_id: None | UUID
    region_id: UUID
    service_type: str
    title: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        anonymous_attendees = self.anonymous_attendees

        attendee_count = self.attendee_count

        attendee_ids = []
        for attendee_ids_item_data in self.attendee_ids:
            attendee_ids_item = str(attendee_ids_item_data)
            attendee_ids.append(attendee_ids_item)

        created_at = self.created_at.isoformat()

        held_on = self.held_on.isoformat()

        id = str(self.id)

        location: None | str
        location = self.location

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        region_id = str(self.region_id)

        service_type = self.service_type

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "anonymous_attendees": anonymous_attendees,
                "attendee_count": attendee_count,
                "attendee_ids": attendee_ids,
                "created_at": created_at,
                "held_on": held_on,
                "id": id,
                "location": location,
                "organization_id": organization_id,
                "region_id": region_id,
                "service_type": service_type,
                "title": title,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anonymous_attendees = d.pop("anonymous_attendees")

        attendee_count = d.pop("attendee_count")

        attendee_ids = []
        _attendee_ids = d.pop("attendee_ids")
        for attendee_ids_item_data in _attendee_ids:
            attendee_ids_item = UUID(attendee_ids_item_data)

            attendee_ids.append(attendee_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        id = UUID(d.pop("id"))

        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        region_id = UUID(d.pop("region_id"))

        service_type = d.pop("service_type")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        activity_read = cls(
            anonymous_attendees=anonymous_attendees,
            attendee_count=attendee_count,
            attendee_ids=attendee_ids,
            created_at=created_at,
            held_on=held_on,
            id=id,
            location=location,
            organization_id=organization_id,
            region_id=region_id,
            service_type=service_type,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        activity_read.additional_properties = d
        return activity_read

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
