"""/legal-activities: who records and who sees what, and the list's filters."""

from __future__ import annotations

import uuid

from liushou.auth.roles import Role
from liushou.legal import coverage
from liushou.legal.models import LegalContract
from tests.legal.activity_helpers import (
    LEGAL_ACTIVITIES,
    activity_body,
    assert_problem,
    create_person,
    created,
    day,
    legal_fixture,  # noqa: F401 - the fixture `legal`
    list_all,
    login,
    post,
    records_of,
)


def _ids(items: list[dict]) -> list[str]:
    return [item["id"] for item in items]


def test_an_advisor_records_only_as_itself(client, world, legal, app, db):
    lawyer = world.as_("lawyer")

    own = post(client, lawyer, legal.advisor, world.village)
    as_other = post(client, lawyer, legal.other, world.other_village)
    unlinked = login(app, db, "u_lawyer2", Role.legal_advisor, world.county)
    nobody = post(client, unlinked, legal.advisor, world.village)

    assert own.status_code == 201, own.text
    assert own.json()["created_by"] == "u_lawyer"
    assert_problem(as_other, 403, "not_your_advisor")
    assert_problem(nobody, 403, "not_your_advisor")
    # It may not move its own activity to another advisor either.
    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{own.json()['id']}",
        json={"advisor_id": legal.other_id},
        headers=lawyer,
    )
    assert_problem(moved, 403, "not_your_advisor")


def test_an_advisor_records_in_any_village_of_its_contracts(client, world, legal):
    lawyer = world.as_("lawyer")
    # 金色嘉苑社区 lies outside nothing the lawyer has as a region: its contracts decide.
    community = post(client, lawyer, legal.advisor, world.community)
    uncovered = post(client, lawyer, legal.advisor, world.other_village)
    township = post(client, lawyer, legal.advisor, world.huangtun)

    assert community.status_code == 201, community.text
    assert_problem(uncovered, 422, "village_not_under_contract")
    assert_problem(township, 422, "invalid_region")


def test_an_advisor_sees_only_its_own_activities(client, world, legal, app, db):
    staff, admin = world.as_("staff"), world.as_("admin")
    lawyer = world.as_("lawyer")
    mine = created(client, staff, legal.advisor, world.village)  # recorded for it by staff
    theirs = created(client, admin, legal.other, world.other_village)
    url = f"{LEGAL_ACTIVITIES}/{theirs['id']}"

    assert _ids(list_all(client, LEGAL_ACTIVITIES, lawyer)) == [mine["id"]]
    assert list_all(client, LEGAL_ACTIVITIES, lawyer, advisor_id=legal.other_id) == []
    assert client.get(f"{LEGAL_ACTIVITIES}/{mine['id']}", headers=lawyer).status_code == 200
    assert_problem(client.get(url, headers=lawyer), 404, "not_found")
    assert_problem(client.patch(url, json={"summary": "x"}, headers=lawyer), 404, "not_found")
    assert_problem(client.delete(url, headers=lawyer), 404, "not_found")
    put = client.put(url, json=activity_body(legal.advisor, world.village), headers=lawyer)
    assert_problem(put, 404, "not_found")
    unlinked = login(app, db, "u_lawyer3", Role.legal_advisor, world.county)
    assert list_all(client, LEGAL_ACTIVITIES, unlinked) == []
    # Its contract terminated before the day: the log stays its own, and editable where a
    # change does not touch the advisor, the village or the day.
    db.run_in_session(lambda session: _terminate(session, legal.contract.id, day(-5)))
    changed = client.patch(
        f"{LEGAL_ACTIVITIES}/{mine['id']}", json={"outcome": "已调解成功"}, headers=lawyer
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["contract_id"] == str(legal.contract.id)
    moved = client.patch(
        f"{LEGAL_ACTIVITIES}/{mine['id']}", json={"held_on": day(-4).isoformat()}, headers=lawyer
    )
    assert_problem(moved, 422, "village_not_under_contract")


def _terminate(session, contract_id, terminated_on) -> None:  # type: ignore[no-untyped-def]
    contract = session.get(LegalContract, contract_id)
    contract.terminated_on = terminated_on
    contract.last_day = coverage.last_day(contract.ends_on, terminated_on)
    session.add(contract)


def test_an_advisor_names_persons_of_its_village_and_reads_only_their_id(client, world, legal, db):
    staff, lawyer = world.as_("staff"), world.as_("lawyer")
    villager = create_person(client, staff, world.village, "elder")
    elsewhere = create_person(client, world.as_("other_staff"), world.other_village)
    neighbour = create_person(client, staff, world.community)

    activity = created(client, lawyer, legal.advisor, world.village, person_id=villager["id"])
    other_township = post(client, lawyer, legal.advisor, world.village, person_id=elsewhere["id"])
    other_village = post(client, lawyer, legal.advisor, world.village, person_id=neighbour["id"])

    (record,) = records_of(db, activity["id"])
    assert record["service_type"] == "legal_consultation" and record["created_by"] == "u_lawyer"
    # Another village's person is not one it may refer to: the same answer as an unknown id.
    assert_problem(other_township, 422, "invalid_person")
    assert_problem(other_village, 422, "invalid_person")
    got = client.get(f"{LEGAL_ACTIVITIES}/{activity['id']}", headers=lawyer).json()
    assert got["person_id"] == villager["id"]
    assert not {"name", "person", "id_number_masked", "phone_masked"} & set(got)
    assert villager["name"] not in str(got)
    # It reads no registry and no service records.
    assert_problem(
        client.get(f"/api/v1/persons/{villager['id']}", headers=lawyer), 403, "insufficient_scope"
    )
    records = client.get("/api/v1/service-records", headers=lawyer)
    assert_problem(records, 403, "insufficient_scope")


def test_staff_see_and_write_their_township_only(client, world, legal):
    staff, other_staff = world.as_("staff"), world.as_("other_staff")
    admin, auditor = world.as_("admin"), world.as_("auditor")
    here = created(client, staff, legal.advisor, world.village)
    there = created(client, other_staff, legal.other, world.other_village)
    url = f"{LEGAL_ACTIVITIES}/{there['id']}"

    assert _ids(list_all(client, LEGAL_ACTIVITIES, staff)) == [here["id"]]
    assert _ids(list_all(client, LEGAL_ACTIVITIES, other_staff)) == [there["id"]]
    assert sorted(_ids(list_all(client, LEGAL_ACTIVITIES, admin))) == sorted(
        [here["id"], there["id"]]
    )
    assert sorted(_ids(list_all(client, LEGAL_ACTIVITIES, auditor))) == sorted(
        [here["id"], there["id"]]
    )
    assert_problem(client.get(url, headers=staff), 404, "not_found")
    assert_problem(client.patch(url, json={"summary": "x"}, headers=staff), 404, "not_found")
    assert_problem(client.delete(url, headers=staff), 404, "not_found")
    assert client.get(url, headers=auditor).status_code == 200
    assert client.delete(url, headers=admin).status_code == 204


def test_roles_without_legal_scopes(client, world, legal):
    body = activity_body(legal.advisor, world.village)
    for who in ("village", "volunteer", "partner"):
        headers = world.as_(who)
        assert_problem(client.get(LEGAL_ACTIVITIES, headers=headers), 403, "insufficient_scope")
        response = client.post(LEGAL_ACTIVITIES, json=body, headers=headers)
        assert_problem(response, 403, "insufficient_scope")
    auditor = client.post(LEGAL_ACTIVITIES, json=body, headers=world.as_("auditor"))
    assert_problem(auditor, 403, "insufficient_scope")
    anonymous = client.get(LEGAL_ACTIVITIES)
    assert anonymous.status_code == 401


def test_list_filters_and_order(client, world, legal):
    staff, admin = world.as_("staff"), world.as_("admin")
    child = create_person(client, staff, world.village)
    a = created(client, staff, legal.advisor, world.village, held_on=day(-1).isoformat())
    b = created(
        client,
        staff,
        legal.advisor,
        world.community,
        type="mediation",
        mode="remote",
        held_on=day(-5).isoformat(),
    )
    c = created(
        client,
        staff,
        legal.advisor,
        world.village,
        type="lecture",
        person_id=child["id"],
        held_on=day(-9).isoformat(),
    )
    d = created(client, admin, legal.other, world.other_village, held_on=day(-2).isoformat())

    def listed(**params) -> list[str]:  # type: ignore[no-untyped-def]
        return _ids(list_all(client, LEGAL_ACTIVITIES, admin, limit=2, **params))

    assert listed() == [a["id"], d["id"], b["id"], c["id"]]  # newest held_on first
    assert listed(advisor_id=legal.other_id) == [d["id"]]
    assert listed(region_id=str(world.huangtun.id)) == [a["id"], b["id"], c["id"]]
    assert listed(region_id=str(world.community.id)) == [b["id"]]
    assert listed(region_id=str(uuid.uuid4())) == []
    assert listed(type="mediation") == [b["id"]]
    assert listed(mode="remote") == [b["id"]]
    assert listed(person_id=child["id"]) == [c["id"]]
    assert listed(**{"from": day(-5).isoformat(), "to": day(-2).isoformat()}) == [d["id"], b["id"]]
    bad = client.get(
        LEGAL_ACTIVITIES,
        params={"from": day(-1).isoformat(), "to": day(-2).isoformat()},
        headers=admin,
    )
    assert_problem(bad, 422, "invalid_period")
    assert_problem(
        client.get(LEGAL_ACTIVITIES, params={"type": "gossip"}, headers=admin),
        422,
        "validation_error",
    )
    # A deleted activity vanishes from the list.
    assert client.delete(f"{LEGAL_ACTIVITIES}/{a['id']}", headers=admin).status_code == 204
    assert listed() == [d["id"], b["id"], c["id"]]
