from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.visit_mode import VisitMode
from ..models.visit_need import VisitNeed
from ..models.visit_risk_level import VisitRiskLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitCreate")


@_attrs_define
class VisitCreate:
    """
    Attributes:
        mode (VisitMode):
        person_id (UUID):
        visited_on (datetime.date): Not in the future (Asia/Shanghai)
        caretaker_id (None | Unset | UUID): Who visited; defaults to the caller's own caretaker record
        findings (None | str | Unset):
        needs (list[VisitNeed] | Unset):
        next_visit_due (datetime.date | None | Unset): The visitor's planned next visit; default visited_on plus the
            interval of the person's primary contact
        risk_level (VisitRiskLevel | Unset):
    """

    mode: VisitMode
    person_id: UUID
    visited_on: datetime.date
    caretaker_id: None | Unset | UUID = UNSET
    findings: None | str | Unset = UNSET
    needs: list[VisitNeed] | Unset = UNSET
    next_visit_due: datetime.date | None | Unset = UNSET
    risk_level: VisitRiskLevel | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        person_id = str(self.person_id)

        visited_on = self.visited_on.isoformat()

        caretaker_id: None | str | Unset
        if isinstance(self.caretaker_id, Unset):
            caretaker_id = UNSET
        elif isinstance(self.caretaker_id, UUID):
            caretaker_id = str(self.caretaker_id)
        else:
            caretaker_id = self.caretaker_id

        findings: None | str | Unset
        if isinstance(self.findings, Unset):
            findings = UNSET
        else:
            findings = self.findings

        needs: list[str] | Unset = UNSET
        if not isinstance(self.needs, Unset):
            needs = []
            for needs_item_data in self.needs:
                needs_item = needs_item_data.value
                needs.append(needs_item)

        next_visit_due: None | str | Unset
        if isinstance(self.next_visit_due, Unset):
            next_visit_due = UNSET
        elif isinstance(self.next_visit_due, datetime.date):
            next_visit_due = self.next_visit_due.isoformat()
        else:
            next_visit_due = self.next_visit_due

        risk_level: str | Unset = UNSET
        if not isinstance(self.risk_level, Unset):
            risk_level = self.risk_level.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "mode": mode,
                "person_id": person_id,
                "visited_on": visited_on,
            }
        )
        if caretaker_id is not UNSET:
            field_dict["caretaker_id"] = caretaker_id
        if findings is not UNSET:
            field_dict["findings"] = findings
        if needs is not UNSET:
            field_dict["needs"] = needs
        if next_visit_due is not UNSET:
            field_dict["next_visit_due"] = next_visit_due
        if risk_level is not UNSET:
            field_dict["risk_level"] = risk_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = VisitMode(d.pop("mode"))

        person_id = UUID(d.pop("person_id"))

        visited_on = datetime.date.fromisoformat(d.pop("visited_on"))

        def _parse_caretaker_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                caretaker_id_type_0 = UUID(data)

                return caretaker_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        caretaker_id = _parse_caretaker_id(d.pop("caretaker_id", UNSET))

        def _parse_findings(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        findings = _parse_findings(d.pop("findings", UNSET))

        _needs = d.pop("needs", UNSET)
        needs: list[VisitNeed] | Unset = UNSET
        if _needs is not UNSET:
            needs = []
            for needs_item_data in _needs:
                needs_item = VisitNeed(needs_item_data)

                needs.append(needs_item)

        def _parse_next_visit_due(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_visit_due_type_0 = datetime.date.fromisoformat(data)

                return next_visit_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_visit_due = _parse_next_visit_due(d.pop("next_visit_due", UNSET))

        _risk_level = d.pop("risk_level", UNSET)
        risk_level: VisitRiskLevel | Unset
        if isinstance(_risk_level, Unset):
            risk_level = UNSET
        else:
            risk_level = VisitRiskLevel(_risk_level)

        visit_create = cls(
            mode=mode,
            person_id=person_id,
            visited_on=visited_on,
            caretaker_id=caretaker_id,
            findings=findings,
            needs=needs,
            next_visit_due=next_visit_due,
            risk_level=risk_level,
        )

        return visit_create
