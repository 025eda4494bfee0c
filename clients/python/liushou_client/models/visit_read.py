from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.visit_mode import VisitMode
from ..models.visit_need import VisitNeed
from ..models.visit_risk_level import VisitRiskLevel

T = TypeVar("T", bound="VisitRead")


@_attrs_define
class VisitRead:
    """
    Attributes:
        caretaker_id (UUID):
        created_at (datetime.datetime):
        findings (None | str):
        id (UUID):
        mode (VisitMode):
        needs (list[VisitNeed]):
        next_visit_due (datetime.date):
        person_id (UUID):
        risk_level (VisitRiskLevel):
        updated_at (datetime.datetime):
        version (int):
        visited_on (datetime.date):
    """

    caretaker_id: UUID
    created_at: datetime.datetime
    findings: None | str
    id: UUID
    mode: VisitMode
    needs: list[VisitNeed]
    next_visit_due: datetime.date
    person_id: UUID
    risk_level: VisitRiskLevel
    updated_at: datetime.datetime
    version: int
    visited_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        caretaker_id = str(self.caretaker_id)

        created_at = self.created_at.isoformat()

        findings: None | str
        findings = self.findings

        id = str(self.id)

        mode = self.mode.value

        needs = []
        for needs_item_data in self.needs:
            needs_item = needs_item_data.value
            needs.append(needs_item)

        next_visit_due = self.next_visit_due.isoformat()

        person_id = str(self.person_id)

        risk_level = self.risk_level.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        visited_on = self.visited_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "caretaker_id": caretaker_id,
                "created_at": created_at,
                "findings": findings,
                "id": id,
                "mode": mode,
                "needs": needs,
                "next_visit_due": next_visit_due,
                "person_id": person_id,
                "risk_level": risk_level,
                "updated_at": updated_at,
                "version": version,
                "visited_on": visited_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caretaker_id = UUID(d.pop("caretaker_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_findings(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        findings = _parse_findings(d.pop("findings"))

        id = UUID(d.pop("id"))

        mode = VisitMode(d.pop("mode"))

        needs = []
        _needs = d.pop("needs")
        for needs_item_data in _needs:
            needs_item = VisitNeed(needs_item_data)

            needs.append(needs_item)

        next_visit_due = datetime.date.fromisoformat(d.pop("next_visit_due"))

        person_id = UUID(d.pop("person_id"))

        risk_level = VisitRiskLevel(d.pop("risk_level"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        visit_read = cls(
            caretaker_id=caretaker_id,
            created_at=created_at,
            findings=findings,
            id=id,
            mode=mode,
            needs=needs,
            next_visit_due=next_visit_due,
            person_id=person_id,
            risk_level=risk_level,
            updated_at=updated_at,
            version=version,
            visited_on=visited_on,
        )

        visit_read.additional_properties = d
        return visit_read

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
