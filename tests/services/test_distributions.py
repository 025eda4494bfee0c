"""/distributions: materials handed out in a region."""

from __future__ import annotations

import uuid

import pytest

from liushou.services.models import Activity
from liushou.tables import distribution_t
from tests.conftest import new_id
from tests.http import list_all
from tests.services.wishes_helpers import (
    DISTRIBUTIONS,
    assert_problem,
    audit_rows,
    day,
    distribution_body,
    table_rows,
)


def make_activity(db, region, *, deleted: bool = False) -> str:  # type: ignore[no-untyped-def]
    """An activity row written straight into the table (the activities API is built
    elsewhere)."""

    def build(session):  # type: ignore[no-untyped-def]
        activity = Activity(
            title="普法宣传进村",
            service_type="publicity",
            region_id=region.id,
            region_path=region.path,
            held_on=day(-3),
            created_by="test",
        )
        if deleted:
            activity.deleted_at = activity.created_at
        session.add(activity)
        session.flush()
        return str(activity.id)

    return db.run_in_session(build)


def test_create_read_back(client, world, db):
    staff = world.as_("staff")
    response = client.post(DISTRIBUTIONS, json=distribution_body(world.village), headers=staff)
    assert response.status_code == 201, response.text
    row = response.json()
    assert response.headers["Location"].endswith(f"/api/v1/distributions/{row['id']}")
    assert response.headers["ETag"] == '"1"'
    assert row["region_id"] == str(world.village.id)
    assert row["item"] == "publicity_leaflet"
    assert row["quantity"] == 200 and row["households"] == 80
    assert row["activity_id"] is None
    assert "region_path" not in row
    got = client.get(f"{DISTRIBUTIONS}/{row['id']}", headers=staff)
    assert got.status_code == 200 and got.json() == row
    assert got.headers["ETag"] == '"1"'
    [stored] = table_rows(db, distribution_t, id=row["id"])
    assert stored["region_path"] == world.village.path
    assert len(audit_rows(db, action="distribution.create")) == 1


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("quantity", 0, "validation_error"),
        ("quantity", 1.5, "validation_error"),
        ("quantity", "3", "validation_error"),
        ("households", -1, "validation_error"),
        ("item", "banner", "validation_error"),
        ("distributed_on", "2026-13-01", "validation_error"),
        ("note", "a\x00b", "validation_error"),
        ("region_id", "not-a-uuid", "validation_error"),
    ],
)
def test_invalid_bodies(client, world, field, value, code):
    body = distribution_body(world.village, **{field: value})
    response = client.post(DISTRIBUTIONS, json=body, headers=world.as_("staff"))
    assert_problem(response, 422, code)


def test_rules(client, world, db):
    staff = world.as_("staff")
    future = distribution_body(world.village, distributed_on=day(1).isoformat())
    assert_problem(client.post(DISTRIBUTIONS, json=future, headers=staff), 422, "date_in_future")
    outside = distribution_body(world.other_village)
    body = assert_problem(
        client.post(DISTRIBUTIONS, json=outside, headers=staff), 422, "invalid_region"
    )
    assert body["errors"][0]["loc"] == ["body", "region_id"]
    unknown = distribution_body(uuid.uuid4())
    assert_problem(client.post(DISTRIBUTIONS, json=unknown, headers=staff), 422, "invalid_region")

    activity = make_activity(db, world.village)
    ok = client.post(
        DISTRIBUTIONS, json=distribution_body(world.village, activity_id=activity), headers=staff
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["activity_id"] == activity
    for bad in (
        make_activity(db, world.other_village),
        make_activity(db, world.village, deleted=True),
        str(uuid.uuid4()),
    ):
        response = client.post(
            DISTRIBUTIONS, json=distribution_body(world.village, activity_id=bad), headers=staff
        )
        assert_problem(response, 422, "invalid_activity")
    assert len(table_rows(db, distribution_t)) == 1


def test_scoping(client, world):
    staff = world.as_("staff")
    mine = client.post(DISTRIBUTIONS, json=distribution_body(world.community), headers=staff).json()
    theirs = client.post(
        DISTRIBUTIONS, json=distribution_body(world.other_village), headers=world.as_("other_staff")
    ).json()
    url = f"{DISTRIBUTIONS}/{mine['id']}"
    for who in ("admin", "auditor", "staff", "village", "volunteer"):
        assert client.get(url, headers=world.as_(who)).status_code == 200, who
    assert_problem(client.get(url, headers=world.as_("other_staff")), 404, "not_found")
    assert_problem(
        client.patch(url, json={"quantity": 5}, headers=world.as_("other_staff")), 404, "not_found"
    )
    assert_problem(client.delete(url, headers=world.as_("other_staff")), 404, "not_found")
    assert_problem(
        client.put(
            url, json=distribution_body(world.other_village), headers=world.as_("other_staff")
        ),
        404,
        "not_found",
    )
    assert [d["id"] for d in list_all(client, DISTRIBUTIONS, staff)] == [mine["id"]]
    assert {d["id"] for d in list_all(client, DISTRIBUTIONS, world.as_("admin"))} == {
        mine["id"],
        theirs["id"],
    }
    # A village contact records in its own village only.
    village = world.as_("village")
    response = client.post(DISTRIBUTIONS, json=distribution_body(world.village), headers=village)
    assert_problem(response, 422, "invalid_region")
    response = client.post(DISTRIBUTIONS, json=distribution_body(world.community), headers=village)
    assert response.status_code == 201
    for who in ("lawyer", "partner"):
        assert client.get(DISTRIBUTIONS, headers=world.as_(who)).status_code == 403
    auditor = client.post(
        DISTRIBUTIONS, json=distribution_body(world.community), headers=world.as_("auditor")
    )
    assert auditor.status_code == 403


def test_put_patch_delete(client, world, db):
    staff = world.as_("staff")
    row_id = new_id()
    url = f"{DISTRIBUTIONS}/{row_id}"
    created = client.put(url, json=distribution_body(world.village), headers=staff)
    assert created.status_code == 201, created.text
    same = client.put(url, json=distribution_body(world.village), headers=staff)
    assert same.status_code == 200 and same.json()["version"] == 1
    moved = client.put(
        url,
        json=distribution_body(world.community, item="hotline_card", quantity=50),
        headers={**staff, "If-Match": '"1"'},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["region_id"] == str(world.community.id)
    assert moved.json()["version"] == 2
    [stored] = table_rows(db, distribution_t, id=row_id)
    assert stored["region_path"] == world.community.path
    stale = client.put(
        url, json=distribution_body(world.village), headers={**staff, "If-Match": '"1"'}
    )
    assert_problem(stale, 412, "precondition_failed")

    patched = client.patch(url, json={"households": None, "note": "补记"}, headers=staff)
    assert patched.status_code == 200, patched.text
    assert patched.json()["households"] is None and patched.json()["note"] == "补记"
    assert patched.json()["item"] == "hotline_card"
    assert patched.headers["ETag"] == '"3"'
    assert_problem(
        client.patch(url, json={"quantity": None}, headers=staff), 422, "validation_error"
    )
    future = {"distributed_on": day(2).isoformat()}
    assert_problem(client.patch(url, json=future, headers=staff), 422, "date_in_future")
    stale = client.patch(url, json={"quantity": 3}, headers={**staff, "If-Match": '"2"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(url, headers=staff).json()["quantity"] == 50

    assert_problem(
        client.delete(url, headers={**staff, "If-Match": '"1"'}), 412, "precondition_failed"
    )
    assert client.delete(url, headers={**staff, "If-Match": '"3"'}).status_code == 204
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert list_all(client, DISTRIBUTIONS, staff) == []
    assert_problem(
        client.put(url, json=distribution_body(world.village), headers=staff),
        409,
        "resource_deleted",
    )
    actions = [e["action"] for e in audit_rows(db, resource_id=row_id)]
    assert actions == [
        "distribution.create",
        "distribution.update",
        "distribution.update",
        "distribution.delete",
    ]


def test_idempotent_create(client, world, db):
    staff = {**world.as_("staff"), "Idempotency-Key": "dist-1"}
    first = client.post(DISTRIBUTIONS, json=distribution_body(world.village), headers=staff)
    again = client.post(DISTRIBUTIONS, json=distribution_body(world.village), headers=staff)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert len(table_rows(db, distribution_t)) == 1


def test_list_filters_order_and_paging(client, world, db):
    admin = world.as_("admin")

    def made(region, **extra):  # type: ignore[no-untyped-def]
        response = client.post(
            DISTRIBUTIONS, json=distribution_body(region, **extra), headers=admin
        )
        assert response.status_code == 201, response.text
        return response.json()["id"]

    activity = make_activity(db, world.village)
    a = made(world.village, distributed_on=day(-10).isoformat())
    b = made(world.community, distributed_on=day(-1).isoformat(), item="school_supplies")
    c = made(world.other_village, distributed_on=day(-5).isoformat(), activity_id=activity)
    d = made(world.village, distributed_on=day(-5).isoformat())

    def ids(**params):  # type: ignore[no-untyped-def]
        return [r["id"] for r in list_all(client, DISTRIBUTIONS, admin, limit=1, **params)]

    same_day = sorted([c, d], reverse=True)  # distributed_on desc, then id desc
    assert ids() == [b, *same_day, a]
    assert ids(region_id=str(world.huangtun.id)) == [b, d, a]
    assert ids(region_id=str(world.village.id)) == [d, a]
    assert ids(item="school_supplies") == [b]
    assert ids(**{"from": day(-5).isoformat()}) == [b, *same_day]
    assert ids(to=day(-5).isoformat()) == [*same_day, a]
    assert ids(**{"from": day(-6).isoformat(), "to": day(-2).isoformat()}) == same_day
    assert ids(activity_id=activity) == [c]
    since = client.get(f"{DISTRIBUTIONS}/{d}", headers=admin).json()["updated_at"]
    assert set(ids(updated_since=since)) <= {b, c, d} and d in ids(updated_since=since)
    assert_problem(
        client.get(DISTRIBUTIONS, params={"item": "x"}, headers=admin), 422, "validation_error"
    )
    first = client.get(DISTRIBUTIONS, params={"limit": 1}, headers=admin).json()
    other = client.get(
        DISTRIBUTIONS,
        params={"limit": 1, "item": "other", "cursor": first["next_cursor"]},
        headers=admin,
    )
    assert_problem(other, 400, "invalid_cursor")
