"""Every query of the registry. Reads take a Connection (Core, no ORM) and apply the
caller's scope in SQL, so an out-of-scope person is simply absent (404)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session, select

from liushou.api.pagination import PageParams, keyset
from liushou.auth.principal import Principal
from liushou.auth.roles import Role
from liushou.auth.scoping import in_subtree, path_visible
from liushou.clock import end_of_day_utc, today
from liushou.regions.models import Region
from liushou.registry.enums import Alert, GuardianshipType, PersonCategory, PersonStatus
from liushou.registry.models import Consent, Person, PersonVersion

person_t: sa.Table = Person.__table__  # type: ignore[attr-defined]
version_t: sa.Table = PersonVersion.__table__  # type: ignore[attr-defined]
consent_t: sa.Table = Consent.__table__  # type: ignore[attr-defined]
region_t: sa.Table = Region.__table__  # type: ignore[attr-defined]

# Roles that see persons through their region subtree; admin and auditor see all, and the
# rest (volunteer, legal_advisor, partner) see no person until assignments exist.
REGION_READERS = frozenset({Role.street_staff, Role.village_contact})

PERSON_COLUMNS = [
    c
    for c in person_t.c
    if c.name
    not in (
        "id_number_cipher",
        "id_number_index",
        "phone_cipher",
        "guardian_phone_cipher",
        "name_pinyin",
        "deleted_at",
    )
]


# --- scope -------------------------------------------------------------------------------


def scope_condition(path_column: Any, caller: Principal) -> sa.ColumnElement[bool] | None:
    if caller.sees_everything:
        return None
    if caller.role in REGION_READERS and caller.region_path:
        return in_subtree(path_column, caller.region_path)
    return sa.false()


def person_visible(path: str, caller: Principal) -> bool:
    if caller.sees_everything:
        return True
    return caller.role in REGION_READERS and path_visible(path, caller, lineage=False)


def region_writable(path: str, caller: Principal) -> bool:
    return caller.role == Role.admin or (
        caller.role == Role.street_staff and path_visible(path, caller, lineage=False)
    )


def counts_on(day: date, status: Any, counts_until: Any) -> sa.ColumnElement[bool]:
    """On the register on ``day``: active, and for a child, before the 16th birthday."""
    return sa.and_(
        status == PersonStatus.active.value,
        sa.or_(counts_until.is_(None), counts_until > day),
    )


# --- reads -------------------------------------------------------------------------------


def get_person(conn: Connection, caller: Principal, person_id: uuid.UUID) -> RowMapping | None:
    stmt = sa.select(*PERSON_COLUMNS).where(
        person_t.c.id == person_id, person_t.c.deleted_at.is_(None)
    )
    condition = scope_condition(person_t.c.region_path, caller)
    if condition is not None:
        stmt = stmt.where(condition)
    return conn.execute(stmt).mappings().one_or_none()


@dataclass(frozen=True)
class PersonFilters:
    region_id: uuid.UUID | None = None
    category: PersonCategory | None = None
    status: PersonStatus | None = None
    q: str | None = None
    guardianship_type: str | None = None
    schooling_status: str | None = None
    health_status: str | None = None
    living_arrangement: str | None = None
    risk_tier: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    alert: Alert | None = None
    id_number_index: str | None = None


def _birth_date_bounds(age_min: int | None, age_max: int | None) -> list[Any]:
    """age >= n ⇔ born on or before today minus n years; age <= n ⇔ born after today − (n+1)."""
    now = today()
    conditions = []
    if age_min is not None:
        conditions.append(person_t.c.birth_date <= _years_before(now, age_min))
    if age_max is not None:
        conditions.append(person_t.c.birth_date > _years_before(now, age_max + 1))
    return conditions


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


def _region_subtree(region_id: uuid.UUID, path_column: Any) -> sa.ColumnElement[bool]:
    root = (
        sa.select(region_t.c.path)
        .where(region_t.c.id == region_id, region_t.c.deleted_at.is_(None))
        .scalar_subquery()
    )
    upper = sa.func.substr(root, 1, sa.func.length(root) - 1).concat("0")
    return sa.and_(path_column >= root, path_column < upper)


def _filter(stmt: sa.Select[Any], caller: Principal, f: PersonFilters) -> sa.Select[Any]:
    t = person_t.c
    condition = scope_condition(t.region_path, caller)
    if condition is not None:
        stmt = stmt.where(condition)
    if f.region_id is not None:
        stmt = stmt.where(_region_subtree(f.region_id, t.region_path))
    if f.category is not None:
        stmt = stmt.where(t.category == f.category.value)
    now = today()
    if f.status == PersonStatus.active:
        stmt = stmt.where(counts_on(now, t.status, t.counts_until))
    elif f.status == PersonStatus.exited:
        stmt = stmt.where(sa.not_(counts_on(now, t.status, t.counts_until)))
    if f.q:
        term = f.q.strip()
        like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        options = [t.name.like(like, escape="\\")]
        if term.isascii() and term.isalpha():
            options.append(t.name_initials.like(term.lower() + "%"))
        stmt = stmt.where(sa.or_(*options))
    for name in (
        "guardianship_type",
        "schooling_status",
        "health_status",
        "living_arrangement",
        "risk_tier",
    ):
        value = getattr(f, name)
        if value is not None:
            stmt = stmt.where(t[name] == str(value))
    for condition in _birth_date_bounds(f.age_min, f.age_max):
        stmt = stmt.where(condition)
    if f.alert == Alert.unattended_child:
        stmt = stmt.where(
            t.guardianship_type == GuardianshipType.none.value,
            counts_on(now, t.status, t.counts_until),
        )
    elif f.alert is not None:
        stmt = stmt.where(sa.false())  # computed once visits and assignments exist
    if f.id_number_index is not None:
        stmt = stmt.where(person_t.c.id_number_index == f.id_number_index)
    return stmt


def list_persons(
    conn: Connection, caller: Principal, page: PageParams, filters: PersonFilters
) -> Sequence[RowMapping]:
    stmt = sa.select(*PERSON_COLUMNS).where(person_t.c.deleted_at.is_(None))
    stmt = keyset(
        _filter(stmt, caller, filters), page, [person_t.c.id], updated_at=person_t.c.updated_at
    )
    return conn.execute(stmt).mappings().all()


def list_persons_as_of(
    conn: Connection, caller: Principal, page: PageParams, filters: PersonFilters, day: date
) -> Sequence[RowMapping]:
    """Persons on the register on ``day``, each as its latest version recorded by the end
    of that day (or its first version, when it was registered later)."""
    v = version_t.c
    cutoff = end_of_day_utc(day)
    inner = version_t.alias("pv")
    latest = (
        sa.select(sa.func.coalesce(sa.func.max(inner.c.version), 1))
        .where(inner.c.person_id == v.person_id, inner.c.at < cutoff)
        .scalar_subquery()
    )
    stmt = (
        sa.select(
            v.person_id.label("id"),
            v.version,
            v.at,
            v.snapshot,
            v.status,
            v.counts_until,
            person_t.c.created_at,
        )
        .join(person_t, person_t.c.id == v.person_id)
        .where(
            v.version == latest,
            v.deleted.is_(False),
            person_t.c.deleted_at.is_(None),
            v.left_behind_since <= day,
            sa.or_(v.exited_on.is_(None), v.exited_on > day),
            sa.or_(v.counts_until.is_(None), v.counts_until > day),
        )
    )
    condition = scope_condition(v.region_path, caller)
    if condition is not None:
        stmt = stmt.where(condition)
    if filters.region_id is not None:
        stmt = stmt.where(_region_subtree(filters.region_id, v.region_path))
    if filters.category is not None:
        stmt = stmt.where(v.category == filters.category.value)
    stmt = keyset(stmt, page, [v.person_id])
    return conn.execute(stmt).mappings().all()


def history(conn: Connection, person_id: uuid.UUID, page: PageParams) -> Sequence[RowMapping]:
    v = version_t.c
    stmt = sa.select(
        v.version, v.at, v.actor_name.label("by"), v.action, v.changed_fields, v.status
    ).where(v.person_id == person_id)
    return conn.execute(keyset(stmt, page, [v.version])).mappings().all()


def list_consents(conn: Connection, person_id: uuid.UUID, page: PageParams) -> Sequence[RowMapping]:
    c = consent_t.c
    stmt = sa.select(*[col for col in consent_t.c if col.name != "deleted_at"]).where(
        c.person_id == person_id, c.deleted_at.is_(None)
    )
    return (
        conn.execute(keyset(stmt, page, [c.given_on, c.id], updated_at=c.updated_at))
        .mappings()
        .all()
    )


# --- writes ------------------------------------------------------------------------------


def live_person_by_index(session: Session, index: str) -> Person | None:
    return session.exec(
        select(Person).where(Person.id_number_index == index, Person.deleted_at.is_(None))
    ).first()
