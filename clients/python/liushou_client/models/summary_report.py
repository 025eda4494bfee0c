from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.activity_figures import ActivityFigures
    from ..models.care_figures import CareFigures
    from ..models.distribution_figures import DistributionFigures
    from ..models.legal_figures import LegalFigures
    from ..models.registry_figures import RegistryFigures
    from ..models.service_figures import ServiceFigures
    from ..models.wish_figures import WishFigures


T = TypeVar("T", bound="SummaryReport")


@_attrs_define
class SummaryReport:
    """
    Attributes:
        activities (list[ActivityFigures]):
        care (CareFigures):
        distributions (list[DistributionFigures]):
        from_ (datetime.date): First day of the period (included)
        legal (LegalFigures):
        region_id (UUID):
        registry (RegistryFigures):
        services (list[ServiceFigures]): Every service type with at least one record in the period, by code
        to (datetime.date): Last day of the period (included)
        wishes (WishFigures):
    """

    activities: list[ActivityFigures]
    care: CareFigures
    distributions: list[DistributionFigures]
    from_: datetime.date
    legal: LegalFigures
    region_id: UUID
    registry: RegistryFigures
    services: list[ServiceFigures]
    to: datetime.date
    wishes: WishFigures
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)

        care = self.care.to_dict()

        distributions = []
        for distributions_item_data in self.distributions:
            distributions_item = distributions_item_data.to_dict()
            distributions.append(distributions_item)

        from_ = self.from_.isoformat()

        legal = self.legal.to_dict()

        region_id = str(self.region_id)

        registry = self.registry.to_dict()

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        to = self.to.isoformat()

        wishes = self.wishes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activities": activities,
                "care": care,
                "distributions": distributions,
                "from": from_,
                "legal": legal,
                "region_id": region_id,
                "registry": registry,
                "services": services,
                "to": to,
                "wishes": wishes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity_figures import ActivityFigures  # noqa: PLC0415
        from ..models.care_figures import CareFigures  # noqa: PLC0415
        from ..models.distribution_figures import DistributionFigures  # noqa: PLC0415
        from ..models.legal_figures import LegalFigures  # noqa: PLC0415
        from ..models.registry_figures import RegistryFigures  # noqa: PLC0415
        from ..models.service_figures import ServiceFigures  # noqa: PLC0415
        from ..models.wish_figures import WishFigures  # noqa: PLC0415

        d = dict(src_dict)
        activities = []
        _activities = d.pop("activities")
        for activities_item_data in _activities:
            activities_item = ActivityFigures.from_dict(activities_item_data)

            activities.append(activities_item)

        care = CareFigures.from_dict(d.pop("care"))

        distributions = []
        _distributions = d.pop("distributions")
        for distributions_item_data in _distributions:
            distributions_item = DistributionFigures.from_dict(distributions_item_data)

            distributions.append(distributions_item)

        from_ = datetime.date.fromisoformat(d.pop("from"))

        legal = LegalFigures.from_dict(d.pop("legal"))

        region_id = UUID(d.pop("region_id"))

        registry = RegistryFigures.from_dict(d.pop("registry"))

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = ServiceFigures.from_dict(services_item_data)

            services.append(services_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        wishes = WishFigures.from_dict(d.pop("wishes"))

        summary_report = cls(
            activities=activities,
            care=care,
            distributions=distributions,
            from_=from_,
            legal=legal,
            region_id=region_id,
            registry=registry,
            services=services,
            to=to,
            wishes=wishes,
        )

        summary_report.additional_properties = d
        return summary_report

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
