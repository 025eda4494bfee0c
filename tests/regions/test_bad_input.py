"""Malformed requests: each gets a problem+json with a stable code, none writes anything."""

from __future__ import annotations

import json

import pytest

from tests.regions.helpers import (
    ORGANIZATIONS,
    REGIONS,
    assert_problem,
    count,
    error_locs,
    new_id,
    org_body,
    village_body,
)

TABLES = ("region", "organization", "idempotency_key")


@pytest.fixture
def unchanged(db, world):
    """Asserts after the test that no region, organization or idempotency key was written."""
    before = {t: count(db, t) for t in TABLES}
    yield
    assert {t: count(db, t) for t in TABLES} == before


def _json_headers(world, **extra):
    return {**world.as_("admin"), "Content-Type": "application/json", **extra}


@pytest.mark.parametrize("raw", [b'{"code": ', b"{'code': 1}", b'{"a": 1,}', b"\xff\xfe", b"nul"])
def test_malformed_json_is_422_malformed_json(client, world, unchanged, raw):
    for method, url in (
        ("POST", REGIONS),
        ("PATCH", f"{REGIONS}/{world.village.id}"),
        ("PUT", f"{REGIONS}/{new_id()}"),
        ("POST", ORGANIZATIONS),
    ):
        response = client.request(method, url, content=raw, headers=_json_headers(world))
        body = assert_problem(response, 422, "malformed_json")
        assert body["errors"][0]["loc"][0] == "body"


def test_malformed_json_with_an_idempotency_key_claims_nothing(client, world, unchanged):
    response = client.post(
        REGIONS, content=b"{", headers=_json_headers(world, **{"Idempotency-Key": "k"})
    )
    assert_problem(response, 422, "malformed_json")


@pytest.mark.parametrize("raw", [b"null", b"[]", b'"370871005202"', b"42"])
def test_json_that_is_not_an_object_is_422(client, world, unchanged, raw):
    body = assert_problem(
        client.post(REGIONS, content=raw, headers=_json_headers(world)), 422, "validation_error"
    )
    assert error_locs(body) == [["body"]]


def test_unknown_fields_are_422(client, world, unchanged):
    admin = world.as_("admin")
    cases = [
        ("POST", REGIONS, {**village_body(world.huangtun, 202), "population": 300}, "population"),
        ("PATCH", f"{REGIONS}/{world.village.id}", {"nmae": "typo"}, "nmae"),
        (
            "PUT",
            f"{REGIONS}/{new_id()}",
            {**village_body(world.huangtun, 202), "id": new_id()},
            "id",
        ),
        ("POST", ORGANIZATIONS, {**org_body(world.huangtun), "version": 3}, "version"),
        (
            "PATCH",
            f"{ORGANIZATIONS}/{world.police.id}",
            {"created_at": "2020-01-01T00:00:00Z"},
            "created_at",
        ),
    ]
    for method, url, payload, field in cases:
        response = client.request(method, url, json=payload, headers=admin)
        body = assert_problem(response, 422, "validation_error")
        assert ["body", field] in error_locs(body)
        assert body["errors"][0]["code"] == "extra_forbidden"


def test_an_empty_patch_body_is_422_and_an_empty_object_changes_nothing(client, world, unchanged):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"

    empty = client.patch(url, headers=admin)
    nothing = client.patch(url, json={}, headers=admin)

    assert ["body"] in error_locs(assert_problem(empty, 422, "validation_error"))
    assert nothing.status_code == 200
    assert nothing.json()["version"] == 1


def test_missing_required_fields_are_listed(client, world, unchanged):
    response = client.post(REGIONS, json={"name": "只有名字"}, headers=world.as_("admin"))
    body = assert_problem(response, 422, "validation_error")
    assert {("body", "code"), ("body", "level")} <= {tuple(loc) for loc in error_locs(body)}


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data"],
)
def test_wrong_content_type_is_415(client, world, unchanged, content_type):
    raw = json.dumps(village_body(world.huangtun, 202)).encode()
    for method, url in (
        ("POST", REGIONS),
        ("PATCH", f"{REGIONS}/{world.village.id}"),
        ("PUT", f"{REGIONS}/{new_id()}"),
        ("POST", ORGANIZATIONS),
    ):
        response = client.request(
            method, url, content=raw, headers={**world.as_("admin"), "Content-Type": content_type}
        )
        assert_problem(response, 415, "unsupported_media_type")


def test_a_body_without_content_type_is_415(client, world, unchanged):
    raw = json.dumps(village_body(world.huangtun, 202)).encode()
    response = client.post(REGIONS, content=raw, headers=world.as_("admin"))
    assert "content-type" not in {k.lower() for k in response.request.headers}
    assert_problem(response, 415, "unsupported_media_type")


@pytest.mark.parametrize(
    "content_type",
    ["application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json"],
)
def test_json_media_types_are_accepted(client, world, content_type):
    response = client.patch(
        f"{REGIONS}/{world.village.id}",
        content=json.dumps({"name": "东营村二"}).encode(),
        headers={**world.as_("admin"), "Content-Type": content_type},
    )
    assert response.status_code == 200, response.text


def test_a_body_over_the_cap_is_413(client, world, app, unchanged):
    cap = app.state.settings.max_body_bytes
    body = {**village_body(world.huangtun, 202), "name": "村" * cap}

    for method, url in (
        ("POST", REGIONS),
        ("PUT", f"{REGIONS}/{new_id()}"),
        ("POST", ORGANIZATIONS),
    ):
        response = client.request(method, url, json=body, headers=world.as_("admin"))
        problem = assert_problem(response, 413, "payload_too_large")
        assert problem["limit"] == cap


def test_a_chunked_body_over_the_cap_is_413(client, world, app, unchanged):
    cap = app.state.settings.max_body_bytes

    def chunks():
        for _ in range(cap // 65536 + 2):
            yield b" " * 65536

    response = client.post(REGIONS, content=chunks(), headers=_json_headers(world))

    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert_problem(response, 413, "payload_too_large")


def test_a_chunked_body_over_the_cap_is_refused_without_a_500(client, world, app, unchanged):
    def chunks():
        for _ in range(app.state.settings.max_body_bytes // 65536 + 2):
            yield b" " * 65536

    response = client.post(REGIONS, content=chunks(), headers=_json_headers(world))

    assert response.status_code in (400, 413)
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_ids_are_404(client, world, unchanged):
    admin = world.as_("admin")
    for url in (f"{REGIONS}/{new_id()}", f"{ORGANIZATIONS}/{new_id()}"):
        assert_problem(client.get(url, headers=admin), 404, "not_found")
        assert_problem(client.patch(url, json={"name": "x"}, headers=admin), 404, "not_found")
        assert_problem(client.delete(url, headers=admin), 404, "not_found")


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "123", "370871005201"])
def test_invalid_uuid_in_the_path_is_422(client, world, unchanged, bad_id):
    admin = world.as_("admin")
    for collection, param in ((REGIONS, "region_id"), (ORGANIZATIONS, "organization_id")):
        url = f"{collection}/{bad_id}"
        for response in (
            client.get(url, headers=admin),
            client.patch(url, json={"name": "x"}, headers=admin),
            client.put(url, json=village_body(world.huangtun, 202), headers=admin),
            client.delete(url, headers=admin),
        ):
            body = assert_problem(response, 422, "validation_error")
            assert ["path", param] in error_locs(body)


def test_invalid_query_values_are_422(client, world):
    admin = world.as_("admin")
    for params, loc in (
        ({"parent_id": "x"}, ["query", "parent_id"]),
        ({"within": "x"}, ["query", "within"]),
        ({"level": "street"}, ["query", "level"]),
    ):
        body = assert_problem(
            client.get(REGIONS, params=params, headers=admin), 422, "validation_error"
        )
        assert loc in error_locs(body)


@pytest.mark.parametrize("name", ["a\x00b", "line\nbreak", "\x1b[31mred"])
def test_control_characters_in_names_are_422(client, world, unchanged, name):
    # PostgreSQL refuses NUL in text outright: this must be a 422, not a 500.
    admin = world.as_("admin")
    for method, url, payload in (
        ("POST", REGIONS, village_body(world.huangtun, 202, name)),
        ("PATCH", f"{REGIONS}/{world.village.id}", {"name": name}),
        ("POST", ORGANIZATIONS, org_body(world.huangtun, name)),
    ):
        body = assert_problem(
            client.request(method, url, json=payload, headers=admin), 422, "validation_error"
        )
        assert ["body", "name"] in error_locs(body)


@pytest.mark.parametrize(
    "raw",
    [
        b'{"code": "370871005202", "name": "\\ud800", "level": "village"}',  # lone surrogate
        b'{"code": ' + b"1" * 5000 + b"}",  # an integer too long to parse
        b"[" * 100_000 + b"]" * 100_000,  # nesting deeper than any parser allows
    ],
    ids=["surrogate", "huge_int", "deep_nesting"],
)
def test_pathological_json_is_a_4xx_problem(client, world, unchanged, raw):
    response = client.post(REGIONS, content=raw, headers=_json_headers(world))
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"]


def test_unknown_paths_and_methods_are_problems(client, world, unchanged):
    admin = world.as_("admin")
    assert_problem(client.get("/api/v1/regionz", headers=admin), 404, "not_found")
    response = client.post(f"{REGIONS}/{world.village.id}", json={}, headers=admin)
    assert_problem(response, 405, "method_not_allowed")
