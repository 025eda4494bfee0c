"""/legal-activities: the routes of §1 and the rules of a matter's where, when and who."""

from __future__ import annotations

import uuid

from tests.conftest import new_id
from tests.legal.activity_helpers import (
    LEGAL_ACTIVITIES,
    activity_body,
    assert_problem,
    audit_events,
    count,
    created,
    day,
    legal_activity_t,
    legal_fixture,  # noqa: F401 - the fixture `legal`
    make_contract,
    post,
)


def test_create_sets_the_covering_contract_and_reads_back(client, world, legal):
    staff = world.as_("staff")
    response = post(client, staff, legal.advisor, world.village, outcome="已解答")

    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == f"{LEGAL_ACTIVITIES}/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["contract_id"] == str(legal.contract.id)
    assert body["advisor_id"] == legal.advisor_id
    assert body["region_id"] == str(world.village.id)
    assert (body["type"], body["mode"]) == ("consultation", "on_site")
    assert body["held_on"] == day(-3).isoformat()
    assert (body["duration_minutes"], body["attendees"]) == (90, 1)
    assert body["person_id"] is None and body["outcome"] == "已解答"
    assert body["created_by"] == "u_staff" and body["version"] == 1
    got = client.get(f"{LEGAL_ACTIVITIES}/{body['id']}", headers=staff)
    assert got.status_code == 200 and got.json() == body
    assert got.headers["ETag"] == '"1"'
    (event,) = audit_events(client, world.as_("admin"), body["id"])
    assert event["action"] == "legal_activity.create"


def test_contract_id_cannot_be_given(client, world, legal):
    body = activity_body(legal.advisor, world.village, contract_id=str(legal.contract.id))
    response = client.post(LEGAL_ACTIVITIES, json=body, headers=world.as_("staff"))
    assert_problem(response, 422, "validation_error")


def test_put_creates_then_replaces_and_a_retry_changes_nothing(client, world, legal):
    staff = world.as_("staff")
    url = f"{LEGAL_ACTIVITIES}/{new_id()}"
    body = activity_body(legal.advisor, world.village)

    first = client.put(url, json=body, headers=staff)
    again = client.put(url, json=body, headers=staff)
    replaced = client.put(url, json={**body, "type": "lecture", "attendees": 40}, headers=staff)

    assert first.status_code == 201, first.text
    assert first.headers["Location"] == url
    assert again.status_code == 200 and again.json()["version"] == 1
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["type"] == "lecture" and replaced.json()["attendees"] == 40
    assert replaced.json()["version"] == 2 and replaced.headers["ETag"] == '"2"'
    stale = client.put(url, json=body, headers={**staff, "If-Match": '"1"'})
    assert_problem(stale, 412, "precondition_failed")
    assert client.get(url, headers=staff).json()["type"] == "lecture"


def test_patch_if_match_and_delete(client, world, legal):
    staff = world.as_("staff")
    activity = created(client, staff, legal.advisor, world.village)
    url = f"{LEGAL_ACTIVITIES}/{activity['id']}"

    changed = client.patch(url, json={"summary": "改", "mode": "remote"}, headers=staff)
    stale = client.patch(url, json={"summary": "再改"}, headers={**staff, "If-Match": '"1"'})
    nulled = client.patch(url, json={"summary": None}, headers=staff)

    assert changed.status_code == 200, changed.text
    assert changed.json()["summary"] == "改" and changed.json()["mode"] == "remote"
    assert changed.json()["version"] == 2 and changed.headers["ETag"] == '"2"'
    assert_problem(stale, 412, "precondition_failed")
    assert_problem(nulled, 422, "validation_error")
    assert_problem(
        client.delete(url, headers={**staff, "If-Match": '"1"'}), 412, "precondition_failed"
    )
    assert client.delete(url, headers={**staff, "If-Match": '"2"'}).status_code == 204
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert_problem(client.patch(url, json={"summary": "x"}, headers=staff), 404, "not_found")
    gone = client.put(url, json=activity_body(legal.advisor, world.village), headers=staff)
    assert_problem(gone, 409, "resource_deleted")
    events = [e["action"] for e in audit_events(client, world.as_("admin"), activity["id"])]
    assert events == ["legal_activity.create", "legal_activity.update", "legal_activity.delete"]


def test_idempotency_key_replays_the_first_answer(client, world, legal, db):
    headers = {**world.as_("staff"), "Idempotency-Key": "legal-1"}
    body = activity_body(legal.advisor, world.village)

    first = client.post(LEGAL_ACTIVITIES, json=body, headers=headers)
    replay = client.post(LEGAL_ACTIVITIES, json=body, headers=headers)
    other = client.post(LEGAL_ACTIVITIES, json={**body, "attendees": 3}, headers=headers)

    assert first.status_code == 201, first.text
    assert replay.status_code == 201 and replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert_problem(other, 422, "idempotency_key_reused")
    assert count(db, legal_activity_t) == 1


def test_held_on_in_the_future_is_refused(client, world, legal, db):
    staff = world.as_("staff")
    tomorrow = post(client, staff, legal.advisor, world.village, held_on=day(1).isoformat())
    today = post(client, staff, legal.advisor, world.village, held_on=day(0).isoformat())
    activity = today.json()
    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{activity['id']}", json={"held_on": day(1).isoformat()}, headers=staff
    )

    problem = assert_problem(tomorrow, 422, "date_in_future")
    assert problem["errors"][0]["loc"] == ["body", "held_on"]
    assert today.status_code == 201, today.text
    assert_problem(moved, 422, "date_in_future")
    assert count(db, legal_activity_t) == 1


def test_a_village_not_under_the_advisors_contract_that_day(client, world, legal, db):
    staff = world.as_("staff")
    admin = world.as_("admin")

    other_village = post(client, admin, legal.advisor, world.other_village)
    before_start = post(client, staff, legal.advisor, world.village, held_on=day(-61).isoformat())
    first_day = post(client, staff, legal.advisor, world.village, held_on=day(-60).isoformat())
    # The other advisor's village, the other advisor in ours.
    wrong_advisor = post(client, staff, legal.other, world.village)

    problem = assert_problem(other_village, 422, "village_not_under_contract")
    assert problem["errors"][0]["loc"] == ["body", "region_id"]
    assert_problem(before_start, 422, "village_not_under_contract")
    assert first_day.status_code == 201, first_day.text
    assert_problem(wrong_advisor, 422, "village_not_under_contract")
    assert count(db, legal_activity_t) == 1


def test_a_terminated_contract_covers_up_to_the_day_before(client, world, legal, db):
    staff = world.as_("staff")

    def terminated(session):  # type: ignore[no-untyped-def]
        make_contract(session, legal.advisor, [world.village], day(-200), day(-100), day(-150))

    db.run_in_session(terminated)

    last_day = post(client, staff, legal.advisor, world.village, held_on=day(-151).isoformat())
    ended = post(client, staff, legal.advisor, world.village, held_on=day(-150).isoformat())

    assert last_day.status_code == 201, last_day.text
    assert last_day.json()["contract_id"] != str(legal.contract.id)
    assert_problem(ended, 422, "village_not_under_contract")


def test_moving_the_day_finds_the_contract_of_that_day(client, world, legal, db):
    staff = world.as_("staff")
    earlier = db.run_in_session(
        lambda s: make_contract(s, legal.advisor, [world.village], day(-400), day(-61)).id
    )
    activity = created(client, staff, legal.advisor, world.village)
    url = f"{LEGAL_ACTIVITIES}/{activity['id']}"

    moved = client.patch(url, json={"held_on": day(-100).isoformat()}, headers=staff)
    uncovered = client.patch(url, json={"held_on": day(-500).isoformat()}, headers=staff)
    other_village = client.patch(
        url, json={"region_id": str(world.other_village.id)}, headers=staff
    )
    community = client.patch(url, json={"region_id": str(world.community.id)}, headers=staff)

    assert moved.status_code == 200, moved.text
    assert moved.json()["contract_id"] == str(earlier)
    assert_problem(uncovered, 422, "village_not_under_contract")
    assert_problem(other_village, 422, "invalid_region")  # not in the staff's area
    # 金色嘉苑社区 is not under the earlier contract on that day.
    assert_problem(community, 422, "village_not_under_contract")
    back = client.patch(url, json={"held_on": day(-3).isoformat()}, headers=staff)
    assert back.json()["contract_id"] == str(legal.contract.id)


def test_a_deleted_contract_covers_nothing(client, world, legal, db):
    from datetime import UTC, datetime

    from liushou.legal.models import LegalContract

    def delete(session):  # type: ignore[no-untyped-def]
        contract = session.get(LegalContract, legal.contract.id)
        contract.deleted_at = datetime.now(UTC)
        session.add(contract)

    db.run_in_session(delete)
    response = post(client, world.as_("staff"), legal.advisor, world.village)
    assert_problem(response, 422, "village_not_under_contract")


def test_advisor_and_region_must_exist(client, world, legal, db):
    staff = world.as_("staff")

    unknown_advisor = post(client, staff, uuid.uuid4(), world.village)
    unknown_region = post(client, staff, legal.advisor, uuid.uuid4())
    township = post(client, staff, legal.advisor, world.huangtun)
    outside = post(client, staff, legal.other, world.other_village)

    problem = assert_problem(unknown_advisor, 422, "invalid_advisor")
    assert problem["errors"][0]["loc"] == ["body", "advisor_id"]
    assert_problem(unknown_region, 422, "invalid_region")
    assert_problem(township, 422, "invalid_region")
    assert_problem(outside, 422, "invalid_region")
    assert count(db, legal_activity_t) == 0


def test_bad_input_is_a_422_not_a_500(client, world, legal):
    staff = world.as_("staff")
    cases = [
        {"duration_minutes": 0},
        {"duration_minutes": 1441},
        {"duration_minutes": "90"},
        {"attendees": -1},
        {"type": "gossip"},
        {"mode": "carrier_pigeon"},
        {"summary": ""},
        {"summary": "a\x00b"},
        {"held_on": "2026-13-01"},
        {"person_id": "not-a-uuid"},
    ]
    for extra in cases:
        response = post(client, staff, legal.advisor, world.village, **extra)
        assert_problem(response, 422, "validation_error")
    body = activity_body(legal.advisor, world.village)
    for name in (
        "advisor_id",
        "region_id",
        "type",
        "mode",
        "held_on",
        "duration_minutes",
        "summary",
    ):
        incomplete = {k: v for k, v in body.items() if k != name}
        response = client.post(LEGAL_ACTIVITIES, json=incomplete, headers=staff)
        assert_problem(response, 422, "validation_error")
    ok = post(client, staff, legal.advisor, world.village, duration_minutes=1440, attendees=0)
    assert ok.status_code == 201, ok.text


def test_english_titles(client, world, legal):
    headers = {**world.as_("staff"), "Accept-Language": "en"}
    response = post(client, headers, uuid.uuid4(), world.village)
    assert response.json()["title"] == "Invalid legal advisor"
