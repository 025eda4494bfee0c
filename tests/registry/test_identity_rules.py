"""A left-behind woman is female, and the ID number decides birth date and sex: on POST, PUT,
PATCH and in the import alike (docs/registry.md, "Identity" and "Eligibility")."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    id_number,
    woman_body,
    years_ago,
)
from tests.registry.sheets import csv_bytes, errors_by_cell, new_id_number, upload, woman_row


def _put(client, headers, person, body):
    return client.put(
        f"{PERSONS}/{person['id']}",
        json=body,
        headers={**headers, "If-Match": f'"{person["version"]}"'},
    )


def _patch(client, headers, person, changes):
    return client.patch(
        f"{PERSONS}/{person['id']}",
        json=changes,
        headers={**headers, "If-Match": f'"{person["version"]}"'},
    )


def _points_at(problem, loc):
    assert [list(loc)] == [e["loc"] for e in problem["errors"]], problem


def _unchanged(client, headers, person):
    now = client.get(f"{PERSONS}/{person['id']}", headers=headers).json()
    assert now == person


# --- a left-behind woman is female ------------------------------------------------------


def test_a_woman_given_as_male_is_not_eligible(client, world, db):
    body = woman_body(world.village, id_number=None, sex="male", birth_date=str(years_ago(35)))
    problem = assert_problem(
        client.post(PERSONS, json=body, headers=world.as_("staff")), 422, "not_eligible"
    )
    _points_at(problem, ["body", "sex"])
    assert count(db, "person") == 0


def test_a_woman_whose_id_number_is_a_mans_is_not_eligible(client, world, db):
    body = woman_body(world.village, id_number=id_number(years_ago(35), "male"))
    problem = assert_problem(
        client.post(PERSONS, json=body, headers=world.as_("staff")), 422, "not_eligible"
    )
    _points_at(problem, ["body", "id_number"])  # the sex came from the number
    assert count(db, "person") == 0


def test_put_cannot_make_a_woman_male(client, world):
    staff = world.as_("staff")
    woman = create(client, staff, woman_body(world.village))
    body = woman_body(world.village, id_number=id_number(years_ago(35), "male"))
    assert_problem(_put(client, staff, woman, body), 422, "not_eligible")
    _unchanged(client, staff, woman)


def test_patch_cannot_make_a_woman_without_id_number_male(client, world):
    staff = world.as_("staff")
    woman = create(
        client,
        staff,
        woman_body(world.village, id_number=None, sex="female", birth_date=str(years_ago(35))),
    )
    problem = assert_problem(_patch(client, staff, woman, {"sex": "male"}), 422, "not_eligible")
    _points_at(problem, ["body", "sex"])
    _unchanged(client, staff, woman)


def test_a_child_or_an_elder_may_be_of_either_sex(client, world):
    staff = world.as_("staff")
    girl = create(
        client, staff, child_body(world.village, id_number=id_number(years_ago(9), "female"))
    )
    assert girl["sex"] == "female"


def test_an_imported_male_woman_is_a_row_error(client, world, db):
    rows = [
        woman_row(world.village),
        woman_row(world.village, 身份证号=new_id_number(years_ago(35), "male")),
        woman_row(world.village, 身份证号="", 性别="男", 出生日期=str(years_ago(40))),
    ]
    body = upload(client, world.as_("staff"), csv_bytes(rows), dry_run=True).json()
    assert errors_by_cell(body) == {(3, "身份证号"): "not_eligible", (4, "性别"): "not_eligible"}
    assert body["valid"] == 1
    real = upload(client, world.as_("staff"), csv_bytes(rows), dry_run=False)
    assert_problem(real, 422, "validation_error")
    assert count(db, "person") == 0


# --- birth date and sex come from the ID number -------------------------------------------


def test_put_with_a_birth_date_or_sex_disagreeing_with_the_id_number(client, world):
    staff = world.as_("staff")
    body = child_body(world.village)
    person = create(client, staff, body)
    born = years_ago(10)
    for field, value in (("birth_date", str(born - timedelta(days=3))), ("sex", "female")):
        problem = assert_problem(
            _put(client, staff, person, {**body, field: value}), 422, "id_number_mismatch"
        )
        _points_at(problem, ["body", field])
    _unchanged(client, staff, person)


@pytest.mark.parametrize("field", ["sex", "birth_date"])
def test_patch_of_sex_or_birth_date_alone_must_agree_with_the_stored_id_number(
    client, world, field
):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))
    value = {"sex": "female", "birth_date": str(years_ago(11))}[field]
    problem = assert_problem(
        _patch(client, staff, person, {field: value}), 422, "id_number_mismatch"
    )
    _points_at(problem, ["body", field])
    _unchanged(client, staff, person)


def test_patch_of_an_id_number_disagreeing_with_the_recorded_birth_date_is_refused(client, world):
    """Registered without a number (no household registration yet); the number given later
    says another birth date: refused, not silently taken over, until the PATCH sends the
    corrected birth date with it."""
    staff = world.as_("staff")
    recorded = years_ago(9)
    person = create(
        client,
        staff,
        child_body(world.village, id_number=None, sex="male", birth_date=str(recorded)),
    )
    actual = recorded - timedelta(days=30)
    number = id_number(actual, "male")
    problem = assert_problem(
        _patch(client, staff, person, {"id_number": number}), 422, "id_number_mismatch"
    )
    _points_at(problem, ["body", "id_number"])
    _unchanged(client, staff, person)

    corrected = _patch(client, staff, person, {"id_number": number, "birth_date": str(actual)})
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["birth_date"] == str(actual)


def test_patch_of_an_id_number_disagreeing_with_the_recorded_sex_is_refused(client, world):
    staff = world.as_("staff")
    born = years_ago(9)
    person = create(
        client,
        staff,
        child_body(world.village, id_number=None, sex="female", birth_date=str(born)),
    )
    number = id_number(born, "male")
    problem = assert_problem(
        _patch(client, staff, person, {"id_number": number}), 422, "id_number_mismatch"
    )
    _points_at(problem, ["body", "id_number"])
    _unchanged(client, staff, person)
    agreeing = _patch(client, staff, person, {"id_number": id_number(born, "female")})
    assert agreeing.status_code == 200, agreeing.text


def test_an_imported_sex_disagreeing_with_the_id_number_is_a_row_error(client, world):
    row = woman_row(world.village, 性别="男")
    body = upload(client, world.as_("staff"), csv_bytes([row]), dry_run=True).json()
    assert errors_by_cell(body) == {(2, "性别"): "id_number_mismatch"}
