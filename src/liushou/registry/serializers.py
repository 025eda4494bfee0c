"""Rows to response bodies: masked values only, effective status, age and alerts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.engine import RowMapping

from liushou.clock import today
from liushou.registry import identifiers as ids
from liushou.registry.enums import ExitReason, GuardianshipType, PersonStatus
from liushou.registry.register import still_counts
from liushou.registry.schemas import PROFILE_FIELD


def person_body(row: Mapping[str, Any], *, on: date | None = None) -> dict[str, Any]:
    """The PersonRead shape of a person row (or of a version snapshot merged with ids)."""
    day = on or today()
    category = str(row["category"])
    status, exited_on, exit_reason = _effective_status(row, day)
    guardianship = row.get("guardianship_type")
    body = {
        "id": row["id"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "version": row["version"],
        "category": category,
        "name": row["name"],
        "region_id": row["region_id"],
        "sex": str(row["sex"]),
        "birth_date": row["birth_date"],
        "age": ids.age_on(_as_date(row["birth_date"]), day),
        "id_number_masked": row["id_number_masked"],
        "phone_masked": row["phone_masked"],
        "address": row["address"],
        "status": status,
        "left_behind_since": row["left_behind_since"],
        "exited_on": exited_on,
        "exit_reason": exit_reason,
        "alerts": alerts(
            guardianship,
            status,
            overdue=bool(row.get("care_overdue")),
            unassigned=bool(row.get("care_unassigned")),
        ),
        "child_profile": None,
        "woman_profile": None,
        "elder_profile": None,
    }
    body[PROFILE_FIELD[category]] = row["profile"]  # type: ignore[index]
    return body


def as_of_body(row: RowMapping | Mapping[str, Any], day: date) -> dict[str, Any]:
    """The PersonRead shape of a row of ``repository.list_persons_as_of``: the list and the
    exports both answer an ``as_of`` query with it (see docs/privacy.md, "As-of bodies").

    The query returns only persons on the register on ``day``, so each is active that day,
    whatever the status in its snapshot: the version in force on ``day`` may record an exit
    that a later reactivation, with a start on or before ``day``, has since undone.
    """
    return person_body(
        {
            **row["snapshot"],
            "status": PersonStatus.active.value,
            "exited_on": None,
            "exit_reason": None,
            "id": row["id"],
            "version": row["version"],
            "created_at": row["created_at"],
            "updated_at": row["at"],
            "counts_until": row["counts_until"],
        },
        on=day,
    )


def _effective_status(row: Mapping[str, Any], day: date) -> tuple[str, Any, Any]:
    """A child past its 16th birthday has left the register even before the sweep ran."""
    status = str(row["status"])
    counts_until = row.get("counts_until")
    ended = counts_until is not None and not still_counts(_as_date(counts_until), day)
    if status == PersonStatus.active and ended:
        return PersonStatus.exited.value, counts_until, ExitReason.aged_out.value
    return status, row["exited_on"], row["exit_reason"]


def alerts(
    guardianship_type: Any, status: str, *, overdue: bool = False, unassigned: bool = False
) -> list[str]:
    """The alerts of a person on the register (none once it has left). ``overdue`` and
    ``unassigned`` are the care conditions the database computed as of today
    (registry.repository: ``care_overdue``, ``care_unassigned``)."""
    if status != PersonStatus.active:
        return []
    codes = []
    if str(guardianship_type) == GuardianshipType.none:
        codes.append("unattended_child")
    if overdue:
        codes.append("overdue_visit")
    if unassigned:
        codes.append("no_primary_contact")
    return codes


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
