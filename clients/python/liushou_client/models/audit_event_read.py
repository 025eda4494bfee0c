from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_read_detail_type_0 import AuditEventReadDetailType0


T = TypeVar("T", bound="AuditEventRead")


@_attrs_define
class AuditEventRead:
    """
    Attributes:
        action (str):
        actor_id (None | UUID):
        actor_kind (str):
        actor_name (None | str):
        at (datetime.datetime):
        changed_fields (list[str] | None):
        detail (AuditEventReadDetailType0 | None):
        id (UUID):
        outcome (str):
        request_id (None | str):
        resource_id (None | str):
        resource_type (None | str):
    """

    action: str
    actor_id: None | UUID
    actor_kind: str
    actor_name: None | str
    at: datetime.datetime
    changed_fields: list[str] | None
    detail: AuditEventReadDetailType0 | None
    id: UUID
    outcome: str
    request_id: None | str
    resource_id: None | str
    resource_type: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_read_detail_type_0 import AuditEventReadDetailType0  # noqa: PLC0415

        action = self.action

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_kind = self.actor_kind

        actor_name: None | str
        actor_name = self.actor_name

        at = self.at.isoformat()

        changed_fields: list[str] | None
        if isinstance(self.changed_fields, list):
            changed_fields = self.changed_fields

        else:
            changed_fields = self.changed_fields

        detail: dict[str, Any] | None
        if isinstance(self.detail, AuditEventReadDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        id = str(self.id)

        outcome = self.outcome

        request_id: None | str
        request_id = self.request_id

        resource_id: None | str
        resource_id = self.resource_id

        resource_type: None | str
        resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor_id": actor_id,
                "actor_kind": actor_kind,
                "actor_name": actor_name,
                "at": at,
                "changed_fields": changed_fields,
                "detail": detail,
                "id": id,
                "outcome": outcome,
                "request_id": request_id,
                "resource_id": resource_id,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_read_detail_type_0 import AuditEventReadDetailType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        actor_kind = d.pop("actor_kind")

        def _parse_actor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_name = _parse_actor_name(d.pop("actor_name"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_changed_fields(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                changed_fields_type_0 = cast(list[str], data)

                return changed_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        changed_fields = _parse_changed_fields(d.pop("changed_fields"))

        def _parse_detail(data: object) -> AuditEventReadDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = AuditEventReadDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventReadDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        id = UUID(d.pop("id"))

        outcome = d.pop("outcome")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        def _parse_resource_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_id = _parse_resource_id(d.pop("resource_id"))

        def _parse_resource_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resource_type = _parse_resource_type(d.pop("resource_type"))

        audit_event_read = cls(
            action=action,
            actor_id=actor_id,
            actor_kind=actor_kind,
            actor_name=actor_name,
            at=at,
            changed_fields=changed_fields,
            detail=detail,
            id=id,
            outcome=outcome,
            request_id=request_id,
            resource_id=resource_id,
            resource_type=resource_type,
        )

        audit_event_read.additional_properties = d
        return audit_event_read

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
