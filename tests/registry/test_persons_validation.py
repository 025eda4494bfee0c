"""What POST /persons refuses, each as a 4xx problem with a stable code and nothing written;
and what it accepts after normalising (docs/registry.md, docs/domain.md)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.clock import today
from liushou.registry.identifiers import birthday_at_age, id_check_char, make_id_number
from tests.conftest import make_settings
from tests.factories import build_world
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    elder_body,
    id_number,
    woman_body,
    years_ago,
)


def _refused(client, db, headers, body, status, code, loc=None):
    """POST must be refused with this problem, point at ``loc`` and write nothing."""
    response = client.post(PERSONS, json=body, headers=headers)
    problem = assert_problem(response, status, code)
    if loc is not None:
        assert list(loc) in [e["loc"] for e in problem["errors"]], problem
    assert count(db, "person") == 0
    assert count(db, "person_version") == 0
    assert count(db, "audit_event", action="person.create") == 0
    return problem


def _with_check_char(first17: str) -> str:
    return first17 + id_check_char(first17)


def _reveal(client, headers, person_id):
    response = client.post(
        f"{PERSONS}/{person_id}/reveal", json={"purpose": "核对身份"}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


# --- ID numbers ------------------------------------------------------------------------


def test_a_wrong_check_character_is_refused(client, world, db):
    good = id_number(years_ago(9))
    wrong = good[:17] + ("0" if good[17] != "0" else "1")

    problem = _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, id_number=wrong),
        422,
        "id_number_checksum",
        ["body", "id_number"],
    )
    assert wrong not in str(problem)  # the number is never echoed


@pytest.mark.parametrize(
    "birth8",
    ["20150230", "20151301", "20150000", "18991231"],
    ids=["feb-30", "month-13", "day-0", "before-1900"],
)
def test_an_impossible_birth_date_is_refused(client, world, db, birth8):
    number = _with_check_char(f"370871{birth8}123")

    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, id_number=number),
        422,
        "id_number_birth_date",
        ["body", "id_number"],
    )


def test_a_birth_date_in_the_future_is_refused(client, world, db):
    tomorrow = today() + timedelta(days=1)
    number = make_id_number("370871", tomorrow, 123, "male")

    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, id_number=number),
        422,
        "id_number_birth_date",
    )


@pytest.mark.parametrize(
    "value",
    ["37087120150101123", "3708712015010112345", "A70871201501011234", "٣٧٠٨٧١٢٠١٥٠١٠١١٢٣٤"],
    ids=["17-chars", "19-chars", "letter", "arabic-indic-digits"],
)
def test_a_malformed_id_number_is_refused(client, world, db, value):
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, id_number=value),
        422,
        "id_number_format",
    )


def test_given_birth_date_or_sex_must_agree_with_the_id_number(client, world, db):
    staff = world.as_("staff")
    born = years_ago(9)
    number = make_id_number("370871", born, 124, "female")

    _refused(
        client,
        db,
        staff,
        child_body(world.village, id_number=number, birth_date=str(born - timedelta(days=1))),
        422,
        "id_number_mismatch",
        ["body", "birth_date"],
    )
    _refused(
        client,
        db,
        staff,
        child_body(world.village, id_number=number, sex="male"),
        422,
        "id_number_mismatch",
        ["body", "sex"],
    )
    agreeing = create(
        client,
        staff,
        child_body(world.village, id_number=number, birth_date=str(born), sex="female"),
    )
    assert agreeing["sex"] == "female" and agreeing["birth_date"] == str(born)


def test_birth_date_and_sex_are_derived_from_the_id_number(client, world):
    born = years_ago(12, days=40)
    person = create(
        client,
        world.as_("staff"),
        child_body(world.village, id_number=make_id_number("370871", born, 125, "male")),
    )
    assert person["birth_date"] == str(born)
    assert person["sex"] == "male"
    assert person["age"] == 12


def _number_with_x() -> str:
    born = years_ago(9)
    for sequence in range(0, 999, 2):
        number = make_id_number("370871", born, sequence, "male")
        if number.endswith("X"):
            return number
    raise AssertionError("no number with check character X")


def test_a_lower_case_x_is_normalised_to_upper_case(client, world, db):
    staff = world.as_("staff")
    number = _number_with_x()

    person = create(client, staff, child_body(world.village, id_number=number.lower()))

    assert person["id_number_masked"].endswith("X")
    assert _reveal(client, staff, person["id"])["id_number"] == number
    # the same number with either case is one person
    dup = client.post(PERSONS, json=child_body(world.village, id_number=number), headers=staff)
    assert_problem(dup, 409, "duplicate_person")
    assert count(db, "person") == 1


def test_spaces_and_full_width_characters_in_an_id_number_are_normalised(client, world):
    staff = world.as_("staff")
    number = id_number(years_ago(9))
    spaced = f"{number[:6]} {number[6:14]} {number[14:]}"
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)

    first = create(client, staff, child_body(world.village, id_number=spaced))
    assert _reveal(client, staff, first["id"])["id_number"] == number
    dup = client.post(PERSONS, json=child_body(world.village, id_number=full_width), headers=staff)
    assert_problem(dup, 409, "duplicate_person")


@pytest.mark.parametrize("region6", ["810000", "820000", "830000"], ids=["hk", "macao", "taiwan"])
def test_hong_kong_macao_and_taiwan_residence_permit_numbers_are_accepted(client, world, region6):
    staff = world.as_("staff")
    number = make_id_number(region6, years_ago(40), 321, "female")

    person = create(client, staff, woman_body(world.village, id_number=number))

    assert person["id_number_masked"] == f"{region6}***********{number[-1]}"
    assert _reveal(client, staff, person["id"])["id_number"] == number


def test_a_foreigner_permanent_residence_number_is_accepted(client, world):
    staff = world.as_("staff")
    number = make_id_number("933156", years_ago(66), 205, "male")

    person = create(client, staff, elder_body(world.village, id_number=number))

    assert person["id_number_masked"].startswith("933156")
    assert person["sex"] == "male"
    assert _reveal(client, staff, person["id"])["id_number"] == number


# --- phones ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    ["1381234567a", "12812345678", "138123456789", "+1 138 1234 5678"],
    ids=["letter", "second-digit-2", "12-digits", "other-country"],
)
def test_a_bad_phone_is_refused(client, world, db, phone):
    problem = _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, phone=phone),
        422,
        "phone_format",
        ["body", "phone"],
    )
    assert phone not in str(problem)


def test_a_bad_guardian_phone_is_refused(client, world, db):
    body = child_body(world.village)
    body["child_profile"]["guardian_phone"] = "139-abcd-5678"

    _refused(
        client,
        db,
        world.as_("staff"),
        body,
        422,
        "phone_format",
        ["body", "child_profile", "guardian_phone"],
    )


@pytest.mark.parametrize(
    "typed",
    [
        "+86 138-1234-5678",
        "+8613812345678",
        "0086 138 1234 5678",
        "138 1234 5678",
        "(+86)138-1234-5678",
    ],
    ids=["plus86-hyphens", "plus86", "0086-spaces", "spaces", "parentheses"],
)
def test_phone_prefix_spaces_and_hyphens_are_stripped(client, world, typed):
    staff = world.as_("staff")
    body = child_body(world.village, phone=typed)
    body["child_profile"]["guardian_phone"] = typed

    person = create(client, staff, body)

    assert person["phone_masked"] == "138****5678"
    assert person["child_profile"]["guardian_phone_masked"] == "138****5678"
    revealed = _reveal(client, staff, person["id"])
    assert revealed["phone"] == revealed["guardian_phone"] == "13812345678"


# --- profiles and unknown fields ----------------------------------------------------------


def test_a_profile_of_another_category_is_refused(client, world, db):
    body = child_body(world.village, child_profile=None)
    body["elder_profile"] = {"living_arrangement": "alone"}
    _refused(client, db, world.as_("staff"), body, 422, "validation_error")


def test_two_profiles_are_refused(client, world, db):
    body = woman_body(world.village)
    body["elder_profile"] = {"living_arrangement": "alone"}
    _refused(client, db, world.as_("staff"), body, 422, "validation_error")


def test_no_profile_is_refused(client, world, db):
    _refused(
        client,
        db,
        world.as_("staff"),
        elder_body(world.village, elder_profile=None),
        422,
        "validation_error",
    )


def test_unknown_fields_are_refused(client, world, db):
    staff = world.as_("staff")
    problem = _refused(
        client,
        db,
        staff,
        {**child_body(world.village), "nickname": "小伟"},
        422,
        "validation_error",
    )
    assert ["body", "nickname"] in [e["loc"] for e in problem["errors"]]
    body = child_body(world.village)
    body["child_profile"]["hobby"] = "足球"
    _refused(client, db, staff, body, 422, "validation_error", ["body", "child_profile", "hobby"])
    # read-only fields are not accepted on write either
    _refused(
        client,
        db,
        staff,
        {**child_body(world.village), "status": "exited"},
        422,
        "validation_error",
    )


@pytest.mark.parametrize(
    "field, value",
    [
        ("category", "teenager"),
        ("left_behind_since", "2025/01/01"),
        ("left_behind_since", 1700000000),
        ("name", ""),
        ("name", "名" * 101),
        ("region_id", "not-a-uuid"),
    ],
    ids=["category", "slash-date", "timestamp-date", "empty-name", "long-name", "bad-region-id"],
)
def test_malformed_fields_are_422(client, world, db, field, value):
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, **{field: value}),
        422,
        "validation_error",
        ["body", field],
    )


def test_a_wrong_enum_in_a_profile_is_422(client, world, db):
    body = child_body(world.village)
    body["child_profile"]["guardianship_type"] = "neighbours"
    _refused(client, db, world.as_("staff"), body, 422, "validation_error")


# --- eligibility ---------------------------------------------------------------------------


def test_a_child_aged_17_on_left_behind_since_is_not_eligible(client, world, db):
    since = today() - timedelta(days=800)
    born = birthday_at_age(since, -17)
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, born=born, left_behind_since=str(since)),
        422,
        "not_eligible",
    )


def test_a_child_aged_16_on_left_behind_since_is_not_eligible_but_15_is(client, world, db):
    staff = world.as_("staff")
    since = today() - timedelta(days=30)
    sixteen = birthday_at_age(since, -16)  # the 16th birthday is `since` itself
    _refused(
        client,
        db,
        staff,
        child_body(world.village, born=sixteen, left_behind_since=str(since)),
        422,
        "not_eligible",
    )
    fifteen = sixteen + timedelta(days=60)  # 16 only 30 days from now
    person = create(
        client, staff, child_body(world.village, born=fifteen, left_behind_since=str(since))
    )
    assert person["status"] == "active" and person["age"] == 15


def test_born_after_left_behind_since_is_not_eligible(client, world, db):
    born = today() - timedelta(days=100)
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, born=born, left_behind_since=str(born - timedelta(days=1))),
        422,
        "not_eligible",
    )


def test_left_behind_since_in_the_future_is_refused(client, world, db):
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.village, left_behind_since=str(today() + timedelta(days=1))),
        422,
        "date_in_future",
        ["body", "left_behind_since"],
    )


def test_an_elder_is_60_or_over_on_left_behind_since(client, world, db):
    staff = world.as_("staff")
    since = today() - timedelta(days=10)
    _refused(
        client,
        db,
        staff,
        elder_body(
            world.village,
            born=birthday_at_age(since, -60) + timedelta(days=1),
            left_behind_since=str(since),
        ),
        422,
        "not_eligible",
    )
    sixty = create(
        client,
        staff,
        elder_body(world.village, born=birthday_at_age(since, -60), left_behind_since=str(since)),
    )
    assert sixty["status"] == "active"


@pytest.mark.parametrize(
    "age, eligible",
    [(19, False), (20, True), (59, True), (60, False)],
    ids=["19", "20", "59", "60"],
)
def test_a_woman_is_20_to_59_by_default(client, world, db, age, eligible):
    since = today() - timedelta(days=10)
    # born on the day that makes her exactly `age` on `since` (her birthday)
    body = woman_body(
        world.village, born=birthday_at_age(since, -age), left_behind_since=str(since)
    )
    if eligible:
        assert create(client, world.as_("staff"), body)["status"] == "active"
    else:
        _refused(client, db, world.as_("staff"), body, 422, "not_eligible")


def test_the_womans_age_range_is_configurable(database_url):
    settings = make_settings(database_url, woman_min_age=22, woman_max_age=55)
    app = create_app(settings)
    with TestClient(app) as client:
        world = build_world(app, app.state.db)
        staff = world.as_("staff")
        since = today() - timedelta(days=10)

        def body(age: int) -> dict:
            return woman_body(
                world.village, born=birthday_at_age(since, -age), left_behind_since=str(since)
            )

        for age in (21, 56):
            response = client.post(PERSONS, json=body(age), headers=staff)
            assert_problem(response, 422, "not_eligible")
        for age in (22, 55):
            assert client.post(PERSONS, json=body(age), headers=staff).status_code == 201


# --- regions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "region_attr", ["huangtun", "county", "province"], ids=["township", "county", "province"]
)
def test_the_region_must_be_a_village(client, world, db, region_attr):
    _refused(
        client,
        db,
        world.as_("admin"),
        child_body(getattr(world, region_attr)),
        422,
        "invalid_region",
        ["body", "region_id"],
    )


def test_an_unknown_region_is_refused(client, world, db):
    _refused(
        client,
        db,
        world.as_("admin"),
        child_body("00000000-0000-4000-8000-000000000000"),
        422,
        "invalid_region",
    )


def test_a_village_outside_the_callers_township_is_refused(client, world, db):
    _refused(
        client,
        db,
        world.as_("staff"),
        child_body(world.other_village),
        422,
        "invalid_region",
        ["body", "region_id"],
    )


def test_a_patch_moving_a_person_outside_the_callers_township_is_refused(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))

    response = client.patch(
        f"{PERSONS}/{person['id']}", json={"region_id": str(world.other_village.id)}, headers=staff
    )

    assert_problem(response, 422, "invalid_region")
    moved = client.patch(
        f"{PERSONS}/{person['id']}", json={"region_id": str(world.community.id)}, headers=staff
    )
    assert moved.status_code == 200
    assert moved.json()["region_id"] == str(world.community.id)


# --- duplicates ----------------------------------------------------------------------------


def test_a_registered_id_number_is_409_with_the_existing_id(client, world, db):
    staff = world.as_("staff")
    body = child_body(world.village)
    first = create(client, staff, body)

    response = client.post(
        PERSONS, json=child_body(world.community, id_number=body["id_number"]), headers=staff
    )

    problem = assert_problem(response, 409, "duplicate_person")
    assert problem["existing_id"] == first["id"]
    assert body["id_number"] not in response.text
    assert count(db, "person") == 1


def test_a_duplicate_the_caller_may_not_see_carries_no_id(client, world, db):
    body = child_body(world.village)
    create(client, world.as_("staff"), body)

    response = client.post(
        PERSONS,
        json=child_body(world.other_village, id_number=body["id_number"]),
        headers=world.as_("other_staff"),
    )

    problem = assert_problem(response, 409, "duplicate_person")
    assert "existing_id" not in problem
    assert count(db, "person") == 1


def test_put_and_patch_refuse_another_persons_id_number(client, world):
    staff = world.as_("staff")
    taken = child_body(world.village)
    first = create(client, staff, taken)
    second = create(client, staff, child_body(world.village))

    response = client.patch(
        f"{PERSONS}/{second['id']}", json={"id_number": taken["id_number"]}, headers=staff
    )
    assert assert_problem(response, 409, "duplicate_person")["existing_id"] == first["id"]

    put = client.put(
        f"{PERSONS}/{uuid.uuid4()}",
        json=child_body(world.village, id_number=taken["id_number"]),
        headers=staff,
    )
    assert_problem(put, 409, "duplicate_person")
