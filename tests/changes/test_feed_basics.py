"""GET /changes: the items, data equal to the GET, cursors, types, retention."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from liushou.db import Database
from tests.auth.test_cli import run_cli
from tests.changes.feed_helpers import CHANGES, change_rows, feed_page, follow, of
from tests.guardianship.helpers import PERSONS, assert_problem, create_person
from tests.registry.sheets import child_row, elder_row, imported
from tests.services.activities_helpers import create_activity


def test_create_update_delete_of_a_person(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    items, cursor = follow(client, staff)
    mine = [i for i in items if i["id"] == person["id"]]
    assert [(i["resource_type"], i["op"], i["version"]) for i in mine] == [("person", "upsert", 1)]
    assert mine[0]["data"] == client.get(f"{PERSONS}/{person['id']}", headers=staff).json()

    changed = client.patch(f"{PERSONS}/{person['id']}", json={"name": "李小华"}, headers=staff)
    assert changed.status_code == 200, changed.text
    items, cursor = follow(client, staff, cursor)
    assert [(i["op"], i["version"], i["data"]["name"]) for i in items] == [("upsert", 2, "李小华")]
    assert items[0]["data"] == changed.json()

    assert client.delete(f"{PERSONS}/{person['id']}", headers=staff).status_code == 204
    items, cursor = follow(client, staff, cursor)
    assert [(i["id"], i["op"], i["version"], i["data"]) for i in items] == [
        (person["id"], "delete", 3, None)
    ]
    # Caught up: the same cursor again shows nothing new, and has_more is false.
    page = feed_page(client, staff, cursor)
    assert page["items"] == [] and page["has_more"] is False


def test_data_is_what_the_get_shows_now(client: Any, world: Any) -> None:
    """An early change shows the resource as it is now, masked as the caller's GET is."""
    staff, volunteer_view = world.as_("staff"), world.as_("auditor")
    person = create_person(client, staff, world.village)
    client.patch(f"{PERSONS}/{person['id']}", json={"name": "王小二"}, headers=staff)
    for headers in (staff, volunteer_view):
        items, _ = follow(client, headers, types="person")
        now = client.get(f"{PERSONS}/{person['id']}", headers=headers).json()
        assert [i["data"] for i in items] == [now, now]
        assert [i["version"] for i in items] == [1, 2]


def test_one_post_writes_one_change_row_in_its_transaction(
    client: Any, world: Any, db: Database
) -> None:
    staff = world.as_("staff")
    before = len(change_rows(db))
    person = create_person(client, staff, world.village)
    rows = change_rows(db)[before:]
    assert [(r["resource_type"], str(r["resource_id"]), r["op"]) for r in rows] == [
        ("person", person["id"], "upsert")
    ]
    # A refused write leaves none (the change rolls back with it).
    refused = client.patch(
        f"{PERSONS}/{person['id']}", json={"name": "x"}, headers={**staff, "If-Match": '"9"'}
    )
    assert refused.status_code == 412
    assert len(change_rows(db)) == before + 1


def test_rows_written_indirectly_are_in_the_feed(client: Any, world: Any) -> None:
    """An activity writes a service record per attendee: each one is a change."""
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    activity = create_activity(client, staff, world.village, [person])
    items, _ = follow(client, staff, types="activity,service_record")
    kinds = [(i["resource_type"], i["op"]) for i in items]
    assert ("activity", "upsert") in kinds and ("service_record", "upsert") in kinds
    record = next(i for i in items if i["resource_type"] == "service_record")
    assert record["data"]["person_id"] == person["id"]
    assert of(items, activity["id"]) == [("activity", "upsert")]


def test_types_filter_and_unknown_types(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    create_activity(client, staff, world.village, [person])
    items, _ = follow(client, staff, types="person")
    assert {i["resource_type"] for i in items} == {"person"}
    items, _ = follow(client, staff, types=" activity , person ")
    assert {i["resource_type"] for i in items} == {"person", "activity"}
    for bad in ("persons", "person,nope", ",", "region"):
        response = client.get(CHANGES, params={"types": bad}, headers=staff)
        body = assert_problem(response, 422, "unknown_type")
        assert body["errors"][0]["loc"] == ["query", "types"]


def test_limit_pages_and_has_more(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    made = [create_person(client, staff, world.village)["id"] for _ in range(5)]
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        page = feed_page(client, staff, cursor, limit=2)
        assert len(page["items"]) <= 2
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert seen == made
    for bad in ("0", "501", "x"):
        response = client.get(CHANGES, params={"limit": bad}, headers=staff)
        assert_problem(response, 422, "validation_error")


def test_forged_and_foreign_cursors_are_400(client: Any, world: Any) -> None:
    staff = world.as_("staff")
    create_person(client, staff, world.village)
    cursor = feed_page(client, staff)["next_cursor"]
    raw, _, signature = cursor.partition(".")
    list_cursor = client.get(PERSONS, params={"limit": 1}, headers=staff).json()["next_cursor"]
    for forged in (
        "abc",
        f"{raw}.{'0' * len(signature)}",
        f"{raw}x.{signature}",
        "é.é",
        list_cursor or "x.y",
    ):
        response = client.get(CHANGES, params={"after": forged}, headers=staff)
        assert_problem(response, 400, "invalid_cursor")


def test_a_cursor_older_than_retention_is_410(client: Any, world: Any, clock: Any) -> None:
    staff = world.as_("staff")
    create_person(client, staff, world.village)
    _, cursor = follow(client, staff)
    clock.advance(timedelta(days=89))
    assert feed_page(client, staff, cursor)["items"] == []
    clock.advance(timedelta(days=2))
    response = client.get(CHANGES, params={"after": cursor}, headers=staff)
    assert_problem(response, 410, "sync_cursor_expired")
    # Without a cursor the feed starts at the oldest change kept: the person's is too old.
    assert follow(client, staff)[0] == []


def test_sweep_prunes_changes_past_retention(
    client: Any, world: Any, db: Database, clock: Any, database_url: str, tmp_path: Any
) -> None:
    staff = world.as_("staff")
    clock.advance(timedelta(days=-91))
    old = create_person(client, staff, world.village)
    clock.advance(timedelta(days=91))
    new = create_person(client, staff, world.village)
    result = run_cli(database_url, tmp_path, "sweep")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["changes_removed"] == 1
    assert [str(r["resource_id"]) for r in change_rows(db)] == [new["id"]]
    assert old["id"] != new["id"]


def test_anyone_signed_in_may_read_what_it_may_see(client: Any, world: Any) -> None:
    assert client.get(CHANGES).status_code == 401
    staff = world.as_("staff")
    create_person(client, staff, world.village)
    # A legal advisor holds no registry scope: no persons, an empty page, not a 403.
    assert follow(client, world.as_("lawyer"))[0] == []


def test_the_change_table_has_what_scoping_needs(client: Any, world: Any, db: Database) -> None:
    staff = world.as_("staff")
    person = create_person(client, staff, world.village)
    client.patch(
        f"{PERSONS}/{person['id']}", json={"region_id": str(world.community.id)}, headers=staff
    )
    moved = change_rows(db)[-1]
    assert moved["path_before"].endswith(f"{world.village.id.hex}/")
    assert moved["path_after"].endswith(f"{world.community.id.hex}/")
    assert str(moved["person_id"]) == person["id"]
    assert (moved["resource_type"], moved["op"], moved["version"]) == ("person", "upsert", 2)


def test_persons_imported_in_bulk_are_in_the_feed(client: Any, world: Any) -> None:
    """The import inserts persons with Core statements, not ORM objects: captured too."""
    staff = world.as_("staff")
    _, cursor = follow(client, staff)
    rows = [child_row(world.village), elder_row(world.village)]
    assert imported(client, staff, rows)["created"] == 2
    items, _ = follow(client, staff, cursor)
    assert [(i["resource_type"], i["op"], i["version"]) for i in items] == [
        ("person", "upsert", 1),
        ("person", "upsert", 1),
    ]
    for item in items:
        assert item["data"] == client.get(f"{PERSONS}/{item['id']}", headers=staff).json()
