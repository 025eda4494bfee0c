"""Caretakers' phones (often volunteers' own mobiles) are kept like persons' phones:
encrypted at rest, masked in every read, clear only through an audited reveal to the
caretaker itself and to those who coordinate it (docs/registry.md, "Caretakers' phones")."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from liushou import migrations
from liushou.app import create_app
from liushou.db import UTCDateTime
from liushou.registry.person_values import PersonalData
from tests.conftest import (
    PG_SERVER_URL,
    _worker,
    create_pg_database,
    drop_pg_database,
    make_settings,
)
from tests.factories import build_world
from tests.guardianship.helpers import (
    CARETAKERS,
    assert_problem,
    audit_events,
    caretaker_body,
    create_caretaker,
)
from tests.http import list_all
from tests.registry.factories import table_text

PHONE = "13905371111"
READERS = ["admin", "auditor", "staff", "village", "volunteer"]


def reveal(client, headers, caretaker, purpose="联系包保人"):
    return client.post(
        f"{CARETAKERS}/{caretaker['id']}/reveal", json={"purpose": purpose}, headers=headers
    )


@pytest.fixture
def caretakers(client, world):
    """In 金色嘉苑社区 (黄屯街道): one linked to the village contact's login, one to the
    volunteer's, one linked to nobody; and one in 柳行街道."""
    admin = world.as_("admin")
    made = {
        "contacts_own": create_caretaker(
            client, admin, world.community, user_id=str(world.users["village"].id)
        ),
        "volunteers_own": create_caretaker(
            client, admin, world.community, "volunteer", user_id=str(world.users["volunteer"].id)
        ),
        "unlinked": create_caretaker(client, admin, world.community, phone=PHONE),
        "elsewhere": create_caretaker(client, admin, world.other_village),
    }
    return made


def test_the_phone_is_encrypted_at_rest_and_only_masked_in_reads(client, world, db, caretakers):
    assert PHONE not in table_text(db, "caretaker")
    for who in READERS:
        listed = list_all(client, CARETAKERS, world.as_(who))
        for item in listed:
            assert "phone" not in item and item["phone_masked"].count("*") == 4
        single = client.get(f"{CARETAKERS}/{caretakers['unlinked']['id']}", headers=world.as_(who))
        if single.status_code == 200:
            assert single.json()["phone_masked"] == "139****1111"
            assert PHONE not in single.text


# who -> status of a reveal of each caretaker (404: a caretaker the caller cannot read)
MATRIX = {
    "admin": {"contacts_own": 200, "volunteers_own": 200, "unlinked": 200, "elsewhere": 200},
    "staff": {"contacts_own": 200, "volunteers_own": 200, "unlinked": 200, "elsewhere": 404},
    "other_staff": {"contacts_own": 404, "volunteers_own": 404, "unlinked": 404, "elsewhere": 200},
    "auditor": {"contacts_own": 403, "volunteers_own": 403, "unlinked": 403, "elsewhere": 403},
    "village": {"contacts_own": 200, "volunteers_own": 403, "unlinked": 403, "elsewhere": 404},
    "volunteer": {"contacts_own": 404, "volunteers_own": 200, "unlinked": 404, "elsewhere": 404},
    "lawyer": {"contacts_own": 403, "volunteers_own": 403, "unlinked": 403, "elsewhere": 403},
    "partner": {"contacts_own": 403, "volunteers_own": 403, "unlinked": 403, "elsewhere": 403},
}


@pytest.mark.parametrize("who", MATRIX)
def test_who_may_reveal_a_caretakers_phone(client, world, caretakers, who):
    for key, expected in MATRIX[who].items():
        response = reveal(client, world.as_(who), caretakers[key])
        assert response.status_code == expected, (who, key, response.text)
        if expected == 200:
            assert response.json()["phone"].isdigit() and len(response.json()["phone"]) == 11
            assert response.headers["Cache-Control"] == "no-store"
        else:
            assert "phone" not in response.json()
    if MATRIX[who]["unlinked"] == 200:
        assert reveal(client, world.as_(who), caretakers["unlinked"]).json() == {"phone": PHONE}


def test_a_refused_reveal_of_another_caretaker_is_403_reveal_forbidden(client, world, caretakers):
    response = reveal(client, world.as_("village"), caretakers["unlinked"])
    assert_problem(response, 403, "reveal_forbidden")


def test_every_reveal_is_audited_with_its_purpose_and_without_the_number(client, world, caretakers):
    target = caretakers["unlinked"]
    assert reveal(client, world.as_("staff"), target, "安排走访").status_code == 200
    assert reveal(client, world.as_("village"), target, "想打电话").status_code == 403
    assert reveal(client, world.as_("other_staff"), target, "探查").status_code == 404
    events = [
        e
        for e in audit_events(client, world.as_("admin"), target["id"])
        if e["action"] == "caretaker.reveal"
    ]
    assert [(e["actor_name"], e["outcome"], e["detail"]["purpose"]) for e in events] == [
        ("u_staff", "success", "安排走访"),
        ("u_village", "denied", "想打电话"),
        ("u_other_staff", "denied", "探查"),
    ]
    assert PHONE not in repr(events)


def test_the_same_phone_again_is_no_change_and_a_new_one_is(client, world, db):
    staff = world.as_("staff")
    body = caretaker_body(world.village, phone="+86 139-0537-1111")
    caretaker = create_caretaker(client, staff, world.village, phone=body["phone"])
    url = f"{CARETAKERS}/{caretaker['id']}"
    same = client.put(url, json=body, headers={**staff, "If-Match": '"1"'})
    assert same.status_code == 200 and same.json()["version"] == 1
    changed = client.patch(url, json={"phone": "13700000002"}, headers={**staff, "If-Match": '"1"'})
    assert changed.status_code == 200, changed.text
    assert changed.json()["phone_masked"] == "137****0002" and changed.json()["version"] == 2
    assert reveal(client, staff, caretaker).json() == {"phone": "13700000002"}
    update = [
        e
        for e in audit_events(client, world.as_("admin"), caretaker["id"])
        if e["action"] == "caretaker.update"
    ]
    assert [e["changed_fields"] for e in update] == [["phone"]]
    removed = client.patch(url, json={"phone": None}, headers={**staff, "If-Match": '"2"'})
    assert removed.json()["phone_masked"] is None
    assert reveal(client, staff, caretaker).json() == {"phone": None}


# --- the migration ------------------------------------------------------------------------


def _database(tmp_path) -> str:
    if PG_SERVER_URL:
        return create_pg_database(PG_SERVER_URL, _DB_NAME)
    return f"sqlite:///{tmp_path / 'phones.db'}"


_DB_NAME = f"liushou_phones_{_worker()}_{os.getpid()}"


def _insert_caretaker_before_0006(url: str, phone: str) -> uuid.UUID:
    now = datetime.now(UTC)
    region_id, caretaker_id = uuid.uuid4(), uuid.uuid4()

    def stamps() -> list[sa.ColumnClause]:
        return [
            sa.column("id", sa.Uuid()),
            sa.column("created_at", UTCDateTime(timezone=True)),
            sa.column("updated_at", UTCDateTime(timezone=True)),
            sa.column("version", sa.Integer()),
        ]

    region = sa.table(
        "region", *stamps(), *map(sa.column, ("code", "name", "level", "kind", "path"))
    )
    caretaker = sa.table(
        "caretaker",
        *stamps(),
        *map(sa.column, ("name", "kind", "region_path", "phone")),
        sa.column("region_id", sa.Uuid()),
    )
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        times = {"created_at": now, "updated_at": now, "version": 1}
        conn.execute(
            region.insert().values(
                id=region_id, code="370871009201", name="旧村", level="village",
                kind="village", path=f"{region_id}/", **times,
            )
        )  # fmt: skip
        conn.execute(
            caretaker.insert().values(
                id=caretaker_id, name="王建国", kind="village_cadre", region_id=region_id,
                region_path=f"{region_id}/", phone=phone, **times,
            )
        )  # fmt: skip
    engine.dispose()
    return caretaker_id


def _row(url: str, caretaker_id: uuid.UUID) -> dict:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        row = (
            conn.execute(
                sa.text("SELECT * FROM caretaker WHERE id = :id"),
                {"id": caretaker_id.hex if url.startswith("sqlite") else caretaker_id},
            )
            .mappings()
            .one()
        )
    engine.dispose()
    return dict(row)


def test_the_migration_encrypts_existing_phones_and_the_downgrade_restores_them(tmp_path):
    url = _database(tmp_path)
    settings = make_settings(url)
    try:
        migrations.upgrade(url, "0005")
        caretaker_id = _insert_caretaker_before_0006(url, PHONE)

        migrations.upgrade(url, settings=settings)

        row = _row(url, caretaker_id)
        assert "phone" not in row and PHONE not in repr(row)
        assert row["phone_masked"] == "139****1111"
        pii = PersonalData.from_settings(settings)
        assert pii.open_in("caretaker", caretaker_id, "phone", row["phone_cipher"]) == PHONE
        app = create_app(settings)
        with TestClient(app) as client:
            admin = build_world(app, app.state.db).as_("admin")
            read = client.get(f"{CARETAKERS}/{caretaker_id}", headers=admin)
            assert read.json()["phone_masked"] == "139****1111"
            revealed = reveal(client, admin, {"id": str(caretaker_id)})
            assert revealed.json() == {"phone": PHONE}

        migrations.downgrade(url, "0005", settings=settings)
        assert _row(url, caretaker_id)["phone"] == PHONE
    finally:
        if PG_SERVER_URL:
            drop_pg_database(PG_SERVER_URL, _DB_NAME)
