"""`liushou seed-demo`: the demo township data, idempotently, through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys

import sqlalchemy as sa

from tests.conftest import TEST_SECRET


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LIUSHOU_DATABASE_URL": database_url, "LIUSHOU_SECRET_KEY": TEST_SECRET}
    return subprocess.run(
        [sys.executable, "-m", "liushou", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def children(conn: sa.Connection, parent_code: str) -> list[tuple[str, str, str]]:
    return list(
        conn.execute(
            sa.text(
                "SELECT c.code, c.name, c.kind FROM region c JOIN region p ON c.parent_id = p.id "
                "WHERE p.code = :code AND c.deleted_at IS NULL ORDER BY c.code"
            ),
            {"code": parent_code},
        )
    )


def test_seed_demo_creates_the_townships_once(database_url: str) -> None:
    first = run_cli(database_url, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "demo_staff" in first.stdout  # passwords are printed on creation

    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        huangtun = children(conn, "370871005000")
        liuxing = children(conn, "370871002000")
        assert len(huangtun) == 33
        assert len(liuxing) == 24
        assert ("370871005001", "金色嘉苑社区", "community") in huangtun
        for code, _, kind in huangtun + liuxing:
            assert (kind == "community") == (int(code[9:]) < 200)
        lineage = [
            r[0]
            for r in conn.execute(
                sa.text("SELECT name FROM region WHERE code IN ('370800', '370871') ORDER BY code")
            )
        ]
        assert lineage == ["济宁市", "济宁高新区"]
        org_types = {r[0] for r in conn.execute(sa.text("SELECT type FROM organization"))}
        assert {
            "family_planning_association",
            "police_station",
            "judicial_office",
            "womens_federation",
            "youth_league",
            "health_center",
            "law_firm",
            "volunteer_team",
        } <= org_types
        assert (
            conn.scalar(
                sa.text("SELECT count(*) FROM organization WHERE name = '济宁舜鸿律师事务所'")
            )
            == 1
        )
        roles = {r[0] for r in conn.execute(sa.text("SELECT role FROM user_account"))}
        assert roles == {
            "admin",
            "street_staff",
            "village_contact",
            "volunteer",
            "legal_advisor",
            "auditor",
        }
        counts = [
            conn.scalar(sa.text(f"SELECT count(*) FROM {t}"))
            for t in ("region", "organization", "user_account")
        ]

    second = run_cli(database_url, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "regions created: 0" in second.stdout
    assert "demo_staff " not in second.stdout  # no password shown twice
    with engine.connect() as conn:
        assert counts == [
            conn.scalar(sa.text(f"SELECT count(*) FROM {t}"))
            for t in ("region", "organization", "user_account")
        ]
    engine.dispose()
