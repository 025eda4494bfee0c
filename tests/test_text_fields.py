"""Free text holds no control characters, on SQLite and PostgreSQL alike: every request body,
the free-text query parameters and the import's cells (docs/registry.md, "Text fields").

PostgreSQL cannot store a NUL and SQLite can: without one shared rule the same request was
201 on one database and 422 on the other."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liushou.clock import today
from liushou.validators import forbidden_character
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    woman_body,
)
from tests.registry.sheets import csv_bytes, errors_by_cell, upload, woman_row

API = "/api/v1"
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f"]


def _control_character_at(response, loc):
    problem = assert_problem(response, 422, "validation_error")
    assert {"loc": loc, "code": "control_character"} in [
        {"loc": e["loc"], "code": e["code"]} for e in problem["errors"]
    ], problem
    return problem


# --- the rule --------------------------------------------------------------------------


@given(st.text(st.characters(blacklist_categories=["Cc", "Cs"])))
def test_text_without_controls_passes(text):
    assert forbidden_character(text) is None
    assert forbidden_character(text, multi_line=True) is None


@pytest.mark.parametrize("char", [*CONTROL, "\t", "\n", "\r", "\ud800", "\udfff"])
def test_single_line_text_refuses_controls_line_breaks_and_surrogates(char):
    assert forbidden_character(f"张{char}伟") == 1


def test_multi_line_text_keeps_tabs_and_line_breaks_only():
    assert forbidden_character("第一行\r\n\t第二行", multi_line=True) is None
    for char in [*CONTROL, "\x0b", "\x0c", "\ud800"]:
        assert forbidden_character(f"ab{char}", multi_line=True) == 2


# --- request bodies ----------------------------------------------------------------------


@pytest.mark.parametrize("char", CONTROL)
def test_a_control_character_in_a_name_is_422_and_nothing_is_written(client, world, db, char):
    body = child_body(world.village, name=f"张{char}伟")
    response = client.post(PERSONS, json=body, headers=world.as_("staff"))
    _control_character_at(response, ["body", "name"])
    assert count(db, "person") == 0


def test_a_lone_surrogate_is_422(client, world, db):
    raw = json.dumps(child_body(world.village, name="SURROGATE")).replace("SURROGATE", "\\ud800")
    response = client.post(
        PERSONS, content=raw, headers={**world.as_("staff"), "Content-Type": "application/json"}
    )
    assert_problem(response, 422, "validation_error")
    assert count(db, "person") == 0


def test_line_breaks_are_refused_in_one_line_fields_and_kept_in_notes(client, world, db):
    staff = world.as_("staff")
    one_line = child_body(world.village, address="东营村\n3 号")
    _control_character_at(client.post(PERSONS, json=one_line, headers=staff), ["body", "address"])
    body = child_body(world.village)
    body["child_profile"]["special_needs"] = "哮喘：\n\t随身带药"
    person = create(client, staff, body)
    assert person["child_profile"]["special_needs"] == "哮喘：\n\t随身带药"
    body["child_profile"]["special_needs"] = "哮喘\x00"
    _control_character_at(
        client.post(PERSONS, json=body, headers=staff), ["body", "child_profile", "special_needs"]
    )


def test_strings_in_lists_are_checked(client, world):
    body = woman_body(world.village)
    body["woman_profile"]["training_interests"] = ["电商", "家\x00政"]
    response = client.post(PERSONS, json=body, headers=world.as_("staff"))
    _control_character_at(response, ["body", "woman_profile", "training_interests"])


def test_a_patch_of_a_profile_is_held_to_the_same_rule(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))
    for changes, loc in (
        # Inside the free-form object a NUL is caught at once, a line break by the profile.
        ({"child_profile": {"school": "黄屯\x00小学"}}, ["body", "child_profile"]),
        ({"child_profile": {"school": "黄屯\n小学"}}, ["body", "child_profile", "school"]),
        ({"name": "张\x1b伟"}, ["body", "name"]),
    ):
        response = client.patch(
            f"{PERSONS}/{person['id']}", json=changes, headers={**staff, "If-Match": '"1"'}
        )
        _control_character_at(response, loc)
    notes = client.patch(
        f"{PERSONS}/{person['id']}",
        json={"child_profile": {"special_needs": "第一行\n第二行"}},
        headers={**staff, "If-Match": '"1"'},
    )
    assert notes.status_code == 200, notes.text


def _some_id() -> str:
    return str(uuid.uuid4())


def _yesterday() -> str:
    return str(today() - timedelta(days=1))


# (method, path, body, loc of the bad text): one free-text field of each request body.
# The ids need not exist: the body is refused before anything is looked up.
BODIES = [
    ("post", "/regions", {"code": "370871005202", "name": "东\x00营", "level": "village"}, "name"),
    ("patch", "/regions/{id}", {"name": "东\x85营"}, "name"),
    (
        "post",
        "/organizations",
        {"name": "派出\x00所", "type": "police_station", "region_id": "{id}"},
        "name",
    ),
    ("post", "/persons/{id}/consents", {
        "given_by": "guardian", "guardian_name": "王秀兰", "recipients": ["police_station"],
        "purpose": "转介\x00", "given_on": "2026-01-05",
    }, "purpose"),
    ("post", "/persons/{id}/consents", {
        "given_by": "guardian", "guardian_name": "王\x7f秀兰", "recipients": ["police_station"],
        "purpose": "转介", "given_on": "2026-01-05",
    }, "guardian_name"),
    ("post", "/persons/{id}/consents", {
        "given_by": "guardian", "guardian_name": "王秀兰", "recipients": ["police\x00station"],
        "purpose": "转介", "given_on": "2026-01-05",
    }, "recipients"),
    ("post", "/persons/{id}/reveal", {"purpose": "核对\x00身份"}, "purpose"),
    ("post", "/persons/{id}/exit", {
        "exited_on": "2026-01-05", "exit_reason": "other", "note": "返乡\x00",
    }, "note"),
    ("post", "/caretakers", {"name": "王\x00建国", "kind": "village_cadre", "region_id": "{id}"},
     "name"),
    ("post", "/assignments", {
        "person_id": "{id}", "caretaker_id": "{id}", "role": "companion",
        "end_reason": "调\x00离",
    }, "end_reason"),
    ("post", "/visits", {
        "person_id": "{id}", "visited_on": "2026-01-05", "mode": "home", "findings": "良好\x00",
    }, "findings"),
    ("post", "/referrals", {
        "person_id": "{id}", "to_organization_id": "{id}", "type": "mandatory_report",
        "need": "需要\x00保护", "legal_basis": "statutory_duty", "justification": "无人监护",
    }, "need"),
    ("post", "/referrals", {
        "person_id": "{id}", "to_organization_id": "{id}", "type": "mandatory_report",
        "need": "需要保护", "legal_basis": "statutory_duty", "justification": "无人\x9f监护",
    }, "justification"),
    ("post", "/referrals/{id}/transitions", {"to_status": "accepted", "note": "已\x00受理"},
     "note"),
]  # fmt: skip


@pytest.mark.parametrize(
    "method, path, body, field", BODIES, ids=[f"{m} {p} {f}" for m, p, _, f in BODIES]
)
def test_every_request_body_refuses_control_characters(client, world, method, path, body, field):
    some_id = _some_id()
    body = json.loads(json.dumps(body).replace("{id}", some_id))
    response = client.request(
        method.upper(),
        API + path.replace("{id}", some_id),
        json=body,
        headers={**world.as_("admin"), "If-Match": '"1"'},
    )
    _control_character_at(response, ["body", field])


def test_visit_findings_may_span_lines(client, world):
    """Multi-line fields keep tabs and line breaks; here the body passes validation and the
    unknown person is the only problem left."""
    body = {
        "person_id": _some_id(),
        "visited_on": _yesterday(),
        "mode": "home",
        "findings": "情况良好。\n\t下次带学习用品。",
    }
    response = client.post(f"{API}/visits", json=body, headers=world.as_("admin"))
    assert_problem(response, 404, "not_found")


# --- query parameters --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, name",
    [
        ("/persons", "q"),
        ("/persons/duplicate-candidates", "name"),
        ("/caretakers", "q"),
        ("/organizations", "q"),
        ("/audit-events", "action"),
    ],
)
@pytest.mark.parametrize("char", ["\x00", "\x1f"])
def test_a_control_character_in_a_search_is_422(client, world, path, name, char):
    response = client.get(API + path, params={name: f"张{char}"}, headers=world.as_("admin"))
    _control_character_at(response, ["query", name])


def test_an_ordinary_search_still_works(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village, name="张小伟"))
    found = client.get(PERSONS, params={"q": "小伟"}, headers=staff)
    assert [p["id"] for p in found.json()["items"]] == [person["id"]]


# --- spreadsheet cells --------------------------------------------------------------------


# (A NUL makes a CSV a binary file: the whole upload is 415, see test_imports.)
@pytest.mark.parametrize("char", ["\x01", "\x1b", "\x7f", "\x9f"])
def test_a_control_character_in_a_cell_is_a_row_error(client, world, db, char):
    rows = [
        woman_row(world.village),
        woman_row(world.village, 姓名=f"赵{char}秀英"),
        woman_row(world.village, 培训意向=f"电商、家{char}政"),
    ]
    staff = world.as_("staff")
    body = upload(client, staff, csv_bytes(rows), dry_run=True).json()
    assert errors_by_cell(body) == {
        (3, "姓名"): "control_character",
        (4, "培训意向"): "control_character",
    }
    assert body["valid"] == 1
    assert_problem(upload(client, staff, csv_bytes(rows), dry_run=False), 422, "validation_error")
    assert count(db, "person") == 0
