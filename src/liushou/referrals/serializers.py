"""Rows to response bodies: the person's minimum form and the derived ``overdue``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from liushou.clock import today
from liushou.referrals.models import PENDING_STATUSES, Referral, ReferralTransition
from liushou.regions.models import Region
from liushou.registry import identifiers as ids
from liushou.registry.models import Person

REFERRAL_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "person_id",
    "to_organization_id",
    "network",
    "type",
    "need",
    "urgency",
    "legal_basis",
    "status",
    "due_on",
    "justification",
    "created_by",
)
TIMELINE_FIELDS = ("from_status", "to_status", "at", "by", "note")
# The one shape of a person any referral reader gets; tests assert exactly these keys.
PERSON_MIN_FIELDS = ("id", "name", "sex", "age", "village", "phone_masked")


def is_overdue(status: Any, due_on: date, day: date) -> bool:
    """The same rule as repository.overdue_condition, for a row already loaded."""
    return str(status) in {s.value for s in PENDING_STATUSES} and due_on < day


def referral_body(row: Mapping[str, Any], on: date | None = None) -> dict[str, Any]:
    """The ReferralRead shape of a row of repository.get_referral / list_referrals."""
    day = on or today()
    body = {name: row[name] for name in REFERRAL_FIELDS}
    body["person"] = {
        "id": row["person_id"],
        "name": row["person_name"],
        "sex": str(row["person_sex"]),
        "age": ids.age_on(row["person_birth_date"], day),
        "village": {"id": row["person_village_id"], "name": row["person_village_name"]},
        "phone_masked": row["person_phone_masked"],
    }
    body["overdue"] = is_overdue(row["status"], row["due_on"], day)
    body["timeline"] = [{k: step[k] for k in TIMELINE_FIELDS} for step in row["timeline"]]
    return body


def row_of(
    referral: Referral,
    person: Person,
    village: Region | None,
    steps: Sequence[ReferralTransition],
) -> dict[str, Any]:
    """The row a read would give, from the objects of a write's unit of work."""
    return {
        **referral.model_dump(),
        "person_name": person.name,
        "person_sex": person.sex,
        "person_birth_date": person.birth_date,
        "person_phone_masked": person.phone_masked,
        "person_village_id": person.region_id,
        "person_village_name": village.name if village is not None else "",
        "timeline": [step.model_dump() for step in steps],
    }
