"""The real `liushou` console script: users create, clients create, refusing bad settings."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from liushou.cli import warn_if_development_is_exposed
from liushou.config import Settings
from liushou.ops.logging import configure_logging
from tests.auth.helpers import (
    PARTNER_SCOPES,
    assert_problem,
    audit_rows,
    bearer,
    client_login,
    login,
    me,
    password_login,
)
from tests.conftest import TEST_SECRET, make_settings

NEW_PASSWORD = "a-new-staff-password-42"
# Syntactically plausible keys, so the only production setting missing is the one a test omits.
DATA_KEY = "k1:" + "A" * 43
INDEX_KEY = "i1:" + "B" * 43


def _liushou() -> list[str]:
    script = Path(sys.executable).with_name("liushou")
    return [str(script)] if script.exists() else [sys.executable, "-m", "liushou"]


def _env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LIUSHOU_")}
    env.update({f"LIUSHOU_{k.upper()}": v for k, v in settings.items()})
    return env


def run_cli(
    database_url: str,
    tmp_path: Path,
    *args: str,
    stdin: str = "",
    timeout: float = 60,
    **settings: str,
) -> subprocess.CompletedProcess[str]:
    """Run `liushou ARGS` against the test database, from an empty directory (no .env)."""
    env = _env(database_url=database_url, secret_key=TEST_SECRET, log_level="WARNING", **settings)
    return subprocess.run(
        [*_liushou(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=timeout,
    )


def _json_out(result: subprocess.CompletedProcess[str]) -> dict:
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    return json.loads(lines[0])


# --- users create ----------------------------------------------------------------------


def test_users_create_prints_json_and_the_user_can_sign_in(client, world, database_url, tmp_path):
    result = run_cli(
        database_url,
        tmp_path,
        "users",
        "create",
        "--username",
        "u_new",
        "--role",
        "street_staff",
        "--region",
        "370871005000",
        "--password-stdin",
        stdin=NEW_PASSWORD + "\n",
    )

    created = _json_out(result)
    assert set(created) == {"id", "username", "role"}
    assert created["username"] == "u_new" and created["role"] == "street_staff"
    assert NEW_PASSWORD not in result.stdout + result.stderr
    body = me(client, bearer(login(client, "u_new", NEW_PASSWORD)["access_token"])).json()
    assert body["id"] == created["id"]
    assert body["region"]["id"] == str(world.huangtun.id)


def test_users_create_is_audited(client, world, database_url, tmp_path, db):
    created = _json_out(
        run_cli(
            database_url,
            tmp_path,
            "users",
            "create",
            "--username",
            "u_audited",
            "--role",
            "auditor",
            "--password-stdin",
            stdin=NEW_PASSWORD,
        )
    )

    [row] = audit_rows(db, action="user.create")
    assert row["resource_id"] == created["id"]
    assert NEW_PASSWORD not in repr(row)


def test_admin_and_auditor_need_no_region(client, world, database_url, tmp_path):
    for role in ("admin", "auditor"):
        created = _json_out(
            run_cli(
                database_url,
                tmp_path,
                "users",
                "create",
                "--username",
                f"u_{role}2",
                "--role",
                role,
                "--password-stdin",
                stdin=NEW_PASSWORD,
            )
        )
        assert created["role"] == role
        assert login(client, f"u_{role}2", NEW_PASSWORD)["access_token"]


@pytest.mark.parametrize("role", ["street_staff", "village_contact", "volunteer", "legal_advisor"])
def test_users_create_without_region_fails_clearly(client, world, database_url, tmp_path, role):
    result = run_cli(
        database_url,
        tmp_path,
        "users",
        "create",
        "--username",
        "u_noregion",
        "--role",
        role,
        "--password-stdin",
        stdin=NEW_PASSWORD,
    )

    assert result.returncode != 0
    assert "--region" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() == ""
    assert_problem(password_login(client, "u_noregion", NEW_PASSWORD), 400, "invalid_grant")


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--role", "street_staff", "--region", "370871999999"], NEW_PASSWORD, "370871999999"),
        (["--role", "emperor"], NEW_PASSWORD, "emperor"),
        (["--role", "street_staff", "--region", "370871005000"], "short", "8"),
        (["--role", "partner", "--region", "370871005000"], NEW_PASSWORD, "client"),
        (["--role", "street_staff", "--region", "370871005201"], NEW_PASSWORD, "township"),
        (["--role", "village_contact", "--region", "370871005000"], NEW_PASSWORD, "village"),
    ],
    ids=[
        "unknown-region",
        "unknown-role",
        "short-password",
        "partner",
        "staff-at-a-village",
        "village-contact-at-a-township",
    ],
)
def test_users_create_refuses_bad_input(
    client, world, database_url, tmp_path, args, stdin, message
):
    result = run_cli(
        database_url,
        tmp_path,
        "users",
        "create",
        "--username",
        "u_bad",
        *args,
        "--password-stdin",
        stdin=stdin,
    )

    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert_problem(password_login(client, "u_bad", stdin), 400, "invalid_grant")


def test_a_taken_username_is_refused(client, world, database_url, tmp_path):
    result = run_cli(
        database_url,
        tmp_path,
        "users",
        "create",
        "--username",
        "u_staff",
        "--role",
        "admin",
        "--password-stdin",
        stdin=NEW_PASSWORD,
    )

    assert result.returncode != 0 and "u_staff" in result.stderr
    # The existing account keeps its password.
    assert login(client, "u_staff")["access_token"]


def test_the_password_comes_only_from_stdin(client, world, database_url, tmp_path):
    result = run_cli(
        database_url,
        tmp_path,
        "users",
        "create",
        "--username",
        "u_x",
        "--role",
        "admin",
        stdin=NEW_PASSWORD,
    )
    assert result.returncode != 0 and "--password-stdin" in result.stderr


# --- clients create --------------------------------------------------------------------


def test_clients_create_prints_credentials_that_work(client, world, database_url, tmp_path):
    result = run_cli(
        database_url,
        tmp_path,
        "clients",
        "create",
        "--name",
        "妇联系统",
        "--organization",
        str(world.womens_federation.id),
    )

    created = _json_out(result)
    assert set(created) == {"client_id", "client_secret"}
    response = client_login(client, created["client_id"], created["client_secret"])
    assert response.status_code == 200, response.text
    assert set(response.json()["scope"].split()) == PARTNER_SCOPES
    body = me(client, bearer(response.json()["access_token"])).json()
    assert body["kind"] == "client" and body["client_id"] == created["client_id"]
    assert body["organization_id"] == str(world.womens_federation.id)


def test_clients_create_with_scopes_grants_exactly_those(client, world, database_url, tmp_path):
    created = _json_out(
        run_cli(
            database_url,
            tmp_path,
            "clients",
            "create",
            "--name",
            "只读系统",
            "--organization",
            str(world.police.id),
            "--scopes",
            "referrals:read",
        )
    )

    response = client_login(client, created["client_id"], created["client_secret"], use_basic=True)

    assert response.status_code == 200, response.text
    assert response.json()["scope"] == "referrals:read"
    wider = client_login(
        client, created["client_id"], created["client_secret"], scope="referrals:write"
    )
    assert_problem(wider, 400, "invalid_scope")


@pytest.mark.parametrize("scopes", ["registry:read", "referrals:read admin", "bogus", " "])
def test_clients_create_refuses_scopes_outside_the_partners(
    client, world, database_url, tmp_path, db, scopes
):
    result = run_cli(
        database_url,
        tmp_path,
        "clients",
        "create",
        "--name",
        "越权系统",
        "--organization",
        str(world.police.id),
        "--scopes",
        scopes,
    )

    assert result.returncode != 0
    assert "scope" in result.stderr.lower() and "Traceback" not in result.stderr
    assert result.stdout.strip() == ""
    assert not audit_rows(db, action="api_client.create")


@pytest.mark.parametrize("organization", ["not-a-uuid", "00000000-0000-0000-0000-000000000001"])
def test_clients_create_needs_an_existing_organization(
    client, world, database_url, tmp_path, organization
):
    result = run_cli(
        database_url,
        tmp_path,
        "clients",
        "create",
        "--name",
        "无主系统",
        "--organization",
        organization,
    )
    assert result.returncode != 0 and "organization" in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_clients_create_refuses_a_deleted_organization(client, world, database_url, tmp_path):
    url = f"/api/v1/organizations/{world.womens_federation.id}"
    assert client.delete(url, headers=world.as_("admin")).status_code == 204

    result = run_cli(
        database_url,
        tmp_path,
        "clients",
        "create",
        "--name",
        "已撤销单位系统",
        "--organization",
        str(world.womens_federation.id),
    )

    assert result.returncode != 0 and "organization" in result.stderr.lower()
    assert result.stdout.strip() == ""


def test_users_create_with_an_organization(client, world, database_url, tmp_path):
    created = _json_out(
        run_cli(
            database_url,
            tmp_path,
            "users",
            "create",
            "--username",
            "u_officer",
            "--role",
            "village_contact",
            "--region",
            world.village.code,
            "--organization",
            str(world.police.id),
            "--password-stdin",
            stdin=NEW_PASSWORD,
        )
    )

    body = me(client, bearer(login(client, "u_officer", NEW_PASSWORD)["access_token"])).json()
    assert body["id"] == created["id"]
    assert body["organization_id"] == str(world.police.id)
    assert body["region"]["code"] == world.village.code


# --- settings ---------------------------------------------------------------------------


def test_production_settings_refuse_a_missing_or_short_secret(monkeypatch):
    for name in list(os.environ):
        if name.startswith("LIUSHOU_"):
            monkeypatch.delenv(name)
    keys = {"data_key": DATA_KEY, "index_key": INDEX_KEY}

    with pytest.raises(ValidationError, match="LIUSHOU_SECRET_KEY must be set"):
        Settings(_env_file=None, environment="production", **keys)  # type: ignore[call-arg]
    for short in ("dev-insecure-secret-change-me", "x" * 31, " " * 40):
        with pytest.raises(ValidationError, match="LIUSHOU_SECRET_KEY"):
            Settings(
                _env_file=None,
                environment="production",
                secret_key=short,  # type: ignore[call-arg]
                **keys,
            )
    # The same with a real secret loads: it is the secret that was refused.
    settings = Settings(
        _env_file=None,
        environment="production",  # type: ignore[call-arg]
        secret_key=TEST_SECRET,
        **keys,
    )
    assert settings.environment == "production"
    # Development has no built-in secret: each installation generates its own.
    assert Settings(_env_file=None).secret_key is None  # type: ignore[call-arg]


def test_serve_in_production_without_a_secret_exits_without_starting(tmp_path):
    env = _env(
        environment="production",
        data_key=DATA_KEY,
        index_key=INDEX_KEY,
        database_url=f"sqlite:///{tmp_path / 'unused.db'}",
    )

    # A server that started would run until the timeout (and fail this test).
    result = subprocess.run(
        [*_liushou(), "serve", "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=30,
    )

    assert result.returncode != 0
    assert "LIUSHOU_SECRET_KEY" in result.stderr
    assert "Uvicorn running" not in result.stderr + result.stdout
    # The refusal names the problem without echoing the other settings (keys are secrets).
    assert DATA_KEY not in result.stderr and INDEX_KEY not in result.stderr
    assert "Traceback" not in result.stderr


# --- serve: development on an address other machines reach -------------------------------


@pytest.mark.parametrize(
    ("host", "exposed"),
    [
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.20", True),
        ("liushou.example.org", True),
        ("127.0.0.1", False),
        ("127.0.1.1", False),
        ("::1", False),
        ("[::1]", False),
        ("localhost", False),
    ],
)
def test_development_warns_when_bound_beyond_loopback(capsys, host, exposed):
    configure_logging("WARNING", json=True)

    warned = warn_if_development_is_exposed(make_settings("sqlite://"), host)

    assert warned is exposed
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    warnings = [e for e in lines if e["event"] == "development_mode_on_public_address"]
    assert len(warnings) == int(exposed)
    if exposed:
        assert warnings[0]["level"] == "warning" and warnings[0]["host"] == host


def test_production_does_not_warn_about_its_address(capsys):
    configure_logging("WARNING", json=True)
    settings = make_settings("sqlite://", environment="production")

    assert warn_if_development_is_exposed(settings, "0.0.0.0") is False
    assert "development_mode_on_public_address" not in capsys.readouterr().out


def _serve_until_running(tmp_path: Path, host: str) -> str:
    """Run `liushou serve` in development from an empty directory until uvicorn is up, then
    stop it; returns what it logged on stdout."""
    env = _env(database_url=f"sqlite:///{tmp_path / 'unused.db'}", log_level="WARNING")
    env["PYTHONUNBUFFERED"] = "1"
    out, err = tmp_path / "serve.out", tmp_path / "serve.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        server = subprocess.Popen(
            [*_liushou(), "serve", "--host", host, "--port", "0"],
            stdout=stdout,
            stderr=stderr,
            env=env,
            cwd=tmp_path,
        )
        try:
            deadline = time.monotonic() + 60
            while "Uvicorn running" not in err.read_text():
                assert server.poll() is None, err.read_text()
                assert time.monotonic() < deadline, err.read_text()
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return out.read_text()


def test_serve_warns_when_development_listens_on_every_interface(tmp_path):
    logged = _serve_until_running(tmp_path, "0.0.0.0")

    events = [json.loads(line) for line in logged.splitlines() if line.startswith("{")]
    [warning] = [e for e in events if e["event"] == "development_mode_on_public_address"]
    assert warning["level"] == "warning" and warning["host"] == "0.0.0.0"
    # Its signing secret and keys were generated into its own directory, privately.
    assert (tmp_path / ".liushou" / "dev-keys.json").stat().st_mode & 0o777 == 0o600


def test_serve_on_loopback_does_not_warn(tmp_path):
    logged = _serve_until_running(tmp_path, "127.0.0.1")

    assert "development_mode_on_public_address" not in logged


def test_the_console_script_is_installed():
    assert shutil.which("liushou", path=str(Path(sys.executable).parent)), "console script missing"
