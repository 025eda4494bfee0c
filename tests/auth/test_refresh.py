"""grant_type=refresh_token: rotation, and reuse of a rotated token ends the whole login."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import sqlalchemy as sa

from liushou.auth.roles import ROLE_SCOPES, Role
from liushou.auth.tokens import hash_refresh_token
from liushou.db import utcnow
from tests.auth.helpers import assert_problem, bearer, login, me, refresh, update_user


def _refreshed(client, token: str) -> dict:
    response = refresh(client, token)
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    return response.json()


def test_the_password_grants_access_token_works(client, world):
    body = login(client, "u_staff")
    assert me(client, bearer(body["access_token"])).json()["username"] == "u_staff"


def test_refresh_rotates_and_the_new_access_token_works(client, world):
    first = login(client, "u_staff")

    second = _refreshed(client, first["refresh_token"])

    assert second["token_type"] == "bearer"
    assert second["refresh_token"] and second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["scope"] == first["scope"]
    body = me(client, bearer(second["access_token"])).json()
    assert body["username"] == "u_staff" and body["id"] == str(world.users["staff"].id)
    # ...and the rotated token keeps rotating.
    third = _refreshed(client, second["refresh_token"])
    assert third["refresh_token"] not in {first["refresh_token"], second["refresh_token"]}


def test_refresh_keeps_a_narrowed_scope(client, world):
    first = login(client, "u_staff", scope="registry:read")

    second = _refreshed(client, first["refresh_token"])

    assert second["scope"] == "registry:read"
    assert me(client, bearer(second["access_token"])).json()["scopes"] == ["registry:read"]


def test_reusing_a_rotated_token_is_refused_and_revokes_the_family(client, world):
    first = login(client, "u_staff")
    second = _refreshed(client, first["refresh_token"])

    assert_problem(refresh(client, first["refresh_token"]), 400, "invalid_grant")

    # The newest token of that login is dead too: the thief and the owner both sign in again.
    assert_problem(refresh(client, second["refresh_token"]), 400, "invalid_grant")


def test_reuse_leaves_other_logins_of_the_same_user_alone(client, world):
    stolen = login(client, "u_staff")
    other_device = login(client, "u_staff")
    _refreshed(client, stolen["refresh_token"])

    assert_problem(refresh(client, stolen["refresh_token"]), 400, "invalid_grant")

    assert _refreshed(client, other_device["refresh_token"])["access_token"]


def test_a_garbage_refresh_token_is_invalid_grant(client, world):
    assert_problem(refresh(client, "not-a-refresh-token"), 400, "invalid_grant")


def test_an_access_token_is_not_a_refresh_token(client, world):
    body = login(client, "u_staff")
    assert_problem(refresh(client, body["access_token"][:256]), 400, "invalid_grant")


def test_an_expired_refresh_token_is_invalid_grant(client, world, app, clock):
    token = login(client, "u_staff")["refresh_token"]
    clock.advance(timedelta(days=app.state.settings.refresh_token_ttl_days, seconds=1))

    assert_problem(refresh(client, token), 400, "invalid_grant")


def test_a_deactivated_user_cannot_refresh(client, world, db):
    token = login(client, "u_staff")["refresh_token"]
    update_user(db, "u_staff", active=False)

    assert_problem(refresh(client, token), 400, "invalid_grant")


def test_a_deleted_user_cannot_refresh(client, world, db):
    token = login(client, "u_staff")["refresh_token"]
    update_user(db, "u_staff", deleted_at=utcnow())

    assert_problem(refresh(client, token), 400, "invalid_grant")


def test_a_refresh_drops_the_scopes_the_users_role_has_lost(client, world, db):
    first = login(client, "u_staff")
    assert "registry:write" in first["scope"].split()
    update_user(db, "u_staff", role=Role.volunteer)

    second = _refreshed(client, first["refresh_token"])

    volunteer = sorted(ROLE_SCOPES[Role.volunteer])
    assert second["scope"].split() == volunteer
    body = me(client, bearer(second["access_token"])).json()
    assert body["role"] == "volunteer" and body["scopes"] == volunteer
    # ...and the rotated token does not bring them back once the role returns.
    update_user(db, "u_staff", role=Role.street_staff)
    third = _refreshed(client, second["refresh_token"])
    assert me(client, bearer(third["access_token"])).json()["scopes"] == volunteer


def test_a_refresh_never_widens_to_a_raised_roles_scopes(client, world, db):
    first = login(client, "u_volunteer")
    update_user(db, "u_volunteer", role=Role.admin)

    second = _refreshed(client, first["refresh_token"])

    assert me(client, bearer(second["access_token"])).json()["scopes"] == sorted(
        ROLE_SCOPES[Role.volunteer]
    )


def test_only_a_hash_of_the_refresh_token_is_stored(client, world, db):
    token = login(client, "u_staff")["refresh_token"]
    with db.engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT token_hash FROM refresh_token")).scalars().all()
    assert token not in stored
    assert hash_refresh_token(token) in stored


def test_of_racing_uses_of_one_refresh_token_exactly_one_wins(client, world):
    token = login(client, "u_staff")["refresh_token"]
    start = threading.Barrier(6)

    def use(_: int):
        start.wait()
        return refresh(client, token)

    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(pool.map(use, range(6)))

    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [400] * 5, [r.text for r in responses]
    # The losers were reuses: the winner's new token went down with the family.
    [winner] = [r.json() for r in responses if r.status_code == 200]
    assert_problem(refresh(client, winner["refresh_token"]), 400, "invalid_grant")
