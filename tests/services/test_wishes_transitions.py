"""POST /wishes/{id}/claim|release|fulfil|cancel: the state machine, the timeline, the
service record of a fulfilment, If-Match and Idempotency-Key."""

from __future__ import annotations

import uuid

import pytest

from liushou.tables import service_record_t, wish_t, wish_transition_t
from tests.services.wishes_helpers import (
    WISHES,
    act,
    acted,
    assert_problem,
    audit_rows,
    create_person,
    day,
    make_wish,
    table_rows,
)

STATUSES = ["open", "claimed", "fulfilled", "cancelled"]
ACTIONS = {"claim": "claimed", "release": "open", "fulfil": "fulfilled", "cancel": "cancelled"}
LEGAL = {
    ("open", "claim"),
    ("open", "cancel"),
    ("claimed", "release"),
    ("claimed", "fulfil"),
    ("claimed", "cancel"),
}
PATHS = {
    "open": [],
    "claimed": ["claim"],
    "fulfilled": ["claim", "fulfil"],
    "cancelled": ["cancel"],
}


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community)


def _in_status(client, headers, child, status):  # type: ignore[no-untyped-def]
    wish = make_wish(client, headers, child)
    for action in PATHS[status]:
        wish = acted(client, headers, wish, action)
    assert wish["status"] == status
    return wish


@pytest.mark.parametrize("from_status", STATUSES)
def test_every_action_from_every_status(client, world, db, child, from_status):
    staff = world.as_("staff")
    for action, to_status in ACTIONS.items():
        wish = _in_status(client, staff, child, from_status)
        steps = len(table_rows(db, wish_transition_t, wish_id=wish["id"]))
        response = act(client, staff, wish, action)
        if (from_status, action) in LEGAL:
            assert response.status_code == 200, (from_status, action, response.text)
            moved = response.json()
            assert moved["status"] == to_status
            assert moved["version"] == wish["version"] + 1
            assert response.headers["ETag"] == f'"{moved["version"]}"'
            assert len(moved["timeline"]) == steps + 1
            assert moved["timeline"][-1]["from_status"] == from_status
            assert moved["timeline"][-1]["to_status"] == to_status
        else:
            body = assert_problem(response, 409, "invalid_transition")
            assert body["current_status"] == from_status
            expected = sorted(ACTIONS[a] for f, a in LEGAL if f == from_status)
            assert body["allowed_to_status"] == expected
            after = client.get(f"{WISHES}/{wish['id']}", headers=staff).json()
            assert after == wish
        assert len(table_rows(db, wish_transition_t, wish_id=wish["id"])) == steps + (
            (from_status, action) in LEGAL
        )


def test_the_whole_lifecycle(client, world, db, child):
    staff, village = world.as_("staff"), world.as_("village")
    wish = make_wish(client, staff, child)

    claimed = acted(
        client,
        village,
        wish,
        "claim",
        {
            "donor_name": "爱心企业",
            "donor_phone": "13912345678",
            "donor_organization_id": str(world.womens_federation.id),
            "claimed_on": day(-5).isoformat(),
        },
    )
    assert claimed["donor_name"] == "爱心企业"
    assert claimed["donor_organization_id"] == str(world.womens_federation.id)
    assert claimed["claimed_on"] == day(-5).isoformat()

    released = acted(client, staff, claimed, "release", {"note": "捐赠人联系不上"})
    assert released["status"] == "open"
    assert released["donor_name"] is None
    assert released["donor_organization_id"] is None
    assert released["donor_phone_masked"] is None
    assert released["claimed_on"] is None
    [row] = table_rows(db, wish_t, id=wish["id"])
    assert row["donor_phone_cipher"] is None

    claimed = acted(client, staff, released, "claim", {"donor_name": "王老师"})
    assert claimed["claimed_on"] == day(0).isoformat()  # default today
    assert claimed["donor_phone_masked"] is None
    fulfilled = acted(
        client,
        staff,
        claimed,
        "fulfil",
        {"fulfilled_on": day(0).isoformat(), "note": "已送达新书包"},
    )
    assert fulfilled["status"] == "fulfilled"
    assert fulfilled["fulfilled_on"] == day(0).isoformat()
    assert [(s["from_status"], s["to_status"]) for s in fulfilled["timeline"]] == [
        (None, "open"),
        ("open", "claimed"),
        ("claimed", "open"),
        ("open", "claimed"),
        ("claimed", "fulfilled"),
    ]
    assert fulfilled["timeline"][2]["note"] == "捐赠人联系不上"
    assert fulfilled["timeline"][1]["by"] == "u_village"
    seqs = sorted(s["seq"] for s in table_rows(db, wish_transition_t, wish_id=wish["id"]))
    assert seqs == [1, 2, 3, 4, 5]

    # The one service record of the fulfilment, in the table.
    [record] = table_rows(db, service_record_t, wish_id=wish["id"])
    assert record["person_id"] == uuid.UUID(child["id"])
    assert record["service_type"] == "micro_wish"
    assert record["delivered_on"] == day(0)
    assert record["quantity"] == 1
    assert record["activity_id"] is None
    assert record["deleted_at"] is None
    assert record["notes"] == "已送达新书包"
    assert fulfilled["service_record_id"] == str(record["id"])
    assert client.get(f"{WISHES}/{wish['id']}", headers=staff).json() == fulfilled

    actions = [e["action"] for e in audit_rows(db, resource_id=wish["id"])]
    assert actions == ["wish.create"] + ["wish.transition"] * 4
    assert len(audit_rows(db, action="service_record.create")) == 1

    # Deleting the fulfilled wish takes its record with it.
    assert client.delete(f"{WISHES}/{wish['id']}", headers=staff).status_code == 204
    [record] = table_rows(db, service_record_t, wish_id=wish["id"])
    assert record["deleted_at"] is not None


def test_dream_come_true_records_its_own_type(client, world, db, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child, kind="dream_come_true")
    acted(client, staff, acted(client, staff, wish, "claim"), "fulfil")
    [record] = table_rows(db, service_record_t, wish_id=wish["id"])
    assert record["service_type"] == "dream_come_true"


def test_claim_rules(client, world, db, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    future = act(
        client, staff, wish, "claim", {"donor_name": "张", "claimed_on": day(1).isoformat()}
    )
    body = assert_problem(future, 422, "date_in_future")
    assert body["errors"][0]["loc"] == ["body", "claimed_on"]
    unknown = act(
        client,
        staff,
        wish,
        "claim",
        {"donor_name": "张", "donor_organization_id": str(uuid.uuid4())},
    )
    assert_problem(unknown, 422, "invalid_organization")
    assert_problem(act(client, staff, wish, "claim", {}), 422, "validation_error")
    assert_problem(act(client, staff, wish, "claim", {"donor_name": ""}), 422, "validation_error")
    assert_problem(act(client, staff, wish, "cancel", {}), 422, "validation_error")
    # Nothing of the refused attempts was written.
    assert len(table_rows(db, wish_transition_t, wish_id=wish["id"])) == 1
    assert client.get(f"{WISHES}/{wish['id']}", headers=staff).json() == wish


def test_fulfil_rules(client, world, db, child):
    staff = world.as_("staff")
    claimed = acted(
        client,
        staff,
        make_wish(client, staff, child),
        "claim",
        {"donor_name": "张", "claimed_on": day(-10).isoformat()},
    )
    future = act(client, staff, claimed, "fulfil", {"fulfilled_on": day(1).isoformat()})
    assert_problem(future, 422, "date_in_future")
    early = act(client, staff, claimed, "fulfil", {"fulfilled_on": day(-11).isoformat()})
    assert_problem(early, 422, "fulfilled_before_claimed")
    assert_problem(act(client, staff, claimed, "fulfil", {}), 422, "validation_error")

    # The child was not yet on the register (left behind since 500 days ago).
    old = acted(
        client,
        staff,
        make_wish(client, staff, child),
        "claim",
        {"donor_name": "张", "claimed_on": day(-700).isoformat()},
    )
    inactive = act(client, staff, old, "fulfil", {"fulfilled_on": day(-600).isoformat()})
    body = assert_problem(inactive, 422, "person_not_active")
    assert body["errors"][0]["loc"] == ["body", "fulfilled_on"]
    assert table_rows(db, service_record_t) == []
    assert client.get(f"{WISHES}/{old['id']}", headers=staff).json()["status"] == "claimed"


def test_if_match_on_transitions(client, world, db, child):
    staff = world.as_("staff")
    wish = make_wish(client, staff, child)
    stale = act(client, staff, wish, "claim", None, **{"If-Match": '"9"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(f"{WISHES}/{wish['id']}", headers=staff).json()["status"] == "open"
    ok = act(client, staff, wish, "claim", None, **{"If-Match": '"1"'})
    assert ok.status_code == 200
    stale = act(client, staff, wish, "release", None, **{"If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")


def test_release_needs_no_body(client, world, child):
    staff = world.as_("staff")
    claimed = acted(client, staff, make_wish(client, staff, child), "claim")
    response = client.post(f"{WISHES}/{claimed['id']}/release", headers=staff)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "open"
    assert response.json()["timeline"][-1]["note"] is None


def test_a_retried_transition_replays_with_the_same_key(client, world, db, child):
    staff = world.as_("staff")
    claimed = acted(client, staff, make_wish(client, staff, child), "claim")
    keyed = {"Idempotency-Key": '"fulfil-1"'}
    first = act(client, staff, claimed, "fulfil", None, **keyed)
    assert first.status_code == 200, first.text
    again = act(client, staff, claimed, "fulfil", None, **{"Idempotency-Key": "fulfil-1"})
    assert again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert len(table_rows(db, service_record_t, wish_id=claimed["id"])) == 1
    # Without the key a second fulfil is what it is: an invalid transition.
    assert_problem(act(client, staff, claimed, "fulfil"), 409, "invalid_transition")
    other = act(client, staff, claimed, "cancel", None, **keyed)
    assert_problem(other, 422, "idempotency_key_reused")


def test_unknown_wish(client, world):
    staff = world.as_("staff")
    for action in ACTIONS:
        response = act(client, staff, {"id": str(uuid.uuid4())}, action)
        assert_problem(response, 404, "not_found")
