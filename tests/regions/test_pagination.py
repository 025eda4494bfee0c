"""Keyset pagination, opaque signed cursors and updated_since, on /regions and /organizations."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta, timezone

import orjson
import pytest

from tests.regions.helpers import (
    AUDIT,
    ORGANIZATIONS,
    REGIONS,
    assert_problem,
    create_org,
    create_region,
    error_locs,
    ids,
    list_all,
    org_body,
    village_body,
)

WORLD_REGIONS = 8  # province, city, county, 2 townships, 3 villages


def _make_villages(client, world, n=12):
    admin = world.as_("admin")
    # Created out of code order, so the list order cannot be creation order by accident.
    parts = sorted(range(202, 202 + n), key=lambda p: (p * 7) % n)
    return [create_region(client, admin, village_body(world.huangtun, p)) for p in parts]


def _pages(client, url, headers, **params):
    pages, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) < 100


def test_following_cursors_visits_every_region_once_in_code_order(client, world):
    admin = world.as_("admin")
    created = _make_villages(client, world)

    pages = _pages(client, REGIONS, admin, limit=5)

    assert [len(p) for p in pages] == [5, 5, 5, 5]  # 20 rows: no empty trailing page
    flat = [r["id"] for p in pages for r in p]
    assert len(flat) == len(set(flat)) == WORLD_REGIONS + len(created)
    codes = [r["code"] for p in pages for r in p]
    assert codes == sorted(codes)
    one_page = client.get(REGIONS, params={"limit": 500}, headers=admin).json()
    assert [r["id"] for r in one_page["items"]] == flat  # same order however it is paged
    assert one_page["next_cursor"] is None
    assert _pages(client, REGIONS, admin, limit=5) == pages  # stable on a second walk


def test_paging_a_filtered_list(client, world):
    admin = world.as_("admin")
    created = _make_villages(client, world)

    pages = _pages(client, REGIONS, admin, limit=5, parent_id=str(world.huangtun.id))

    assert [len(p) for p in pages] == [5, 5, 4]
    expected = {r["id"] for r in created} | {str(world.village.id), str(world.community.id)}
    flat = [r["id"] for p in pages for r in p]
    assert len(flat) == len(set(flat)) and set(flat) == expected


def test_a_cursor_may_continue_with_another_limit(client, world):
    admin = world.as_("admin")
    _make_villages(client, world)
    everything = [
        r["id"] for r in client.get(REGIONS, params={"limit": 500}, headers=admin).json()["items"]
    ]
    first = client.get(REGIONS, params={"limit": 5}, headers=admin).json()

    second = client.get(REGIONS, params={"limit": 3, "cursor": first["next_cursor"]}, headers=admin)

    assert [r["id"] for r in second.json()["items"]] == everything[5:8]


def test_organizations_with_equal_names_page_without_gaps(client, world):
    # Ties on the sort column (name) are broken by id; both databases must agree.
    admin = world.as_("admin")
    made = {
        create_org(client, admin, org_body(world.huangtun, "同名服务站"))["id"] for _ in range(7)
    }

    pages = _pages(client, ORGANIZATIONS, admin, limit=3, q="同名")

    flat = [o["id"] for p in pages for o in p]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert len(flat) == len(set(flat)) and set(flat) == made


def test_deleting_rows_between_pages_skips_nothing_else(client, world):
    admin = world.as_("admin")
    made = {v["id"] for v in _make_villages(client, world)}
    first = client.get(REGIONS, params={"limit": 5}, headers=admin).json()
    before = [
        r["id"] for r in client.get(REGIONS, params={"limit": 500}, headers=admin).json()["items"]
    ]
    # A region past the first page that nothing lives in (the world's have users).
    gone = next(i for i in before[6:] if i in made)
    assert client.delete(f"{REGIONS}/{gone}", headers=admin).status_code == 204

    rest = list_all(client, REGIONS, admin, limit=5, cursor=first["next_cursor"])

    assert [r["id"] for r in rest] == [i for i in before[5:] if i != gone]


def _tamper(cursor: str) -> list[str]:
    raw, _, signature = cursor.partition(".")
    payload = orjson.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    payload["k"][0] = "000000"  # jump back to the start
    forged_raw = base64.urlsafe_b64encode(orjson.dumps(payload)).rstrip(b"=").decode()
    flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    return [
        f"{forged_raw}.{signature}",  # edited payload, old signature
        f"{raw}.{flipped}",  # edited signature
        raw,  # no signature
        "not-a-cursor",
        "",
        "%%%.abc",
    ]


def test_tampered_cursors_are_400_invalid_cursor(client, world):
    admin = world.as_("admin")
    _make_villages(client, world, 3)
    cursor = client.get(REGIONS, params={"limit": 2}, headers=admin).json()["next_cursor"]
    assert cursor

    for bad in _tamper(cursor):
        response = client.get(REGIONS, params={"limit": 2, "cursor": bad}, headers=admin)
        assert_problem(response, 400, "invalid_cursor")


def test_a_cursor_is_bound_to_its_filters_and_its_list(client, world):
    admin = world.as_("admin")
    _make_villages(client, world, 6)
    params = {"limit": 2, "parent_id": str(world.huangtun.id)}
    cursor = client.get(REGIONS, params=params, headers=admin).json()["next_cursor"]

    assert (
        client.get(REGIONS, params={**params, "cursor": cursor}, headers=admin).status_code == 200
    )
    for other in (
        {"limit": 2},
        {"limit": 2, "parent_id": str(world.liuxing.id)},
        {**params, "level": "village"},
        {**params, "updated_since": "2020-01-01T00:00:00Z"},
    ):
        response = client.get(REGIONS, params={**other, "cursor": cursor}, headers=admin)
        assert_problem(response, 400, "invalid_cursor")
    # Another list's cursor (same shape of sort key) is not a cursor of this list.
    plain = client.get(REGIONS, params={"limit": 2}, headers=admin).json()["next_cursor"]
    assert_problem(
        client.get(ORGANIZATIONS, params={"cursor": plain}, headers=admin), 400, "invalid_cursor"
    )


def test_a_cursor_is_bound_to_the_server_secret(client, world, app):
    admin = world.as_("admin")
    _make_villages(client, world, 3)
    cursor = client.get(REGIONS, params={"limit": 2}, headers=admin).json()["next_cursor"]
    app.state.cursor_secret = b"rotated"

    assert_problem(
        client.get(REGIONS, params={"limit": 2, "cursor": cursor}, headers=admin),
        400,
        "invalid_cursor",
    )


@pytest.mark.parametrize("limit", ["0", "501", "-1", "abc", "1.5"])
def test_limit_out_of_range_is_422(client, world, limit):
    body = assert_problem(
        client.get(REGIONS, params={"limit": limit}, headers=world.as_("admin")),
        422,
        "validation_error",
    )
    assert error_locs(body) == [["query", "limit"]]


def test_limit_bounds_and_default(client, world):
    admin = world.as_("admin")
    _make_villages(client, world, 3)
    assert len(client.get(REGIONS, params={"limit": 1}, headers=admin).json()["items"]) == 1
    full = client.get(REGIONS, params={"limit": 500}, headers=admin).json()
    assert len(full["items"]) == WORLD_REGIONS + 3 and full["next_cursor"] is None
    assert len(client.get(REGIONS, headers=admin).json()["items"]) == WORLD_REGIONS + 3


def test_an_overlong_cursor_is_422(client, world):
    response = client.get(REGIONS, params={"cursor": "a" * 1001}, headers=world.as_("admin"))
    assert error_locs(assert_problem(response, 422, "validation_error")) == [["query", "cursor"]]


def test_updated_since_returns_only_what_changed_after_the_instant(client, world):
    admin = world.as_("admin")
    created = _make_villages(client, world, 4)
    time.sleep(0.002)
    since = datetime.now(UTC)
    time.sleep(0.002)
    bumped = created[2]
    assert (
        client.patch(
            f"{REGIONS}/{bumped['id']}", json={"name": "改名村"}, headers=admin
        ).status_code
        == 200
    )
    fresh = create_region(client, admin, village_body(world.huangtun, 260))

    in_utc = list_all(client, REGIONS, admin, updated_since=since.isoformat())
    in_beijing = list_all(
        client,
        REGIONS,
        admin,
        updated_since=since.astimezone(timezone(timedelta(hours=8))).isoformat(),
    )
    with_z = list_all(
        client, REGIONS, admin, updated_since=since.isoformat().replace("+00:00", "Z")
    )
    future = list_all(
        client, REGIONS, admin, updated_since=(datetime.now(UTC) + timedelta(minutes=1)).isoformat()
    )

    assert ids(in_utc) == {bumped["id"], fresh["id"]}
    assert in_beijing == in_utc == with_z
    assert future == []
    everything = list_all(client, REGIONS, admin, updated_since="2000-01-01T00:00:00Z")
    assert len(everything) == WORLD_REGIONS + 5


def test_updated_since_pages_and_hides_deleted_rows(client, world):
    admin = world.as_("admin")
    since = datetime.now(UTC).isoformat()
    created = _make_villages(client, world, 7)
    assert client.delete(f"{REGIONS}/{created[0]['id']}", headers=admin).status_code == 204

    pages = _pages(client, REGIONS, admin, limit=2, updated_since=since)

    flat = [r["id"] for p in pages for r in p]
    assert len(flat) == len(set(flat)) == 6
    assert set(flat) == {r["id"] for r in created[1:]}


@pytest.mark.parametrize(
    "value",
    [
        "2026-05-01T00:00:00",  # no offset
        "2026-05-01",
        "yesterday",
        "0.5",
        "0001-01-01T00:00:00+14:00",  # no UTC equivalent
        "9999-12-31T23:59:59-14:00",
    ],
)
def test_bad_updated_since_is_422_never_500(client, world, value):
    for url in (REGIONS, ORGANIZATIONS):
        response = client.get(url, params={"updated_since": value}, headers=world.as_("admin"))
        body = assert_problem(response, 422, "validation_error")
        assert ["query", "updated_since"] in error_locs(body)


def test_audit_events_page_newest_first(client, world):
    # The same mechanics on a descending list keyed by time.
    admin = world.as_("admin")
    _make_villages(client, world, 5)

    pages = _pages(client, AUDIT, admin, limit=4, action="region.create")

    flat = [e for p in pages for e in p]
    assert len(flat) == len({e["id"] for e in flat}) == WORLD_REGIONS + 5
    assert [e["at"] for e in flat] == sorted((e["at"] for e in flat), reverse=True)
