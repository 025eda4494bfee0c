"""Bearer tokens on protected routes: 401 without a valid one, 403 without the scope."""

from __future__ import annotations

import pytest

from liushou.auth.tokens import TokenService
from tests.auth.helpers import (
    AUDIT,
    ME,
    USERS,
    assert_problem,
    bearer,
    list_all,
    principal_of,
)
from tests.conftest import TEST_SECRET

OTHER_SECRET = "another-secret-key-that-is-long-enough-9876543210"


@pytest.mark.parametrize("url", [USERS, AUDIT, ME])
def test_no_token_is_401_with_a_bearer_challenge(client, world, url):
    response = client.get(url)

    assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_basic_header_is_not_a_bearer_token(client, world):
    response = client.get(ME, headers={"Authorization": "Basic dTpw"})

    assert_problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def _assert_invalid_token(response) -> None:
    assert_problem(response, 401, "invalid_token")
    challenge = response.headers["WWW-Authenticate"]
    assert challenge.startswith("Bearer") and 'error="invalid_token"' in challenge


def test_a_token_signed_with_another_secret_is_invalid(client, app, world):
    forged = TokenService(OTHER_SECRET).issue(principal_of(app, world.as_("admin")), 600)

    _assert_invalid_token(client.get(USERS, headers=bearer(forged)))


def test_an_expired_token_is_invalid(client, app, world):
    expired = TokenService(TEST_SECRET).issue(
        principal_of(app, world.as_("admin")), ttl_seconds=-10
    )

    _assert_invalid_token(client.get(USERS, headers=bearer(expired)))


@pytest.mark.parametrize(
    "garbage", ["garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "x" * 2000, "Bearer"]
)
def test_a_garbage_token_is_invalid(client, world, garbage):
    _assert_invalid_token(client.get(ME, headers=bearer(garbage)))


def test_an_unsigned_token_is_invalid(client, app, world):
    import jwt

    claims = jwt.decode(
        world.as_("admin")["Authorization"].removeprefix("Bearer "),
        options={"verify_signature": False},
    )
    unsigned = jwt.encode(claims, key=None, algorithm="none")

    _assert_invalid_token(client.get(USERS, headers=bearer(unsigned)))


def test_a_token_with_edited_claims_is_invalid(client, app, world):
    import jwt

    staff = world.as_("staff")["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(staff, options={"verify_signature": False})
    claims["scope"] += " admin audit:read"
    header, _, signature = staff.split(".")
    _, body, _ = jwt.encode(claims, "whatever-key-long-enough-for-hs256-000000", "HS256").split(".")

    _assert_invalid_token(client.get(USERS, headers=bearer(f"{header}.{body}.{signature}")))


@pytest.mark.parametrize("who", ["staff", "village", "volunteer", "lawyer", "partner"])
def test_audit_events_need_audit_read(client, world, who):
    response = client.get(AUDIT, headers=world.as_(who))

    body = assert_problem(response, 403, "insufficient_scope")
    assert "audit:read" in body["detail"]


@pytest.mark.parametrize("who", ["staff", "auditor", "village", "partner"])
def test_users_need_admin(client, world, who):
    response = client.get(USERS, headers=world.as_(who))

    assert_problem(response, 403, "insufficient_scope")
    assert 'error="insufficient_scope"' in response.headers.get("WWW-Authenticate", "")


def test_admin_lists_users_with_their_ids(client, world):
    items = list_all(client, USERS, world.as_("admin"))

    by_name = {item["username"]: item for item in items}
    assert set(by_name) == {f"u_{who}" for who in world.users}
    for who, user in world.users.items():
        listed = by_name[f"u_{who}"]
        assert listed["id"] == str(user.id)
        assert listed["role"] == user.role.value
        assert listed["region_id"] == (str(user.region_id) if user.region_id else None)
        assert listed["active"] is True
    assert all("password" not in key for item in items for key in item)


def test_users_list_paginates(client, world):
    admin = world.as_("admin")
    first = client.get(USERS, params={"limit": 3}, headers=admin).json()

    assert len(first["items"]) == 3 and first["next_cursor"]
    everything = list_all(client, USERS, admin, limit=3)
    assert [u["username"] for u in everything] == sorted(u["username"] for u in everything)
    assert len({u["id"] for u in everything}) == len(world.users)
