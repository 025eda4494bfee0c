from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.benefit import Benefit
from ..models.elder_health import ElderHealth
from ..models.living_arrangement import LivingArrangement
from ..models.risk_tier import RiskTier
from ..models.self_care import SelfCare
from ..models.support_status import SupportStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ElderProfile")


@_attrs_define
class ElderProfile:
    """
    Attributes:
        living_arrangement (LivingArrangement):
        benefits (list[Benefit] | Unset):
        children_work_location (None | str | Unset):
        health_status (ElderHealth | None | Unset):
        risk_tier (RiskTier | Unset):
        self_care (None | SelfCare | Unset):
        support_status (None | SupportStatus | Unset):
    """

    living_arrangement: LivingArrangement
    benefits: list[Benefit] | Unset = UNSET
    children_work_location: None | str | Unset = UNSET
    health_status: ElderHealth | None | Unset = UNSET
    risk_tier: RiskTier | Unset = UNSET
    self_care: None | SelfCare | Unset = UNSET
    support_status: None | SupportStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        living_arrangement = self.living_arrangement.value

        benefits: list[str] | Unset = UNSET
        if not isinstance(self.benefits, Unset):
            benefits = []
            for benefits_item_data in self.benefits:
                benefits_item = benefits_item_data.value
                benefits.append(benefits_item)

        children_work_location: None | str | Unset
        if isinstance(self.children_work_location, Unset):
            children_work_location = UNSET
        else:
            children_work_location = self.children_work_location

        health_status: None | str | Unset
        if isinstance(self.health_status, Unset):
            health_status = UNSET
        elif isinstance(self.health_status, ElderHealth):
            health_status = self.health_status.value
        else:
            health_status = self.health_status

        risk_tier: str | Unset = UNSET
        if not isinstance(self.risk_tier, Unset):
            risk_tier = self.risk_tier.value

        self_care: None | str | Unset
        if isinstance(self.self_care, Unset):
            self_care = UNSET
        elif isinstance(self.self_care, SelfCare):
            self_care = self.self_care.value
        else:
            self_care = self.self_care

        support_status: None | str | Unset
        if isinstance(self.support_status, Unset):
            support_status = UNSET
        elif isinstance(self.support_status, SupportStatus):
            support_status = self.support_status.value
        else:
            support_status = self.support_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "living_arrangement": living_arrangement,
            }
        )
        if benefits is not UNSET:
            field_dict["benefits"] = benefits
        if children_work_location is not UNSET:
            field_dict["children_work_location"] = children_work_location
        if health_status is not UNSET:
            field_dict["health_status"] = health_status
        if risk_tier is not UNSET:
            field_dict["risk_tier"] = risk_tier
        if self_care is not UNSET:
            field_dict["self_care"] = self_care
        if support_status is not UNSET:
            field_dict["support_status"] = support_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        living_arrangement = LivingArrangement(d.pop("living_arrangement"))

        _benefits = d.pop("benefits", UNSET)
        benefits: list[Benefit] | Unset = UNSET
        if _benefits is not UNSET:
            benefits = []
            for benefits_item_data in _benefits:
                benefits_item = Benefit(benefits_item_data)

                benefits.append(benefits_item)

        def _parse_children_work_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        children_work_location = _parse_children_work_location(d.pop("children_work_location", UNSET))

        def _parse_health_status(data: object) -> ElderHealth | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                health_status_type_0 = ElderHealth(data)

                return health_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ElderHealth | None | Unset, data)

        health_status = _parse_health_status(d.pop("health_status", UNSET))

        _risk_tier = d.pop("risk_tier", UNSET)
        risk_tier: RiskTier | Unset
        if isinstance(_risk_tier, Unset):
            risk_tier = UNSET
        else:
            risk_tier = RiskTier(_risk_tier)

        def _parse_self_care(data: object) -> None | SelfCare | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                self_care_type_0 = SelfCare(data)

                return self_care_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelfCare | Unset, data)

        self_care = _parse_self_care(d.pop("self_care", UNSET))

        def _parse_support_status(data: object) -> None | SupportStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                support_status_type_0 = SupportStatus(data)

                return support_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SupportStatus | Unset, data)

        support_status = _parse_support_status(d.pop("support_status", UNSET))

        elder_profile = cls(
            living_arrangement=living_arrangement,
            benefits=benefits,
            children_work_location=children_work_location,
            health_status=health_status,
            risk_tier=risk_tier,
            self_care=self_care,
            support_status=support_status,
        )

        return elder_profile
