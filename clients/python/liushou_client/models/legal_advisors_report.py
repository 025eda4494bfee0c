from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.advisor_compliance import AdvisorCompliance
    from ..models.expiring_contract import ExpiringContract
    from ..models.village_compliance import VillageCompliance
    from ..models.village_ref import VillageRef


T = TypeVar("T", bound="LegalAdvisorsReport")


@_attrs_define
class LegalAdvisorsReport:
    """
    Attributes:
        advisors (list[AdvisorCompliance]):
        expiring (list[ExpiringContract]): Contracts covering a village of the region today (Asia/Shanghai) whose last
            covered day is within 30 days
        from_ (datetime.date): First day of the period (included)
        region_id (UUID):
        to (datetime.date): Last day of the period (included)
        villages (list[VillageCompliance]): One entry per village of the region and advisor whose contract covered it
            during the period (a village that changed advisor appears once per advisor)
        without_advisor (list[VillageRef]): Villages of the region with no contract covering `to`
    """

    advisors: list[AdvisorCompliance]
    expiring: list[ExpiringContract]
    from_: datetime.date
    region_id: UUID
    to: datetime.date
    villages: list[VillageCompliance]
    without_advisor: list[VillageRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        advisors = []
        for advisors_item_data in self.advisors:
            advisors_item = advisors_item_data.to_dict()
            advisors.append(advisors_item)

        expiring = []
        for expiring_item_data in self.expiring:
            expiring_item = expiring_item_data.to_dict()
            expiring.append(expiring_item)

        from_ = self.from_.isoformat()

        region_id = str(self.region_id)

        to = self.to.isoformat()

        villages = []
        for villages_item_data in self.villages:
            villages_item = villages_item_data.to_dict()
            villages.append(villages_item)

        without_advisor = []
        for without_advisor_item_data in self.without_advisor:
            without_advisor_item = without_advisor_item_data.to_dict()
            without_advisor.append(without_advisor_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisors": advisors,
                "expiring": expiring,
                "from": from_,
                "region_id": region_id,
                "to": to,
                "villages": villages,
                "without_advisor": without_advisor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.advisor_compliance import AdvisorCompliance  # noqa: PLC0415
        from ..models.expiring_contract import ExpiringContract  # noqa: PLC0415
        from ..models.village_compliance import VillageCompliance  # noqa: PLC0415
        from ..models.village_ref import VillageRef  # noqa: PLC0415

        d = dict(src_dict)
        advisors = []
        _advisors = d.pop("advisors")
        for advisors_item_data in _advisors:
            advisors_item = AdvisorCompliance.from_dict(advisors_item_data)

            advisors.append(advisors_item)

        expiring = []
        _expiring = d.pop("expiring")
        for expiring_item_data in _expiring:
            expiring_item = ExpiringContract.from_dict(expiring_item_data)

            expiring.append(expiring_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        region_id = UUID(d.pop("region_id"))

        to = datetime.date.fromisoformat(d.pop("to"))

        villages = []
        _villages = d.pop("villages")
        for villages_item_data in _villages:
            villages_item = VillageCompliance.from_dict(villages_item_data)

            villages.append(villages_item)

        without_advisor = []
        _without_advisor = d.pop("without_advisor")
        for without_advisor_item_data in _without_advisor:
            without_advisor_item = VillageRef.from_dict(without_advisor_item_data)

            without_advisor.append(without_advisor_item)

        legal_advisors_report = cls(
            advisors=advisors,
            expiring=expiring,
            from_=from_,
            region_id=region_id,
            to=to,
            villages=villages,
            without_advisor=without_advisor,
        )

        legal_advisors_report.additional_properties = d
        return legal_advisors_report

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
