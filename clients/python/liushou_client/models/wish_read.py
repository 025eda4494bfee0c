from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wish_kind import WishKind
from ..models.wish_status import WishStatus

if TYPE_CHECKING:
    from ..models.wish_timeline_entry import WishTimelineEntry


T = TypeVar("T", bound="WishRead")


@_attrs_define
class WishRead:
    """
    Attributes:
        claimed_on (datetime.date | None):
        created_at (datetime.datetime):
        created_by (str):
        description (str):
        donor_name (None | str):
        donor_organization_id (None | UUID):
        donor_phone_masked (None | str): 138****5678; the clear number is never shown
        estimated_value (float | None): Yuan, at most two decimals
        fulfilled_on (datetime.date | None):
        id (UUID):
        kind (WishKind):
        person_id (UUID):
        service_record_id (None | UUID): The service record the fulfilment wrote (null until fulfilled)
        status (WishStatus):
        timeline (list[WishTimelineEntry]): Every transition, oldest first
        updated_at (datetime.datetime):
        version (int):
    """

    claimed_on: datetime.date | None
    created_at: datetime.datetime
    created_by: str
    description: str
    donor_name: None | str
    donor_organization_id: None | UUID
    donor_phone_masked: None | str
    estimated_value: float | None
    fulfilled_on: datetime.date | None
    id: UUID
    kind: WishKind
    person_id: UUID
    service_record_id: None | UUID
    status: WishStatus
    timeline: list[WishTimelineEntry]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        claimed_on: None | str
        if isinstance(self.claimed_on, datetime.date):
            claimed_on = self.claimed_on.isoformat()
        else:
            claimed_on = self.claimed_on

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        description = self.description

        donor_name: None | str
        donor_name = self.donor_name

        donor_organization_id: None | str
        if isinstance(self.donor_organization_id, UUID):
            donor_organization_id = str(self.donor_organization_id)
        else:
            donor_organization_id = self.donor_organization_id

        donor_phone_masked: None | str
        donor_phone_masked = self.donor_phone_masked

        estimated_value: float | None
        estimated_value = self.estimated_value

        fulfilled_on: None | str
        if isinstance(self.fulfilled_on, datetime.date):
            fulfilled_on = self.fulfilled_on.isoformat()
        else:
            fulfilled_on = self.fulfilled_on

        id = str(self.id)

        kind = self.kind.value

        person_id = str(self.person_id)

        service_record_id: None | str
        if isinstance(self.service_record_id, UUID):
            service_record_id = str(self.service_record_id)
        else:
            service_record_id = self.service_record_id

        status = self.status.value

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "claimed_on": claimed_on,
                "created_at": created_at,
                "created_by": created_by,
                "description": description,
                "donor_name": donor_name,
                "donor_organization_id": donor_organization_id,
                "donor_phone_masked": donor_phone_masked,
                "estimated_value": estimated_value,
                "fulfilled_on": fulfilled_on,
                "id": id,
                "kind": kind,
                "person_id": person_id,
                "service_record_id": service_record_id,
                "status": status,
                "timeline": timeline,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wish_timeline_entry import WishTimelineEntry  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_claimed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claimed_on_type_0 = datetime.date.fromisoformat(data)

                return claimed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        claimed_on = _parse_claimed_on(d.pop("claimed_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        description = d.pop("description")

        def _parse_donor_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        donor_name = _parse_donor_name(d.pop("donor_name"))

        def _parse_donor_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                donor_organization_id_type_0 = UUID(data)

                return donor_organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        donor_organization_id = _parse_donor_organization_id(d.pop("donor_organization_id"))

        def _parse_donor_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        donor_phone_masked = _parse_donor_phone_masked(d.pop("donor_phone_masked"))

        def _parse_estimated_value(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        estimated_value = _parse_estimated_value(d.pop("estimated_value"))

        def _parse_fulfilled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_on_type_0 = datetime.date.fromisoformat(data)

                return fulfilled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        fulfilled_on = _parse_fulfilled_on(d.pop("fulfilled_on"))

        id = UUID(d.pop("id"))

        kind = WishKind(d.pop("kind"))

        person_id = UUID(d.pop("person_id"))

        def _parse_service_record_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_record_id_type_0 = UUID(data)

                return service_record_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_record_id = _parse_service_record_id(d.pop("service_record_id"))

        status = WishStatus(d.pop("status"))

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = WishTimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        wish_read = cls(
            claimed_on=claimed_on,
            created_at=created_at,
            created_by=created_by,
            description=description,
            donor_name=donor_name,
            donor_organization_id=donor_organization_id,
            donor_phone_masked=donor_phone_masked,
            estimated_value=estimated_value,
            fulfilled_on=fulfilled_on,
            id=id,
            kind=kind,
            person_id=person_id,
            service_record_id=service_record_id,
            status=status,
            timeline=timeline,
            updated_at=updated_at,
            version=version,
        )

        wish_read.additional_properties = d
        return wish_read

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
