"""Ageing out: a child stops counting on its 16th birthday, in every list at once, and the
real `liushou sweep` command records the exit (aged_out, dated on the birthday)."""

from __future__ import annotations

import json
from datetime import timedelta

from liushou.clock import today
from liushou.registry.identifiers import birthday_at_age
from tests.auth.test_cli import run_cli
from tests.http import list_all
from tests.registry.factories import (
    PERSONS,
    child_body,
    create,
    elder_body,
    exit_,
    get,
    ids_of,
)


def _sweep(database_url, tmp_path) -> dict:
    result = run_cli(database_url, tmp_path, "sweep")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _born_16_years_before(day):
    return birthday_at_age(day, -16)


def _children(client, world):
    """Registered by staff, left behind for years: 16 today, 16 a week ago, 16 tomorrow."""
    staff = world.as_("staff")
    since = str(today() - timedelta(days=900))
    sixteen_today = create(
        client,
        staff,
        child_body(world.village, born=_born_16_years_before(today()), left_behind_since=since),
    )
    sixteen_last_week = create(
        client,
        staff,
        child_body(
            world.village,
            born=_born_16_years_before(today() - timedelta(days=7)),
            left_behind_since=since,
        ),
    )
    sixteen_tomorrow = create(
        client,
        staff,
        child_body(
            world.village,
            born=_born_16_years_before(today() + timedelta(days=1)),
            left_behind_since=since,
        ),
    )
    return sixteen_today, sixteen_last_week, sixteen_tomorrow


def test_a_child_stops_counting_on_its_16th_birthday_before_any_sweep(client, world):
    staff = world.as_("staff")
    sixteen_today, last_week, tomorrow = _children(client, world)

    active = ids_of(list_all(client, PERSONS, staff, status="active"))
    exited = ids_of(list_all(client, PERSONS, staff, status="exited"))

    assert active == [tomorrow["id"]]
    assert sorted(exited) == sorted([sixteen_today["id"], last_week["id"]])
    shown = get(client, staff, sixteen_today["id"]).json()
    assert shown["status"] == "exited"
    assert shown["exit_reason"] == "aged_out"
    assert shown["exited_on"] == str(today())
    assert shown["age"] == 16
    assert get(client, staff, tomorrow["id"]).json()["age"] == 15
    assert (
        ids_of(list_all(client, PERSONS, staff, status="active", category="child", age_min=16))
        == []
    )
    assert set(ids_of(list_all(client, PERSONS, staff, age_min=16, category="child"))) == {
        sixteen_today["id"],
        last_week["id"],
    }
    assert ids_of(list_all(client, PERSONS, staff, age_max=15)) == [tomorrow["id"]]
    # an unattended child that aged out raises no alert any more
    assert shown["alerts"] == []


def test_sweep_records_the_exit_on_the_16th_birthday(client, world, database_url, tmp_path):
    staff = world.as_("staff")
    sixteen_today, last_week, tomorrow = _children(client, world)
    elder = create(client, staff, elder_body(world.village))
    already = create(client, staff, child_body(world.village))
    already = exit_(client, staff, already, today(), "migrated_with_parents")

    report = _sweep(database_url, tmp_path)

    assert report["persons_aged_out"] == 2
    for person, birthday in ((sixteen_today, today()), (last_week, today() - timedelta(days=7))):
        stored = get(client, staff, person["id"])
        body = stored.json()
        assert (body["status"], body["exit_reason"], body["exited_on"]) == (
            "exited",
            "aged_out",
            str(birthday),
        )
        assert body["version"] == 2
        assert stored.headers["etag"] == '"2"'
        history = list_all(client, f"{PERSONS}/{person['id']}/history", staff)
        assert [(h["action"], h["by"]) for h in history] == [("create", "u_staff"), ("exit", "cli")]
        assert history[-1]["changed_fields"] == ["exit_reason", "exited_on", "status"]
    assert get(client, staff, tomorrow["id"]).json()["version"] == 1
    assert get(client, staff, elder["id"]).json()["version"] == 1
    assert get(client, staff, already["id"]).json()["exit_reason"] == "migrated_with_parents"
    events = client.get(
        "/api/v1/audit-events", params={"action": "person.exit"}, headers=world.as_("admin")
    ).json()["items"]
    assert {e["resource_id"] for e in events if e["actor_name"] == "cli"} == {
        sixteen_today["id"],
        last_week["id"],
    }


def test_sweep_is_idempotent(client, world, database_url, tmp_path):
    _children(client, world)

    assert _sweep(database_url, tmp_path)["persons_aged_out"] == 2
    assert _sweep(database_url, tmp_path)["persons_aged_out"] == 0


def test_a_swept_child_cannot_be_reactivated(client, world, database_url, tmp_path):
    staff = world.as_("staff")
    sixteen_today, _, _ = _children(client, world)
    _sweep(database_url, tmp_path)

    response = client.post(f"{PERSONS}/{sixteen_today['id']}/reactivate", json={}, headers=staff)

    assert response.status_code == 422
    assert response.json()["code"] == "not_eligible"


def test_an_aged_out_child_can_still_be_corrected(client, world):
    staff = world.as_("staff")
    sixteen_today, _, _ = _children(client, world)

    response = client.patch(
        f"{PERSONS}/{sixteen_today['id']}", json={"address": "更正后的地址"}, headers=staff
    )

    assert response.status_code == 200, response.text
    assert response.json()["address"] == "更正后的地址"
    assert response.json()["status"] == "exited"
