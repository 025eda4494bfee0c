"""`liushou seed-demo`: the demo township data, idempotently, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from datetime import date

import sqlalchemy as sa

from liushou.clock import today
from liushou.demo import persons as demo
from liushou.pii import keys_from_settings
from liushou.registry import identifiers as ids
from liushou.registry.service import PersonalData
from tests.conftest import TEST_DATA_KEY, TEST_INDEX_KEY, TEST_SECRET

TABLES = ("region", "organization", "user_account", "person", "person_version", "audit_event")


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LIUSHOU_DATABASE_URL": database_url,
        "LIUSHOU_SECRET_KEY": TEST_SECRET,
        # Fixed keys: the test must not write a development key file into the tree.
        "LIUSHOU_DATA_KEY": TEST_DATA_KEY,
        "LIUSHOU_INDEX_KEY": TEST_INDEX_KEY,
    }
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
    total = demo.CHILDREN + demo.WOMEN + demo.ELDERS
    assert f"persons created: {total} (child {demo.CHILDREN}, woman {demo.WOMEN}" in first.stdout

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
        counts = [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES]
        check_demo_register(conn, huangtun_codes={code for code, _, _ in huangtun})

    second = run_cli(database_url, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "regions created: 0" in second.stdout
    assert "persons created: 0 " in second.stdout
    assert "demo_staff " not in second.stdout  # no password shown twice
    with engine.connect() as conn:
        assert counts == [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES]
    engine.dispose()


def as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def check_demo_register(conn: sa.Connection, huangtun_codes: set[str]) -> None:
    """The synthetic 黄屯 register: its mix, valid identifiers, nobody ineligible."""
    rows = (
        conn.execute(
            sa.text(
                "SELECT p.id, p.category, p.status, p.birth_date, p.sex, p.left_behind_since, "
                "p.exited_on, p.counts_until, p.guardianship_type, p.risk_tier, p.profile, "
                "p.id_number_cipher, p.id_number_index, p.phone_masked, r.code AS village_code "
                "FROM person p JOIN region r ON r.id = p.region_id WHERE p.deleted_at IS NULL"
            )
        )
        .mappings()
        .all()
    )
    by_category = Counter(r["category"] for r in rows)
    assert by_category == {"child": demo.CHILDREN, "woman": demo.WOMEN, "elder": demo.ELDERS}
    assert {r["village_code"] for r in rows} == huangtun_codes  # every one of the 33

    # The mix: grandparents most common, a few unattended children, every elder tier.
    guardianship = Counter(r["guardianship_type"] for r in rows if r["category"] == "child")
    assert guardianship.most_common(1)[0][0] == "grandparents"
    assert guardianship["grandparents"] > demo.CHILDREN / 2
    assert 1 <= guardianship["none"] <= demo.CHILDREN / 10
    assert set(guardianship) == {
        "grandparents",
        "relatives",
        "entrusted",
        "parent_incapable",
        "none",
    }
    assert {r["risk_tier"] for r in rows if r["category"] == "elder"} == {"high", "key", "general"}
    women = [r for r in rows if r["category"] == "woman"]
    profiles = [
        r["profile"] if isinstance(r["profile"], dict) else json.loads(str(r["profile"]))
        for r in women
    ]
    assert all(p["employment_status"] for p in profiles)
    assert sum(1 for p in profiles if p["training_interests"]) > len(women) / 2
    exited = Counter(r["category"] for r in rows if r["status"] == "exited")
    assert set(exited) == {"child", "woman", "elder"}
    assert sum(exited.values()) < len(rows) / 5

    # Identifiers: valid GB 11643 numbers of the county, agreeing with the columns, unique.
    keys = keys_from_settings(TEST_DATA_KEY, TEST_INDEX_KEY, False, "/nonexistent/keys.json")
    pii = PersonalData(*keys)
    numbers = []
    for r in rows:
        if r["id_number_cipher"] is None:
            assert r["category"] == "child"  # a baby without household registration yet
            continue
        person_id = r["id"] if isinstance(r["id"], uuid.UUID) else uuid.UUID(str(r["id"]))
        number = pii.open(person_id, "id_number", r["id_number_cipher"])
        assert number is not None
        parsed = ids.parse_id_number(number, today())
        assert number.startswith("370871")
        assert parsed.birth_date == as_date(r["birth_date"])
        assert parsed.sex == r["sex"]
        assert pii.index.index(number) == r["id_number_index"]
        numbers.append(number)
    assert len(numbers) == len(set(numbers)) >= len(rows) - 10
    assert all(r["phone_masked"] is None or r["phone_masked"].startswith("138****") for r in rows)

    # Nobody ineligible on the day the register took them, and no active child aged out.
    for r in rows:
        born, since = as_date(r["birth_date"]), as_date(r["left_behind_since"])
        age = ids.age_on(born, since)
        assert born <= since <= today()
        if r["category"] == "child":
            assert age < 16
            assert as_date(r["counts_until"]) == ids.sixteenth_birthday(born)
            assert r["status"] == "exited" or as_date(r["counts_until"]) > today()
        elif r["category"] == "elder":
            assert age >= 60
        else:
            assert 20 <= age <= 59
        if r["status"] == "exited":
            assert since <= as_date(r["exited_on"]) <= today()
