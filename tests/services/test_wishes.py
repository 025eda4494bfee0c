"""/wishes: create, read, PUT, PATCH, delete, lists and filters, scoping, the donor's phone."""

from __future__ import annotations

import uuid

import pytest

from liushou.clock import today
from liushou.tables import wish_t, wish_transition_t
from tests.conftest import new_id
from tests.http import list_all
from tests.services.wishes_helpers import (
    DONOR_PHONE,
    WISHES,
    acted,
    assert_problem,
    audit_rows,
    create_person,
    make_wish,
    table_rows,
    wish_body,
)


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community)


def test_create_read_back(client, world, db, child):
    staff = world.as_("staff")
    response = client.post(WISHES, json=wish_body(child), headers=staff)
    assert response.status_code == 201, response.text
    wish = response.json()
    assert response.headers["Location"].endswith(f"/api/v1/wishes/{wish['id']}")
    assert response.headers["ETag"] == '"1"'
    assert wish["status"] == "open"
    assert wish["kind"] == "micro_wish"
    assert wish["estimated_value"] == 120.5  # a JSON number, not a string
    assert '"estimated_value":120.5' in response.text
    assert wish["donor_name"] is None and wish["donor_phone_masked"] is None
    assert wish["claimed_on"] is None and wish["fulfilled_on"] is None
    assert wish["service_record_id"] is None
    assert [(s["from_status"], s["to_status"]) for s in wish["timeline"]] == [(None, "open")]
    assert wish["timeline"][0]["by"] == "u_staff"

    got = client.get(f"{WISHES}/{wish['id']}", headers=staff)
    assert got.status_code == 200
    assert got.headers["ETag"] == '"1"'
    assert got.json() == wish

    steps = table_rows(db, wish_transition_t, wish_id=wish["id"])
    assert [s["seq"] for s in steps] == [1]
    events = audit_rows(db, action="wish.create")
    assert len(events) == 1 and events[0]["detail"]["person_id"] == child["id"]


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (0, True),
        (100000, True),
        ("99.99", True),
        (12.345, False),
        (-1, False),
        (100000.01, False),
        ("abc", False),
        ("NaN", False),
        ("Infinity", False),
        (True, False),
    ],
)
def test_estimated_value_is_yuan_with_two_decimals(client, world, child, value, ok):
    response = client.post(
        WISHES, json=wish_body(child, estimated_value=value), headers=world.as_("staff")
    )
    if ok:
        assert response.status_code == 201, response.text
        assert response.json()["estimated_value"] == float(value)
    else:
        assert_problem(response, 422, "validation_error")


def test_value_is_optional(client, world, child):
    body = wish_body(child)
    del body["estimated_value"]
    wish = make_wish(client, world.as_("staff"), child, estimated_value=None)
    assert wish["estimated_value"] is None
    assert client.post(WISHES, json=body, headers=world.as_("staff")).status_code == 201


@pytest.mark.parametrize("category", ["woman", "elder"])
def test_only_children_have_wishes(client, world, category):
    staff = world.as_("staff")
    adult = create_person(client, staff, world.community, category)
    for kind in ("micro_wish", "dream_come_true"):
        response = client.post(WISHES, json=wish_body(adult, kind=kind), headers=staff)
        body = assert_problem(response, 422, "service_not_for_category")
        assert body["errors"][0]["loc"] == ["body", "person_id"]


def test_unknown_kind_and_status_are_refused(client, world, child):
    staff = world.as_("staff")
    response = client.post(WISHES, json=wish_body(child, kind="school_supplies"), headers=staff)
    assert_problem(response, 422, "validation_error")
    response = client.post(WISHES, json=wish_body(child, status="fulfilled"), headers=staff)
    assert_problem(response, 422, "validation_error")  # status is read-only


def test_a_child_who_left_the_register_gets_no_new_wish(client, world, child):
    staff = world.as_("staff")
    exited = client.post(
        f"/api/v1/persons/{child['id']}/exit",
        json={"exited_on": today().isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    assert exited.status_code == 200, exited.text
    response = client.post(WISHES, json=wish_body(child), headers=staff)
    assert_problem(response, 422, "person_not_active")


def test_scoping_follows_the_child(client, world, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    url = f"{WISHES}/{wish['id']}"
    for who in ("admin", "auditor", "village"):
        assert client.get(url, headers=world.as_(who)).status_code == 200, who
    for who in ("other_staff", "volunteer"):
        assert_problem(client.get(url, headers=world.as_(who)), 404, "not_found")
        assert list_all(client, WISHES, world.as_(who)) == []
        assert_problem(
            client.patch(url, json={"description": "x"}, headers=world.as_(who)), 404, "not_found"
        )
        assert_problem(
            client.post(f"{url}/claim", json={"donor_name": "张"}, headers=world.as_(who)),
            404,
            "not_found",
        )
        assert_problem(client.delete(url, headers=world.as_(who)), 404, "not_found")
        response = client.post(WISHES, json=wish_body(child), headers=world.as_(who))
        assert_problem(response, 404, "not_found")
    # Without the services scope at all.
    for who in ("lawyer", "partner"):
        assert client.get(url, headers=world.as_(who)).status_code == 403
    # An auditor reads but does not write.
    assert (
        client.post(WISHES, json=wish_body(child), headers=world.as_("auditor")).status_code == 403
    )


def test_put_creates_then_replaces(client, world, db, child):
    staff = world.as_("staff")
    wish_id = new_id()
    url = f"{WISHES}/{wish_id}"
    first = client.put(url, json=wish_body(child), headers=staff)
    assert first.status_code == 201, first.text
    assert first.headers["Location"].endswith(url)
    again = client.put(url, json=wish_body(child), headers=staff)
    assert again.status_code == 200
    assert again.json()["version"] == 1  # the same body: a safe retry, nothing changed

    changed = client.put(
        url, json=wish_body(child, description="想要一个书包", estimated_value="80"), headers=staff
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["description"] == "想要一个书包"
    assert changed.json()["estimated_value"] == 80
    assert changed.json()["version"] == 2

    immutable = client.put(url, json=wish_body(child, kind="dream_come_true"), headers=staff)
    assert_problem(immutable, 422, "immutable_field")
    stale = client.put(url, json=wish_body(child), headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    assert len(table_rows(db, wish_t, id=wish_id)) == 1


def test_patch_while_open_or_claimed_then_closed(client, world, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    url = f"{WISHES}/{wish['id']}"
    response = client.patch(
        url, json={"estimated_value": 99.9}, headers={**staff, "If-Match": '"1"'}
    )
    assert response.status_code == 200, response.text
    assert response.json()["estimated_value"] == 99.9
    assert response.headers["ETag"] == '"2"'
    stale = client.patch(url, json={"description": "旧版本"}, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(url, headers=staff).json()["description"] == wish["description"]
    assert_problem(
        client.patch(url, json={"description": None}, headers=staff), 422, "validation_error"
    )
    assert_problem(
        client.patch(url, json={"status": "fulfilled"}, headers=staff), 422, "validation_error"
    )

    claimed = acted(client, staff, wish, "claim")
    response = client.patch(url, json={"description": "认领后补充说明"}, headers=staff)
    assert response.status_code == 200 and response.json()["status"] == "claimed"

    acted(client, staff, claimed, "cancel")
    assert_problem(
        client.patch(url, json={"description": "再改"}, headers=staff), 409, "wish_closed"
    )
    # The same value again is no change, and no refusal.
    assert (
        client.patch(url, json={"description": "认领后补充说明"}, headers=staff).status_code == 200
    )


def test_soft_delete(client, world, db, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    url = f"{WISHES}/{wish['id']}"
    assert_problem(
        client.delete(url, headers={**staff, "If-Match": '"7"'}), 412, "precondition_failed"
    )
    response = client.delete(url, headers={**staff, "If-Match": '"1"'})
    assert response.status_code == 204
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert list_all(client, WISHES, staff) == []
    assert_problem(client.delete(url, headers=staff), 404, "not_found")
    assert_problem(client.put(url, json=wish_body(child), headers=staff), 409, "resource_deleted")
    [row] = table_rows(db, wish_t, id=wish["id"])
    assert row["deleted_at"] is not None
    assert len(audit_rows(db, action="wish.delete")) == 1


def test_idempotent_create(client, world, db, child):
    staff = {**world.as_("staff"), "Idempotency-Key": "wish-create-1"}
    first = client.post(WISHES, json=wish_body(child), headers=staff)
    second = client.post(WISHES, json=wish_body(child), headers=staff)
    assert first.status_code == second.status_code == 201
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert len(table_rows(db, wish_t)) == 1
    other = client.post(WISHES, json=wish_body(child, description="另一个"), headers=staff)
    assert_problem(other, 422, "idempotency_key_reused")


def test_list_filters_and_paging(client, world, child):
    staff = world.as_("staff")
    other_child = create_person(client, world.as_("admin"), world.other_village)
    a = make_wish(client, staff, child)
    b = make_wish(client, staff, child, kind="dream_come_true")
    c = make_wish(client, world.as_("admin"), other_child)
    acted(client, staff, b, "claim")
    admin = world.as_("admin")

    def ids(**params):  # type: ignore[no-untyped-def]
        return [w["id"] for w in list_all(client, WISHES, admin, limit=1, **params)]

    assert ids() == [c["id"], b["id"], a["id"]]  # newest first, one per page
    assert ids(status="claimed") == [b["id"]]
    assert ids(status="open") == [c["id"], a["id"]]
    assert ids(kind="dream_come_true") == [b["id"]]
    assert ids(region_id=str(world.huangtun.id)) == [b["id"], a["id"]]
    assert ids(region_id=str(world.liuxing.id)) == [c["id"]]
    assert ids(region_id=str(uuid.uuid4())) == []
    assert ids(person_id=other_child["id"]) == [c["id"]]
    # The staff of 黄屯 sees its own children's wishes only.
    assert [w["id"] for w in list_all(client, WISHES, staff)] == [b["id"], a["id"]]
    listed = list_all(client, WISHES, admin, status="claimed")[0]
    assert listed == client.get(f"{WISHES}/{b['id']}", headers=admin).json()
    # updated_since: only what changed since.
    since = listed["updated_at"]
    assert [w["id"] for w in list_all(client, WISHES, admin, updated_since=since)] == [b["id"]]
    assert_problem(
        client.get(WISHES, params={"status": "done"}, headers=admin), 422, "validation_error"
    )


def test_donor_phone_is_stored_encrypted_and_only_shown_masked(client, world, db, app, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    claimed = act_response = client.post(
        f"{WISHES}/{wish['id']}/claim",
        json={"donor_name": "李女士", "donor_phone": "+86 139-1234-5678"},
        headers=staff,
    )
    assert act_response.status_code == 200, act_response.text
    claimed = act_response.json()
    assert claimed["donor_phone_masked"] == "139****5678"
    assert "donor_phone" not in claimed
    for who in ("admin", "staff", "village", "auditor"):
        for text in (
            client.get(f"{WISHES}/{wish['id']}", headers=world.as_(who)).text,
            client.get(WISHES, headers=world.as_(who)).text,
        ):
            assert DONOR_PHONE not in text
    assert DONOR_PHONE not in act_response.text
    [row] = table_rows(db, wish_t, id=wish["id"])
    assert row["donor_phone_cipher"] and DONOR_PHONE not in row["donor_phone_cipher"]
    assert row["donor_phone_masked"] == "139****5678"
    # The cipher opens to the number, for this row and column only.
    pii = app.state.personal_data
    assert (
        pii.open_in("wish", uuid.UUID(wish["id"]), "donor_phone", row["donor_phone_cipher"])
        == DONOR_PHONE
    )
    events = audit_rows(db, resource_id=wish["id"])
    assert [e["action"] for e in events] == ["wish.create", "wish.transition"]
    assert events[1]["changed_fields"] == [
        "claimed_on",
        "donor_name",
        "donor_phone",
        "status",
    ]
    for event in events:
        assert DONOR_PHONE not in str(event)
    bad = client.post(
        f"{WISHES}/{make_wish(client, staff, child)['id']}/claim",
        json={"donor_name": "李女士", "donor_phone": "12345678901"},
        headers=staff,
    )
    assert bad.status_code == 422, bad.text
