"""The rows of the demo services programme (demo/services.py), each planned keeping the
rules the API checks (services/rules.py), and their writing: what exists is skipped, the rest
is added through the models with one audit event per row, as the API writes them.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from liushou import clock
from liushou.audit.models import audit_t
from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.demo import regions_data as data
from liushou.regions.models import Region
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory
from liushou.registry.models import Person
from liushou.registry.person_values import PersonalData
from liushou.services import models as svc
from liushou.services import rules
from liushou.services.enums import DistributionItem

NAMESPACE = uuid.UUID("9d4f2b61-7c3e-4a85-b1d6-5e8a0c2f7b93")
CREATED_BY = "seed-demo"
DAYS = 365  # the twelve months up to today, today included

Row = svc.Activity | svc.Wish | svc.ServiceRecord | svc.Distribution | svc.WishTransition


@dataclass
class ServicesReport:
    activities_created: int = 0
    records_created: int = 0
    wishes_created: int = 0
    distributions_created: int = 0
    leaflets: int = 0  # publicity_leaflet handed out by the created distributions
    bags: int = 0


@dataclass
class Plan:
    activities: list[tuple[svc.Activity, list[svc.ServiceRecord]]] = field(default_factory=list)
    wishes: list[tuple[svc.Wish, list[svc.WishTransition], list[svc.ServiceRecord]]] = field(
        default_factory=list
    )
    records: list[svc.ServiceRecord] = field(default_factory=list)
    distributions: list[svc.Distribution] = field(default_factory=list)


def row_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "demo-services/" + "/".join(str(p) for p in parts))


def existing(session: Session, model: type[Any], wanted: list[uuid.UUID]) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    for n in range(0, len(wanted), 500):
        found.update(session.exec(select(model.id).where(col(model.id).in_(wanted[n : n + 500]))))
    return found


def write_plan(session: Session, plan: Plan) -> ServicesReport:
    report = ServicesReport()
    activities = existing(session, svc.Activity, [a.id for a, _ in plan.activities])
    wishes = existing(session, svc.Wish, [w.id for w, _, _ in plan.wishes])
    records = existing(session, svc.ServiceRecord, [r.id for r in plan.records])
    distributions = existing(session, svc.Distribution, [d.id for d in plan.distributions])
    heads: list[Row] = []
    rows: list[Row] = []
    for activity, attendance in plan.activities:
        if activity.id not in activities:
            heads.append(activity)
            rows.extend(attendance)
            report.activities_created += 1
            report.records_created += len(attendance)
    for wish, steps, fulfilment in plan.wishes:
        if wish.id not in wishes:
            heads.append(wish)
            rows.extend([*steps, *fulfilment])
            report.wishes_created += 1
            report.records_created += len(fulfilment)
    for record in plan.records:
        if record.id not in records:
            rows.append(record)
            report.records_created += 1
    for distribution in plan.distributions:
        # A distribution of an activity goes with it: its activity is written first.
        if distribution.id not in distributions and (
            distribution.activity_id is None or distribution.activity_id not in activities
        ):
            rows.append(distribution)
            report.distributions_created += 1
            if distribution.item == DistributionItem.publicity_leaflet:
                report.leaflets += distribution.quantity
            elif distribution.item == DistributionItem.publicity_bag:
                report.bags += distribution.quantity
    # Activities and wishes first: the records, steps and distributions refer to them.
    session.add_all(heads)
    session.flush()
    session.add_all(rows)
    session.flush()
    audit_created(session, [*heads, *(r for r in rows if not isinstance(r, svc.WishTransition))])
    return report


def audit_created(session: Session, rows: Sequence[Any]) -> None:
    """One ``<table>.create`` event per row written, as the API writes (audit_write), in
    one INSERT: a record of an activity's attendance has its own, naming its person (the
    demo's legal rows too, demo/legal.py)."""
    if not rows:
        return
    at = clock.now()
    events = []
    for row in rows:
        kind = str(row.__tablename__)
        person_id = getattr(row, "person_id", None)
        events.append(
            {
                "id": uuid.uuid4(),
                "at": at,
                "actor_kind": CLI_PRINCIPAL.kind,
                "actor_id": CLI_PRINCIPAL.id,
                "actor_name": CLI_PRINCIPAL.name,
                "action": f"{kind}.create",
                "resource_type": kind,
                "resource_id": str(row.id),
                "outcome": "success",
                "request_id": None,
                "changed_fields": None,
                "detail": {"person_id": str(person_id)} if person_id else None,
            }
        )
    session.execute(sa.insert(audit_t), events)


def between(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


class RowBuilder:
    """Plans rows of the year; every row it plans keeps the rules (checked as it is planned)."""

    def __init__(
        self,
        regions: Mapping[str, Region],
        types: Mapping[str, svc.ServiceType],
        orgs: Mapping[str, uuid.UUID],
        persons: Sequence[Person],
        pii: PersonalData,
        seed: int,
    ) -> None:
        self.rng = random.Random(seed)
        self.on = clock.today()
        self.start = self.on - timedelta(days=DAYS - 1)
        self.township = regions[data.HUANGTUN_CODE]
        villages = data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE]
        self.villages = [regions[v.code] for v in villages if v.code in regions]
        self.communities = [
            regions[v.code] for v in villages if v.kind == data.KIND_COMMUNITY and v.code in regions
        ]
        self.types = types
        self.orgs = orgs
        self.pii = pii
        inside = {r.id for r in self.villages}
        self.persons = [p for p in persons if p.region_id in inside and self.window(p)]
        self.by_category = {c: [p for p in self.persons if p.category == c] for c in PersonCategory}
        self.plan = Plan()

    # -- rules -------------------------------------------------------------------------

    def window(self, person: Person) -> tuple[date, date] | None:
        """The days of the year the person was on the register (none: not at all)."""
        lo = max(self.start, person.left_behind_since)
        hi = self.on
        if person.exited_on is not None:
            hi = min(hi, person.exited_on - timedelta(days=1))
        if person.counts_until is not None:
            hi = min(hi, person.counts_until - timedelta(days=1))
        return (lo, hi) if lo <= hi else None

    def day_for(self, person: Person, lo: date | None = None, hi: date | None = None) -> date:
        window = self.window(person)
        assert window is not None
        return between(self.rng, max(window[0], lo or window[0]), min(window[1], hi or window[1]))

    def present(
        self,
        category: PersonCategory,
        day: date,
        region: Region | None = None,
        ages: tuple[int, int] | None = None,
    ) -> list[Person]:
        """The persons of ``category`` on the register on ``day`` inside ``region``."""
        return [
            p
            for p in self.by_category[category]
            if rules.on_register_on(p, day)
            and (region is None or region.id in (self.township.id, p.region_id))
            and (ages is None or ages[0] <= ids.age_on(p.birth_date, day) <= ages[1])
        ]

    def record(
        self,
        key: tuple[object, ...],
        person: Person,
        code: str,
        day: date,
        *,
        provider: str | None = None,
        activity: svc.Activity | None = None,
        wish_id: uuid.UUID | None = None,
        outcome: str | None = None,
    ) -> svc.ServiceRecord:
        service_type = self.types[code]
        if not (
            rules.serves(service_type, person)
            and rules.on_register_on(person, day)
            and self.start <= day <= self.on
        ):
            raise ValueError(f"demo plan breaks a service rule: {code} {person.id} {day}")
        return svc.ServiceRecord(
            id=row_id("record", *key),
            person_id=person.id,
            service_type=code,
            delivered_on=day,
            provider_organization_id=self.orgs.get(provider) if provider else None,
            activity_id=activity.id if activity else None,
            wish_id=wish_id,
            outcome=outcome,
            created_by=CREATED_BY,
        )

    def single(
        self, key: tuple[object, ...], person: Person, code: str, day: date, **kw: Any
    ) -> None:
        self.plan.records.append(self.record((code, *key), person, code, day, **kw))

    def activity(
        self,
        key: str,
        code: str,
        title: str,
        region: Region,
        day: date,
        attendees: Sequence[Person],
        anonymous: int,
        provider: str | None = None,
        location: str | None = None,
    ) -> svc.Activity:
        activity = svc.Activity(
            id=row_id("activity", key),
            title=title,
            service_type=code,
            region_id=region.id,
            region_path=region.path,
            held_on=day,
            organization_id=self.orgs.get(provider) if provider else None,
            location=location,
            anonymous_attendees=anonymous,
            attendee_count=len(attendees) + anonymous,
            created_by=CREATED_BY,
        )
        attendance = [
            self.record(("activity", key, p.id), p, code, day, provider=provider, activity=activity)
            for p in attendees
        ]
        self.plan.activities.append((activity, attendance))
        return activity

    def distribution(
        self,
        key: str,
        region: Region,
        day: date,
        item: DistributionItem,
        quantity: int,
        households: int | None = None,
        activity: svc.Activity | None = None,
        note: str | None = None,
    ) -> None:
        assert self.start <= day <= self.on and quantity >= 1
        self.plan.distributions.append(
            svc.Distribution(
                id=row_id("distribution", key),
                region_id=region.id,
                region_path=region.path,
                distributed_on=day,
                item=item,
                quantity=quantity,
                households=households,
                activity_id=activity.id if activity else None,
                note=note,
            )
        )

    def days(self, weekday: int) -> list[date]:
        first = self.start + timedelta(days=(weekday - self.start.weekday()) % 7)
        return [first + timedelta(weeks=n) for n in range((self.on - first).days // 7 + 1)]

    # -- the programme -----------------------------------------------------------------


def in_year(start: date, on: date, month: int, mday: int) -> date:
    """The day of the year window falling on ``month``-``mday`` (the later year if both)."""
    day = date(on.year, month, mday)
    return day if day <= on else date(on.year - 1, month, mday)


def birthday_in(birth: date, start: date, on: date) -> date | None:
    for year in (on.year, start.year):
        try:
            day = birth.replace(year=year)
        except ValueError:  # 29 February
            day = date(year, 2, 28)
        if start <= day <= on:
            return day
    return None


def long_stay(window: tuple[date, date] | None) -> bool:
    """On the register at least two months of the year: enough room for a wish's steps."""
    return window is not None and (window[1] - window[0]).days >= 60


def morning_of(day: date, seq: int) -> datetime:
    """An instant of ``day`` in the morning in 黄屯 (Asia/Shanghai), as UTC."""
    local = datetime.combine(day, time(9, 30 + seq), clock.SHANGHAI)
    return local.astimezone(UTC)
