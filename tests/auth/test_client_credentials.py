"""grant_type=client_credentials for partner systems (form fields or HTTP Basic)."""

from __future__ import annotations

import base64

import pytest

from liushou.auth.roles import ROLE_SCOPES, Role
from tests.auth.helpers import (
    PARTNER_SCOPES,
    TOKEN,
    assert_problem,
    bearer,
    client_login,
    me,
)


@pytest.mark.parametrize("use_basic", [False, True], ids=["form", "basic"])
def test_client_credentials_give_a_partner_token_without_refresh(client, world, use_basic):
    response = client_login(client, world.partner.client_id, use_basic=use_basic)

    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"] and body["expires_in"] > 0
    assert "refresh_token" not in body or body["refresh_token"] is None
    assert set(body["scope"].split()) == PARTNER_SCOPES == ROLE_SCOPES[Role.partner]


def test_me_for_a_client(client, world):
    token = client_login(client, world.partner.client_id).json()["access_token"]

    body = me(client, bearer(token)).json()

    assert body["kind"] == "client"
    assert body["id"] == str(world.partner.id)
    assert body["client_id"] == world.partner.client_id
    assert body.get("username") is None
    assert body["role"] == "partner"
    assert body["organization_id"] == str(world.police.id)
    # The organization's region: what its aggregated reports are scoped to.
    assert body["region"]["id"] == str(world.huangtun.id)
    assert set(body["scopes"]) == PARTNER_SCOPES


def test_a_client_may_narrow_its_scope(client, world):
    response = client_login(client, world.partner.client_id, scope="referrals:read")

    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "referrals:read"


def test_a_client_may_not_widen_its_scope(client, world):
    response = client_login(client, world.partner.client_id, scope="referrals:read registry:read")
    assert_problem(response, 400, "invalid_scope")


@pytest.mark.parametrize("use_basic", [False, True], ids=["form", "basic"])
def test_a_wrong_secret_is_invalid_client(client, world, use_basic):
    response = client_login(client, world.partner.client_id, "wrong-secret", use_basic=use_basic)

    assert_problem(response, 401, "invalid_client")
    assert "access_token" not in response.text


@pytest.mark.parametrize("use_basic", [False, True], ids=["form", "basic"])
def test_an_unknown_client_is_invalid_client_like_a_wrong_secret(client, world, use_basic):
    unknown = client_login(client, "cl_nobody", use_basic=use_basic)
    wrong = client_login(client, world.partner.client_id, "wrong-secret", use_basic=use_basic)

    unknown_body = assert_problem(unknown, 401, "invalid_client")
    wrong_body = assert_problem(wrong, 401, "invalid_client")
    unknown_body.pop("instance", None)
    wrong_body.pop("instance", None)
    assert unknown_body == wrong_body


def test_a_refused_basic_login_asks_for_basic_credentials(client, world):
    # RFC 6749 §5.2: a client that tried the Authorization header gets WWW-Authenticate.
    response = client_login(client, world.partner.client_id, "wrong-secret", use_basic=True)

    assert_problem(response, 401, "invalid_client")
    assert response.headers["WWW-Authenticate"].lower().startswith("basic")


def test_a_malformed_basic_header_is_invalid_client(client, world):
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": "Basic !!!not-base64!!!"},
    )
    assert_problem(response, 401, "invalid_client")
    assert response.headers["WWW-Authenticate"].lower().startswith("basic")


def test_basic_credentials_are_form_urlencoded_before_base64(client, world):
    # RFC 6749 §2.3.1: client libraries encode the id and secret before joining them.
    raw = base64.b64encode(f"{world.partner.client_id}:partner%2Dsecret-0123456789abcdef".encode())
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {raw.decode()}"},
    )
    assert response.status_code == 200, response.text


def test_an_inactive_client_is_invalid_client(client, world, db):
    from liushou.auth.models import ApiClient

    def _deactivate(session):
        row = session.get(ApiClient, world.partner.id)
        row.active = False
        session.add(row)

    db.run_in_session(_deactivate)

    assert_problem(client_login(client, world.partner.client_id), 401, "invalid_client")


def test_a_client_token_cannot_be_used_as_a_user(client, world):
    token = client_login(client, world.partner.client_id).json()["access_token"]
    assert_problem(client.get("/api/v1/users", headers=bearer(token)), 403, "insufficient_scope")
    assert_problem(
        client.get("/api/v1/audit-events", headers=bearer(token)), 403, "insufficient_scope"
    )


def test_the_client_of_a_deleted_organization_is_refused(client, world):
    assert client_login(client, world.partner.client_id).status_code == 200
    admin = world.as_("admin")

    deleted = client.delete(f"/api/v1/organizations/{world.police.id}", headers=admin)

    assert deleted.status_code == 204, deleted.text
    assert_problem(client_login(client, world.partner.client_id), 401, "invalid_client")


# A NUL reached PostgreSQL (422 invalid_value) but not SQLite (401): docs/registry.md, "Text
# fields" — the answer is now the same on both databases.
def test_a_control_character_in_a_form_client_id_is_the_same_422_on_both_databases(client, world):
    response = client_login(client, "demo\x00police")

    body = assert_problem(response, 422, "validation_error")
    assert [e["code"] for e in body["errors"]] == ["control_character"]


def test_a_control_character_in_a_basic_client_id_is_an_invalid_client(client, world):
    credentials = base64.b64encode(b"demo%00police:secret").decode()
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {credentials}"},
    )

    assert_problem(response, 401, "invalid_client")


def test_a_control_character_in_a_username_is_the_same_422_on_both_databases(client, world):
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": "staff\x00", "password": "x"}
    )

    body = assert_problem(response, 422, "validation_error")
    assert [e["code"] for e in body["errors"]] == ["control_character"]
