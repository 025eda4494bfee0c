"""After 5 failed passwords for one username in 15 minutes: 429 too_many_attempts. After 10
wrong client secrets for one client id from one network in 5 minutes: the same, for that
network only (docs/security.md)."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import sqlalchemy as sa

from liushou.auth.models import LoginFailure
from tests.auth.helpers import (
    assert_problem,
    audit_rows,
    client_at,
    client_login,
    login,
    password_login,
)
from tests.auth.test_cli import run_cli

WRONG = "definitely-not-it"


def _fail(client, username: str, times: int) -> None:
    for _ in range(times):
        assert_problem(password_login(client, username, WRONG), 400, "invalid_grant")


def _retry_after(response) -> int:
    value = response.headers["Retry-After"]
    assert value.isdigit(), value
    return int(value)


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, world):
    _fail(client, "u_staff", 5)

    response = password_login(client, "u_staff")

    body = assert_problem(response, 429, "too_many_attempts")
    assert "access_token" not in body
    assert 0 < _retry_after(response) <= 15 * 60


def test_four_failures_still_let_the_right_password_in(client, world):
    _fail(client, "u_staff", 4)

    assert login(client, "u_staff")["access_token"]


def test_the_lockout_is_per_username(client, world):
    _fail(client, "u_staff", 5)
    assert_problem(password_login(client, "u_staff"), 429, "too_many_attempts")

    assert login(client, "u_other_staff")["access_token"]


def test_an_unknown_username_locks_out_the_same_way(client, world):
    # Otherwise the lockout itself would tell which usernames exist.
    _fail(client, "u_nobody", 5)

    response = password_login(client, "u_nobody", WRONG)

    assert_problem(response, 429, "too_many_attempts")
    assert _retry_after(response) > 0


def test_failures_older_than_the_window_do_not_count(client, world, clock):
    _fail(client, "u_staff", 5)
    clock.advance(timedelta(minutes=16))

    assert login(client, "u_staff")["access_token"]


def test_retry_after_counts_down_to_when_the_oldest_failure_leaves_the_window(client, world, clock):
    # Five failures ten minutes ago: the lock lifts in about five minutes.
    _fail(client, "u_staff", 5)
    clock.advance(timedelta(minutes=10))

    response = password_login(client, "u_staff")

    assert_problem(response, 429, "too_many_attempts")
    assert 4 * 60 < _retry_after(response) <= 5 * 60 + 1


def test_parallel_guesses_cannot_outrun_the_lockout(client, world, db):
    # Ten guesses at once must not all be checked: only 5 failures fit in the window.
    start = threading.Barrier(10)

    def guess(_: int):
        start.wait()
        return password_login(client, "u_staff", WRONG)

    with ThreadPoolExecutor(max_workers=10) as pool:
        responses = list(pool.map(guess, range(10)))

    codes = sorted(r.json()["code"] for r in responses)
    checked = codes.count("invalid_grant")
    assert 1 <= checked <= 5, codes
    assert set(codes) <= {"invalid_grant", "too_many_attempts"}
    # Only the guesses that were checked count as failures.
    assert _failures(db, "u_staff") == checked
    _fail(client, "u_staff", 5 - checked)
    assert_problem(password_login(client, "u_staff"), 429, "too_many_attempts")


def test_a_right_password_is_not_counted_as_a_failure(client, world, db):
    _fail(client, "u_staff", 4)
    login(client, "u_staff")
    assert_problem(password_login(client, "u_staff", scope="audit:read"), 400, "invalid_scope")

    # Still only four failures: the fifth attempt gets to check its password.
    assert login(client, "u_staff")["access_token"]
    assert _failures(db, "u_staff") == 4


def test_a_locked_out_attempt_is_not_counted_as_a_failure(client, world, db):
    _fail(client, "u_staff", 5)
    for _ in range(3):
        assert_problem(password_login(client, "u_staff"), 429, "too_many_attempts")

    assert _failures(db, "u_staff") == 5


def _failures(db, username: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            sa.select(sa.func.count())
            .select_from(LoginFailure)
            .where(LoginFailure.username == username)
        ).scalar_one()


# --- client secrets ------------------------------------------------------------------------

CLIENT_LIMIT = 10


def _fail_client(client, client_id: str, times: int) -> None:
    for _ in range(times):
        assert_problem(client_login(client, client_id, WRONG), 401, "invalid_client")


def test_client_secret_guesses_are_throttled_even_for_the_right_secret(client, world, db):
    partner = world.partner.client_id
    _fail_client(client, partner, CLIENT_LIMIT)

    response = client_login(client, partner)

    body = assert_problem(response, 429, "too_many_attempts")
    assert "access_token" not in body
    assert 0 < _retry_after(response) <= 5 * 60
    [locked] = audit_rows(db, action="auth.client_credentials", outcome="locked")
    assert locked["actor_name"] == partner


def test_fewer_wrong_secrets_still_let_the_right_one_in(client, world):
    _fail_client(client, world.partner.client_id, CLIENT_LIMIT - 1)

    assert client_login(client, world.partner.client_id).status_code == 200


def test_a_right_secret_is_not_counted_as_a_failure(client, world):
    partner = world.partner.client_id
    _fail_client(client, partner, CLIENT_LIMIT - 1)

    for _ in range(2):
        assert client_login(client, partner).status_code == 200


def test_an_unknown_client_id_is_throttled_the_same_way(client, world):
    # Otherwise the throttle itself would tell which client ids exist.
    _fail_client(client, "cl_nobody", CLIENT_LIMIT)

    assert_problem(client_login(client, "cl_nobody", WRONG), 429, "too_many_attempts")


def test_a_stranger_elsewhere_cannot_lock_a_partner_out(app, world):
    partner = world.partner.client_id
    stranger = client_at(app, "203.0.113.9")
    _fail_client(stranger, partner, CLIENT_LIMIT)
    assert_problem(client_login(stranger, partner), 429, "too_many_attempts")

    assert client_login(client_at(app, "198.51.100.7"), partner).status_code == 200


def test_an_ipv6_caller_is_counted_by_its_64(app, world):
    partner = world.partner.client_id
    half = CLIENT_LIMIT // 2
    _fail_client(client_at(app, "2001:db8:0:7::1"), partner, half)
    _fail_client(client_at(app, "2001:db8:0:7::2"), partner, CLIENT_LIMIT - half)

    same_64 = client_login(client_at(app, "2001:db8:0:7:ffff::3"), partner)
    assert_problem(same_64, 429, "too_many_attempts")
    assert client_login(client_at(app, "2001:db8:0:8::1"), partner).status_code == 200


def test_a_client_lockout_ends_after_five_minutes(client, world, clock):
    partner = world.partner.client_id
    _fail_client(client, partner, CLIENT_LIMIT)
    clock.advance(timedelta(minutes=2))

    response = client_login(client, partner)
    assert_problem(response, 429, "too_many_attempts")
    assert 2 * 60 < _retry_after(response) <= 3 * 60 + 1

    clock.advance(timedelta(minutes=3, seconds=1))
    assert client_login(client, partner).status_code == 200


def test_sweep_removes_old_password_and_client_secret_failures(
    client, world, db, database_url, tmp_path, clock
):
    # The sweep runs in its own process, on the real clock: these failures are 16 min old.
    clock.advance(timedelta(minutes=-16))
    _fail(client, "u_staff", 2)
    _fail_client(client, world.partner.client_id, 3)
    clock.advance(timedelta(minutes=16))
    _fail_client(client, world.partner.client_id, 1)  # still in its window: kept

    result = run_cli(database_url, tmp_path, "sweep")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["login_failures_removed"] == 5
    with db.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(LoginFailure)).scalar_one() == 1
