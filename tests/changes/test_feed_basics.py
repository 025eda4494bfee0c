"""GET /changes: shape, data equal to the GET, cursors, types, retention."""

from __future__ import annotations

from typing import Any

from tests.changes.feed_helpers import CHANGES, feed_page, follow, of
from tests.guardianship.helpers import PERSONS, assert_problem, create_person


def test_a_created_person_is_an_upsert_whose_data_is_its_get(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    items, _ = follow(client, staff)
    mine = [i for i in items if i["id"] == person["id"]]
    assert [(i["resource_type"], i["op"]) for i in mine] == [("person", "upsert")]
    got = client.get(f"{PERSONS}/{person['id']}", headers=staff)
    assert mine[0]["data"] == got.json()
    assert mine[0]["version"] == 1
    assert of(items, person["id"]) == [("person", "upsert")]
