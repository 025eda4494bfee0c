from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..models.network import Network
from ..models.referral_type import ReferralType
from ..models.urgency import Urgency
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralCreate")


@_attrs_define
class ReferralCreate:
    """
    Attributes:
        legal_basis (LegalBasis): Why the person's data may go to the organization (PIPL art. 13, 23, 31).
        need (str): What the person needs from the organization
        person_id (UUID):
        to_organization_id (UUID):
        type_ (ReferralType):
        due_on (datetime.date | None | Unset): Not in the past; default today plus 14 days (urgent: 1 day), configurable
        justification (None | str | Unset): Required with statutory_duty and emergency
        network (Network | None | Unset): One of the target organization's networks (when it declares any)
        urgency (Urgency | Unset):
    """

    legal_basis: LegalBasis
    need: str
    person_id: UUID
    to_organization_id: UUID
    type_: ReferralType
    due_on: datetime.date | None | Unset = UNSET
    justification: None | str | Unset = UNSET
    network: Network | None | Unset = UNSET
    urgency: Urgency | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        legal_basis = self.legal_basis.value

        need = self.need

        person_id = str(self.person_id)

        to_organization_id = str(self.to_organization_id)

        type_ = self.type_.value

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        justification: None | str | Unset
        if isinstance(self.justification, Unset):
            justification = UNSET
        else:
            justification = self.justification

        network: None | str | Unset
        if isinstance(self.network, Unset):
            network = UNSET
        elif isinstance(self.network, Network):
            network = self.network.value
        else:
            network = self.network

        urgency: str | Unset = UNSET
        if not isinstance(self.urgency, Unset):
            urgency = self.urgency.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "legal_basis": legal_basis,
                "need": need,
                "person_id": person_id,
                "to_organization_id": to_organization_id,
                "type": type_,
            }
        )
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if justification is not UNSET:
            field_dict["justification"] = justification
        if network is not UNSET:
            field_dict["network"] = network
        if urgency is not UNSET:
            field_dict["urgency"] = urgency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        legal_basis = LegalBasis(d.pop("legal_basis"))

        need = d.pop("need")

        person_id = UUID(d.pop("person_id"))

        to_organization_id = UUID(d.pop("to_organization_id"))

        type_ = ReferralType(d.pop("type"))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        def _parse_justification(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        justification = _parse_justification(d.pop("justification", UNSET))

        def _parse_network(data: object) -> Network | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                network_type_0 = Network(data)

                return network_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Network | None | Unset, data)

        network = _parse_network(d.pop("network", UNSET))

        _urgency = d.pop("urgency", UNSET)
        urgency: Urgency | Unset
        if isinstance(_urgency, Unset):
            urgency = UNSET
        else:
            urgency = Urgency(_urgency)

        referral_create = cls(
            legal_basis=legal_basis,
            need=need,
            person_id=person_id,
            to_organization_id=to_organization_id,
            type_=type_,
            due_on=due_on,
            justification=justification,
            network=network,
            urgency=urgency,
        )

        return referral_create
