"""The committed contract equals the code's, and it is usable by client generators."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from liushou.openapi import render_openapi

COMMITTED = Path(__file__).parents[1] / "openapi" / "openapi.json"
METHODS = {"get", "put", "post", "patch", "delete"}


def operations(document: dict) -> list[tuple[str, str, dict]]:
    return [
        (method, path, op)
        for path, item in document["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def test_committed_document_matches_the_code() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render_openapi(), (
        "openapi/openapi.json is stale: run `liushou openapi export`"
    )


def test_live_document_equals_the_committed_one(client: TestClient) -> None:
    assert client.get("/openapi.json").json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_operation_ids_are_clean_camel_case_and_unique() -> None:
    """Generated clients name their functions after the operation id (``listRegions``:
    ``list_regions`` in Python) and group them by tag (docs/clients.md)."""
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    ids = [op["operationId"] for _, _, op in operations(document)]
    assert len(ids) == len(set(ids))
    snake = [re.sub(r"([A-Z])", r"_\1", i).lower() for i in ids]
    assert len(snake) == len(set(snake)), "two operations would share a Python function name"
    for method, path, op in operations(document):
        assert len(op.get("tags", [])) == 1, f"{method} {path} needs exactly one tag"
        assert re.fullmatch(r"[a-z]+(?:[A-Z0-9][a-z0-9]*)*", op["operationId"]), (method, path)
    assert {"listRegions", "putPerson", "issueToken", "getMe"} <= set(ids)


def test_schema_names_are_class_names() -> None:
    """No ``Body_issueToken`` or ``Page_RegionRead_``: every schema is named as the class a
    generated client makes of it, and every reference points at one of them."""
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    schemas = document["components"]["schemas"]
    for name, schema in schemas.items():
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", name), name
        assert schema.get("title", name) == name, name
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(document)))
    assert refs <= set(schemas)
    token = document["paths"]["/api/v1/auth/token"]["post"]["requestBody"]["content"]
    assert token["application/x-www-form-urlencoded"]["schema"] == {
        "$ref": "#/components/schemas/IssueTokenForm"
    }
    upload = document["paths"]["/api/v1/imports/persons"]["post"]["requestBody"]["content"]
    assert upload["multipart/form-data"]["schema"] == {
        "$ref": "#/components/schemas/ImportPersonsForm"
    }
    regions = document["paths"]["/api/v1/regions"]["get"]["responses"]["200"]["content"]
    assert regions["application/json"]["schema"] == {"$ref": "#/components/schemas/RegionPage"}


def test_every_api_operation_documents_its_errors_as_problem_json() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for method, path, op in operations(document):
        if not path.startswith("/api/v1/"):
            continue
        errors = {code: r for code, r in op["responses"].items() if code[0] in "45"}
        assert errors, f"{method} {path} documents no error response"
        for code, response in errors.items():
            assert list(response["content"]) == ["application/problem+json"], (method, path, code)
            assert response["content"]["application/problem+json"]["schema"] == {
                "$ref": "#/components/schemas/Problem"
            }
        if path != "/api/v1/auth/token":
            assert op.get("security"), f"{method} {path} declares no security"
            assert "401" in errors and "403" in errors, (method, path)
            # Every caller has a rate limit (docs/security.md, "Rate limits").
            limited = errors["429"]["headers"]
            assert set(limited) >= {"RateLimit-Remaining", "Retry-After"}, (method, path)


def test_scopes_of_each_operation_are_in_the_document() -> None:
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    by_id = {op["operationId"]: op for _, _, op in operations(document)}
    assert by_id["listAuditEvents"]["security"] == [{"OAuth2": ["audit:read"]}]
    assert by_id["createRegion"]["security"] == [{"OAuth2": ["admin"]}]
    flows = document["components"]["securitySchemes"]["OAuth2"]["flows"]
    assert set(flows) == {"password", "clientCredentials"}
    assert flows["password"]["tokenUrl"] == "/api/v1/auth/token"
