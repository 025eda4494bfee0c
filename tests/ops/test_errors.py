"""Every error is RFC 9457 problem+json with a stable code, in zh-CN or English."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:liushou:problem:{code}"
    assert body["title"] and body["detail"]
    return body


def test_unknown_path_is_a_404_problem(client: TestClient) -> None:
    body = assert_problem(client.get("/api/v1/no-such-thing"), 404, "not_found")
    assert body["instance"].startswith("urn:request:")


def test_wrong_method_is_a_405_problem_listing_every_allowed_method(
    client: TestClient, world
) -> None:
    response = client.post(f"/api/v1/regions/{world.village.id}", headers=world.as_("admin"))
    assert_problem(response, 405, "method_not_allowed")
    allowed = {m.strip() for m in response.headers["allow"].split(",")}
    assert {"GET", "PUT", "PATCH", "DELETE"} <= allowed
    assert "POST" not in allowed


def test_titles_are_chinese_by_default_and_english_on_request(client: TestClient) -> None:
    zh = client.get("/api/v1/nowhere").json()
    en = client.get("/api/v1/nowhere", headers={"Accept-Language": "en-US,en;q=0.9"}).json()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh["title"] + zh["detail"])
    assert en["detail"] == "No such path."
    assert zh["code"] == en["code"] == "not_found"
    preferring_chinese = client.get(
        "/api/v1/nowhere", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"}
    ).json()
    assert preferring_chinese["detail"] == zh["detail"]


def test_validation_errors_point_at_the_field(client: TestClient, world) -> None:
    response = client.post(
        "/api/v1/regions",
        headers=world.as_("admin"),
        json={"code": "37087100520X", "name": "", "level": "village"},
    )
    body = assert_problem(response, 422, "validation_error")
    locs = {tuple(e["loc"]) for e in body["errors"]}
    assert ("body", "code") in locs and ("body", "name") in locs
    assert all(e["msg"] and e["code"] for e in body["errors"])


def test_malformed_json_is_a_422_problem(client: TestClient, world) -> None:
    response = client.post(
        "/api/v1/regions",
        content=b'{"code": "370871",',
        headers={**world.as_("admin"), "Content-Type": "application/json"},
    )
    assert_problem(response, 422, "malformed_json")


def test_unexpected_exception_is_a_generic_500_with_the_request_id(app: FastAPI, capfd) -> None:
    secret_text = "database password is hunter2"

    @app.get("/boom-for-test", include_in_schema=False)
    async def boom() -> None:
        raise RuntimeError(secret_text)

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom-for-test", headers={"X-Request-ID": "req-500-test"})
    body = assert_problem(response, 500, "internal_error")
    assert secret_text not in response.text
    assert body["instance"] == "urn:request:req-500-test"
    assert response.headers["x-request-id"] == "req-500-test"
    logged = [
        json.loads(line) for line in capfd.readouterr().out.splitlines() if line.startswith("{")
    ]
    crash = [e for e in logged if e.get("event") == "unhandled_exception"]
    assert crash and crash[0]["request_id"] == "req-500-test"
    assert "RuntimeError" in crash[0]["exception"]  # the traceback is in the log


def test_request_id_is_echoed_and_generated_when_absent_or_unsafe(client: TestClient) -> None:
    echoed = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"
    generated = client.get("/healthz")
    assert len(generated.headers["x-request-id"]) >= 16
    unsafe = client.get("/healthz", headers={"X-Request-ID": "bad id\twith spaces" + "x" * 300})
    assert unsafe.headers["x-request-id"] != "bad id\twith spaces" + "x" * 300


def test_a_body_over_the_cap_is_refused_before_it_is_read(
    client: TestClient, world, settings
) -> None:
    big = b'{"name": "' + b"x" * (settings.max_body_bytes + 10) + b'"}'
    response = client.post(
        "/api/v1/regions",
        content=big,
        headers={**world.as_("admin"), "Content-Type": "application/json"},
    )
    assert_problem(response, 413, "payload_too_large")


NUL_QUERIES = [
    "/api/v1/audit-events?action=a%00b",
    "/api/v1/audit-events?resource_type=a%00b",
    "/api/v1/persons?q=a%00b",
]


@pytest.mark.parametrize("url", NUL_QUERIES)
def test_a_nul_character_in_a_query_is_the_same_422_on_both_databases(
    client: TestClient, world, url: str
) -> None:
    body = assert_problem(client.get(url, headers=world.headers["admin"]), 422, "validation_error")
    assert [e["code"] for e in body["errors"]] == ["control_character"]
    assert "U+0000 at 1" in body["errors"][0]["msg"]


def test_database_errors_in_the_log_carry_no_values(
    app: FastAPI, client: TestClient, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if backend != "postgresql":
        pytest.skip("SQLite stores NUL characters: no database error to log")

    # Requests cannot carry a NUL to the database any more (docs/registry.md, "Text
    # fields"); a route of the test's own sends one, so the real handler meets a real error.
    async def nul_query() -> None:
        await app.state.db.read(
            lambda conn: conn.execute(sa.text("SELECT :v"), {"v": "secret\x00value"})
        )

    app.add_api_route("/test-only/nul", nul_query)
    assert_problem(client.get("/test-only/nul"), 422, "invalid_value")
    out = capsys.readouterr().out
    assert "data_error" in out
    assert "secret" not in out
    # Any other database error logged with its traceback leaves the values out too.
    assert client.app.state.db.engine.hide_parameters
