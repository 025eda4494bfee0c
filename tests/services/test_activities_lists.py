"""Who sees which activity and which attendees; the list's filters, order and paging."""

from __future__ import annotations

from tests.guardianship.helpers import assigned
from tests.http import list_all
from tests.services.activities_helpers import (
    ACTIVITIES,
    assert_problem,
    create_activity,
    create_caretaker,
    create_person,
    day,
    record_persons,
)


def _ids(items):  # type: ignore[no-untyped-def]
    return [item["id"] for item in items]


def test_an_activity_is_seen_within_its_region(client, world):
    staff, admin = world.as_("staff"), world.as_("admin")
    in_village = create_activity(client, staff, world.village)
    in_community = create_activity(client, staff, world.community)
    in_township = create_activity(client, staff, world.huangtun)
    elsewhere = create_activity(client, admin, world.other_village)

    seen = {
        who: set(_ids(list_all(client, ACTIVITIES, world.as_(who))))
        for who in ("admin", "auditor", "staff", "other_staff", "village")
    }
    everything = {a["id"] for a in (in_village, in_community, in_township, elsewhere)}
    assert seen["admin"] == seen["auditor"] == everything
    assert seen["staff"] == everything - {elsewhere["id"]}
    assert seen["other_staff"] == {elsewhere["id"]}
    assert seen["village"] == {in_community["id"]}

    other = world.as_("other_staff")
    url = f"{ACTIVITIES}/{in_village['id']}"
    assert_problem(client.get(url, headers=other), 404, "not_found")
    assert_problem(client.patch(url, json={"title": "x"}, headers=other), 404, "not_found")
    assert_problem(client.delete(url, headers=other), 404, "not_found")
    assert_problem(client.put(url, json={}, headers=other), 422, "validation_error")
    add = client.post(f"{url}/attendees", json={"person_ids": [in_village["id"]]}, headers=other)
    assert_problem(add, 404, "not_found")
    auditor_write = client.patch(url, json={"title": "x"}, headers=world.as_("auditor"))
    assert auditor_write.status_code == 403


def test_a_volunteer_sees_only_its_own_attendees_and_keeps_the_others(client, world, db):
    admin, volunteer = world.as_("admin"), world.as_("volunteer")
    mine, theirs, new = (create_person(client, admin, world.community) for _ in range(3))
    own = create_caretaker(
        client, admin, world.community, "volunteer", user_id=str(world.users["volunteer"].id)
    )
    assigned(client, admin, mine, own, "companion")
    assigned(client, admin, new, own, "companion")
    activity = create_activity(client, admin, world.community, [mine, theirs])
    url = f"{ACTIVITIES}/{activity['id']}"

    shown = client.get(url, headers=volunteer).json()
    assert shown["attendee_ids"] == [mine["id"]] and shown["attendee_count"] == 2
    listed = list_all(client, ACTIVITIES, volunteer)
    assert listed == [shown]

    # Its PATCH of attendee_ids replaces only those it sees.
    changed = client.patch(url, json={"attendee_ids": [new["id"]]}, headers=volunteer)
    assert changed.status_code == 200, changed.text
    assert changed.json()["attendee_ids"] == [new["id"]]
    assert changed.json()["attendee_count"] == 2
    assert record_persons(db, activity["id"]) == sorted([theirs["id"], new["id"]])
    # It cannot add or remove persons it may not see.
    stranger = create_person(client, admin, world.community)
    add = client.post(f"{url}/attendees", json={"person_ids": [stranger["id"]]}, headers=volunteer)
    problem = assert_problem(add, 422, "attendee_not_eligible")
    assert problem["ineligible_ids"] == [stranger["id"]]
    gone = client.delete(f"{url}/attendees/{theirs['id']}", headers=volunteer)
    assert_problem(gone, 404, "not_found")
    assert client.get(url, headers=admin).json()["attendee_count"] == 2


def test_filters_order_and_paging(client, world):
    staff = world.as_("staff")
    newest = create_activity(client, staff, world.village, held_on=day(-1).isoformat())
    health = create_activity(
        client,
        staff,
        world.community,
        held_on=day(-5).isoformat(),
        service_type="health_consultation",
        organization_id=str(world.police.id),
    )
    oldest = create_activity(client, staff, world.huangtun, held_on=day(-9).isoformat())

    def listed(**params):  # type: ignore[no-untyped-def]
        return _ids(list_all(client, ACTIVITIES, staff, **params))

    assert listed() == [newest["id"], health["id"], oldest["id"]]
    assert listed(limit=1) == [newest["id"], health["id"], oldest["id"]]
    assert listed(region_id=str(world.village.id)) == [newest["id"]]
    assert listed(region_id=str(world.huangtun.id)) == listed()
    assert listed(service_type="health_consultation") == [health["id"]]
    assert listed(program="education") == [newest["id"], oldest["id"]]
    assert listed(program="health") == [health["id"]]
    assert listed(organization_id=str(world.police.id)) == [health["id"]]
    assert listed(**{"from": day(-5).isoformat()}) == [newest["id"], health["id"]]
    assert listed(to=day(-5).isoformat()) == [health["id"], oldest["id"]]
    since = client.get(f"{ACTIVITIES}/{oldest['id']}", headers=staff).json()["updated_at"]
    assert oldest["id"] in listed(updated_since=since)
    wrong = client.get(
        ACTIVITIES, params={"from": day(-1).isoformat(), "to": day(-5).isoformat()}, headers=staff
    )
    assert_problem(wrong, 422, "invalid_period")
    assert_problem(
        client.get(ACTIVITIES, params={"program": "x"}, headers=staff), 422, "validation_error"
    )
