"""Rows to response bodies: derived fields (active, overdue) and the caretaker's phone."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.clock import today
from liushou.registry.identifiers import mask_mobile

# An auditor reads everything masked (CONTRACT §2).
MASKED_READERS = frozenset({Role.auditor})


def caretaker_body(row: Mapping[str, Any], caller: Principal) -> dict[str, Any]:
    phone = row["phone"]
    body = {name: row[name] for name in CARETAKER_FIELDS}
    body["phone"] = None if caller.role in MASKED_READERS else phone
    body["phone_masked"] = mask_mobile(phone) if phone else None
    return body


def assignment_body(row: Mapping[str, Any], on: date | None = None) -> dict[str, Any]:
    day = on or today()
    body = {name: row[name] for name in ASSIGNMENT_FIELDS}
    due = row["next_visit_due"]
    body["active"] = row["ends_on"] is None
    body["overdue"] = body["active"] and due is not None and due < day
    return body


CARETAKER_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "name",
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
