"""GET /persons?overdue=, ?unassigned= and ?alert=overdue_visit|no_primary_contact: computed
by the database as of today (Asia/Shanghai), exact at the boundary day."""

from __future__ import annotations

from liushou.clock import today
from tests.guardianship.helpers import (
    PERSONS,
    assert_problem,
    assigned,
    create_caretaker,
    create_person,
    days_ago,
    hand_over,
    ids,
    record_visit,
)
from tests.http import list_all


def _listed(client, headers, **params) -> set[str]:
    return ids(list_all(client, PERSONS, headers, **params))


def test_overdue_and_unassigned_at_the_boundary_day(client, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    due_today = create_person(client, staff, world.community, name="今天到期")
    due_yesterday = create_person(client, staff, world.community, name="昨天到期")
    visited_in_time = create_person(client, staff, world.community, name="按时走访")
    visited_late = create_person(client, staff, world.community, name="走访逾期")
    unassigned = create_person(client, staff, world.community, name="无联系人")
    assigned(client, staff, due_today, cadre, starts_on=days_ago(30).isoformat())
    assigned(client, staff, due_yesterday, cadre, starts_on=days_ago(31).isoformat())
    for person, last in ((visited_in_time, 30), (visited_late, 31)):
        assigned(client, staff, person, cadre, starts_on=days_ago(100).isoformat())
        visit = record_visit(
            client, staff, person, caretaker_id=cadre["id"], visited_on=days_ago(last)
        )
        assert visit.status_code == 201, visit.text

    late = {due_yesterday["id"], visited_late["id"]}
    everyone = ids([due_today, due_yesterday, visited_in_time, visited_late, unassigned])
    assert _listed(client, staff, overdue="true") == late
    assert _listed(client, staff, alert="overdue_visit") == late
    assert _listed(client, staff, overdue="false") == everyone - late
    assert _listed(client, staff, unassigned="true") == {unassigned["id"]}
    assert _listed(client, staff, alert="no_primary_contact") == {unassigned["id"]}
    assert _listed(client, staff, unassigned="false") == everyone - {unassigned["id"]}
    assert _listed(client, staff, overdue="true", region_id=str(world.community.id)) == late
    assert _listed(client, staff, overdue="true", region_id=str(world.village.id)) == set()

    # A handover keeps counting from the latest visit; for a person never visited, the new
    # assignment's start is the basis (docs/domain.md: "or from the start of the assignment").
    other = create_caretaker(client, staff, world.community, name="接任者")
    assert hand_over(client, staff, visited_late, other["id"]).status_code == 201
    assert hand_over(client, staff, due_yesterday, other["id"]).status_code == 201
    assert _listed(client, staff, overdue="true") == {visited_late["id"]}
    # A visit today puts the late person back in time.
    record_visit(client, staff, visited_late, caretaker_id=other["id"], visited_on=today())
    assert _listed(client, staff, overdue="true") == set()


def test_only_persons_on_the_register_are_overdue_or_unassigned(client, world):
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.community)
    overdue = create_person(client, staff, world.community, name="逾期")
    assigned(client, staff, overdue, cadre, starts_on=days_ago(45).isoformat())
    exited_unassigned = create_person(client, staff, world.community, name="已退出")
    for person in (overdue, exited_unassigned):
        response = client.post(
            f"{PERSONS}/{person['id']}/exit",
            json={"exited_on": today().isoformat(), "exit_reason": "parents_returned"},
            headers=staff,
        )
        assert response.status_code == 200, response.text

    assert _listed(client, staff, overdue="true") == set()
    assert _listed(client, staff, unassigned="true") == set()


def test_the_filters_respect_the_callers_scope(client, world):
    staff = world.as_("staff")
    mine = create_person(client, staff, world.community)
    theirs = create_person(client, world.as_("other_staff"), world.other_village)
    assert _listed(client, staff, unassigned="true") == {mine["id"]}
    assert _listed(client, world.as_("other_staff"), unassigned="true") == {theirs["id"]}
    assert _listed(client, world.as_("admin"), unassigned="true") == ids([mine, theirs])


def test_as_of_cannot_be_combined_with_care_filters(client, world):
    staff = world.as_("staff")
    for name in ("overdue", "unassigned"):
        response = client.get(
            PERSONS, params={name: "true", "as_of": today().isoformat()}, headers=staff
        )
        assert_problem(response, 422, "unsupported_with_as_of")
