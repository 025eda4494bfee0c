"""GET /persons/{id}/history and GET /persons?as_of=D (docs/registry.md).

Versions are stamped with the time they are recorded (the service's clock). To have versions
recorded on earlier days, a test sets the ``clock`` fixture to those days while it writes,
then back to now to read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from liushou.clock import today
from liushou.registry.identifiers import birthday_at_age
from tests.http import list_all
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    create,
    elder_body,
    exit_,
    ids_of,
    patch,
    woman_body,
)
from tests.registry.sheets import EXPORT_CSV, EXPORT_XLSX, csv_records, xlsx_records


def _history(client, headers, person_id, **params):
    return list_all(client, f"{PERSONS}/{person_id}/history", headers, **params)


def _as_of(client, headers, day, **params):
    return list_all(client, PERSONS, headers, as_of=str(day), **params)


def _ago(days: int) -> str:
    return (today() - timedelta(days=days)).isoformat()


# --- history ---------------------------------------------------------------------------


def test_history_lists_every_version_oldest_first_with_field_names_only(client, world):
    staff = world.as_("staff")
    body = child_body(world.village, name="张伟")
    person = create(client, staff, body)
    person = patch(client, staff, person, {"name": "张卫"})
    person = patch(client, staff, person, {"phone": "13912345678"})
    person = patch(client, staff, person, {"child_profile": {"guardianship_type": "relatives"}})
    person = exit_(client, staff, person, today(), "parents_returned")
    reactivated = client.post(f"{PERSONS}/{person['id']}/reactivate", json={}, headers=staff)
    assert reactivated.status_code == 200, reactivated.text

    history = _history(client, staff, person["id"])

    assert [h["version"] for h in history] == [1, 2, 3, 4, 5, 6]
    assert [h["action"] for h in history] == [
        "create",
        "update",
        "update",
        "update",
        "exit",
        "reactivate",
    ]
    assert [h["status"] for h in history] == ["active"] * 4 + ["exited", "active"]
    assert history[0]["changed_fields"] == sorted(
        [
            "address",
            "category",
            "child_profile",
            "id_number",
            "left_behind_since",
            "name",
            "phone",
            "region_id",
        ]
    )
    assert history[1]["changed_fields"] == ["name"]
    assert history[2]["changed_fields"] == ["phone"]
    assert history[3]["changed_fields"] == ["profile"]
    assert history[4]["changed_fields"] == ["exit_reason", "exited_on", "status"]
    assert {h["by"] for h in history} == {"u_staff"}
    ats = [h["at"] for h in history]
    assert ats == sorted(ats)
    text = str(history)
    for value in ("张卫", "13912345678", body["phone"], body["id_number"], "relatives"):
        assert value not in text  # names of fields, never values


def test_history_is_paginated(client, world):
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))
    for i in range(4):
        person = patch(client, staff, person, {"address": f"地址 {i}"})

    first = client.get(f"{PERSONS}/{person['id']}/history", params={"limit": 2}, headers=staff)
    assert first.status_code == 200
    page = first.json()
    assert [h["version"] for h in page["items"]] == [1, 2]
    assert page["next_cursor"]
    walked = [h["version"] for h in _history(client, staff, person["id"], limit=2)]
    assert walked == [1, 2, 3, 4, 5]


def test_history_of_a_deleted_or_unknown_person_is_404(client, world):
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))
    client.delete(f"{PERSONS}/{person['id']}", headers=staff)
    assert_problem(client.get(f"{PERSONS}/{person['id']}/history", headers=staff), 404, "not_found")


# --- as_of -------------------------------------------------------------------------------


def test_a_child_whose_parents_came_home_in_may_leaves_the_register_on_the_exit_day(client, world):
    staff = world.as_("staff")
    child = create(client, staff, child_body(world.village, left_behind_since="2025-09-01"))
    exit_(client, staff, child, "2026-05-15", "parents_returned")

    def on_register(day: str) -> bool:
        return child["id"] in ids_of(_as_of(client, staff, day))

    assert not on_register("2025-08-31")
    assert on_register("2025-09-01")
    assert on_register("2026-04-30")
    assert on_register("2026-05-14")
    assert not on_register("2026-05-15")  # the exit day itself no longer counts
    assert not on_register("2026-05-31")
    assert not on_register(str(today()))


def test_as_of_shows_the_attributes_recorded_by_that_day(client, world, clock):
    staff = world.as_("staff")
    now = clock.now()
    clock.set_today(date(2026, 3, 1))  # at noon in Shanghai
    person = create(
        client, staff, woman_body(world.village, name="王芳", left_behind_since="2025-01-10")
    )
    clock.set_today(date(2026, 6, 1))
    renamed = patch(client, staff, person, {"name": "王芳芳"})
    clock.set(now)
    patch(client, staff, renamed, {"name": "王小芳"})

    def seen(day: str) -> dict:
        [item] = [p for p in _as_of(client, staff, day) if p["id"] == person["id"]]
        return item

    assert seen("2026-04-30")["name"] == "王芳"
    assert seen("2026-04-30")["version"] == 1
    assert seen("2026-05-31")["name"] == "王芳"  # the rename of 1 June does not show
    assert seen("2026-06-01")["name"] == "王芳芳"  # recorded that day (Shanghai) counts
    assert seen("2026-06-01")["version"] == 2
    assert seen(str(today()))["name"] == "王小芳"
    # registered on 1 March, but on the register since January: shown with its first version
    assert seen("2025-02-01")["name"] == "王芳"


def test_a_person_registered_late_is_shown_with_its_first_version(client, world):
    staff = world.as_("staff")
    person = create(
        client, staff, elder_body(world.village, name="赵大爷", left_behind_since="2024-03-01")
    )
    patch(client, staff, person, {"name": "赵老汉", "address": "新址"})

    [item] = [p for p in _as_of(client, staff, "2025-01-01") if p["id"] == person["id"]]

    assert item["name"] == "赵大爷"
    assert item["version"] == 1
    assert item["address"] == person["address"]
    assert item["status"] == "active"
    assert not any(p["id"] == person["id"] for p in _as_of(client, staff, "2024-02-29"))


def test_as_of_counts_a_child_only_before_its_16th_birthday(client, world):
    staff = world.as_("staff")
    # 16 on 10 June 2026, left behind since 2024: registered late, after the birthday
    born = date(2010, 6, 10)
    child = create(
        client, staff, child_body(world.village, born=born, left_behind_since="2024-01-01")
    )
    assert child["status"] == "exited"  # already 16 today
    assert child["exit_reason"] == "aged_out"
    assert child["exited_on"] == "2026-06-10"

    def on_register(day: str) -> bool:
        return child["id"] in ids_of(_as_of(client, staff, day))

    assert on_register("2026-06-09")
    assert not on_register("2026-06-10")
    assert not on_register("2026-11-01")
    [item] = [p for p in _as_of(client, staff, "2026-06-09") if p["id"] == child["id"]]
    assert item["age"] == 15
    assert item["status"] == "active"


def test_an_exit_and_a_reactivation_are_two_stays_on_the_register(client, world):
    staff = world.as_("staff")
    child = create(client, staff, child_body(world.village, left_behind_since="2025-01-01"))
    exited = exit_(client, staff, child, "2025-06-01", "parents_returned")
    back = client.post(
        f"{PERSONS}/{child['id']}/reactivate",
        json={"left_behind_since": "2026-02-01"},
        headers={**staff, "If-Match": f'"{exited["version"]}"'},
    )
    assert back.status_code == 200, back.text

    def on_register(day: str) -> bool:
        return child["id"] in ids_of(_as_of(client, staff, day))

    assert on_register("2025-03-01")
    assert not on_register("2025-06-01")
    assert not on_register("2026-01-31")
    assert on_register("2026-02-01")
    assert on_register(str(today()))


def test_the_list_and_the_exports_show_the_same_as_of_day_alike(client, world, clock):
    # Registered 100 days ago, exit recorded 60 days ago, undone today by a reactivation
    # starting 50 days ago: on a day in between, the version in force records the exit, yet
    # the person is on the register (the second stay). The list and both exports must say
    # so alike.
    staff = world.as_("staff")
    now, days_ago = clock.now(), {n: today() - timedelta(days=n) for n in (100, 60)}
    clock.set_today(days_ago[100])
    elder = create(client, staff, elder_body(world.village, left_behind_since=_ago(0)))
    clock.set_today(days_ago[60])
    exited = exit_(client, staff, elder, _ago(0), "children_returned")
    clock.set(now)
    back = client.post(
        f"{PERSONS}/{elder['id']}/reactivate",
        json={"left_behind_since": _ago(50)},
        headers={**staff, "If-Match": f'"{exited["version"]}"'},
    )
    assert back.status_code == 200, back.text
    day = _ago(40)

    [listed] = [p for p in _as_of(client, staff, day) if p["id"] == elder["id"]]
    exported = [
        next(
            r
            for r in records(client.get(url, params={"as_of": day}, headers=staff).content)
            if r["人员编号"] == elder["id"]
        )
        for url, records in ((EXPORT_CSV, csv_records), (EXPORT_XLSX, xlsx_records))
    ]

    assert (listed["status"], listed["exited_on"], listed["exit_reason"]) == ("active", None, None)
    for row in exported:
        assert row["状态"] == "在册", row
        assert row["退出日期"] in ("", None) and row["退出原因"] in ("", None), row
        assert str(row["年龄"]) == str(listed["age"])


def test_as_of_leaves_out_deleted_persons_and_honours_scope_and_filters(client, world):
    staff, admin = world.as_("staff"), world.as_("admin")
    child = create(client, admin, child_body(world.village, left_behind_since="2025-01-01"))
    elder = create(client, admin, elder_body(world.community, left_behind_since="2025-01-01"))
    other = create(client, admin, woman_body(world.other_village, left_behind_since="2025-01-01"))
    gone = create(client, admin, woman_body(world.village, left_behind_since="2025-01-01"))
    client.delete(f"{PERSONS}/{gone['id']}", headers=admin)
    day = "2025-06-01"

    assert sorted(ids_of(_as_of(client, admin, day))) == sorted(
        [child["id"], elder["id"], other["id"]]
    )
    assert sorted(ids_of(_as_of(client, staff, day))) == sorted([child["id"], elder["id"]])
    assert ids_of(_as_of(client, staff, day, category="elder")) == [elder["id"]]
    assert ids_of(_as_of(client, admin, day, region_id=str(world.liuxing.id))) == [other["id"]]
    assert ids_of(_as_of(client, world.as_("village"), day)) == [elder["id"]]
    assert _as_of(client, world.as_("volunteer"), day) == []


def test_as_of_refuses_filters_it_cannot_apply_to_that_day(client, world):
    staff = world.as_("staff")
    for params in (
        {"q": "张"},
        {"guardianship_type": "none"},
        {"age_min": 3},
        {"status": "active"},
    ):
        response = client.get(PERSONS, params={"as_of": "2026-01-01", **params}, headers=staff)
        problem = assert_problem(response, 422, "unsupported_with_as_of")
        assert [e["loc"] for e in problem["errors"]] == [["query", next(iter(params))]]
    assert_problem(
        client.get(PERSONS, params={"as_of": "2026-02-30"}, headers=staff), 422, "validation_error"
    )


def test_as_of_is_paginated(client, world):
    staff = world.as_("staff")
    made = [
        create(client, staff, woman_body(world.village, left_behind_since="2025-01-01"))["id"]
        for _ in range(5)
    ]

    first = client.get(PERSONS, params={"as_of": "2025-06-01", "limit": 2}, headers=staff).json()
    walked = ids_of(_as_of(client, staff, "2025-06-01", limit=2))

    assert len(first["items"]) == 2 and first["next_cursor"]
    assert sorted(walked) == sorted(made)
    assert len(set(walked)) == 5


def test_as_of_a_day_uses_shanghai_dates(client, world, clock):
    staff = world.as_("staff")
    now = clock.now()
    clock.set_today(date(2026, 3, 1))
    person = create(
        client, staff, woman_body(world.village, name="甲", left_behind_since="2025-01-01")
    )
    # version 2 recorded at 2026-03-10 23:30 UTC = 11 March 07:30 in Shanghai
    clock.set(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    patch(client, staff, person, {"name": "乙"})
    clock.set(now)

    def name_on(day: str) -> str:
        [item] = [p for p in _as_of(client, staff, day) if p["id"] == person["id"]]
        return item["name"]

    assert name_on("2026-03-10") == "甲"
    assert name_on("2026-03-11") == "乙"


def test_sixteenth_birthday_helper_matches_the_domain_rule():
    assert birthday_at_age(date(2010, 6, 10), 16) == date(2026, 6, 10)
    assert timedelta(days=1) + date(2026, 6, 9) == date(2026, 6, 10)
