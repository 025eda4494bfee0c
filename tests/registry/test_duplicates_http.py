"""GET /api/v1/persons/duplicate-candidates through HTTP: matching, scope, masking, input."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from liushou.registry.enums import Sex
from liushou.registry.identifiers import make_id_number
from tests.registry.factories import masked

URL = "/api/v1/persons/duplicate-candidates"
BORN = date(2015, 3, 9)
_sequence = itertools.count(100, 2)  # make_id_number sets the last bit from the sex


def register(
    client: TestClient,
    headers: dict[str, str],
    region: Any,
    name: str,
    birth_date: date = BORN,
    sex: Sex = Sex.male,
) -> dict[str, Any]:
    """A left-behind child, through POST /persons like a village survey would."""
    body = {
        "category": "child",
        "name": name,
        "region_id": str(region.id),
        "id_number": make_id_number("370871", birth_date, next(_sequence), sex),
        "phone": "13800001234",
        "left_behind_since": "2021-09-01",
        "child_profile": {
            "left_behind_reason": "both_parents_away",
            "guardianship_type": "grandparents",
            "guardian_name": "王秀兰",
            "guardian_phone": "13900005678",
        },
    }
    response = client.post("/api/v1/persons", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return {**response.json(), "id_number": body["id_number"]}


def candidates(client: TestClient, headers: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = client.get(URL, params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()["items"]


def names(items: list[dict[str, Any]]) -> list[str]:
    return [item["person"]["name"] for item in items]


@pytest.fixture
def register_huangtun(client: TestClient, world: Any) -> dict[str, dict[str, Any]]:
    """张伟 in 东营村, 章伟 in 金色嘉苑社区 (same birth date), 王芳 (no match) next door."""
    staff = world.as_("staff")
    return {
        "张伟": register(client, staff, world.village, "张伟"),
        "章伟": register(client, staff, world.community, "章伟"),
        "王芳": register(client, staff, world.village, "王芳", sex=Sex.female),
    }


def test_homophones_are_found_and_ranked(
    client: TestClient, world: Any, register_huangtun: dict[str, dict[str, Any]]
) -> None:
    items = candidates(
        client,
        world.as_("staff"),
        name="张伟",
        birth_date=BORN.isoformat(),
        region_id=str(world.village.id),
    )
    assert names(items) == ["张伟", "章伟"]  # 王芳 never
    assert items[0]["score"] == 1.0
    assert items[0]["reasons"] == ["same_name", "same_birth_date", "same_village"]
    assert items[0]["person"]["id"] == register_huangtun["张伟"]["id"]
    assert items[1]["score"] == 0.9
    assert items[1]["reasons"] == ["same_pinyin", "same_birth_date", "same_township"]


def test_li_na_finds_li_na_written_otherwise(client: TestClient, world: Any) -> None:
    staff = world.as_("staff")
    registered = register(client, staff, world.community, "李纳", sex=Sex.female)
    register(client, staff, world.community, "李明")
    items = candidates(client, staff, name="李娜")
    assert [i["person"]["id"] for i in items] == [registered["id"]]
    assert items[0]["reasons"] == ["same_pinyin"]
    assert items[0]["score"] == 0.55


def test_order_is_best_first_and_limit_applies(client: TestClient, world: Any) -> None:
    staff = world.as_("staff")
    register(client, staff, world.village, "张伟", birth_date=date(2012, 1, 1))  # 0.6/2 + 0.1
    register(client, staff, world.community, "张炜")  # 0.55 + 0.3 + 0.05
    register(client, staff, world.village, "张伟")  # 1.0
    register(client, staff, world.village, "章伟", birth_date=date(2015, 3, 8))  # 0.55+0.15+0.1
    params = {"name": "张伟", "birth_date": BORN.isoformat(), "region_id": str(world.village.id)}
    items = candidates(client, staff, **params)
    assert [i["score"] for i in items] == [1.0, 0.9, 0.8, 0.4]
    assert names(items) == ["张伟", "张炜", "章伟", "张伟"]
    assert candidates(client, staff, **params, limit=2) == items[:2]
    assert candidates(client, staff, **params) == items  # stable


def test_bodies_are_masked_like_the_person_read(
    client: TestClient, world: Any, register_huangtun: dict[str, dict[str, Any]]
) -> None:
    response = client.get(URL, params={"name": "张伟"}, headers=world.as_("staff"))
    assert response.status_code == 200
    registered = register_huangtun["张伟"]
    assert registered["id_number"] not in response.text
    assert "13800001234" not in response.text and "13900005678" not in response.text
    person = next(
        i["person"] for i in response.json()["items"] if i["person"]["id"] == registered["id"]
    )
    assert person["id_number_masked"] == masked(registered["id_number"])
    assert person["phone_masked"] == "138****1234"
    assert person["child_profile"]["guardian_phone_masked"] == "139****5678"
    assert "id_number" not in person and "phone" not in person
    single = client.get(f"/api/v1/persons/{registered['id']}", headers=world.as_("staff"))
    assert person == single.json()


def test_scope_follows_the_callers_region(
    client: TestClient, world: Any, register_huangtun: dict[str, dict[str, Any]]
) -> None:
    liuxing = register(client, world.as_("other_staff"), world.other_village, "张伟")
    ids = {name: p["id"] for name, p in register_huangtun.items()}

    def seen(who: str) -> set[str]:
        return {i["person"]["id"] for i in candidates(client, world.as_(who), name="张伟")}

    assert seen("staff") == {ids["张伟"], ids["章伟"]}  # 柳行's 张伟 is not 黄屯's to see
    assert seen("other_staff") == {liuxing["id"]}
    assert seen("village") == {ids["章伟"]}  # its community only
    assert seen("admin") == seen("auditor") == {ids["张伟"], ids["章伟"], liuxing["id"]}
    assert seen("volunteer") == set()  # sees assigned persons only


@pytest.mark.parametrize("who", ["partner", "lawyer"])
def test_roles_without_registry_read_are_refused(client: TestClient, world: Any, who: str) -> None:
    response = client.get(URL, params={"name": "张伟"}, headers=world.as_(who))
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "insufficient_scope"


def test_no_token_is_401(client: TestClient, world: Any) -> None:
    response = client.get(URL, params={"name": "张伟"})
    assert response.status_code == 401
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_deleted_persons_never_appear_and_exited_ones_do(
    client: TestClient, world: Any, register_huangtun: dict[str, dict[str, Any]]
) -> None:
    staff = world.as_("staff")
    gone = register_huangtun["张伟"]["id"]
    assert client.delete(f"/api/v1/persons/{gone}", headers=staff).status_code == 204
    away = register_huangtun["章伟"]["id"]
    exit_body = {"exited_on": "2024-01-15", "exit_reason": "migrated_with_parents"}
    response = client.post(f"/api/v1/persons/{away}/exit", json=exit_body, headers=staff)
    assert response.status_code == 200, response.text
    items = candidates(client, staff, name="张伟", birth_date=BORN.isoformat())
    assert [i["person"]["id"] for i in items] == [away]
    assert items[0]["person"]["status"] == "exited"
    assert items[0]["person"]["exit_reason"] == "migrated_with_parents"
    assert items[0]["reasons"] == ["same_pinyin", "same_birth_date"]


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({}, ["query", "name"]),
        ({"name": ""}, ["query", "name"]),
        ({"name": "   "}, ["query", "name"]),
        ({"name": "张" * 101}, ["query", "name"]),
        ({"name": "张\x00伟"}, ["query", "name"]),
        ({"name": "张伟", "birth_date": "2015-3-9"}, ["query", "birth_date"]),
        ({"name": "张伟", "birth_date": "20150309"}, ["query", "birth_date"]),
        ({"name": "张伟", "birth_date": "2015-02-30"}, ["query", "birth_date"]),
        ({"name": "张伟", "region_id": "黄屯"}, ["query", "region_id"]),
        ({"name": "张伟", "limit": "0"}, ["query", "limit"]),
        ({"name": "张伟", "limit": "51"}, ["query", "limit"]),
    ],
)
def test_bad_input_is_422(
    client: TestClient, world: Any, params: dict[str, str], loc: list[str]
) -> None:
    response = client.get(URL, params=params, headers=world.as_("staff"))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert loc in [e["loc"] for e in response.json()["errors"]]


def test_region_must_be_a_village_the_caller_covers(client: TestClient, world: Any) -> None:
    staff = world.as_("staff")
    for region_id in (
        "00000000-0000-4000-8000-000000000000",  # unknown
        str(world.huangtun.id),  # a township, not a village
        str(world.other_village.id),  # 柳行's village: outside 黄屯
    ):
        response = client.get(URL, params={"name": "张伟", "region_id": region_id}, headers=staff)
        assert response.status_code == 422, region_id
        problem = response.json()
        assert problem["code"] == "invalid_region"
        assert problem["errors"][0]["loc"] == ["query", "region_id"]
    own = client.get(
        URL, params={"name": "张伟", "region_id": str(world.village.id)}, headers=staff
    )
    assert own.status_code == 200


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_other_methods_are_405_not_taken_for_a_person_id(
    client: TestClient, world: Any, method: str
) -> None:
    response = client.request(method, URL, params={"name": "张伟"}, headers=world.as_("admin"))
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert response.json()["code"] == "method_not_allowed"


def test_the_route_is_documented(app: FastAPI) -> None:
    operation = app.openapi()["paths"]["/api/v1/persons/duplicate-candidates"]["get"]
    assert operation["operationId"] == "duplicateCandidates"
    assert operation["tags"] == ["persons"]
    assert {"401", "403", "422"} <= set(operation["responses"])
    schemas = app.openapi()["components"]["schemas"]
    assert set(schemas["DuplicateReason"]["enum"]) >= {
        "same_name",
        "same_pinyin",
        "similar_pinyin",
        "same_birth_date",
        "same_village",
    }
    for reason in schemas["DuplicateReason"]["enum"]:
        assert f"`{reason}`" in operation["description"]
