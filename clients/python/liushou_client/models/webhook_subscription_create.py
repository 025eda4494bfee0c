from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="WebhookSubscriptionCreate")


@_attrs_define
class WebhookSubscriptionCreate:
    """
    Attributes:
        events (list[str]): Any of: `person.created`, `person.updated`, `person.deleted`, `referral.created`,
            `referral.updated`, `visit.created`, `service_record.created`, `legal_activity.created` (a partner: `referral.*`
            only)
        url (str): Where deliveries are POSTed
        active (bool | Unset):  Default: True.
        description (None | str | Unset):
    """

    events: list[str]
    url: str
    active: bool | Unset = True
    description: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        events = self.events

        url = self.url

        active = self.active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "events": events,
                "url": url,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        events = cast(list[str], d.pop("events"))

        url = d.pop("url")

        active = d.pop("active", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        webhook_subscription_create = cls(
            events=events,
            url=url,
            active=active,
            description=description,
        )

        return webhook_subscription_create
