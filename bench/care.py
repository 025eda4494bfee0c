"""Synthetic care data for the benchmark: caretakers, primary contacts and visits.

Rows as guardianship's services would leave them (bench/seed.py inserts them in bulk):

* two caretakers per village (a village cadre and a child director, 儿童主任);
* a primary-contact assignment (one of its village's caretakers) for most persons on the
  register; ``UNASSIGNED_SHARE`` have none (``no_primary_contact``). Some assigned persons
  also have an earlier, ended primary contact; some exited persons keep the assignment
  they had (the service does not end it on exit), so the "on the register" rule matters;
* ``VISITS_PER_PERSON`` visits per seeded person (300,000 for 100,000 persons), spread over
  the assigned persons, each ≤ today. The assignment's ``last_visited_on`` and
  ``next_visit_due`` are what ``guardianship.assignments.refresh_due`` computes (latest visit,
  or the start when there was none, plus the interval, with the service's default
  intervals); about ``OVERDUE_SHARE`` of them lie in the past (``overdue_visit``).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from people import GIVEN, SURNAMES

from liushou.clock import today
from liushou.config import Settings
from liushou.guardianship.assignments import default_interval
from liushou.registry import identifiers as ids
from liushou.registry.enums import GuardianshipType, PersonCategory, RiskTier
from liushou.registry.person_values import PersonalData

CARETAKER_KINDS = ("village_cadre", "child_director")
UNASSIGNED_SHARE = 0.1
OVERDUE_SHARE = 0.15
NEVER_VISITED_SHARE = 0.05
HANDED_OVER_SHARE = 0.05  # an earlier primary contact, ended
EXITED_KEEP_ASSIGNMENT_SHARE = 0.5
VISITS_PER_PERSON = 3
MODES = ("home", "home", "home", "phone", "school")
RISKS = ("normal",) * 8 + ("attention", "urgent")
NEEDS = ("study", "health", "safety", "psychological", "economic", "daily_care")


@dataclass(frozen=True)
class Seeded:
    """What the care rows need to know about a seeded person."""

    id: uuid.UUID
    village_id: uuid.UUID
    category: str
    guardianship_type: str | None
    risk_tier: str | None
    on_register: bool
    left_behind_since: date


def seeded(row: dict[str, Any]) -> Seeded:
    return Seeded(
        id=row["id"],
        village_id=row["region_id"],
        category=row["category"],
        guardianship_type=row["guardianship_type"],
        risk_tier=row["risk_tier"],
        on_register=row["status"] == "active"
        and (row["counts_until"] is None or row["counts_until"] > today()),
        left_behind_since=row["left_behind_since"],
    )


def _instant(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(1 + rng.randint(0, 9), rng.randint(0, 59)), UTC)


class Care:
    def __init__(self, seed: int, settings: Settings | None = None) -> None:
        self.rng = random.Random(seed)
        self.settings = settings or Settings.model_construct()  # the default intervals
        self.today = today()

    def caretakers(self, villages: list[Any], pii: PersonalData) -> list[dict[str, Any]]:
        """Two per village (``villages``: objects with id and path); phones encrypted and
        masked as the service stores them (guardianship.caretakers)."""
        rng = self.rng
        rows = []
        for village in villages:
            for kind in CARETAKER_KINDS:
                at = _instant(self.today - timedelta(days=rng.randint(400, 900)), rng)
                caretaker_id = uuid.uuid4()
                phone = f"13{rng.randint(0, 999_999_999):09d}"
                rows.append(
                    {
                        "id": caretaker_id,
                        "created_at": at,
                        "updated_at": at,
                        "version": 1,
                        "deleted_at": None,
                        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                        "phone_cipher": pii.seal_in("caretaker", caretaker_id, "phone", phone),
                        "phone_masked": ids.mask_mobile(phone),
                        "kind": kind,
                        "organization_id": None,
                        "region_id": village.id,
                        "region_path": village.path,
                        "user_id": None,
                    }
                )
        return rows

    def interval(self, person: Seeded) -> int:
        return default_interval(
            self.settings,
            SimpleNamespace(  # type: ignore[arg-type]
                category=PersonCategory(person.category),
                guardianship_type=GuardianshipType(person.guardianship_type)
                if person.guardianship_type
                else None,
                risk_tier=RiskTier(person.risk_tier) if person.risk_tier else None,
            ),
        )

    def plan(self, persons: list[Seeded], visits: int) -> list[tuple[Seeded, int]]:
        """The persons that get a primary contact (the rest stay unassigned), each with its
        number of visits: ``visits`` in all, none for a few (a new assignment)."""
        rng = self.rng
        chosen = []
        for person in persons:
            if person.on_register:
                if rng.random() >= UNASSIGNED_SHARE:
                    chosen.append(person)
            elif rng.random() < EXITED_KEEP_ASSIGNMENT_SHARE:
                chosen.append(person)
        visited = [rng.random() >= NEVER_VISITED_SHARE for _ in chosen]
        base, extra = divmod(visits, max(sum(visited), 1))
        plan, n = [], 0
        for person, was_visited in zip(chosen, visited, strict=True):
            count = 0
            if was_visited:
                count = base + (n < extra)
                n += 1
            plan.append((person, count))
        return plan

    def assignments_and_visits(
        self,
        person: Seeded,
        caretakers: list[uuid.UUID],
        visits: int,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The person's primary contact (and an ended earlier one, sometimes) and
        ``visits`` visits (none for a few: a new assignment)."""
        rng, now = self.rng, self.today
        interval = self.interval(person)
        since = person.left_behind_since
        overdue = rng.random() < OVERDUE_SHARE
        if overdue:
            last = now - timedelta(days=interval + rng.randint(1, 45))
        else:
            last = now - timedelta(days=rng.randint(0, interval - 1))
        last = max(last, since)
        starts_on = max(since, last - timedelta(days=rng.randint(interval, 4 * interval)))
        if not visits:
            starts_on = last  # never visited: the start is the basis of the due date
        caretaker = rng.choice(caretakers)
        dates = []
        if visits:
            span = (last - starts_on).days
            dates = sorted(
                starts_on + timedelta(days=rng.randint(0, span)) for _ in range(visits - 1)
            )
            dates.append(last)
        latest = dates[-1] if dates else None
        basis = latest if latest is not None else starts_on
        at = _instant(starts_on, rng)
        current = {
            "id": uuid.uuid4(),
            "created_at": at,
            "updated_at": _instant(latest, rng) if latest else at,
            "version": 1,
            "deleted_at": None,
            "person_id": person.id,
            "caretaker_id": caretaker,
            "role": "primary_contact",
            "visit_interval_days": interval,
            "starts_on": starts_on,
            "ends_on": None,
            "end_reason": None,
            "last_visited_on": latest,
            "next_visit_due": basis + timedelta(days=interval),
        }
        assignments = [current]
        if starts_on > since and rng.random() < HANDED_OVER_SHARE:
            earlier = since + timedelta(days=rng.randint(0, (starts_on - since).days))
            assignments.append(
                {
                    **current,
                    "id": uuid.uuid4(),
                    "created_at": _instant(earlier, rng),
                    "updated_at": at,
                    "version": 2,
                    "caretaker_id": rng.choice(caretakers),
                    "starts_on": earlier,
                    "ends_on": starts_on,
                    "end_reason": "handover",
                    "last_visited_on": None,
                    "next_visit_due": None,
                }
            )
        rows = [
            {
                "id": uuid.uuid4(),
                "created_at": _instant(day, rng),
                "updated_at": _instant(day, rng),
                "version": 1,
                "deleted_at": None,
                "person_id": person.id,
                "caretaker_id": caretaker,
                "visited_on": day,
                "mode": rng.choice(MODES),
                "findings": None,
                "needs": sorted(rng.sample(NEEDS, rng.randint(0, 2))),
                "risk_level": rng.choice(RISKS),
                "next_visit_due": day + timedelta(days=interval),
            }
            for day in dates
        ]
        return assignments, rows
