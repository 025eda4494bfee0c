"""POST /auth/revoke (RFC 7009) and the revocations every process learns of
(docs/security.md, "Token revocation")."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from liushou.app import create_app
from liushou.auth.models import ApiClient, TokenRevocation, UserAccount
from liushou.db import utcnow
from tests.auth.helpers import (
    API,
    assert_problem,
    audit_rows,
    bearer,
    client_login,
    login,
    me,
    refresh,
    update_user,
)
from tests.auth.test_cli import run_cli
from tests.conftest import make_settings

REVOKE = f"{API}/auth/revoke"


def revoke(client, headers: dict[str, str], token: str, **extra: str):
    return client.post(REVOKE, data={"token": token, **extra}, headers=headers)


def revoked_rows(db) -> list[dict]:
    table: sa.Table = TokenRevocation.__table__  # type: ignore[attr-defined]
    with db.engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.select(table)).mappings()]


def test_revoking_a_refresh_token_ends_its_login_session(client, world, db):
    session = login(client, "u_staff")
    other = login(client, "u_staff")  # another device: another session
    headers = bearer(session["access_token"])

    answer = revoke(client, headers, session["refresh_token"], token_type_hint="refresh_token")

    assert answer.status_code == 200, answer.text
    assert answer.content == b""
    assert_problem(me(client, headers), 401, "invalid_token")
    assert_problem(refresh(client, session["refresh_token"]), 400, "invalid_grant")
    assert me(client, bearer(other["access_token"])).status_code == 200
    assert refresh(client, other["refresh_token"]).status_code == 200
    [row] = revoked_rows(db)
    assert row["session_id"] is not None and row["subject_id"] is None
    [event] = audit_rows(db, action="auth.revoke")
    assert event["actor_id"] == world.users["staff"].id
    assert event["detail"] == {"session_id": str(row["session_id"])}


def test_revoking_an_access_token_ends_the_session_and_every_token_of_it(client, world):
    first = login(client, "u_staff")
    second = refresh(client, first["refresh_token"]).json()  # the same session, rotated

    assert revoke(client, bearer(second["access_token"]), first["access_token"]).status_code == 200

    assert_problem(me(client, bearer(first["access_token"])), 401, "invalid_token")
    assert_problem(me(client, bearer(second["access_token"])), 401, "invalid_token")
    assert_problem(refresh(client, second["refresh_token"]), 400, "invalid_grant")


def test_a_token_revokes_itself_with_the_hint_wrong(client, world):
    session = login(client, "u_staff")
    headers = bearer(session["access_token"])

    assert revoke(client, headers, session["access_token"], token_type_hint="refresh_token")

    assert_problem(me(client, headers), 401, "invalid_token")


def test_an_unknown_token_is_200_and_revokes_nothing(client, world, db):
    session = login(client, "u_staff")
    headers = bearer(session["access_token"])

    for token in ("not-a-token", "a.b.c", session["refresh_token"] + "x"):
        assert revoke(client, headers, token).status_code == 200

    assert me(client, headers).status_code == 200
    assert revoked_rows(db) == []


def test_another_callers_token_is_200_and_stays_valid(client, world, db):
    victim = login(client, "u_staff")
    thief = bearer(login(client, "u_admin")["access_token"])

    assert revoke(client, thief, victim["access_token"]).status_code == 200
    assert revoke(client, thief, victim["refresh_token"]).status_code == 200

    assert me(client, bearer(victim["access_token"])).status_code == 200
    assert refresh(client, victim["refresh_token"]).status_code == 200
    assert revoked_rows(db) == []


def test_revoke_needs_a_bearer_token_and_a_token(client, world):
    assert_problem(client.post(REVOKE, data={"token": "x"}), 401, "unauthorized")
    assert_problem(
        client.post(REVOKE, data={}, headers=world.as_("staff")), 422, "validation_error"
    )


def test_a_partner_client_revokes_its_access_token(client, world):
    token = client_login(client, world.partner.client_id).json()["access_token"]
    other = client_login(client, world.partner.client_id).json()["access_token"]

    assert revoke(client, bearer(token), token).status_code == 200

    assert_problem(me(client, bearer(token)), 401, "invalid_token")
    assert me(client, bearer(other)).status_code == 200  # each client token: its own session


def test_disabling_a_user_revokes_all_its_tokens(client, world):
    session = login(client, "u_staff")
    minted = world.as_("staff")

    update_user(client.app.state.db, "u_staff", active=False)

    assert_problem(me(client, bearer(session["access_token"])), 401, "invalid_token")
    assert_problem(me(client, minted), 401, "invalid_token")
    assert me(client, world.as_("admin")).status_code == 200


def test_deleting_a_user_revokes_all_its_tokens(client, world):
    minted = world.as_("village")
    update_user(client.app.state.db, "u_village", deleted_at=utcnow())

    assert_problem(me(client, minted), 401, "invalid_token")


def test_deleting_an_organization_revokes_its_clients_and_users_tokens(client, world, db):
    partner = client_login(client, world.partner.client_id).json()["access_token"]
    update_user(db, "u_staff", organization_id=world.police.id)
    staff = login(client, "u_staff")
    admin = world.as_("admin")
    assert me(client, world.as_("partner")).status_code == 200

    deleted = client.delete(f"{API}/organizations/{world.police.id}", headers=admin)

    assert deleted.status_code == 204, deleted.text
    assert_problem(me(client, bearer(partner)), 401, "invalid_token")
    assert_problem(me(client, world.as_("partner")), 401, "invalid_token")
    assert_problem(me(client, bearer(staff["access_token"])), 401, "invalid_token")
    assert_problem(refresh(client, staff["refresh_token"]), 400, "invalid_grant")
    assert me(client, admin).status_code == 200
    # A client of the deleted organization cannot sign in again either (as before).
    assert client_login(client, world.partner.client_id).status_code == 401


def test_a_revocation_survives_a_restart(client, world, settings):
    session = login(client, "u_staff")
    revoke(client, bearer(session["access_token"]), session["access_token"])

    with TestClient(create_app(settings)) as restarted:
        assert_problem(me(restarted, bearer(session["access_token"])), 401, "invalid_token")


@pytest.fixture
def two_apps(database_url: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two API processes' apps on one database, each with its background tasks running."""
    first: FastAPI = create_app(make_settings(database_url))
    second: FastAPI = create_app(make_settings(database_url))
    with TestClient(first) as one, TestClient(second) as two:
        yield one, two


def _refused_within(client: TestClient, headers: dict[str, str], seconds: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if me(client, headers).status_code == 401:
            return time.monotonic() - started
        time.sleep(0.02)
    raise AssertionError(f"the token still worked after {seconds} s")


def test_a_revocation_reaches_every_process(two_apps, backend):
    one, two = two_apps
    from tests.factories import build_world

    build_world(one.app, one.app.state.db)  # type: ignore[attr-defined]
    session = login(one, "u_staff")
    headers = bearer(session["access_token"])
    assert me(two, headers).status_code == 200  # verified and cached by the second process

    assert revoke(one, headers, session["refresh_token"]).status_code == 200

    assert_problem(me(one, headers), 401, "invalid_token")  # at once in the revoking one
    # PostgreSQL: pushed by NOTIFY (milliseconds); SQLite: the catch-up read, every second.
    took = _refused_within(two, headers, 1.0 if backend == "postgresql" else 3.0)
    assert_problem(me(two, headers), 401, "invalid_token")
    if backend == "postgresql":
        assert took < 0.5, took


def test_disabling_a_client_revokes_its_tokens(client, world, db):
    token = client_login(client, world.partner.client_id).json()["access_token"]

    def disable(session) -> None:
        partner = session.get(ApiClient, world.partner.id)
        partner.active = False
        session.add(partner)

    db.run_in_session(disable)

    assert_problem(me(client, bearer(token)), 401, "invalid_token")
    assert_problem(me(client, world.as_("partner")), 401, "invalid_token")
    assert me(client, world.as_("staff")).status_code == 200


def test_a_reused_refresh_token_ends_the_sessions_access_tokens_too(client, world):
    first = login(client, "u_staff")
    second = refresh(client, first["refresh_token"]).json()

    assert_problem(refresh(client, first["refresh_token"]), 400, "invalid_grant")

    assert_problem(me(client, bearer(second["access_token"])), 401, "invalid_token")


def test_a_rolled_back_revocation_revokes_nothing(client, world, db):
    minted = world.as_("staff")

    def disable_then_fail(session) -> None:
        update = session.exec(select(UserAccount).where(UserAccount.username == "u_staff")).one()
        update.active = False
        session.add(update)
        session.flush()  # the revocation is written in this transaction...
        raise RuntimeError("the write fails")

    with pytest.raises(RuntimeError):
        db.run_in_session(disable_then_fail)

    assert me(client, minted).status_code == 200  # ...and rolled back with it
    assert revoked_rows(db) == []


def test_users_disable_in_another_process_reaches_the_server(
    client, world, database_url, tmp_path, backend
):
    session = login(client, "u_staff")
    headers = bearer(session["access_token"])
    assert me(client, headers).status_code == 200

    result = run_cli(database_url, tmp_path, "users", "disable", "--username", "u_staff")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "id": str(world.users["staff"].id),
        "username": "u_staff",
        "active": False,
    }
    # Learnt from another process: NOTIFY on PostgreSQL, the catch-up read on SQLite.
    _refused_within(client, headers, 1.0 if backend == "postgresql" else 3.0)
    assert_problem(refresh(client, session["refresh_token"]), 400, "invalid_grant")
    assert audit_rows(client.app.state.db, action="user.disable")


def test_clients_disable_in_another_process_reaches_the_server(
    client, world, database_url, tmp_path, backend
):
    token = bearer(client_login(client, world.partner.client_id).json()["access_token"])

    result = run_cli(
        database_url, tmp_path, "clients", "disable", "--client-id", world.partner.client_id
    )

    assert result.returncode == 0, result.stderr
    _refused_within(client, token, 1.0 if backend == "postgresql" else 3.0)
    assert client_login(client, world.partner.client_id).status_code == 401
