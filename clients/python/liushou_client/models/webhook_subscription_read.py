from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookSubscriptionRead")


@_attrs_define
class WebhookSubscriptionRead:
    """
    Attributes:
        active (bool):
        consecutive_failures (int): Failed deliveries in a row; at 3 the subscription is deactivated
        created_at (datetime.datetime):
        deactivated_at (datetime.datetime | None):
        description (None | str):
        events (list[str]):
        id (UUID):
        organization_id (None | UUID): A partner's organization; null for an admin's subscription
        updated_at (datetime.datetime):
        url (str):
        version (int):
    """

    active: bool
    consecutive_failures: int
    created_at: datetime.datetime
    deactivated_at: datetime.datetime | None
    description: None | str
    events: list[str]
    id: UUID
    organization_id: None | UUID
    updated_at: datetime.datetime
    url: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        consecutive_failures = self.consecutive_failures

        created_at = self.created_at.isoformat()

        deactivated_at: None | str
        if isinstance(self.deactivated_at, datetime.datetime):
            deactivated_at = self.deactivated_at.isoformat()
        else:
            deactivated_at = self.deactivated_at

        description: None | str
        description = self.description

        events = self.events

        id = str(self.id)

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        updated_at = self.updated_at.isoformat()

        url = self.url

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "consecutive_failures": consecutive_failures,
                "created_at": created_at,
                "deactivated_at": deactivated_at,
                "description": description,
                "events": events,
                "id": id,
                "organization_id": organization_id,
                "updated_at": updated_at,
                "url": url,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        consecutive_failures = d.pop("consecutive_failures")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_deactivated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deactivated_at_type_0 = datetime.datetime.fromisoformat(data)

                return deactivated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        deactivated_at = _parse_deactivated_at(d.pop("deactivated_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        events = cast(list[str], d.pop("events"))

        id = UUID(d.pop("id"))

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

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        url = d.pop("url")

        version = d.pop("version")

        webhook_subscription_read = cls(
            active=active,
            consecutive_failures=consecutive_failures,
            created_at=created_at,
            deactivated_at=deactivated_at,
            description=description,
            events=events,
            id=id,
            organization_id=organization_id,
            updated_at=updated_at,
            url=url,
            version=version,
        )

        webhook_subscription_read.additional_properties = d
        return webhook_subscription_read

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
