"""A page of the change feed for one caller (docs/changes.md).

Each change row becomes at most two items:

* the resource is visible to the caller now (its GET would answer 200): ``upsert`` with
  ``data`` = that GET's body;
* it is not, and this change is where the caller lost sight of it: ``delete``
  (``data`` null). That is a soft delete of something the caller could see, or a move out
  of its sight recorded on the change (a person's region before and after; an assignment
  that stopped being held by the caller's caretaker, which also takes the person out of a
  volunteer's sight);
* otherwise nothing: a resource the caller never saw, or one whose later change tells.

Rows are scanned in feed order until the page is full; a caller who sees few of them gets
short pages while ``has_more`` is true, never a skipped change.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy.engine import Connection, RowMapping
from sqlmodel import Session

from liushou.auth.principal import Principal
from liushou.auth.roles import REGION_READERS, Role
from liushou.auth.scoping import path_visible
from liushou.changes import repository as repo
from liushou.changes.capture import DELETE, OWN_REGION, UPSERT
from liushou.changes.cursor import START, FeedCursor, Position
from liushou.changes.readers import READERS
from liushou.errors import AppError
from liushou.legal.scope import advisor_id_of, is_advisor
from liushou.referrals.schemas import ReferralRead

# How far a change's ``changed_at`` may lie before one that follows it in feed order: the
# time is taken at the flush, the order at the transaction's first write or its commit, and
# no request's transaction lasts this long. A caught-up cursor vouches for now minus this.
ORDER_SLACK = timedelta(hours=1)
# Rows one request scans at most (a caller who sees few changes gets a short page).
MAX_SCAN = 2000


class CursorExpired(AppError):
    status, code = 410, "sync_cursor_expired"
    detail_zh = "同步游标已过期（早于变更保留期），请重新全量同步。"
    detail_en = "The cursor is older than the changes kept; sync everything again."


@dataclass
class FeedPage:
    items: list[dict[str, Any]]
    cursor: FeedCursor
    has_more: bool
    referrals_shown: list[ReferralRead] = field(default_factory=list)


def check_cursor(cursor: FeedCursor | None, now: datetime, retention_days: int) -> Position:
    """The position to continue after; 410 for a cursor older than the retention period."""
    if cursor is None:
        return START
    if cursor.at < now - timedelta(days=retention_days):
        raise CursorExpired()
    return cursor.position


def sql_types(caller: Principal, wanted: Collection[str]) -> frozenset[str]:
    """The change types to scan: those asked for that the caller may read, and, for a
    volunteer who asked for persons, assignments (their end takes a person away)."""
    scanned = set(wanted)
    if caller.role == Role.volunteer and "person" in scanned:
        scanned.add("assignment")
    return frozenset(scanned)


class _Page:
    """The reads of one page, each resource read at most once."""

    def __init__(self, conn: Connection, caller: Principal, wanted: Collection[str]) -> None:
        self.conn, self.caller, self.wanted = conn, caller, frozenset(wanted)
        self._bodies: dict[tuple[str, uuid.UUID], BaseModel | None] = {}
        self._advisor: list[uuid.UUID | None] = []
        self.referrals_shown: list[ReferralRead] = []
        self._referral_ids: set[uuid.UUID] = set()

    def body(self, kind: str, resource_id: uuid.UUID, person_id: Any) -> BaseModel | None:
        key = (kind, resource_id)
        if key not in self._bodies:
            self._bodies[key] = READERS[kind].read(self.conn, self.caller, resource_id, person_id)
        return self._bodies[key]

    def shown(self, body: BaseModel) -> None:
        """An upsert's body went on the page: a referral shown to a partner is audited
        (once a page), as its GET would be; one read ahead but left for the next page is
        not."""
        if (
            isinstance(body, ReferralRead)
            and self.caller.role == Role.partner
            and body.id not in self._referral_ids
        ):
            self._referral_ids.add(body.id)
            self.referrals_shown.append(body)

    def prefetch(self, rows: Sequence[RowMapping]) -> None:
        """Read the resources of these rows, one query per type that has a batched read
        (the rest are read one by one when their item is made). Those out of the caller's
        sight are remembered as None, as the single read would answer."""
        wanted: dict[str, dict[uuid.UUID, None]] = {}
        for row in rows:
            kind, key = row["resource_type"], row["resource_id"]
            if kind in self.wanted and READERS[kind].read_many and (kind, key) not in self._bodies:
                wanted.setdefault(kind, {})[key] = None
        for kind, keys in wanted.items():
            read_many = READERS[kind].read_many
            assert read_many is not None
            ids = list(keys)
            found = read_many(self.conn, self.caller, ids)
            for key in ids:
                self._bodies[(kind, key)] = found.get(key)

    def advisor_id(self) -> uuid.UUID | None:
        if not self._advisor:
            self._advisor.append(advisor_id_of(self.conn, self.caller))
        return self._advisor[0]

    def in_region(self, path: str | None) -> bool:
        """The region rule for the roles that see a region's subtree."""
        return (
            self.caller.role in REGION_READERS
            and path is not None
            and path_visible(path, self.caller, lineage=False)
        )

    def saw_deleted(self, row: RowMapping) -> bool:
        """Whether the caller could see the resource until this soft delete."""
        caller, kind = self.caller, row["resource_type"]
        if caller.sees_everything:
            return True
        if caller.role == Role.partner:
            return kind == "referral" and row["organization_id"] == caller.organization_id
        if is_advisor(caller):
            return row["advisor_id"] is not None and row["advisor_id"] == self.advisor_id()
        if kind == "assignment" and row["user_before"] == caller.id:
            return True
        if kind == "legal_contract":
            return repo.contract_in_region(self.conn, row["resource_id"], caller)
        if kind == "person" and caller.role == Role.volunteer:
            return self.body("person", row["person_id"], None) is not None
        if kind in OWN_REGION:
            return self.in_region(row["path_before"])
        # The rest belong to a person and follow it (its own move is a change of its own).
        return (
            row["person_id"] is not None and self.body("person", row["person_id"], None) is not None
        )

    def moved_away(self, row: RowMapping) -> bool:
        """Whether this change took the resource out of the caller's sight."""
        if row["resource_type"] == "assignment":
            return self._assignment_left(row)
        before, after = row["path_before"], row["path_after"]
        return before != after and self.in_region(before) and not self.in_region(after)

    def _assignment_left(self, row: RowMapping) -> bool:
        return row["user_before"] == self.caller.id and row["user_after"] != self.caller.id

    def items(self, row: RowMapping) -> list[dict[str, Any]]:
        kind = row["resource_type"]
        found: list[dict[str, Any]] = []
        if kind in self.wanted:
            body = self.body(kind, row["resource_id"], row["person_id"])
            if body is not None:
                found.append(_item(row, UPSERT, body))
            elif self.saw_deleted(row) if row["op"] == DELETE else self.moved_away(row):
                found.append(_item(row, DELETE, None))
        person_id = row["person_id"]
        if (
            kind == "assignment"
            and "person" in self.wanted
            and self._assignment_left(row)
            and self.body("person", person_id, None) is None
        ):
            # A volunteer sees a person through its assignment: the end takes it away too.
            version = repo.person_version(self.conn, person_id)
            found.append(_item(row, DELETE, None, ("person", person_id, version)))
        return found


def _item(
    row: RowMapping,
    op: str,
    data: BaseModel | None,
    resource: tuple[str, uuid.UUID, int] | None = None,
) -> dict[str, Any]:
    kind, resource_id, version = resource or (
        row["resource_type"],
        row["resource_id"],
        row["version"],
    )
    return {
        "resource_type": kind,
        "id": resource_id,
        "op": op,
        "version": version,
        "changed_at": row["changed_at"],
        "data": data,
    }


def read_page(
    conn: Connection,
    caller: Principal,
    after: Position,
    wanted: Collection[str],
    limit: int,
    now: datetime,
    retention_days: int,
) -> FeedPage:
    """Up to ``limit`` items after ``after`` (one more when a single change makes two)."""
    page = _Page(conn, caller, wanted)
    types = sql_types(caller, wanted)
    since = now - timedelta(days=retention_days)
    items: list[dict[str, Any]] = []
    position, last_at = after, None
    scanned, has_more = 0, False
    while not has_more:
        rows = repo.changes_after(conn, position, types, since, limit + 1) if types else []
        page.prefetch(rows)
        for row in rows:
            new = page.items(row) if len(items) < limit else None
            if new is None or (items and len(items) + len(new) > limit) or scanned >= MAX_SCAN:
                has_more = True
                break
            items += new
            for item in new:
                if item["data"] is not None:
                    page.shown(item["data"])
            position, last_at = Position(row["txid"], row["id"]), row["changed_at"]
            scanned += 1
        if len(rows) <= limit:
            break
    # What the next cursor vouches for: every change after it is at least this recent.
    at = (last_at if has_more and last_at is not None else now) - ORDER_SLACK
    return FeedPage(items, FeedCursor(position, at), has_more, page.referrals_shown)


def prune(session: Session, now: datetime, retention_days: int) -> int:
    """Drop the changes older than the retention period (``liushou sweep``)."""
    return repo.prune(session, now - timedelta(days=retention_days))
