"""The token-signing secret: configured in production, generated per installation in
development (into the development key file), never a constant shared by every copy."""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.auth.tokens import TokenService, signing_secret
from liushou.pii import KeyConfigError
from tests.auth.helpers import bearer, login, me, principal_of
from tests.conftest import make_settings
from tests.factories import build_world

# The secret every development instance signed with before it was generated per installation.
OLD_DEV_SECRET = "dev-insecure-secret-change-me"


@pytest.fixture(autouse=True)
def _no_secret_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("LIUSHOU_"):
            monkeypatch.delenv(name)


def development_app(database_url: str, key_file: Path) -> FastAPI:
    """An app in development mode with no LIUSHOU_SECRET_KEY: it signs with the key file's."""
    return create_app(make_settings(database_url, secret_key=None, dev_key_file=str(key_file)))


@pytest.fixture
def dev_client(database_url: str, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(development_app(database_url, tmp_path / "keys.json")) as client:
        yield client


def test_a_token_signed_with_the_old_development_constant_is_refused(dev_client):
    app = dev_client.app
    world = build_world(app, app.state.db)
    admin = principal_of(app, world.as_("admin"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PyJWT warns about the short key: that is the point
        forged = TokenService(OLD_DEV_SECRET).issue(admin, 900)

    assert me(dev_client, bearer(forged)).status_code == 401
    assert me(dev_client, world.as_("admin")).status_code == 200


def test_two_installations_do_not_accept_each_others_tokens(database_url, tmp_path):
    # One database, two development installations (two key files).
    first = development_app(database_url, tmp_path / "first" / "keys.json")
    second = development_app(database_url, tmp_path / "second" / "keys.json")
    with TestClient(first) as first_client, TestClient(second) as second_client:
        build_world(first, first.state.db)
        token = login(first_client, "u_admin")["access_token"]

        assert me(first_client, bearer(token)).status_code == 200
        assert me(second_client, bearer(token)).status_code == 401


def test_the_key_file_secret_is_generated_once_private_and_reused(database_url, tmp_path):
    key_file = tmp_path / ".liushou" / "dev-keys.json"
    settings = make_settings(database_url, secret_key=None, dev_key_file=str(key_file))

    secret = signing_secret(settings)

    assert len(secret) >= 43  # 32 random bytes, base64url
    assert secret != OLD_DEV_SECRET
    assert json.loads(key_file.read_text())["secret_key"] == secret
    if os.name == "posix":
        assert key_file.stat().st_mode & 0o777 == 0o600
    written = key_file.stat().st_mtime_ns
    assert signing_secret(settings) == secret
    assert key_file.stat().st_mtime_ns == written

    # A restart (a new app on the same installation) keeps accepting earlier tokens.
    with TestClient(development_app(database_url, key_file)) as client:
        build_world(client.app, client.app.state.db)
        token = login(client, "u_admin")["access_token"]
    with TestClient(development_app(database_url, key_file)) as restarted:
        assert me(restarted, bearer(token)).status_code == 200


def test_a_configured_secret_wins_and_writes_no_key_file(database_url, tmp_path):
    key_file = tmp_path / "keys.json"
    configured = "a-configured-secret-that-is-long-enough-0123"
    settings = make_settings(database_url, secret_key=configured, dev_key_file=str(key_file))

    assert signing_secret(settings) == configured
    assert not key_file.exists()


def test_production_never_reads_or_writes_the_key_file(database_url, tmp_path):
    key_file = tmp_path / "keys.json"
    settings = make_settings(database_url, environment="production", dev_key_file=str(key_file))
    # Settings refuse production without a secret; one built around that check still fails.
    unchecked = settings.model_copy(update={"secret_key": None})

    with pytest.raises(KeyConfigError, match="LIUSHOU_SECRET_KEY must be set in production"):
        signing_secret(unchecked)
    assert not key_file.exists()
