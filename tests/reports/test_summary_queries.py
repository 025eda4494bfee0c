"""The summary is computed by the database in a fixed number of statements: the count of
statements is the same over one row of each kind and over many."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.read_path import AUTOCOMMIT
from liushou.reports import summary_service
from tests.guardianship.helpers import assigned, create_caretaker
from tests.reports.summary_data import (
    activity,
    distribution,
    noon,
    person,
    record,
    t,
    visit,
    wish,
)


@contextmanager
def counting(conn: sa.Connection) -> Iterator[list[str]]:
    """The statements run on ``conn`` alone: the app's background tasks (the revocation
    catch-up, the rate limits' sync) share the engine and would be counted too."""
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    sa.event.listen(conn, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(conn, "before_cursor_execute", count)


def _statements(db: Any, region_id: Any, until: Any) -> tuple[int, Any]:
    with (
        db.engine.connect().execution_options(**AUTOCOMMIT) as conn,
        counting(conn) as statements,
    ):
        figures = summary_service.summary(conn, CLI_PRINCIPAL, region_id, t(-60), until)
    return len(statements), figures.report


def _add(client: Any, world: Any, db: Any, n: int) -> None:
    """``n`` persons with a contact and a visit, and ``n`` rows of every service table."""
    staff, c = world.as_("staff"), world.community
    cadre = create_caretaker(client, staff, c, name="张包保")
    rows: list[Any] = []
    for i in range(n):
        p = person(client, staff, c, "child", t(-50), f"儿童{i}")
        assigned(client, staff, p, cadre, starts_on=t(-40).isoformat(), visit_interval_days=7)
        visit(client, staff, p, cadre, t(-20))
        rows += [
            record(p, "legal_consultation", t(-20)),
            record(p, "after_school_class", t(-15)),
            activity(c, "after_school_class", t(-20), 3),
            distribution(c, "publicity_leaflet", t(-20), 10, 5),
            *wish(p, noon(t(-20)), []),
        ]

    def add(session: Any) -> None:
        for row in rows:
            session.add(row)
            session.flush()

    db.run_in_session(add)


def test_the_number_of_statements_does_not_grow_with_the_data(client, world, db):
    region = world.huangtun.id
    _add(client, world, db, 1)
    (past_one, _), (today_one, _) = _statements(db, region, t(-10)), _statements(db, region, t(0))
    _add(client, world, db, 12)
    (past_many, past), (today_many, now) = (
        _statements(db, region, t(-10)),
        _statements(db, region, t(0)),
    )
    assert (past_many, today_many) == (past_one, today_one)
    # docs/reports.md, "How it is computed": ten, the legal section's two among them (its
    # activities by type, and the villages with those a contract covers on `to`).
    assert (past_one, today_one) == (10, 10)
    # The figures did grow: the same statements counted 13 of everything.
    assert past.registry.total.active == now.registry.total.active == 13
    assert now.care.overdue == 13 and past.care.overdue == 13
    assert [(s.service_type, s.records) for s in past.services] == [
        ("after_school_class", 13),
        ("legal_consultation", 13),
    ]
    assert past.activities[0].activities == 13
    assert (past.wishes.made, past.wishes.open) == (13, 13)
    assert past.distributions[0].quantity == 130
