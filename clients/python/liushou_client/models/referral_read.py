from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legal_basis import LegalBasis
from ..models.network import Network
from ..models.referral_status import ReferralStatus
from ..models.referral_type import ReferralType
from ..models.urgency import Urgency

if TYPE_CHECKING:
    from ..models.referral_person import ReferralPerson
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="ReferralRead")


@_attrs_define
class ReferralRead:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (str):
        due_on (datetime.date):
        id (UUID):
        justification (None | str):
        legal_basis (LegalBasis): Why the person's data may go to the organization (PIPL art. 13, 23, 31).
        need (str):
        network (Network | None):
        overdue (bool): due_on is before today and the referral is still open, accepted or in progress
        person (ReferralPerson): The person in the minimum form every referral reader gets (PIPL art. 6): never an ID
            number, an address or a profile.
        person_id (UUID):
        status (ReferralStatus):
        timeline (list[TimelineEntry]): Every transition, oldest first
        to_organization_id (UUID):
        type_ (ReferralType):
        updated_at (datetime.datetime):
        urgency (Urgency):
        version (int):
    """

    created_at: datetime.datetime
    created_by: str
    due_on: datetime.date
    id: UUID
    justification: None | str
    legal_basis: LegalBasis
    need: str
    network: Network | None
    overdue: bool
    person: ReferralPerson
    person_id: UUID
    status: ReferralStatus
    timeline: list[TimelineEntry]
    to_organization_id: UUID
    type_: ReferralType
    updated_at: datetime.datetime
    urgency: Urgency
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = self.created_by

        due_on = self.due_on.isoformat()

        id = str(self.id)

        justification: None | str
        justification = self.justification

        legal_basis = self.legal_basis.value

        need = self.need

        network: None | str
        if isinstance(self.network, Network):
            network = self.network.value
        else:
            network = self.network

        overdue = self.overdue

        person = self.person.to_dict()

        person_id = str(self.person_id)

        status = self.status.value

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        to_organization_id = str(self.to_organization_id)

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        urgency = self.urgency.value

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "due_on": due_on,
                "id": id,
                "justification": justification,
                "legal_basis": legal_basis,
                "need": need,
                "network": network,
                "overdue": overdue,
                "person": person,
                "person_id": person_id,
                "status": status,
                "timeline": timeline,
                "to_organization_id": to_organization_id,
                "type": type_,
                "updated_at": updated_at,
                "urgency": urgency,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_person import ReferralPerson  # noqa: PLC0415
        from ..models.timeline_entry import TimelineEntry  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        id = UUID(d.pop("id"))

        def _parse_justification(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        justification = _parse_justification(d.pop("justification"))

        legal_basis = LegalBasis(d.pop("legal_basis"))

        need = d.pop("need")

        def _parse_network(data: object) -> Network | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_type_0 = Network(data)

                return network_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Network | None, data)

        network = _parse_network(d.pop("network"))

        overdue = d.pop("overdue")

        person = ReferralPerson.from_dict(d.pop("person"))

        person_id = UUID(d.pop("person_id"))

        status = ReferralStatus(d.pop("status"))

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = TimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        to_organization_id = UUID(d.pop("to_organization_id"))

        type_ = ReferralType(d.pop("type"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        urgency = Urgency(d.pop("urgency"))

        version = d.pop("version")

        referral_read = cls(
            created_at=created_at,
            created_by=created_by,
            due_on=due_on,
            id=id,
            justification=justification,
            legal_basis=legal_basis,
            need=need,
            network=network,
            overdue=overdue,
            person=person,
            person_id=person_id,
            status=status,
            timeline=timeline,
            to_organization_id=to_organization_id,
            type_=type_,
            updated_at=updated_at,
            urgency=urgency,
            version=version,
        )

        referral_read.additional_properties = d
        return referral_read

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
