"""Deep pages of GET /persons (docs/performance.md, "Deep pages").

A walk, page after page, gives every person the filters select exactly once, in the order
of one unpaged answer; and the page query the service issues reads an index that serves
both the region filter and the order, so a page never sorts the rest of its region.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.regions.repository import region_t
from liushou.tables import person_t
from tests.conftest import make_settings
from tests.guardianship.helpers import assigned, create_caretaker
from tests.registry.factories import PERSONS, child_body, create, elder_body, years_ago

LIMIT = 4  # small, so a few dozen persons make many pages


@pytest.fixture
def crowd(client, world, clock) -> dict[str, Any]:
    """Persons in three villages of two townships, some deleted, some with a primary
    contact (overdue by now: the clock moves past every interval)."""
    admin = world.as_("admin")
    villages = {"village": world.village, "community": world.community}
    villages["other_village"] = world.other_village
    made: dict[str, dict[str, Any]] = {}
    for i in range(30):
        key = list(villages)[i % 3]
        body = (
            child_body(villages[key], name=f"童{i}", born=years_ago(6 + i % 8))
            if i % 2
            else elder_body(villages[key], name=f"老{i}", born=years_ago(65 + i % 10))
        )
        made[f"{key}/{i}"] = create(client, admin, body)
    gone = [key for key in made if key.endswith(("/3", "/10", "/17"))]
    for key in gone:
        person = made.pop(key)
        response = client.delete(
            f"{PERSONS}/{person['id']}", headers={**admin, "If-Match": f'"{person["version"]}"'}
        )
        assert response.status_code == 204, response.text
    caretakers = {key: create_caretaker(client, admin, region) for key, region in villages.items()}
    looked_after = {key for n, key in enumerate(made) if n % 3 == 0}
    for key in looked_after:
        assigned(client, admin, made[key], caretakers[key.split("/")[0]])
    clock.advance(timedelta(days=400))
    return {"persons": made, "looked_after": looked_after}


def _walk(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    """Every page of a walk with LIMIT persons a page; pages never overlap."""
    seen: set[str] = set()
    items: list[dict[str, Any]] = []
    for page in _pages(client, headers, limit=LIMIT, **params):
        ids = {p["id"] for p in page}
        assert len(ids) == len(page) and not ids & seen, "a person on two pages"
        seen |= ids
        items.extend(page)
    return items


def _pages(client: TestClient, headers: dict[str, str], **params: Any) -> Iterator[list[Any]]:
    cursor = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(PERSONS, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= LIMIT
        yield body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return
    raise AssertionError("pagination never ended")


def _one_page(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = client.get(PERSONS, params={**params, "limit": 500}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["next_cursor"] is None
    return response.json()["items"]


def _ids(persons: dict[str, dict[str, Any]], keep: Any = lambda key: True) -> set[str]:
    return {p["id"] for key, p in persons.items() if keep(key)}


def test_a_walk_gives_every_person_once(client, world, crowd):
    persons, looked_after = crowd["persons"], crowd["looked_after"]
    admin, staff = world.as_("admin"), world.as_("staff")
    in_huangtun = lambda key: not key.startswith("other_village")  # noqa: E731
    cases = [
        (admin, {}, _ids(persons)),
        (admin, {"region_id": str(world.huangtun.id)}, _ids(persons, in_huangtun)),
        (
            admin,
            {"region_id": str(world.village.id)},
            _ids(persons, lambda key: key.startswith("village/")),
        ),
        (admin, {"region_id": str(world.liuxing.id)}, _ids(persons, lambda k: not in_huangtun(k))),
        # the staff's scope (黄屯街道) and a wider region: the scope decides
        (staff, {"region_id": str(world.county.id)}, _ids(persons, in_huangtun)),
        (staff, {}, _ids(persons, in_huangtun)),
        (
            staff,
            {"category": "child"},
            {p["id"] for k, p in persons.items() if in_huangtun(k) and p["category"] == "child"},
        ),
        (admin, {"unassigned": "false"}, _ids(persons, lambda key: key in looked_after)),
        (admin, {"unassigned": "true"}, _ids(persons, lambda key: key not in looked_after)),
        (admin, {"overdue": "true"}, _ids(persons, lambda key: key in looked_after)),
        (
            admin,
            {"alert": "no_primary_contact", "region_id": str(world.huangtun.id)},
            _ids(persons, lambda key: in_huangtun(key) and key not in looked_after),
        ),
        (admin, {"region_id": "00000000-0000-4000-8000-000000000000"}, set()),
    ]
    for headers, params, expected in cases:
        walked = _walk(client, headers, **params)
        assert {p["id"] for p in walked} == expected, params
        # the same persons in the same order as one page holding them all
        assert [p["id"] for p in walked] == [p["id"] for p in _one_page(client, headers, **params)]
        if len(expected) > LIMIT:
            assert len(walked) == len(expected)  # and it took more than one page


def test_the_order_groups_a_region(client, world, crowd):
    """The order is by village (its path), then id: a township's villages come one after
    the other, so a page continues where the last one stopped inside the village."""
    walked = _walk(client, world.as_("admin"), region_id=str(world.huangtun.id))
    villages = [p["region_id"] for p in walked]
    assert len(set(villages)) == 2
    assert villages == sorted(villages, key=villages.index)  # each village in one run
    for village in set(villages):
        ids = [uuid.UUID(p["id"]) for p in walked if p["region_id"] == village]
        assert ids == sorted(ids)


def test_a_person_added_behind_the_cursor_is_not_seen_twice_nor_skips_others(client, world, crowd):
    admin = world.as_("admin")
    pages = _pages(client, admin, limit=LIMIT, region_id=str(world.huangtun.id))
    first = next(pages)
    late = create(client, admin, elder_body(world.village, name="迟到"))
    rest = [p for page in pages for p in page]
    ids = [p["id"] for p in first + rest]
    assert len(ids) == len(set(ids))
    expected = {p["id"] for k, p in crowd["persons"].items() if not k.startswith("other_village")}
    assert expected <= set(ids) <= expected | {late["id"]}


# --- the plan of the page query ----------------------------------------------------------


@pytest.fixture
def plain_client(database_url: str, world) -> Iterator[TestClient]:
    """The service on plain SQLAlchemy reads (the same SQL as the speed path: read_path
    compiles the same statement), so the statements it runs can be seen."""
    app = create_app(make_settings(database_url, read_path="plain"))
    with TestClient(app) as test_client:
        yield test_client


def _many(db, world, n: int) -> None:
    """``n`` more live persons spread over the three villages, written straight to the
    table (copies of one created through the API), then the statistics refreshed."""
    with db.engine.begin() as conn:
        model = dict(conn.execute(sa.select(person_t).limit(1)).mappings().one())
        paths = dict(conn.execute(sa.select(region_t.c.id, region_t.c.path)).all())
        regions = [world.village.id, world.community.id, world.other_village.id]
        rows = []
        for i in range(n):
            region = regions[i % 3]
            rows.append(
                {
                    **model,
                    "id": uuid.uuid4(),
                    "region_id": region,
                    "region_path": paths[region],
                    "id_number_index": None,
                    "id_number_cipher": None,
                    "id_number_masked": None,
                }
            )
        conn.execute(person_t.insert(), rows)
        conn.exec_driver_sql("ANALYZE")


def _page_statements(plain_client, db, headers, **params) -> list[tuple[str, Any]]:
    """The SQL (and parameters) of the statements of the second page of a list."""
    first = plain_client.get(PERSONS, params={**params, "limit": 10}, headers=headers).json()
    assert first["next_cursor"]
    seen: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "FROM person" in statement and "LIMIT" in statement:
            seen.append((statement, parameters))

    engine = plain_client.app.state.db.engine
    sa.event.listen(engine, "before_cursor_execute", capture)
    try:
        response = plain_client.get(
            PERSONS,
            params={**params, "limit": 10, "cursor": first["next_cursor"]},
            headers=headers,
        )
    finally:
        sa.event.remove(engine, "before_cursor_execute", capture)
    assert response.status_code == 200 and len(response.json()["items"]) == 10
    assert seen
    return seen


def _sqlite_plan_sorts_the_region(conn, statement: str, parameters: Any) -> bool:
    plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    # (id, parent, _, detail); the persons of the region: a range on region_path
    ranges = [row for row in plan if "region_path>" in row[3] and "person" in row[3]]
    assert ranges, plan
    for row in ranges:
        if "ix_person_region_path_id" not in row[3]:
            return True
        if any(other[1] == row[1] and "TEMP B-TREE" in other[3] for other in plan):
            return True
    return False


def _postgres_plan_sorts_the_region(conn, statement: str, parameters: Any) -> bool:
    (plan,) = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).one()
    plan = plan if isinstance(plan, list) else json.loads(plan)

    def scans(node: dict[str, Any], sorted_above: bool) -> Iterator[tuple[dict, bool]]:
        sorted_here = sorted_above or node["Node Type"] in ("Sort", "Incremental Sort")
        yield node, sorted_here
        for child in node.get("Plans", []):
            yield from scans(child, sorted_here)

    region_scans = [
        (node, sorted_above)
        for node, sorted_above in scans(plan[0]["Plan"], False)
        if node.get("Relation Name") == "person"
        and "region_path"
        in node.get("Index Cond", "") + node.get("Recheck Cond", "") + node.get("Filter", "")
    ]
    assert region_scans, plan
    return any(
        sorted_above or node.get("Index Name") != "ix_person_region_path_id"
        for node, sorted_above in region_scans
    )


@pytest.mark.parametrize("who, region", [("admin", "huangtun"), ("staff", "county")])
def test_a_deep_page_reads_the_index_in_order(plain_client, db, world, crowd, who, region):
    """No sort of the region: the persons' range is read from ix_person_region_path_id in
    its order (on the query before it, SQLite sorted the whole rest of the region in a
    temporary b-tree, PostgreSQL read it through another index and sorted it)."""
    _many(db, world, 3000)
    params = {"region_id": str(getattr(world, region).id)}
    statements = _page_statements(plain_client, db, world.as_(who), **params)
    sorts = (
        _sqlite_plan_sorts_the_region
        if db.engine.dialect.name == "sqlite"
        else _postgres_plan_sorts_the_region
    )
    with db.engine.connect() as conn:
        for statement, parameters in statements:
            assert not sorts(conn, statement, parameters), statement
