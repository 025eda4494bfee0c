"""After 5 failed passwords for one username in 15 minutes: 429 too_many_attempts."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import sqlalchemy as sa

from liushou.auth.models import LoginFailure
from liushou.db import utcnow
from tests.auth.helpers import assert_problem, login, password_login

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


def test_failures_older_than_the_window_do_not_count(client, world, db):
    long_ago = utcnow() - timedelta(minutes=16)
    db.run_in_session(
        lambda s: s.add_all(LoginFailure(username="u_staff", at=long_ago) for _ in range(5))
    )

    assert login(client, "u_staff")["access_token"]


def test_retry_after_counts_down_to_when_the_oldest_failure_leaves_the_window(client, world, db):
    # Five failures ten minutes ago: the lock lifts in about five minutes.
    ten_minutes_ago = utcnow() - timedelta(minutes=10)
    db.run_in_session(
        lambda s: s.add_all(LoginFailure(username="u_staff", at=ten_minutes_ago) for _ in range(5))
    )

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
