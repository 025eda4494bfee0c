"""/visits: dates, who may record them, and the due date they move."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from liushou.clock import today
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    VISITS,
    assert_problem,
    assigned,
    audit_events,
    create_caretaker,
    create_person,
    days_ago,
    hand_over,
    ids,
    record_visit,
    visit_body,
)
from tests.http import list_all


@pytest.fixture
def setup(client, world):
    """A child in 金色嘉苑社区 whose primary contact is the village contact's caretaker."""
    staff = world.as_("staff")
    person = create_person(client, staff, world.community)
    contact = create_caretaker(
        client, staff, world.community, user_id=str(world.users["village"].id), name="村联系人"
    )
    primary = assigned(client, staff, person, contact, starts_on=days_ago(60).isoformat())
    return staff, person, contact, primary


def _assignment(client, headers, assignment):
    return client.get(f"{ASSIGNMENTS}/{assignment['id']}", headers=headers).json()


def test_record_a_visit(client, world, setup):
    staff, person, contact, primary = setup
    body = visit_body(
        person,
        days_ago(2),
        caretaker_id=contact["id"],
        findings="祖母身体欠佳，孩子学习正常。\n需关注。",
        needs=["health", "study", "health"],
        risk_level="attention",
    )

    response = client.post(VISITS, json=body, headers=staff)

    assert response.status_code == 201, response.text
    visit = response.json()
    assert response.headers["Location"] == f"/api/v1/visits/{visit['id']}"
    assert visit["visited_on"] == days_ago(2).isoformat()
    assert visit["needs"] == ["health", "study"]  # a set, sorted
    assert visit["risk_level"] == "attention" and visit["mode"] == "home"
    assert visit["findings"] == body["findings"]
    # Default: visited_on plus the primary contact's interval (30 days for a child).
    assert visit["next_visit_due"] == (days_ago(2) + timedelta(days=30)).isoformat()
    read = client.get(f"{VISITS}/{visit['id']}", headers=staff)
    assert read.status_code == 200 and read.json() == visit and read.headers["ETag"] == '"1"'
    events = audit_events(client, world.as_("admin"), visit["id"])
    assert [e["action"] for e in events] == ["visit.create"]
    assert events[0]["detail"]["person_id"] == person["id"]


def test_a_visit_moves_the_persons_next_due_date(client, setup):
    staff, person, contact, primary = setup
    before = _assignment(client, staff, primary)
    assert before["last_visited_on"] is None
    assert before["next_visit_due"] == (days_ago(60) + timedelta(days=30)).isoformat()
    assert before["overdue"] is True

    record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(10))
    after = _assignment(client, staff, primary)
    assert after["last_visited_on"] == days_ago(10).isoformat()
    assert after["next_visit_due"] == (days_ago(10) + timedelta(days=30)).isoformat()
    assert after["overdue"] is False
    assert after["version"] == before["version"] + 1

    # An older visit recorded later (an offline phone) does not move it back.
    record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(20))
    assert _assignment(client, staff, primary)["last_visited_on"] == days_ago(10).isoformat()


def test_deleting_or_moving_the_latest_visit_moves_the_due_date_back(client, setup):
    staff, person, contact, primary = setup
    record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(20))
    latest = record_visit(
        client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(3)
    ).json()

    moved = client.patch(
        f"{VISITS}/{latest['id']}",
        json={"visited_on": days_ago(5).isoformat()},
        headers={**staff, "If-Match": '"1"'},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["next_visit_due"] == (days_ago(5) + timedelta(days=30)).isoformat()
    assert _assignment(client, staff, primary)["last_visited_on"] == days_ago(5).isoformat()

    assert client.delete(f"{VISITS}/{latest['id']}", headers=staff).status_code == 204
    after = _assignment(client, staff, primary)
    assert after["last_visited_on"] == days_ago(20).isoformat()
    assert after["next_visit_due"] == (days_ago(20) + timedelta(days=30)).isoformat()
    assert client.get(f"{VISITS}/{latest['id']}", headers=staff).status_code == 404


def test_a_handover_keeps_counting_from_the_latest_visit(client, world, setup):
    staff, person, contact, primary = setup
    record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(12))
    other = create_caretaker(client, staff, world.community, name="新联系人")

    new = hand_over(client, staff, person, other["id"]).json()

    assert new["last_visited_on"] == days_ago(12).isoformat()
    assert new["next_visit_due"] == (days_ago(12) + timedelta(days=30)).isoformat()


def test_a_visit_in_the_future_is_422_and_nothing_is_stored(client, setup):
    staff, person, contact, primary = setup
    tomorrow = today() + timedelta(days=1)

    response = record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=tomorrow)

    problem = assert_problem(response, 422, "date_in_future")
    assert problem["errors"][0]["loc"] == ["body", "visited_on"]
    assert list_all(client, VISITS, staff) == []
    assert _assignment(client, staff, primary)["last_visited_on"] is None
    # Today itself (Asia/Shanghai) is fine.
    today_visit = record_visit(client, staff, person, caretaker_id=contact["id"])
    assert today_visit.status_code == 201


def test_next_visit_due_must_follow_the_visit(client, setup):
    staff, person, contact, _ = setup
    for due in (days_ago(3), days_ago(4)):
        response = record_visit(
            client,
            staff,
            person,
            caretaker_id=contact["id"],
            visited_on=days_ago(3),
            next_visit_due=due.isoformat(),
        )
        assert_problem(response, 422, "invalid_date")
    explicit = record_visit(
        client,
        staff,
        person,
        caretaker_id=contact["id"],
        visited_on=days_ago(3),
        next_visit_due=(today() + timedelta(days=2)).isoformat(),
        risk_level="urgent",
    )
    assert explicit.json()["next_visit_due"] == (today() + timedelta(days=2)).isoformat()


@pytest.mark.parametrize(
    "change",
    [{"needs": ["hunger"]}, {"mode": "letter"}, {"risk_level": "high"}, {"visited_on": "2026-1-1"}],
)
def test_bad_values_are_422(client, setup, change):
    staff, person, contact, _ = setup
    body = {**visit_body(person, caretaker_id=contact["id"]), **change}
    assert_problem(client.post(VISITS, json=body, headers=staff), 422, "validation_error")


# --- who may record visits -----------------------------------------------------------------


def test_a_village_contact_records_visits_for_its_assigned_persons_only(client, world, setup):
    _, person, contact, _ = setup
    village = world.as_("village")
    unassigned = create_person(client, world.as_("staff"), world.community, name="未分配")

    mine = record_visit(client, village, person)  # caretaker_id defaults to its own record
    refused = record_visit(client, village, unassigned)

    assert mine.status_code == 201, mine.text
    assert mine.json()["caretaker_id"] == contact["id"]
    assert_problem(refused, 403, "not_assigned")
    assert ids(list_all(client, VISITS, village)) == {mine.json()["id"]}


def test_a_village_contact_cannot_record_as_another_caretaker(client, world, setup):
    staff, person, _, _ = setup
    other = create_caretaker(client, staff, world.community, name="别的干部")
    assigned(client, staff, person, other, "companion")
    response = record_visit(client, world.as_("village"), person, caretaker_id=other["id"])
    assert_problem(response, 403, "not_your_caretaker")


def test_a_volunteer_sees_and_visits_only_persons_assigned_to_it(client, world, setup):
    staff, person, _, _ = setup
    volunteer = world.as_("volunteer")
    admin = world.as_("admin")
    record = create_caretaker(
        client, admin, world.community, "volunteer", user_id=str(world.users["volunteer"].id)
    )

    before = record_visit(client, volunteer, person)
    assert_problem(before, 404, "not_found")  # not assigned: it cannot even see the person

    companion = assigned(client, staff, person, record, "companion")
    visit = record_visit(client, volunteer, person)
    assert visit.status_code == 201, visit.text
    assert client.get(f"{VISITS}/{visit.json()['id']}", headers=volunteer).status_code == 200
    assert ids(list_all(client, ASSIGNMENTS, volunteer)) >= {companion["id"]}

    ended = client.patch(
        f"{ASSIGNMENTS}/{companion['id']}", json={"ends_on": today().isoformat()}, headers=staff
    )
    assert ended.status_code == 200
    assert_problem(record_visit(client, volunteer, person), 404, "not_found")


def test_a_field_user_without_a_caretaker_record_is_refused(client, world, setup):
    _, person, _, _ = setup
    response = record_visit(client, world.as_("volunteer"), person)
    assert response.status_code in (403, 404)
    assert list_all(client, VISITS, world.as_("admin")) == []


def test_staff_name_the_caretaker_of_the_persons_area(client, world, setup):
    staff, person, _, _ = setup
    admin = world.as_("admin")
    far = create_caretaker(client, admin, world.other_village, name="外村干部")
    far_volunteer = create_caretaker(client, admin, world.other_village, "volunteer")
    township_doctor = create_caretaker(client, staff, world.huangtun, "doctor")

    assert_problem(record_visit(client, staff, person), 422, "caretaker_required")
    assert_problem(
        record_visit(client, admin, person, caretaker_id=far["id"]), 422, "caretaker_out_of_area"
    )
    # Street staff do not even see a caretaker of another township.
    assert_problem(
        record_visit(client, staff, person, caretaker_id=far["id"]), 422, "invalid_caretaker"
    )
    assert_problem(
        record_visit(client, staff, person, caretaker_id=str(uuid.uuid4())),
        422,
        "invalid_caretaker",
    )
    assert record_visit(client, admin, person, caretaker_id=far_volunteer["id"]).status_code == 201
    assert (
        record_visit(client, staff, person, caretaker_id=township_doctor["id"]).status_code == 201
    )


def test_only_its_recorder_changes_a_field_users_visit(client, world, setup):
    staff, person, contact, _ = setup
    by_staff = record_visit(client, staff, person, caretaker_id=contact["id"]).json()
    other = create_caretaker(client, staff, world.community, name="别的干部")
    by_other = record_visit(client, staff, person, caretaker_id=other["id"]).json()
    village = world.as_("village")

    own = client.patch(f"{VISITS}/{by_staff['id']}", json={"findings": "补记"}, headers=village)
    foreign = client.patch(f"{VISITS}/{by_other['id']}", json={"findings": "改"}, headers=village)

    assert own.status_code == 200 and own.json()["findings"] == "补记"
    assert_problem(foreign, 403, "not_your_visit")


# --- mechanics, lists, scoping -------------------------------------------------------------


def test_put_records_with_the_clients_id_and_is_idempotent(client, setup):
    staff, person, contact, primary = setup
    url = f"{VISITS}/{uuid.uuid4()}"
    body = visit_body(person, days_ago(1), caretaker_id=contact["id"])

    first = client.put(url, json=body, headers=staff)
    retried = client.put(url, json=body, headers=staff)
    changed = client.put(url, json={**body, "findings": "补充"}, headers=staff)

    assert first.status_code == 201 and retried.status_code == 200
    assert retried.json() == first.json()
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert len(list_all(client, VISITS, staff)) == 1
    assert _assignment(client, staff, primary)["last_visited_on"] == days_ago(1).isoformat()


def test_idempotency_key_on_post(client, setup):
    staff, person, contact, _ = setup
    headers = {**staff, "Idempotency-Key": '"visit-1"'}
    body = visit_body(person, caretaker_id=contact["id"])
    first = client.post(VISITS, json=body, headers=headers)
    replay = client.post(VISITS, json=body, headers={**staff, "Idempotency-Key": "visit-1"})
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers["Idempotent-Replayed"] == "true"
    assert len(list_all(client, VISITS, staff)) == 1


def test_list_filters_and_newest_first(client, world, setup):
    staff, person, contact, _ = setup
    second = create_person(client, staff, world.community, "elder")
    v1 = record_visit(client, staff, person, caretaker_id=contact["id"], visited_on=days_ago(9))
    v2 = record_visit(
        client,
        staff,
        person,
        caretaker_id=contact["id"],
        visited_on=days_ago(1),
        risk_level="urgent",
    )
    v3 = record_visit(client, staff, second, caretaker_id=contact["id"], visited_on=days_ago(5))
    v1, v2, v3 = v1.json(), v2.json(), v3.json()

    every = list_all(client, VISITS, staff, limit=2)
    assert [v["id"] for v in every] == [v2["id"], v3["id"], v1["id"]]
    assert ids(list_all(client, VISITS, staff, person_id=person["id"])) == {v1["id"], v2["id"]}
    assert ids(list_all(client, VISITS, staff, risk_level="urgent")) == {v2["id"]}
    window = {"from": days_ago(6).isoformat(), "to": days_ago(2).isoformat()}
    assert ids(list_all(client, VISITS, staff, **window)) == {v3["id"]}
    assert ids(list_all(client, VISITS, staff, caretaker_id=contact["id"])) == ids([v1, v2, v3])


def test_scoping(client, world, setup):
    staff, person, contact, _ = setup
    visit = record_visit(client, staff, person, caretaker_id=contact["id"]).json()
    url = f"{VISITS}/{visit['id']}"

    assert_problem(client.get(url, headers=world.as_("other_staff")), 404, "not_found")
    assert list_all(client, VISITS, world.as_("other_staff")) == []
    assert client.get(url, headers=world.as_("auditor")).status_code == 200
    for who in ("partner", "lawyer"):
        assert_problem(client.get(url, headers=world.as_(who)), 403, "insufficient_scope")
        assert_problem(client.get(VISITS, headers=world.as_(who)), 403, "insufficient_scope")
        posted = client.post(VISITS, json=visit_body(person), headers=world.as_(who))
        assert_problem(posted, 403, "insufficient_scope")
    by_auditor = client.post(VISITS, json=visit_body(person), headers=world.as_("auditor"))
    assert_problem(by_auditor, 403, "insufficient_scope")
    foreign = record_visit(client, world.as_("other_staff"), person, caretaker_id=contact["id"])
    assert_problem(foreign, 404, "not_found")
    deleted = client.delete(url, headers=world.as_("other_staff"))
    assert_problem(deleted, 404, "not_found")
