from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.visit_mode import VisitMode
from ..models.visit_need import VisitNeed
from ..models.visit_risk_level import VisitRiskLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="VisitUpdate")


@_attrs_define
class VisitUpdate:
    """
    Attributes:
        findings (None | str | Unset):
        mode (None | Unset | VisitMode):
        needs (list[VisitNeed] | None | Unset):
        next_visit_due (datetime.date | None | Unset):
        risk_level (None | Unset | VisitRiskLevel):
        visited_on (datetime.date | None | Unset):
    """

    findings: None | str | Unset = UNSET
    mode: None | Unset | VisitMode = UNSET
    needs: list[VisitNeed] | None | Unset = UNSET
    next_visit_due: datetime.date | None | Unset = UNSET
    risk_level: None | Unset | VisitRiskLevel = UNSET
    visited_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        findings: None | str | Unset
        if isinstance(self.findings, Unset):
            findings = UNSET
        else:
            findings = self.findings

        mode: None | str | Unset
        if isinstance(self.mode, Unset):
            mode = UNSET
        elif isinstance(self.mode, VisitMode):
            mode = self.mode.value
        else:
            mode = self.mode

        needs: list[str] | None | Unset
        if isinstance(self.needs, Unset):
            needs = UNSET
        elif isinstance(self.needs, list):
            needs = []
            for needs_type_0_item_data in self.needs:
                needs_type_0_item = needs_type_0_item_data.value
                needs.append(needs_type_0_item)

        else:
            needs = self.needs

        next_visit_due: None | str | Unset
        if isinstance(self.next_visit_due, Unset):
            next_visit_due = UNSET
        elif isinstance(self.next_visit_due, datetime.date):
            next_visit_due = self.next_visit_due.isoformat()
        else:
            next_visit_due = self.next_visit_due

        risk_level: None | str | Unset
        if isinstance(self.risk_level, Unset):
            risk_level = UNSET
        elif isinstance(self.risk_level, VisitRiskLevel):
            risk_level = self.risk_level.value
        else:
            risk_level = self.risk_level

        visited_on: None | str | Unset
        if isinstance(self.visited_on, Unset):
            visited_on = UNSET
        elif isinstance(self.visited_on, datetime.date):
            visited_on = self.visited_on.isoformat()
        else:
            visited_on = self.visited_on

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if findings is not UNSET:
            field_dict["findings"] = findings
        if mode is not UNSET:
            field_dict["mode"] = mode
        if needs is not UNSET:
            field_dict["needs"] = needs
        if next_visit_due is not UNSET:
            field_dict["next_visit_due"] = next_visit_due
        if risk_level is not UNSET:
            field_dict["risk_level"] = risk_level
        if visited_on is not UNSET:
            field_dict["visited_on"] = visited_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_findings(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        findings = _parse_findings(d.pop("findings", UNSET))

        def _parse_mode(data: object) -> None | Unset | VisitMode:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mode_type_0 = VisitMode(data)

                return mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitMode, data)

        mode = _parse_mode(d.pop("mode", UNSET))

        def _parse_needs(data: object) -> list[VisitNeed] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                needs_type_0 = []
                _needs_type_0 = data
                for needs_type_0_item_data in _needs_type_0:
                    needs_type_0_item = VisitNeed(needs_type_0_item_data)

                    needs_type_0.append(needs_type_0_item)

                return needs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[VisitNeed] | None | Unset, data)

        needs = _parse_needs(d.pop("needs", UNSET))

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

        def _parse_risk_level(data: object) -> None | Unset | VisitRiskLevel:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                risk_level_type_0 = VisitRiskLevel(data)

                return risk_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VisitRiskLevel, data)

        risk_level = _parse_risk_level(d.pop("risk_level", UNSET))

        def _parse_visited_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                visited_on_type_0 = datetime.date.fromisoformat(data)

                return visited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        visited_on = _parse_visited_on(d.pop("visited_on", UNSET))

        visit_update = cls(
            findings=findings,
            mode=mode,
            needs=needs,
            next_visit_due=next_visit_due,
            risk_level=risk_level,
            visited_on=visited_on,
        )

        return visit_update
