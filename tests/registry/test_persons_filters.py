"""GET /persons filters (docs/registry.md), alone and combined, across cursor pages."""

from __future__ import annotations

import pytest

from liushou.registry.identifiers import make_id_number
from tests.http import list_all
from tests.registry.factories import (
    ELDER_PROFILE,
    PERSONS,
    assert_problem,
    child_body,
    create,
    elder_body,
    exit_,
    woman_body,
    years_ago,
)


def _number_with_x(born, sex: str = "male") -> str:
    for sequence in range(1, 999, 2):
        number = make_id_number("370871", born, sequence, sex)  # type: ignore[arg-type]
        if number.endswith("X"):
            return number
    raise AssertionError("no number with check character X")


@pytest.fixture
def people(client, world):
    admin = world.as_("admin")
    unattended = child_body(world.village, name="张伟", born=years_ago(10))
    unattended["child_profile"].update(guardianship_type="none", schooling_status="primary")
    disabled = child_body(world.community, name="张薇", born=years_ago(13))
    disabled["child_profile"].update(
        guardianship_type="grandparents",
        schooling_status="junior_secondary",
        health_status="disabled",
    )
    elder_alone = elder_body(
        world.community,
        name="王建国",
        born=years_ago(80),
        elder_profile={
            **ELDER_PROFILE,
            "living_arrangement": "alone",
            "risk_tier": "high",
            "health_status": "bedridden",
        },
    )
    elder_other = elder_body(
        world.other_village,
        name="赵强",
        born=years_ago(65),
        elder_profile={
            **ELDER_PROFILE,
            "living_arrangement": "with_spouse_only",
            "risk_tier": "general",
            "health_status": "healthy",
        },
    )
    x_born = years_ago(38)
    woman = woman_body(
        world.village, name="李娜", born=x_born, id_number=_number_with_x(x_born, "female")
    )
    gone = child_body(world.village, name="刘洋", born=years_ago(7))
    made = {
        "zhang_wei": create(client, admin, unattended),
        "zhang_wei2": create(client, admin, disabled),
        "wang": create(client, admin, elder_alone),
        "zhao": create(client, admin, elder_other),
        "li": create(client, admin, woman),
        "liu": create(client, admin, gone),
    }
    made["liu"] = exit_(client, admin, made["liu"], made["liu"]["left_behind_since"], "moved_away")
    made["_li_number"] = woman["id_number"]
    return made


def _names(client, world, who="admin", **params) -> set[str]:
    return {p["name"] for p in list_all(client, PERSONS, world.as_(who), **params)}


def test_region_id_selects_a_whole_subtree(client, world, people):
    assert _names(client, world, region_id=str(world.huangtun.id)) == {
        "张伟",
        "张薇",
        "王建国",
        "李娜",
        "刘洋",
    }
    assert _names(client, world, region_id=str(world.community.id)) == {"张薇", "王建国"}
    assert _names(client, world, region_id=str(world.liuxing.id)) == {"赵强"}
    assert len(_names(client, world, region_id=str(world.province.id))) == 6
    assert _names(client, world, region_id="00000000-0000-4000-8000-000000000000") == set()


def test_category_and_status(client, world, people):
    assert _names(client, world, category="child") == {"张伟", "张薇", "刘洋"}
    assert _names(client, world, category="elder") == {"王建国", "赵强"}
    assert _names(client, world, category="woman") == {"李娜"}
    assert _names(client, world, status="exited") == {"刘洋"}
    assert _names(client, world, status="active") == {"张伟", "张薇", "王建国", "赵强", "李娜"}


@pytest.mark.parametrize(
    "q, expected",
    [
        ("张", {"张伟", "张薇"}),
        ("伟", {"张伟"}),
        ("zw", {"张伟", "张薇"}),
        ("ZW", {"张伟", "张薇"}),
        ("wjg", {"王建国"}),
        ("w", {"王建国"}),
        ("jg", set()),  # initials match from the start
        ("%", set()),
        ("_", set()),
        ("张伟", {"张伟"}),
    ],
    ids=[
        "char",
        "second-char",
        "initials",
        "initials-upper",
        "three-initials",
        "one-initial",
        "initials-not-prefix",
        "percent",
        "underscore",
        "full-name",
    ],
)
def test_q_matches_characters_or_pinyin_initials(client, world, people, q, expected):
    assert _names(client, world, q=q) == expected


@pytest.mark.parametrize(
    "param, value, expected",
    [
        ("guardianship_type", "none", {"张伟"}),
        ("guardianship_type", "grandparents", {"张薇", "刘洋"}),
        ("schooling_status", "junior_secondary", {"张薇"}),
        ("health_status", "disabled", {"张薇"}),
        ("health_status", "bedridden", {"王建国"}),
        ("health_status", "healthy", {"张伟", "刘洋", "赵强"}),
        ("living_arrangement", "alone", {"王建国"}),
        ("living_arrangement", "with_spouse_only", {"赵强"}),
        ("risk_tier", "high", {"王建国"}),
        ("risk_tier", "general", {"赵强"}),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_profile_filters(client, world, people, param, value, expected):
    assert _names(client, world, **{param: value}) == expected


def test_age_min_and_age_max(client, world, people):
    assert _names(client, world, age_max=12) == {"张伟", "刘洋"}
    assert _names(client, world, age_min=13, age_max=13) == {"张薇"}
    assert _names(client, world, age_min=60) == {"王建国", "赵强"}
    assert _names(client, world, age_min=66) == {"王建国"}
    assert _names(client, world, age_min=65, age_max=65) == {"赵强"}
    assert _names(client, world, age_min=81) == set()
    assert_problem(
        client.get(PERSONS, params={"age_min": -1}, headers=world.as_("admin")),
        422,
        "validation_error",
    )


def test_alert_unattended_child(client, world, people):
    found = list_all(client, PERSONS, world.as_("admin"), alert="unattended_child")
    assert [p["name"] for p in found] == ["张伟"]
    # nobody has a primary contact yet: every active person also has no_primary_contact
    assert found[0]["alerts"] == ["unattended_child", "no_primary_contact"]
    others = list_all(client, PERSONS, world.as_("admin"))
    for p in others:
        if p["name"] != "张伟":
            expected = ["no_primary_contact"] if p["status"] == "active" else []
            assert p["alerts"] == expected, p
    # no assignment, so nobody is overdue, and that is not an error
    assert _names(client, world, alert="overdue_visit") == set()


def test_id_number_is_an_exact_lookup(client, world, people):
    number = people["_li_number"]
    assert number.endswith("X")
    assert _names(client, world, id_number=number) == {"李娜"}
    assert _names(client, world, id_number=number.lower()) == {"李娜"}
    assert _names(client, world, id_number=f" {number[:9]} {number[9:]} ") == {"李娜"}
    assert _names(client, world, id_number=number[:17] + "0") == set()
    # in another township it is simply not there
    assert _names(client, world, "other_staff", id_number=number) == set()


def test_combined_filters_across_cursor_pages(client, world, people):
    staff = world.as_("staff")
    for i in range(6):
        body = child_body(world.village, name=f"张小{i}", born=years_ago(9))
        create(client, staff, body)
    params = {
        "category": "child",
        "status": "active",
        "region_id": str(world.huangtun.id),
        "q": "z",
        "age_max": 12,
    }

    walked = list_all(client, PERSONS, staff, limit=2, **params)
    one_page = client.get(PERSONS, params={**params, "limit": 500}, headers=staff).json()

    names = [p["name"] for p in walked]
    assert set(names) == {"张伟"} | {f"张小{i}" for i in range(6)}
    assert len(names) == len(set(names)) == 7
    assert [p["id"] for p in walked] == [p["id"] for p in one_page["items"]]
    assert one_page["next_cursor"] is None


@pytest.mark.parametrize(
    "param, value",
    [
        ("category", "teen"),
        ("status", "gone"),
        ("guardianship_type", "aunt"),
        ("alert", "x"),
        ("region_id", "nope"),
        ("id_number", "123"),
        ("q", "x" * 51),
        ("age_max", "ten"),
    ],
    ids=lambda v: str(v)[:12],
)
def test_malformed_filters_are_422(client, world, param, value):
    response = client.get(PERSONS, params={param: value}, headers=world.as_("staff"))
    assert_problem(response, 422, "validation_error")
