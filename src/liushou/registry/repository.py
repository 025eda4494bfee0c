"""Every query of the registry. Reads take a Connection (Core, no ORM) and apply the
caller's scope in SQL, so an out-of-scope person is simply absent (404)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session

from liushou.api.filters import scoped, where_equal
from liushou.api.pagination import PageParams, keyset_bound, keyset_rows
from liushou.api.resources import get_live, get_live_by
from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import path_visible, subtree_bounds
from liushou.clock import end_of_day_utc, today
from liushou.read_path import PreparedBatch, PreparedSelect
from liushou.regions.repository import region_subtree, region_t
from liushou.registry.enums import Alert, GuardianshipType, PersonCategory, PersonStatus
from liushou.registry.models import Person
from liushou.registry.register import on_register_sql, stay_covers_sql, still_counts_sql
from liushou.tables import consent_t, person_t, version_t
from liushou.visibility import (
    assigned_persons,
    assigned_to_user,
    care_alert_columns,
    care_filters,
    is_assigned,
    person_scope,
)

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


def scope_condition(
    person_id: Any, path_column: Any, caller: Principal
) -> sa.ColumnElement[bool] | None:
    """The persons the caller may read, as SQL on a person's id and region path columns
    (None: everything). The one rule of the registry's scope; care shares it."""
    return person_scope(person_id, path_column, caller)


def person_visible(db: Any, caller: Principal, person_id: uuid.UUID, path: str) -> bool:
    """:func:`scope_condition` for a person already loaded (``db``: Connection or Session;
    queried only for a volunteer, whose persons are those assigned to it)."""
    if caller.sees_everything:
        return True
    if caller.role in REGION_READERS:
        return bool(caller.region_path) and path_visible(path, caller, lineage=False)
    if caller.role == Role.volunteer:
        return is_assigned(db, caller, person_id)
    return False


def persons_visible(
    conn: Connection, caller: Principal, rows: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The loaded persons ``rows`` the caller may see (:func:`person_visible` of each; a
    volunteer's assigned persons read once, not once a person)."""
    if caller.role == Role.volunteer:
        assigned = set(conn.scalars(assigned_persons(caller)))
        return [r for r in rows if r["id"] in assigned]
    return [r for r in rows if person_visible(conn, caller, r["id"], r["region_path"])]


def visible_person(session: Session, caller: Principal, person_id: uuid.UUID) -> Person | None:
    """The live person, if the caller may see it (:func:`person_visible`); else None."""
    person = get_live(session, Person, person_id)
    if person is None or not person_visible(session, caller, person.id, person.region_path):
        return None
    return person


def region_writable(path: str, caller: Principal) -> bool:
    return caller.role == Role.admin or (
        caller.role == Role.street_staff and path_visible(path, caller, lineage=False)
    )


# --- reads -------------------------------------------------------------------------------


# The hot reads (one person, the list) run statements built once with bound parameters
# (read_path.PreparedSelect, as regions/repository.py does): building a Core statement per request
# cost more than running it. The list has one statement per shape (which filters are given,
# the caller's kind of scope, cursor or not), built on first use.


def _as_driver_gives(column: sa.Column[Any]) -> Any:
    """Enums and the profile as the driver returns them: enum codes as plain strings, and on
    SQLite the profile's JSON text (parsed by :func:`_parse_profiles` with orjson, several
    times faster than the JSON type's json.loads; PostgreSQL's driver parses it already).
    The response is the same; only per-value result processing is skipped."""
    if isinstance(column.type, sa.Enum):
        return sa.type_coerce(column, sa.String).label(column.name)
    if column.name == "profile":
        return sa.type_coerce(column, sa.Text).label(column.name)
    return column


READ_COLUMNS = [_as_driver_gives(c) for c in PERSON_COLUMNS]
# The care alerts (overdue_visit, no_primary_contact) as of the bound "today", computed by
# the database with the row (serializers.person_body turns them into codes).
_TODAY = sa.bindparam("today", type_=sa.Date)
READ_WITH_ALERTS = [*READ_COLUMNS, *care_alert_columns(person_t.c.id, _TODAY)]


# The care alerts of one person, for the body of a write's response: built once (building
# it on every write was a quarter of a create's CPU; docs/performance.md, "Writes").
_CARE_ALERTS_OF_ONE = PreparedSelect(
    sa.select(*care_alert_columns(sa.bindparam("person_id", type_=sa.Uuid), _TODAY))
)


def care_alert_flags(db: Connection | Session, person_id: uuid.UUID) -> dict[str, bool]:
    """``care_overdue`` and ``care_unassigned`` of one person as of today, for the body of
    a write response (``db``: Connection or Session; sees the transaction's own changes)."""
    conn = db.connection() if isinstance(db, Session) else db
    (row,) = _CARE_ALERTS_OF_ONE.fetch(conn, {"person_id": person_id, "today": today()})
    return {k: bool(v) for k, v in row.items()}


# The care alerts of a person created in the current transaction, without a query: no
# assignment can refer to it yet (assignment.person_id is a foreign key to it), so it has
# no active primary contact and none whose visit is overdue. What care_alert_flags gives
# for it (tests/guardianship/test_write_alert_flags.py).
NEW_PERSON_CARE_ALERTS = {"care_overdue": False, "care_unassigned": True}


def _parse_profiles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        if isinstance(row["profile"], str):
            row["profile"] = orjson.loads(row["profile"])
    return rows


_PERSON_BY_ID = PreparedSelect(
    sa.select(*READ_WITH_ALERTS).where(
        person_t.c.id == sa.bindparam("id"), person_t.c.deleted_at.is_(None)
    )
)


def get_person(conn: Connection, caller: Principal, person_id: uuid.UUID) -> dict[str, Any] | None:
    rows = _PERSON_BY_ID.fetch(conn, {"id": person_id, "today": today()})
    # One row by primary key, so the scope is checked on it: person_visible is the rule of
    # scope_condition for a row already loaded.
    if not rows or not person_visible(conn, caller, person_id, rows[0]["region_path"]):
        return None
    return _parse_profiles(rows)[0]


_PERSONS_BY_ID = PreparedBatch(
    lambda one_of: sa.select(*READ_WITH_ALERTS).where(
        one_of(person_t.c.id), person_t.c.deleted_at.is_(None)
    ),
    sa.Uuid,
)


def get_persons(
    conn: Connection, caller: Principal, person_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """:func:`get_person` of many persons in one query (the change feed's page): the rows
    the caller may see, by id; the others are absent."""
    rows = _PERSONS_BY_ID.fetch(conn, person_ids, {"today": today()})
    return {row["id"]: row for row in _parse_profiles(persons_visible(conn, caller, rows))}


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
    overdue: bool | None = None  # care (visibility.care_filters)
    unassigned: bool | None = None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


PROMOTED_FILTERS = (
    "guardianship_type",
    "schooling_status",
    "health_status",
    "living_arrangement",
    "risk_tier",
)


@dataclass(frozen=True)
class _ListShape:
    """What decides the SQL of a list; the values themselves are bound parameters."""

    scope: str  # "all", "subtree", "assigned" (a volunteer's) or "none"
    low: bool  # the paths have a lower bound (path_low), an upper bound (path_high)
    high: bool
    category: bool
    status: PersonStatus | None
    q: bool | None  # None: no q; True: name or pinyin initials; False: name only
    promoted: tuple[str, ...]
    age_min: bool
    age_max: bool
    alert: Alert | None
    id_number: bool
    overdue: bool | None = None
    unassigned: bool | None = None


def _list_shape(caller: Principal, f: PersonFilters) -> tuple[_ListShape, dict[str, Any]]:
    values: dict[str, Any] = {}
    if caller.sees_everything:
        scope = "all"
    elif caller.role in REGION_READERS and caller.region_path:
        scope = "subtree"  # a range of paths: _path_bounds
    elif caller.role == Role.volunteer:
        scope = "assigned"
        values["scope_user"] = caller.id
    else:
        scope = "none"
    if f.category is not None:
        values["category"] = f.category.value
    now = today()
    values["today"] = now  # the care alerts of every row, and the filters about today
    q = None
    if f.q:
        term = f.q.strip()
        values["name_like"] = (
            "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        q = term.isascii() and term.isalpha()
        if q:
            values["initials_like"] = term.lower() + "%"
    promoted = tuple(name for name in PROMOTED_FILTERS if getattr(f, name) is not None)
    values.update({f"is_{name}": str(getattr(f, name)) for name in promoted})
    if f.age_min is not None:
        values["born_by"] = _years_before(now, f.age_min)
    if f.age_max is not None:
        values["born_after"] = _years_before(now, f.age_max + 1)
    if f.id_number_index is not None:
        values["id_number_index"] = f.id_number_index
    shape = _ListShape(
        scope=scope,
        low=False,
        high=False,
        category=f.category is not None,
        status=f.status,
        q=q,
        promoted=promoted,
        age_min=f.age_min is not None,
        age_max=f.age_max is not None,
        alert=f.alert,
        id_number=f.id_number_index is not None,
        overdue=f.overdue,
        unassigned=f.unassigned,
    )
    return shape, values


# The order of the list: the region path, then the id. The partial index
# ix_person_region_path_id (region_path, id) WHERE deleted_at IS NULL serves it and the
# region-subtree filters (a range of paths) at once, so a page at any depth is one bounded
# index range scan (docs/performance.md, "Deep pages").
PERSON_ORDER = [person_t.c.region_path, person_t.c.id]


def person_sort_key(row: Any) -> tuple[Any, ...]:
    """The cursor's key of a row of :func:`list_persons` (its :data:`PERSON_ORDER`); the
    id as a UUID whichever way the driver gave it back."""
    return (row["region_path"], uuid.UUID(str(row["id"])))


def as_of_sort_key(row: Any) -> tuple[uuid.UUID]:
    """The cursor's key of a row of :func:`list_persons_as_of` (by id)."""
    return (uuid.UUID(str(row["id"])),)


@functools.cache
def _person_list(shape: _ListShape, after: bool, since: bool) -> PreparedSelect:
    """The list's statement for one shape: the page's ids (and sort keys) first, by keyset
    and limit over ix_person_region_path_id; then the columns and the care alerts of only
    those rows (a person's alerts are two correlated subqueries: computed for the whole
    rest of the region, they were most of a deep page's cost)."""
    t = person_t.c
    day = sa.bindparam("today", type_=sa.Date)
    stmt = sa.select(t.id, t.region_path).where(t.deleted_at.is_(None))
    if shape.scope == "assigned":
        user_id = sa.bindparam("scope_user", type_=sa.Uuid)
        stmt = stmt.where(t.id.in_(assigned_to_user(user_id)))
    elif shape.scope == "none":
        stmt = stmt.where(sa.false())
    # The caller's subtree, the region filter's and the cursor's path, as one range
    # (_path_bounds): the index range the page is read from.
    if shape.low:
        stmt = stmt.where(t.region_path >= sa.bindparam("path_low", type_=t.region_path.type))
    if shape.high:
        stmt = stmt.where(t.region_path < sa.bindparam("path_high", type_=t.region_path.type))
    if shape.category:
        stmt = stmt.where(t.category == sa.bindparam("category"))
    if shape.status == PersonStatus.active:
        stmt = stmt.where(on_register_sql(t.status, t.counts_until, day))
    elif shape.status == PersonStatus.exited:
        stmt = stmt.where(sa.not_(on_register_sql(t.status, t.counts_until, day)))
    if shape.q is not None:
        options = [t.name.like(sa.bindparam("name_like"), escape="\\")]
        if shape.q:
            options.append(t.name_initials.like(sa.bindparam("initials_like")))
        stmt = stmt.where(sa.or_(*options))
    for name in shape.promoted:
        stmt = stmt.where(t[name] == sa.bindparam(f"is_{name}"))
    if shape.age_min:
        stmt = stmt.where(t.birth_date <= sa.bindparam("born_by"))
    if shape.age_max:
        stmt = stmt.where(t.birth_date > sa.bindparam("born_after"))
    if shape.alert == Alert.unattended_child:
        stmt = stmt.where(
            t.guardianship_type == GuardianshipType.none.value,
            on_register_sql(t.status, t.counts_until, day),
        )
    # Filters on the care alerts stay in the page's WHERE: each row the scan passes is
    # probed (one look-up in the partial index of active primary contacts), and the scan
    # stops at the page's end; a rare alert means more rows scanned per page.
    care = care_filters(
        person_t, day, alert=shape.alert, overdue=shape.overdue, unassigned=shape.unassigned
    )
    stmt = stmt.where(*care)
    if shape.id_number:
        stmt = stmt.where(t.id_number_index == sa.bindparam("id_number_index"))
    page = keyset_bound(stmt, PERSON_ORDER, after=after, since=since, updated_at=t.updated_at)
    page_rows = page.subquery("page")
    rows = (
        sa.select(*READ_COLUMNS, *care_alert_columns(t.id, day))
        .join_from(person_t, page_rows, page_rows.c.id == t.id)
        .order_by(*[page_rows.c[c.name] for c in PERSON_ORDER])
    )
    return PreparedSelect(rows)


_REGION_PATH = PreparedSelect(
    sa.select(region_t.c.path).where(
        region_t.c.id == sa.bindparam("id"), region_t.c.deleted_at.is_(None)
    )
)


def _path_bounds(
    conn: Connection, scope: str | None, region_id: uuid.UUID | None, after: str | None
) -> tuple[str | None, str | None] | None:
    """The one range of region paths a page is read from: the largest of the lower bounds
    (the caller's subtree ``scope``, the region filter's, the cursor's path) and the
    smallest of the upper ones; None when the region filter names no live region (nothing
    matches).

    Given as separate conditions, the planners picked one of them for the index range and
    filtered with the others: with the region's low bound instead of the cursor's, every
    page scanned its region from the start again; and with the region's path looked up
    inside the statement PostgreSQL could not estimate the range and sorted it. Computed
    here, they are values (docs/performance.md, "Deep pages"). Paths are ASCII, so Python
    compares them as both databases do."""
    lows: list[str] = []
    highs: list[str] = []
    if scope is not None:
        low, high = subtree_bounds(scope)
        lows.append(low)
        highs.append(high)
    if region_id is not None:
        found = _REGION_PATH.fetch(conn, {"id": region_id})
        if not found:
            return None
        low, high = subtree_bounds(found[0]["path"])
        lows.append(low)
        highs.append(high)
    if after is not None:
        lows.append(after)
    return (max(lows) if lows else None, min(highs) if highs else None)


def list_persons(
    conn: Connection,
    caller: Principal,
    page: PageParams,
    filters: PersonFilters,
) -> list[dict[str, Any]]:
    """The persons a list query selects, through a prepared statement per shape, in
    :data:`PERSON_ORDER` (:func:`person_sort_key` gives a row's cursor key)."""
    shape, values = _list_shape(caller, filters)
    paging = page.bound_values(PERSON_ORDER)
    after = paging.get("after_0")
    scope = caller.region_path if shape.scope == "subtree" else None
    bounds = _path_bounds(conn, scope, filters.region_id, after)
    if bounds is None:
        return []
    low, high = bounds
    if low is not None:
        values["path_low"] = low
    if high is not None:
        values["path_high"] = high
    shape = replace(shape, low=low is not None, high=high is not None)
    query = _person_list(shape, page.cursor is not None, page.updated_since is not None)
    return _parse_profiles(query.fetch(conn, {**values, **paging}))


def last_of_episode(episode: sa.FromClause) -> sa.ColumnElement[bool]:
    """``episode`` (an alias of person_version) is the last version of one of the person's
    stays: no later version follows it but a reactivation, which starts the next stay."""
    following = version_t.alias("following")
    return ~sa.exists().where(
        following.c.person_id == episode.c.person_id,
        following.c.version == episode.c.version + 1,
        following.c.action != "reactivate",
    )


def state_on_day(cutoff: Any, day: Any) -> list[sa.ColumnElement[bool]]:
    """The conditions that keep, of person_version joined to person, each person's state on
    ``day`` as list_persons_as_of defines it (below): its latest version recorded before
    ``cutoff`` (the end of the day, UTC), a live person still counting on the day, with one
    of its stays covering the day. ``cutoff`` and ``day``: values or bound parameters. The
    as-of list and the summary report count with the same conditions."""
    v = version_t.c
    inner = version_t.alias("pv")
    latest = (
        sa.select(sa.func.coalesce(sa.func.max(inner.c.version), 1))
        .where(inner.c.person_id == v.person_id, inner.c.at < cutoff)
        .scalar_subquery()
    )
    episode = version_t.alias("episode")
    on_register = sa.exists().where(
        episode.c.person_id == v.person_id,
        last_of_episode(episode),
        stay_covers_sql(episode.c.left_behind_since, episode.c.exited_on, day),
    )
    return [
        v.version == latest,
        person_t.c.deleted_at.is_(None),
        still_counts_sql(person_t.c.counts_until, day),
        on_register,
    ]


def list_persons_as_of(
    conn: Connection, caller: Principal, page: PageParams, filters: PersonFilters, day: date
) -> Sequence[RowMapping]:
    """Persons on the register on ``day``, each as its latest version recorded by the end
    of that day (or its first version, when it was registered later).

    Whether a person counts on ``day`` is decided by what is known now, not by what was
    recorded by then: an exit recorded today, dated in May, takes the person off the May
    register. A person's stays on the register are its episodes (creation, then each
    reactivation); the last version of an episode holds its final start and exit dates.
    A child counts until the 16th birthday of its current birth date.
    """
    v = version_t.c
    stmt = (
        sa.select(
            v.person_id.label("id"),
            v.version,
            v.at,
            v.snapshot,
            person_t.c.counts_until,
            person_t.c.created_at,
        )
        .join(person_t, person_t.c.id == v.person_id)
        .where(*state_on_day(end_of_day_utc(day), day))
    )
    stmt = scoped(stmt, scope_condition(v.person_id, v.region_path, caller))
    if filters.region_id is not None:
        stmt = stmt.where(region_subtree(filters.region_id, v.region_path))
    stmt = where_equal(stmt, version_t, category=filters.category)
    if filters.id_number_index is not None:
        stmt = stmt.where(person_t.c.id_number_index == filters.id_number_index)
    return keyset_rows(conn, stmt, page, [v.person_id])


def history(conn: Connection, person_id: uuid.UUID, page: PageParams) -> Sequence[RowMapping]:
    v = version_t.c
    stmt = sa.select(
        v.version, v.at, v.actor_name.label("by"), v.action, v.changed_fields, v.status
    ).where(v.person_id == person_id)
    return keyset_rows(conn, stmt, page, [v.version])


def list_consents(conn: Connection, person_id: uuid.UUID, page: PageParams) -> Sequence[RowMapping]:
    c = consent_t.c
    stmt = sa.select(*[col for col in consent_t.c if col.name != "deleted_at"]).where(
        c.person_id == person_id, c.deleted_at.is_(None)
    )
    return keyset_rows(conn, stmt, page, [c.given_on, c.id], updated_at=c.updated_at)


# --- duplicate candidates (registry/duplicates.py scores them) ---------------------------


def live_region(conn: Connection, region_id: uuid.UUID) -> RowMapping | None:
    """id, path and level of a live region (no scope: the caller checks visibility)."""
    r = region_t.c
    stmt = sa.select(r.id, r.path, r.level).where(r.id == region_id, r.deleted_at.is_(None))
    return conn.execute(stmt).mappings().one_or_none()


def duplicate_pool(
    conn: Connection,
    caller: Principal,
    *,
    name: str,
    pinyins: Sequence[str],
    initials: Sequence[str],
    birth_date: date | None,
    region_id: uuid.UUID | None,
    limit: int,
) -> Sequence[RowMapping]:
    """Live persons the caller may see whose pinyin initials (or birth date) agree.

    Same characters or same pinyin imply the same initials, so ``name_initials IN`` (and
    ``birth_date =``, both indexed) bound the pool; the likeliest rows come first so the
    ``limit`` never cuts an exact match off in favour of a mere initials match.
    """
    t = person_t.c
    wanted: list[sa.ColumnElement[bool]] = [t.name_initials.in_(list(initials))] if initials else []
    if birth_date is not None:
        wanted.append(t.birth_date == birth_date)
    if not wanted:
        return []
    priority = sa.case(
        (t.name == name, 0),
        (t.name_pinyin.in_(list(pinyins) or [""]), 1),
        *([(t.birth_date == birth_date, 2)] if birth_date is not None else []),
        *([(t.region_id == region_id, 3)] if region_id is not None else []),
        else_=4,
    )
    stmt = sa.select(*PERSON_COLUMNS, *care_alert_columns(t.id, today())).where(
        t.deleted_at.is_(None), sa.or_(*wanted)
    )
    stmt = scoped(stmt, scope_condition(t.id, t.region_path, caller))
    stmt = stmt.order_by(priority, t.id).limit(limit)
    return conn.execute(stmt).mappings().all()


# --- writes ------------------------------------------------------------------------------


def live_person_by_index(session: Session, index: str) -> Person | None:
    return get_live_by(session, Person, id_number_index=index)
