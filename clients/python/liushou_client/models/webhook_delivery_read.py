from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.webhook_delivery_read_status import WebhookDeliveryReadStatus

if TYPE_CHECKING:
    from ..models.webhook_delivery_read_payload import WebhookDeliveryReadPayload


T = TypeVar("T", bound="WebhookDeliveryRead")


@_attrs_define
class WebhookDeliveryRead:
    """
    Attributes:
        attempts (int):
        created_at (datetime.datetime):
        event_type (str):
        id (UUID): The `webhook-id` header of every attempt
        last_attempt_at (datetime.datetime | None):
        last_error (None | str):
        last_response_code (int | None):
        next_attempt_at (datetime.datetime | None):
        payload (WebhookDeliveryReadPayload):
        status (WebhookDeliveryReadStatus):
        subscription_id (UUID):
        updated_at (datetime.datetime):
    """

    attempts: int
    created_at: datetime.datetime
    event_type: str
    id: UUID
    last_attempt_at: datetime.datetime | None
    last_error: None | str
    last_response_code: int | None
    next_attempt_at: datetime.datetime | None
    payload: WebhookDeliveryReadPayload
    status: WebhookDeliveryReadStatus
    subscription_id: UUID
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        created_at = self.created_at.isoformat()

        event_type = self.event_type

        id = str(self.id)

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        last_error: None | str
        last_error = self.last_error

        last_response_code: int | None
        last_response_code = self.last_response_code

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        payload = self.payload.to_dict()

        status = self.status.value

        subscription_id = str(self.subscription_id)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "created_at": created_at,
                "event_type": event_type,
                "id": id,
                "last_attempt_at": last_attempt_at,
                "last_error": last_error,
                "last_response_code": last_response_code,
                "next_attempt_at": next_attempt_at,
                "payload": payload,
                "status": status,
                "subscription_id": subscription_id,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_delivery_read_payload import WebhookDeliveryReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event_type = d.pop("event_type")

        id = UUID(d.pop("id"))

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_last_response_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_response_code = _parse_last_response_code(d.pop("last_response_code"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        payload = WebhookDeliveryReadPayload.from_dict(d.pop("payload"))

        status = WebhookDeliveryReadStatus(d.pop("status"))

        subscription_id = UUID(d.pop("subscription_id"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        webhook_delivery_read = cls(
            attempts=attempts,
            created_at=created_at,
            event_type=event_type,
            id=id,
            last_attempt_at=last_attempt_at,
            last_error=last_error,
            last_response_code=last_response_code,
            next_attempt_at=next_attempt_at,
            payload=payload,
            status=status,
            subscription_id=subscription_id,
            updated_at=updated_at,
        )

        webhook_delivery_read.additional_properties = d
        return webhook_delivery_read

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
