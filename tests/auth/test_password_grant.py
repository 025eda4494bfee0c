"""POST /auth/token with grant_type=password, and GET /auth/me (docs/domain.md)."""

from __future__ import annotations

import pytest

from liushou.auth.roles import ROLE_SCOPES, Role
from liushou.db import utcnow
from tests.auth.helpers import (
    TOKEN,
    assert_problem,
    bearer,
    login,
    me,
    password_login,
    token_request,
    update_user,
)


def test_password_grant_answers_a_bearer_token_that_must_not_be_cached(client, world):
    response = password_login(client, "u_staff")

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["Cache-Control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"] and body["refresh_token"]
    assert body["access_token"] != body["refresh_token"]
    assert isinstance(body["expires_in"], int) and body["expires_in"] > 0
    assert set(body["scope"].split()) == ROLE_SCOPES[Role.street_staff]


def test_the_token_works_on_me_which_answers_the_contract_shape(client, world):
    token = login(client, "u_staff")["access_token"]

    response = me(client, bearer(token))

    assert response.status_code == 200, response.text
    body = response.json()
    expected = {
        "kind": "user",
        "id": str(world.users["staff"].id),
        "username": "u_staff",
        "role": "street_staff",
        "region": {
            "id": str(world.huangtun.id),
            "code": "370871005000",
            "name": "黄屯街道",
            "level": "township",
        },
        "organization_id": None,
        "scopes": sorted(ROLE_SCOPES[Role.street_staff]),
    }
    assert {k: body.get(k) for k in expected} == expected
    assert body.get("client_id") is None


def test_me_of_an_admin_has_no_region(client, world):
    body = me(client, bearer(login(client, "u_admin")["access_token"])).json()

    assert body["kind"] == "user" and body["role"] == "admin"
    assert body["region"] is None
    assert set(body["scopes"]) == ROLE_SCOPES[Role.admin]


def test_me_shows_the_users_organization(client, world, db):
    update_user(db, "u_village", organization_id=world.police.id)

    body = me(client, bearer(login(client, "u_village")["access_token"])).json()

    assert body["organization_id"] == str(world.police.id)
    assert body["region"]["id"] == str(world.community.id)


def test_scope_narrows_the_token(client, world):
    body = login(client, "u_staff", scope="registry:read care:read")

    assert set(body["scope"].split()) == {"registry:read", "care:read"}
    scopes = me(client, bearer(body["access_token"])).json()["scopes"]
    assert scopes == ["care:read", "registry:read"]


def test_a_narrowed_token_is_refused_outside_its_scope(client, world):
    token = login(client, "u_admin", scope="registry:read")["access_token"]

    assert_problem(client.get("/api/v1/users", headers=bearer(token)), 403, "insufficient_scope")


def test_a_scope_the_role_lacks_is_invalid_scope(client, world):
    response = password_login(client, "u_staff", scope="registry:read audit:read")

    body = assert_problem(response, 400, "invalid_scope")
    assert "audit:read" in body["detail"]


def test_an_unknown_scope_is_invalid_scope(client, world):
    assert_problem(password_login(client, "u_staff", scope="everything"), 400, "invalid_scope")


def test_wrong_password_and_unknown_user_get_the_same_invalid_grant(client, world):
    wrong = password_login(client, "u_staff", "not the password")
    unknown = password_login(client, "u_nobody", "not the password")

    wrong_body = assert_problem(wrong, 400, "invalid_grant")
    unknown_body = assert_problem(unknown, 400, "invalid_grant")
    wrong_body.pop("instance", None)
    unknown_body.pop("instance", None)
    assert wrong_body == unknown_body
    assert "access_token" not in wrong.text


def test_an_inactive_user_cannot_sign_in(client, world, db):
    update_user(db, "u_staff", active=False)

    assert_problem(password_login(client, "u_staff"), 400, "invalid_grant")


def test_a_deleted_user_cannot_sign_in(client, world, db):
    update_user(db, "u_staff", deleted_at=utcnow())

    assert_problem(password_login(client, "u_staff"), 400, "invalid_grant")


@pytest.mark.parametrize(
    "form",
    [
        {"grant_type": "password", "username": "u_staff"},
        {"grant_type": "password", "password": "x"},
        {"grant_type": "password"},
        {"username": "u_staff", "password": "x"},
        {"grant_type": "client_credentials"},
        {"grant_type": "client_credentials", "client_id": "cl_x"},
        {"grant_type": "refresh_token"},
        {},
    ],
)
def test_missing_fields_are_invalid_request(client, world, form):
    assert_problem(token_request(client, **form), 400, "invalid_request")


@pytest.mark.parametrize("grant", ["authorization_code", "implicit", "PASSWORD", "urn:x"])
def test_an_unknown_grant_type_is_unsupported_grant_type(client, world, grant):
    response = token_request(client, grant_type=grant, username="u_staff", password="x")
    assert_problem(response, 400, "unsupported_grant_type")


def test_a_json_body_is_not_a_token_request(client, world):
    response = client.post(
        TOKEN, json={"grant_type": "password", "username": "u_staff", "password": "x"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_an_oversized_field_is_a_problem_not_a_500(client, world):
    response = password_login(client, "u_" + "x" * 500)
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
