"""/assignments and PUT /persons/{id}/primary-contact: one active primary contact per person
(enforced by the database), handovers, areas, intervals, filters and scoping."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa

from liushou.clock import today
from liushou.guardianship.models import Assignment
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    PERSONS,
    active_primaries,
    assert_problem,
    assign,
    assigned,
    audit_events,
    create_caretaker,
    create_person,
    days_ago,
    hand_over,
    ids,
)
from tests.http import list_all

assignment_t: sa.Table = Assignment.__table__  # type: ignore[attr-defined]


@pytest.fixture
def setup(client, world):
    staff = world.as_("staff")
    person = create_person(client, staff, world.community)
    cadre = create_caretaker(client, staff, world.community, name="社区干部")
    other_cadre = create_caretaker(client, staff, world.community, name="另一干部")
    return staff, person, cadre, other_cadre


# --- create, defaults ----------------------------------------------------------------------


def test_create_an_assignment(client, world, setup):
    staff, person, cadre, _ = setup

    response = assign(client, staff, person, cadre)

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"/api/v1/assignments/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["person_id"] == person["id"] and body["caretaker_id"] == cadre["id"]
    assert body["role"] == "primary_contact" and body["active"] is True
    assert body["starts_on"] == today().isoformat() and body["ends_on"] is None
    assert body["visit_interval_days"] == 30
    assert body["last_visited_on"] is None
    assert body["next_visit_due"] == (today() + timedelta(days=30)).isoformat()
    assert body["overdue"] is False and body["version"] == 1
    read = client.get(f"{ASSIGNMENTS}/{body['id']}", headers=staff)
    assert read.status_code == 200 and read.json() == body and read.headers["ETag"] == '"1"'
    events = audit_events(client, world.as_("admin"), body["id"])
    assert [e["action"] for e in events] == ["assignment.create"]


@pytest.mark.parametrize(
    ("category", "extra", "interval"),
    [
        ("child", {}, 30),
        ("child", {"guardianship_type": "none"}, 1),
        ("woman", {}, 90),
        ("elder", {"risk_tier": "high"}, 7),
        ("elder", {"risk_tier": "key"}, 30),
        ("elder", {"risk_tier": "general"}, 90),
    ],
)
def test_default_interval_by_category_and_risk(client, world, category, extra, interval):
    staff = world.as_("staff")
    person = create_person(client, staff, world.community, category, **extra)
    cadre = create_caretaker(client, staff, world.community)

    body = assigned(client, staff, person, cadre)

    assert body["visit_interval_days"] == interval
    assert body["next_visit_due"] == (today() + timedelta(days=interval)).isoformat()


def test_an_explicit_interval_and_start_are_kept(client, setup):
    staff, person, cadre, _ = setup
    body = assigned(
        client, staff, person, cadre, visit_interval_days=14, starts_on=days_ago(3).isoformat()
    )
    assert body["visit_interval_days"] == 14
    assert body["next_visit_due"] == (days_ago(3) + timedelta(days=14)).isoformat()


@pytest.mark.parametrize("interval", [0, -1, 367, "7"])
def test_a_bad_interval_is_422(client, setup, interval):
    staff, person, cadre, _ = setup
    response = assign(client, staff, person, cadre, visit_interval_days=interval)
    assert_problem(response, 422, "validation_error")


def test_a_start_in_the_future_is_422(client, setup):
    staff, person, cadre, _ = setup
    tomorrow = (today() + timedelta(days=1)).isoformat()
    assert_problem(assign(client, staff, person, cadre, starts_on=tomorrow), 422, "date_in_future")


# --- one active primary contact ------------------------------------------------------------


def test_a_second_active_primary_contact_is_409_and_changes_nothing(client, db, setup):
    staff, person, cadre, other = setup
    first = assigned(client, staff, person, cadre)

    second = assign(client, staff, person, other)

    problem = assert_problem(second, 409, "primary_contact_exists")
    assert problem["existing_id"] == first["id"]
    assert [row.caretaker_id for row in active_primaries(db, person["id"])] == [
        uuid.UUID(cadre["id"])
    ]
    # Other roles are not limited: a companion beside the primary contact is fine.
    assert assign(client, staff, person, other, "companion").status_code == 201


def test_the_same_caretaker_twice_in_the_same_role_is_409(client, setup):
    staff, person, cadre, _ = setup
    assigned(client, staff, person, cadre, "tutor")
    assert_problem(assign(client, staff, person, cadre, "tutor"), 409, "already_assigned")


def _insert(conn, person_id, caretaker_id, **values):
    row = {
        "id": uuid.uuid4(),
        "created_at": sa.func.now(),
        "updated_at": sa.func.now(),
        "version": 1,
        "person_id": uuid.UUID(person_id),
        "caretaker_id": uuid.UUID(caretaker_id),
        "role": "primary_contact",
        "visit_interval_days": 30,
        "starts_on": today(),
        **values,
    }
    conn.execute(sa.insert(assignment_t).values(**row))
    return row["id"]


def test_the_database_itself_refuses_a_second_active_primary_contact(db, client, setup):
    """The partial unique index exists: plain SQL, bypassing the service, is refused too."""
    _, person, cadre, other = setup
    with db.engine.begin() as conn:
        _insert(conn, person["id"], cadre["id"])
    with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as conn:
        _insert(conn, person["id"], other["id"])
    # Ended, deleted and non-primary rows are outside the index.
    with db.engine.begin() as conn:
        _insert(conn, person["id"], other["id"], ends_on=today(), end_reason="x")
        _insert(conn, person["id"], other["id"], deleted_at=sa.func.now())
        _insert(conn, person["id"], other["id"], role="companion")
    assert len(active_primaries(db, person["id"])) == 1
    index_names = {ix["name"] for ix in sa.inspect(db.engine).get_indexes("assignment")}
    assert "uq_assignment_person_id_primary_active" in index_names


def test_a_racing_insert_that_slips_past_the_check_is_the_same_409(client, db, setup):
    """Another connection inserts an active primary contact and commits while our request
    runs: on PostgreSQL the request's INSERT waits on the index and then fails, and the
    IntegrityError becomes `primary_contact_exists`, not the generic conflict."""
    staff, person, cadre, other = setup
    results = {}
    conn = db.engine.connect()
    try:
        transaction = conn.begin()
        _insert(conn, person["id"], other["id"])

        def request():
            results["response"] = assign(client, staff, person, cadre)

        worker = threading.Thread(target=request)
        worker.start()
        time.sleep(0.5)  # the request is now waiting on the uncommitted row (or on BEGIN)
        transaction.commit()
        worker.join(30)
    finally:
        conn.close()
    assert_problem(results["response"], 409, "primary_contact_exists")
    assert [r.caretaker_id for r in active_primaries(db, person["id"])] == [uuid.UUID(other["id"])]


# --- handover ------------------------------------------------------------------------------


def test_handover_ends_the_old_and_starts_the_new_in_one_step(client, db, world, setup):
    staff, person, cadre, other = setup
    old = assigned(client, staff, person, cadre, starts_on=days_ago(40).isoformat())

    response = hand_over(client, staff, person, other["id"], reason="原联系人调离")

    assert response.status_code == 201, response.text
    new = response.json()
    assert new["caretaker_id"] == other["id"] and new["role"] == "primary_contact"
    assert new["starts_on"] == today().isoformat() and new["active"] is True
    assert response.headers["Location"] == f"/api/v1/assignments/{new['id']}"
    ended = client.get(f"{ASSIGNMENTS}/{old['id']}", headers=staff).json()
    assert ended["ends_on"] == today().isoformat()
    assert ended["end_reason"] == "原联系人调离"
    assert ended["active"] is False and ended["next_visit_due"] is None
    assert [r.id for r in active_primaries(db, person["id"])] == [uuid.UUID(new["id"])]
    admin = world.as_("admin")
    [end_event] = audit_events(client, admin, old["id"])[1:]
    assert end_event["action"] == "assignment.end"
    assert end_event["detail"]["handover_to"] == new["id"]
    [start_event] = audit_events(client, admin, new["id"])
    assert start_event["action"] == "assignment.create"
    assert start_event["detail"]["handover_from"] == old["id"]
    assert end_event["request_id"] == start_event["request_id"]  # one request, one transaction


def test_handover_without_a_current_contact_just_starts_one(client, db, setup):
    staff, person, cadre, _ = setup
    response = hand_over(client, staff, person, cadre["id"])
    assert response.status_code == 201
    assert len(active_primaries(db, person["id"])) == 1


def test_handover_to_the_current_contact_changes_nothing(client, setup):
    staff, person, cadre, _ = setup
    current = assigned(client, staff, person, cadre)

    response = hand_over(client, staff, person, cadre["id"])

    assert response.status_code == 200
    assert response.json() == current


def test_handover_reason_defaults_to_handover(client, setup):
    staff, person, cadre, other = setup
    old = assigned(client, staff, person, cadre)
    assert hand_over(client, staff, person, other["id"]).status_code == 201
    assert client.get(f"{ASSIGNMENTS}/{old['id']}", headers=staff).json()["end_reason"] == (
        "handover"
    )


def test_a_refused_handover_changes_nothing(client, db, world, setup):
    staff, person, cadre, _ = setup
    old = assigned(client, staff, person, cadre)
    elsewhere = create_caretaker(client, world.as_("admin"), world.other_village)

    response = hand_over(client, staff, person, elsewhere["id"])

    assert response.status_code == 422
    assert client.get(f"{ASSIGNMENTS}/{old['id']}", headers=staff).json()["active"] is True
    assert [r.id for r in active_primaries(db, person["id"])] == [uuid.UUID(old["id"])]


def test_handover_for_an_unknown_or_foreign_person_is_404(client, world, setup):
    staff, person, cadre, _ = setup
    assert_problem(
        hand_over(client, staff, {"id": str(uuid.uuid4())}, cadre["id"]), 404, "not_found"
    )
    other_staff = world.as_("other_staff")
    assert_problem(hand_over(client, other_staff, person, cadre["id"]), 404, "not_found")
    assert_problem(
        hand_over(client, world.as_("village"), person, cadre["id"]), 403, "care_manager_required"
    )


# --- areas ---------------------------------------------------------------------------------


def test_a_caretaker_of_another_village_is_422_unless_a_volunteer(client, world, setup):
    staff, person, _, _ = setup
    admin = world.as_("admin")
    neighbour = create_caretaker(client, staff, world.village)  # same township, other village
    volunteer = create_caretaker(client, admin, world.other_village, "volunteer")

    refused = assign(client, staff, person, neighbour)

    problem = assert_problem(refused, 422, "caretaker_out_of_area")
    assert problem["errors"][0]["loc"] == ["body", "caretaker_id"]
    accepted = assign(client, admin, person, volunteer)
    assert accepted.status_code == 201, accepted.text


def test_a_township_caretaker_may_be_a_companion_but_not_the_primary_contact(client, setup, world):
    staff, person, _, _ = setup
    doctor = create_caretaker(client, staff, world.huangtun, "doctor")
    assert_problem(assign(client, staff, person, doctor), 422, "caretaker_out_of_area")
    assert assign(client, staff, person, doctor, "doctor").status_code == 201


def test_an_exited_person_gets_no_new_assignment(client, setup):
    staff, person, cadre, _ = setup
    exit_ = client.post(
        f"{PERSONS}/{person['id']}/exit",
        json={"exited_on": today().isoformat(), "exit_reason": "parents_returned"},
        headers=staff,
    )
    assert exit_.status_code == 200, exit_.text
    assert_problem(assign(client, staff, person, cadre), 422, "person_not_active")
    assert_problem(hand_over(client, staff, person, cadre["id"]), 422, "person_not_active")


# --- changing and ending -------------------------------------------------------------------


def test_ending_is_final_and_frees_the_primary_slot(client, world, setup):
    staff, person, cadre, other = setup
    first = assigned(client, staff, person, cadre)
    url = f"{ASSIGNMENTS}/{first['id']}"

    ended = client.patch(
        url, json={"ends_on": today().isoformat(), "end_reason": "调离"}, headers=staff
    )

    assert ended.status_code == 200, ended.text
    assert ended.json()["active"] is False and ended.json()["next_visit_due"] is None
    assert ended.json()["version"] == 2
    again = client.patch(url, json={"visit_interval_days": 5}, headers=staff)
    assert_problem(again, 409, "assignment_ended")
    assert assign(client, staff, person, other).status_code == 201
    actions = [e["action"] for e in audit_events(client, world.as_("admin"), first["id"])]
    assert actions == ["assignment.create", "assignment.end"]


def test_an_end_before_the_start_or_in_the_future_is_422(client, setup):
    staff, person, cadre, _ = setup
    first = assigned(client, staff, person, cadre, starts_on=days_ago(5).isoformat())
    url = f"{ASSIGNMENTS}/{first['id']}"
    for ends_on in (days_ago(6), today() + timedelta(days=1)):
        response = client.patch(url, json={"ends_on": ends_on.isoformat()}, headers=staff)
        assert_problem(response, 422, "invalid_date")


def test_changing_the_interval_moves_the_due_date(client, setup):
    staff, person, cadre, _ = setup
    first = assigned(client, staff, person, cadre, starts_on=days_ago(2).isoformat())
    response = client.patch(
        f"{ASSIGNMENTS}/{first['id']}",
        json={"visit_interval_days": 7},
        headers={**staff, "If-Match": '"1"'},
    )
    assert response.status_code == 200, response.text
    assert response.json()["next_visit_due"] == (days_ago(2) + timedelta(days=7)).isoformat()
    assert response.headers["ETag"] == '"2"'


def test_put_creates_then_replaces_and_keeps_identity_fields(client, setup):
    staff, person, cadre, other = setup
    url = f"{ASSIGNMENTS}/{uuid.uuid4()}"
    body = {"person_id": person["id"], "caretaker_id": cadre["id"], "role": "primary_contact"}

    created = client.put(url, json=body, headers=staff)
    retried = client.put(url, json=body, headers=staff)
    changed = client.put(url, json={**body, "visit_interval_days": 10}, headers=staff)
    moved = client.put(url, json={**body, "caretaker_id": other["id"]}, headers=staff)

    assert created.status_code == 201 and retried.status_code == 200
    assert retried.json()["version"] == 1
    assert changed.status_code == 200 and changed.json()["visit_interval_days"] == 10
    assert_problem(moved, 422, "immutable_field")


def test_delete_is_soft_and_frees_the_slot(client, db, setup):
    staff, person, cadre, other = setup
    first = assigned(client, staff, person, cadre)
    assert client.delete(f"{ASSIGNMENTS}/{first['id']}", headers=staff).status_code == 204
    assert client.get(f"{ASSIGNMENTS}/{first['id']}", headers=staff).status_code == 404
    assert active_primaries(db, person["id"]) == []
    assert assign(client, staff, person, other).status_code == 201


# --- lists and scoping ---------------------------------------------------------------------


def test_filters(client, world, setup):
    staff, person, cadre, other = setup
    second_person = create_person(client, staff, world.community, "woman")
    a1 = assigned(client, staff, person, cadre)
    a2 = assigned(client, staff, person, other, "companion")
    a3 = assigned(client, staff, second_person, cadre)
    hand_over(client, staff, second_person, other["id"])

    def listed(**params):
        return ids(list_all(client, ASSIGNMENTS, staff, **params))

    every = listed()
    assert {a1["id"], a2["id"], a3["id"]} <= every and len(every) == 4
    assert listed(person_id=person["id"]) == {a1["id"], a2["id"]}
    assert listed(caretaker_id=cadre["id"]) == {a1["id"], a3["id"]}
    assert listed(role="companion") == {a2["id"]}
    assert listed(active="false") == {a3["id"]}
    assert a3["id"] not in listed(active="true") and len(listed(active="true")) == 3
    assert listed(caretaker_id=cadre["id"], active="true") == {a1["id"]}


def test_scoping(client, world, setup):
    staff, person, cadre, _ = setup
    first = assigned(client, staff, person, cadre)
    url = f"{ASSIGNMENTS}/{first['id']}"

    assert_problem(client.get(url, headers=world.as_("other_staff")), 404, "not_found")
    assert list_all(client, ASSIGNMENTS, world.as_("other_staff")) == []
    assert client.get(url, headers=world.as_("village")).status_code == 200
    assert client.get(url, headers=world.as_("auditor")).status_code == 200
    # A volunteer sees only its own persons' assignments: none yet.
    assert_problem(client.get(url, headers=world.as_("volunteer")), 404, "not_found")
    for who in ("partner", "lawyer"):
        assert_problem(client.get(url, headers=world.as_(who)), 403, "insufficient_scope")
        assert_problem(client.get(ASSIGNMENTS, headers=world.as_(who)), 403, "insufficient_scope")
    other_person = create_person(client, world.as_("other_staff"), world.other_village)
    foreign = assign(client, staff, other_person, cadre)
    assert_problem(foreign, 404, "not_found")
    by_contact = assign(client, world.as_("village"), person, cadre, "companion")
    assert_problem(by_contact, 403, "care_manager_required")
    patched = client.patch(url, json={"visit_interval_days": 3}, headers=world.as_("other_staff"))
    assert_problem(patched, 404, "not_found")
