"""/healthz, /readyz, /metrics and the self-hosted docs."""

from __future__ import annotations

import re

import sqlalchemy as sa
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.migrations import head_revision
from tests.conftest import make_settings


def make_client(database_url: str) -> TestClient:
    return TestClient(create_app(make_settings(database_url, log_level="CRITICAL")))


def test_healthz_and_readyz_when_all_is_well(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ready", "revision": head_revision()}


def test_readyz_is_503_when_migrations_are_not_at_head(tmp_path) -> None:
    with make_client(f"sqlite:///{tmp_path / 'empty.db'}") as client:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == "service_unavailable"
        assert client.get("/healthz").status_code == 200  # alive, only not ready


def test_readyz_is_503_when_the_database_is_unreachable() -> None:
    # Port 9 (discard) has no PostgreSQL behind it: the connection is refused at once.
    with make_client("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2") as client:
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"


def test_readyz_is_503_after_a_downgrade(client: TestClient, db) -> None:
    with db.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = 'older'"))
    assert client.get("/readyz").status_code == 503


def test_metrics_label_requests_by_route_template(client: TestClient, world) -> None:
    client.get(f"/api/v1/regions/{world.village.id}", headers=world.as_("admin"))
    client.get(f"/api/v1/regions/{world.community.id}", headers=world.as_("admin"))
    text = client.get("/metrics").text
    assert 'route="/api/v1/regions/{region_id}"' in text
    assert str(world.village.id) not in text
    counts = re.findall(
        r'^http_requests_total\{[^}]*route="/api/v1/regions/\{region_id\}"[^}]*\} (\S+)$',
        text,
        re.MULTILINE,
    )
    assert sum(float(c) for c in counts) == 2
    assert "http_request_duration_seconds_bucket" in text


def test_docs_and_redoc_are_served_without_any_external_asset(client: TestClient) -> None:
    for page in ("/docs", "/redoc"):
        response = client.get(page)
        assert response.status_code == 200
        external = re.findall(r'(?:src|href)="(https?://[^"]+)"', response.text)
        assert external == [], external
        assert "fonts.googleapis" not in response.text
        for asset in re.findall(r'(?:src|href)="(/[^"]+)"', response.text):
            assert client.get(asset).status_code == 200, asset
