from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.caretaker_coverage import CaretakerCoverage
    from ..models.coverage_by_category import CoverageByCategory
    from ..models.coverage_counts import CoverageCounts
    from ..models.village_coverage import VillageCoverage


T = TypeVar("T", bound="CoverageReport")


@_attrs_define
class CoverageReport:
    """
    Attributes:
        as_of (datetime.date): Today in Asia/Shanghai: the day the figures hold for
        by_category (CoverageByCategory):
        caretakers (list[CaretakerCoverage]): Caretakers of the region (those with no caseload too) and caretakers from
            elsewhere with a caseload in it, by name; empty for callers without `care:read` (partners and legal advisors get
            aggregated counts only)
        region_id (UUID):
        totals (CoverageCounts): Persons on the register and how their care stands, as of the report's day.
        villages (list[VillageCoverage]): Every village (村/社区) in the region, by code, also those with no person
    """

    as_of: datetime.date
    by_category: CoverageByCategory
    caretakers: list[CaretakerCoverage]
    region_id: UUID
    totals: CoverageCounts
    villages: list[VillageCoverage]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        by_category = self.by_category.to_dict()

        caretakers = []
        for caretakers_item_data in self.caretakers:
            caretakers_item = caretakers_item_data.to_dict()
            caretakers.append(caretakers_item)

        region_id = str(self.region_id)

        totals = self.totals.to_dict()

        villages = []
        for villages_item_data in self.villages:
            villages_item = villages_item_data.to_dict()
            villages.append(villages_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "by_category": by_category,
                "caretakers": caretakers,
                "region_id": region_id,
                "totals": totals,
                "villages": villages,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.caretaker_coverage import CaretakerCoverage  # noqa: PLC0415
        from ..models.coverage_by_category import CoverageByCategory  # noqa: PLC0415
        from ..models.coverage_counts import CoverageCounts  # noqa: PLC0415
        from ..models.village_coverage import VillageCoverage  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        by_category = CoverageByCategory.from_dict(d.pop("by_category"))

        caretakers = []
        _caretakers = d.pop("caretakers")
        for caretakers_item_data in _caretakers:
            caretakers_item = CaretakerCoverage.from_dict(caretakers_item_data)

            caretakers.append(caretakers_item)

        region_id = UUID(d.pop("region_id"))

        totals = CoverageCounts.from_dict(d.pop("totals"))

        villages = []
        _villages = d.pop("villages")
        for villages_item_data in _villages:
            villages_item = VillageCoverage.from_dict(villages_item_data)

            villages.append(villages_item)

        coverage_report = cls(
            as_of=as_of,
            by_category=by_category,
            caretakers=caretakers,
            region_id=region_id,
            totals=totals,
            villages=villages,
        )

        coverage_report.additional_properties = d
        return coverage_report

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
