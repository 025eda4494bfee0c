"""Rows to response bodies: derived fields (active, overdue)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from liushou.clock import today
from liushou.guardianship.models import visit_overdue


def caretaker_body(row: Mapping[str, Any]) -> dict[str, Any]:
    """The phone only ever masked: the clear one comes through the audited reveal."""
    return {name: row[name] for name in CARETAKER_FIELDS}


def assignment_body(row: Mapping[str, Any], on: date | None = None) -> dict[str, Any]:
    day = on or today()
    body = {name: row[name] for name in ASSIGNMENT_FIELDS}
    due = row["next_visit_due"]
    body["active"] = row["ends_on"] is None
    body["overdue"] = body["active"] and visit_overdue(due, day)
    return body


CARETAKER_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "name",
    "phone_masked",
    "kind",
    "organization_id",
    "region_id",
    "user_id",
)
ASSIGNMENT_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "person_id",
    "caretaker_id",
    "role",
    "visit_interval_days",
    "starts_on",
    "ends_on",
    "end_reason",
    "last_visited_on",
    "next_visit_due",
)
