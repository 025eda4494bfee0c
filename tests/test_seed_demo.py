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
from fastapi.testclient import TestClient

from liushou.clock import today
from liushou.demo import persons as demo
from liushou.pii import keys_from_settings
from liushou.registry import identifiers as ids
from liushou.registry.person_values import PersonalData
from tests.conftest import TEST_DATA_KEY, TEST_INDEX_KEY, TEST_SECRET
from tests.http import list_all
from tests.registry.factories import elder_body

TABLES = (
    "region",
    "organization",
    "user_account",
    "api_client",
    "person",
    "person_version",
    "caretaker",
    "assignment",
    "visit",
    "consent",
    "referral",
    "referral_transition",
    "audit_event",
)
API = "/api/v1"


def run_cli(database_url: str, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "LIUSHOU_DATABASE_URL": database_url,
        "LIUSHOU_SECRET_KEY": TEST_SECRET,
        # Fixed keys: the test must not write a development key file into the tree.
        "LIUSHOU_DATA_KEY": TEST_DATA_KEY,
        "LIUSHOU_INDEX_KEY": TEST_INDEX_KEY,
        **{f"LIUSHOU_{name.upper()}": value for name, value in settings.items()},
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


def secrets_printed(stdout: str) -> dict[str, str]:
    """The ``  name  secret`` lines seed-demo prints for new users and clients."""
    pairs = (line.split() for line in stdout.splitlines() if line.startswith("  "))
    return dict(pairs)


def test_seed_demo_creates_the_townships_once(database_url: str, client: TestClient) -> None:
    first = run_cli(database_url, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert "demo_staff" in first.stdout  # passwords are printed on creation
    printed = secrets_printed(first.stdout)
    assert {"demo_staff", "demo_volunteer", "demo_police", "demo_womens_federation"} <= set(printed)
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
        check_demo_register(conn, huangtun_codes={code for code, _, _ in huangtun})

    check_demo_care(client, printed)
    with engine.connect() as conn:  # after the logins above, which are audited too
        counts = [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES]

    second = run_cli(database_url, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "regions created: 0" in second.stdout
    assert "persons created: 0 " in second.stdout
    assert (
        "caretakers created: 0, assignments created: 0, visits created: 0, referrals created: 0"
        in second.stdout
    )
    assert "demo_staff " not in second.stdout  # no password shown twice
    assert secrets_printed(second.stdout) == {}  # nor a client secret
    with engine.connect() as conn:
        assert counts == [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES]
    engine.dispose()


def row_counts(database_url: str) -> list[int]:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        counts = [conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES]
    engine.dispose()
    return counts


def test_seed_demo_refuses_to_run_in_production(database_url: str) -> None:
    result = run_cli(database_url, "seed-demo", environment="production")

    assert result.returncode == 2
    assert "does not run in production" in result.stderr
    assert "Traceback" not in result.stderr
    assert "demo_admin" not in result.stdout  # no account, no password
    assert row_counts(database_url) == [0] * len(TABLES)


def test_seed_demo_refuses_a_database_holding_other_data(
    database_url: str, client: TestClient, world
) -> None:
    before = row_counts(database_url)

    result = run_cli(database_url, "seed-demo")

    assert result.returncode == 3, result.stderr
    # The world's regions and organizations carry the demo's real codes and names; its
    # staff accounts and partner client give it away.
    assert "the database holds users, partner clients that seed-demo did not" in result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert "demo_admin" not in result.stdout
    assert row_counts(database_url) == before


def test_seed_demo_refuses_once_the_api_added_a_person_to_the_demo(
    database_url: str, client: TestClient
) -> None:
    first = run_cli(database_url, "seed-demo")
    assert first.returncode == 0, first.stderr
    password = secrets_printed(first.stdout)["demo_staff"]
    staff = login(client, grant_type="password", username="demo_staff", password=password)
    regions = list_all(client, f"{API}/regions", staff, limit=500)
    [village] = [r["id"] for r in regions if r["code"] == "370871005001"]
    added = client.post(f"{API}/persons", json=elder_body(village), headers=staff)
    assert added.status_code == 201, added.text
    before = row_counts(database_url)

    again = run_cli(database_url, "seed-demo")

    assert again.returncode == 3, again.stderr
    assert "the database holds persons that seed-demo did not create" in again.stderr
    assert row_counts(database_url) == before


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


def login(client: TestClient, **form: str) -> dict[str, str]:
    response = client.post(f"{API}/auth/token", data=form)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def check_demo_care(client: TestClient, printed: dict[str, str]) -> None:
    """Who looks after the register, as the demo logins and partner clients see it."""
    staff = login(
        client, grant_type="password", username="demo_staff", password=printed["demo_staff"]
    )
    on_register = list_all(client, f"{API}/persons", staff, status="active", limit=500)
    active = len(on_register)
    assert active > 300

    # Most persons have a primary contact, a few not yet; most were visited in time.
    unassigned = list_all(client, f"{API}/persons", staff, unassigned="true", limit=500)
    assert 0 < len(unassigned) <= active * 0.15
    assert all("no_primary_contact" in p["alerts"] for p in unassigned)
    overdue = list_all(client, f"{API}/persons", staff, overdue="true", limit=500)
    assert 0 < len(overdue) <= active * 0.15
    assert all("overdue_visit" in p["alerts"] for p in overdue)
    assert not {p["id"] for p in overdue} & {p["id"] for p in unassigned}
    # An unattended child always has a primary contact.
    unattended = list_all(client, f"{API}/persons", staff, guardianship_type="none", limit=500)
    assert unattended
    assert not {p["id"] for p in unattended} & {p["id"] for p in unassigned}

    # A village cadre and a child director in each of 黄屯's 33 villages, volunteers besides.
    villages = {p["region_id"] for p in on_register}
    caretakers = list_all(client, f"{API}/caretakers", staff, limit=500)
    kinds: dict[str, set[str]] = {}
    for c in caretakers:
        kinds.setdefault(c["region_id"], set()).add(c["kind"])
    assert len(villages) == 33
    for village in villages:
        assert {"village_cadre", "child_director"} <= kinds.get(village, set())
    assert sum(c["kind"] == "volunteer" for c in caretakers) >= 3

    # The demo village contact and volunteer are caretakers with persons assigned to them.
    for username, role in (("demo_village", "village_contact"), ("demo_volunteer", "volunteer")):
        own = login(client, grant_type="password", username=username, password=printed[username])
        me = client.get(f"{API}/auth/me", headers=own).json()
        assert me["role"] == role
        linked = [c for c in caretakers if c["user_id"] == me["id"]]
        assert len(linked) == 1, username
        assignments = list_all(
            client, f"{API}/assignments", staff, caretaker_id=linked[0]["id"], active="true"
        )
        assigned = {a["person_id"] for a in assignments}
        assert assigned, username
        if role == "volunteer":
            assert {a["role"] for a in assignments} >= {"primary_contact", "companion"}
            seen = list_all(client, f"{API}/persons", own, limit=500)
            assert {p["id"] for p in seen} == assigned
            visits = list_all(client, f"{API}/visits", own, limit=500)
            assert visits and {v["person_id"] for v in visits} <= assigned

    # Each partner client signs in and is its organization's partner.
    organizations = list_all(client, f"{API}/organizations", staff, limit=500)
    org_ids = {o["name"]: o["id"] for o in organizations}
    for client_id, org_name in (
        ("demo_police", "黄屯派出所"),
        ("demo_womens_federation", "黄屯街道妇联"),
    ):
        partner = login(
            client,
            grant_type="client_credentials",
            client_id=client_id,
            client_secret=printed[client_id],
        )
        me = client.get(f"{API}/auth/me", headers=partner).json()
        assert me["kind"] == "client"
        assert me["client_id"] == client_id
        assert me["role"] == "partner"
        assert me["organization_id"] == org_ids[org_name]
        # It has demo referrals to work on, and sees only those addressed to it.
        referrals = list_all(client, f"{API}/referrals", partner)
        assert referrals
        assert {r["to_organization_id"] for r in referrals} == {org_ids[org_name]}
