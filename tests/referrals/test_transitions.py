"""POST /referrals/{id}/transitions: the state machine, the timeline, versions, audit."""

from __future__ import annotations

import pytest

from tests.referrals.helpers import (
    REFERRALS,
    assert_problem,
    audit_rows,
    count_rows,
    create_person,
    move,
    referred,
)

STATUSES = ["open", "accepted", "in_progress", "resolved", "declined", "cancelled"]
LEGAL = {
    ("open", "accepted"),
    ("open", "declined"),
    ("open", "cancelled"),
    ("accepted", "in_progress"),
    ("accepted", "cancelled"),
    ("in_progress", "resolved"),
    ("in_progress", "cancelled"),
}
# How to bring a fresh referral into each status.
PATHS = {
    "open": [],
    "accepted": ["accepted"],
    "in_progress": ["accepted", "in_progress"],
    "resolved": ["accepted", "in_progress", "resolved"],
    "declined": ["declined"],
    "cancelled": ["cancelled"],
}


@pytest.fixture
def child(client, world):
    return create_person(client, world.as_("staff"), world.community)


def _in_status(client, headers, child, world, status):  # type: ignore[no-untyped-def]
    referral = referred(client, headers, child, world.police)
    for step in PATHS[status]:
        response = move(client, headers, referral, step)
        assert response.status_code == 200, response.text
        referral = response.json()
    assert referral["status"] == status
    return referral


@pytest.mark.parametrize("from_status", STATUSES)
def test_every_pair_of_the_state_machine(client, world, db, child, from_status):
    staff = world.as_("staff")
    for to_status in STATUSES:
        referral = _in_status(client, staff, child, world, from_status)
        steps_before = count_rows(db, "referral_transition")

        response = move(client, staff, referral, to_status)

        if (from_status, to_status) in LEGAL:
            assert response.status_code == 200, (from_status, to_status, response.text)
            moved = response.json()
            assert moved["status"] == to_status
            assert moved["version"] == referral["version"] + 1
            assert response.headers["ETag"] == f'"{moved["version"]}"'
            assert count_rows(db, "referral_transition") == steps_before + 1
        else:
            body = assert_problem(response, 409, "invalid_transition")
            assert body["current_status"] == from_status
            expected = sorted(t for f, t in LEGAL if f == from_status)
            assert body["allowed_to_status"] == expected
            after = client.get(f"{REFERRALS}/{referral['id']}", headers=staff).json()
            assert after == referral  # nothing changed
            assert count_rows(db, "referral_transition") == steps_before


def test_the_timeline_records_every_step(client, world, db, child):
    staff, admin = world.as_("staff"), world.as_("admin")
    referral = referred(client, staff, child, world.police)
    move(client, world.as_("partner"), referral, "accepted", body={"note": "已受理，民警明日上门"})
    move(client, staff, referral, "in_progress")
    done = move(client, admin, referral, "resolved", body={"note": "已调解，\n转介结束"})

    assert done.status_code == 200, done.text
    timeline = done.json()["timeline"]
    assert [(s["from_status"], s["to_status"]) for s in timeline] == [
        (None, "open"),
        ("open", "accepted"),
        ("accepted", "in_progress"),
        ("in_progress", "resolved"),
    ]
    assert [s["by"] for s in timeline] == [
        "u_staff",
        world.partner.client_id,
        "u_staff",
        "u_admin",
    ]
    assert [s["note"] for s in timeline] == [
        None,
        "已受理，民警明日上门",
        None,
        "已调解，\n转介结束",
    ]
    ats = [s["at"] for s in timeline]
    assert ats == sorted(ats)
    assert done.json()["updated_at"] == timeline[-1]["at"]
    assert done.json()["version"] == 4
    read = client.get(f"{REFERRALS}/{referral['id']}", headers=staff).json()
    assert read == done.json()
    events = audit_rows(db, resource_id=referral["id"])
    assert [e["action"] for e in events] == ["referral.create"] + ["referral.transition"] * 3
    assert [(e["detail"]["from_status"], e["detail"]["to_status"]) for e in events[1:]] == [
        ("open", "accepted"),
        ("accepted", "in_progress"),
        ("in_progress", "resolved"),
    ]
    assert events[1]["actor_kind"] == "client"


def test_if_match_guards_a_transition(client, world, db, child):
    staff = world.as_("staff")
    referral = referred(client, staff, child, world.police)

    stale = move(client, staff, referral, "accepted", **{"If-Match": '"7"'})
    fresh = move(client, staff, referral, "accepted", **{"If-Match": '"1"'})
    late = move(client, staff, referral, "in_progress", **{"If-Match": '"1"'})

    assert_problem(stale, 412, "precondition_failed")
    assert fresh.status_code == 200 and fresh.json()["version"] == 2
    assert_problem(late, 412, "precondition_failed")
    assert count_rows(db, "referral_transition") == 2


def test_an_idempotent_transition_replays_instead_of_409(client, world, db, child):
    staff = world.as_("staff")
    referral = referred(client, staff, child, world.police)
    key = {"Idempotency-Key": "accept-1"}

    first = move(client, staff, referral, "accepted", **key)
    again = move(client, staff, referral, "accepted", **key)
    without = move(client, staff, referral, "accepted")

    assert first.status_code == 200 and again.status_code == 200
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    assert_problem(without, 409, "invalid_transition")
    assert count_rows(db, "referral_transition") == 2


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"to_status": "done"},
        {"to_status": "accepted", "note": "x" * 2001},
        {"to_status": "accepted", "note": "a\x00b"},
        {"to_status": "accepted", "by": "someone"},
    ],
)
def test_bad_transition_bodies_are_422(client, world, db, child, body):
    staff = world.as_("staff")
    referral = referred(client, staff, child, world.police)

    response = client.post(f"{REFERRALS}/{referral['id']}/transitions", json=body, headers=staff)

    assert_problem(response, 422, "validation_error")
    assert client.get(f"{REFERRALS}/{referral['id']}", headers=staff).json()["status"] == "open"


def test_transitions_of_unknown_or_unseen_referrals_are_404(client, world, child):
    referral = referred(client, world.as_("staff"), child, world.police)

    assert_problem(move(client, world.as_("other_staff"), referral, "accepted"), 404, "not_found")
    unknown = {"id": "00000000-0000-4000-8000-000000000000"}
    assert_problem(move(client, world.as_("staff"), unknown, "accepted"), 404, "not_found")


def test_auditors_read_but_do_not_move(client, world, child):
    referral = referred(client, world.as_("staff"), child, world.police)

    assert (
        client.get(f"{REFERRALS}/{referral['id']}", headers=world.as_("auditor")).json()["status"]
        == "open"
    )
    assert_problem(
        move(client, world.as_("auditor"), referral, "accepted"), 403, "insufficient_scope"
    )
