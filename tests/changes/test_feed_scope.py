"""Who sees which change: the caller's GET decides; a resource that leaves the caller's
sight is one `delete` for that caller; partners see their referrals only."""

from __future__ import annotations

from typing import Any

from liushou.db import Database
from liushou.regions.models import OrganizationType
from tests.changes.feed_helpers import follow, of
from tests.guardianship.helpers import ASSIGNMENTS, PERSONS, create_person
from tests.referrals.helpers import count_rows, make_org, referred
from tests.services.records_helpers import volunteer_of


def test_each_caller_sees_its_area_only(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    for who, sees in (
        ("staff", True),
        ("admin", True),
        ("auditor", True),
        ("other_staff", False),
        ("village", False),  # the community's contact; the person lives in the village
        ("volunteer", False),
        ("lawyer", False),
        ("partner", False),
    ):
        items, _ = follow(client, world.as_(who))
        assert bool(of(items, person["id"])) is sees, who
    client.delete(f"{PERSONS}/{person['id']}", headers=staff)
    items, _ = follow(client, world.as_("other_staff"))
    assert of(items, person["id"]) == []  # not even its deletion


def test_a_person_moved_away_is_one_delete_for_the_old_area(client: Any, world: Any) -> None:
    staff, other = world.as_("staff"), world.as_("other_staff")
    person = create_person(client, staff, world.village)
    before, cursor = follow(client, staff)
    assert of(before, person["id"]) == [("person", "upsert")]
    _, other_cursor = follow(client, other)

    moved = client.patch(
        f"{PERSONS}/{person['id']}",
        json={"region_id": str(world.other_village.id)},
        headers=world.as_("admin"),
    )
    assert moved.status_code == 200, moved.text
    items, cursor = follow(client, staff, cursor)
    assert [(i["id"], i["op"], i["data"]) for i in items] == [(person["id"], "delete", None)]
    # Later changes of the person, now outside the area, show nothing more.
    client.patch(f"{PERSONS}/{person['id']}", json={"name": "张三"}, headers=other)
    assert follow(client, staff, cursor)[0] == []
    # From the start, the old area sees the move once as a delete (the create shows nothing).
    assert of(follow(client, staff)[0], person["id"]) == [("person", "delete")]
    # The new area sees it arrive, as its GET shows it now.
    arrived, _ = follow(client, other, other_cursor)
    now = client.get(f"{PERSONS}/{person['id']}", headers=other).json()
    assert [(i["op"], i["data"]) for i in arrived] == [("upsert", now), ("upsert", now)]


def test_an_ended_assignment_takes_the_person_from_the_volunteer(client: Any, world: Any) -> None:
    staff, volunteer = world.as_("staff"), world.as_("volunteer")
    person = create_person(client, staff, world.community)
    volunteer_of(client, world, person)
    items, cursor = follow(client, volunteer)
    assert of(items, person["id"]) == [("person", "upsert")]
    assignment = next(i for i in items if i["resource_type"] == "assignment")
    _, persons_cursor = follow(client, volunteer, types="person")

    ended = client.patch(
        f"{ASSIGNMENTS}/{assignment['id']}",
        json={"ends_on": assignment["data"]["starts_on"], "end_reason": "调离"},
        headers=staff,
    )
    assert ended.status_code == 200, ended.text
    items, cursor = follow(client, volunteer, cursor)
    # The volunteer still reads its own caretaker's assignments (ended too), as its GET
    # does; the person is no longer its to see.
    assert [(i["resource_type"], i["id"], i["op"]) for i in items] == [
        ("assignment", assignment["id"], "upsert"),
        ("person", person["id"], "delete"),
    ]
    assert items[0]["data"]["ends_on"] == assignment["data"]["starts_on"]
    # Asking for persons only still tells the volunteer to drop the person.
    only, _ = follow(client, volunteer, persons_cursor, types="person")
    assert [(i["resource_type"], i["op"]) for i in only] == [("person", "delete")]
    # The person's later changes are no longer the volunteer's.
    client.patch(f"{PERSONS}/{person['id']}", json={"name": "赵四"}, headers=staff)
    assert follow(client, volunteer, cursor)[0] == []
    # Staff still sees the assignment, ended.
    staff_items, _ = follow(client, staff, types="assignment")
    assert [i["data"]["ends_on"] for i in staff_items][-1] == assignment["data"]["starts_on"]


def test_a_partner_sees_the_referrals_addressed_to_it(
    client: Any, world: Any, db: Database
) -> None:
    staff, partner = world.as_("staff"), world.as_("partner")
    person = create_person(client, staff, world.village)
    other_org = make_org(db, world.huangtun, OrganizationType.police_station)
    ours = referred(client, staff, person, world.police)
    theirs = referred(client, staff, person, other_org)
    reads_before = count_rows(db, "audit_event")
    items, _ = follow(client, partner)
    assert [(i["resource_type"], i["id"]) for i in items] == [("referral", ours["id"])]
    got = client.get(f"/api/v1/referrals/{ours['id']}", headers=partner).json()
    assert items[0]["data"] == got
    assert of(items, theirs["id"]) == []
    # The feed showed the partner a person's minimum fields: audited as the GET is.
    assert count_rows(db, "audit_event") > reads_before
