"""Sign-ins and refusals leave audit events; GET /audit-events reads them; rows never change."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from liushou.audit.models import AuditEvent
from tests.auth.helpers import (
    AUDIT,
    ME,
    assert_problem,
    audit_rows,
    audit_table_text,
    bearer,
    client_login,
    list_all,
    login,
    password_login,
    refresh,
)

SECRET_PASSWORD = "hunter2-Zq9-never-logged"


def _events(client, world, **params):
    return list_all(client, AUDIT, world.as_("admin"), **params)


# --- what gets recorded --------------------------------------------------------------


def test_a_successful_login_is_recorded(client, world, db):
    user = world.users["staff"]

    login(client, "u_staff")

    [row] = audit_rows(db, action="auth.login")
    assert row["outcome"] == "success"
    assert row["actor_kind"] == "user" and row["actor_id"] == user.id
    assert row["actor_name"] == "u_staff"
    assert row["resource_type"] == "user" and row["resource_id"] == str(user.id)


def test_a_failed_login_is_recorded_without_the_password(client, world, db):
    assert_problem(password_login(client, "u_staff", SECRET_PASSWORD), 400, "invalid_grant")
    assert_problem(password_login(client, "u_nobody", SECRET_PASSWORD), 400, "invalid_grant")

    rows = audit_rows(db, action="auth.login")
    assert [(r["outcome"], r["actor_kind"], r["actor_id"], r["actor_name"]) for r in rows] == [
        ("failure", "anonymous", None, "u_staff"),
        ("failure", "anonymous", None, "u_nobody"),
    ]
    assert SECRET_PASSWORD not in audit_table_text(db)
    assert "hunter2" not in audit_table_text(db)


def test_a_successful_login_does_not_record_the_password_either(client, world, db):
    from tests.factories import PASSWORD

    login(client, "u_staff")

    assert audit_rows(db, action="auth.login")
    assert PASSWORD not in audit_table_text(db)


def test_a_lockout_refusal_is_recorded(client, world, db):
    for _ in range(5):
        password_login(client, "u_staff", SECRET_PASSWORD)
    assert_problem(password_login(client, "u_staff"), 429, "too_many_attempts")

    outcomes = [r["outcome"] for r in audit_rows(db, action="auth.login")]
    assert outcomes == ["failure"] * 5 + ["locked"]


def test_an_invalid_token_is_recorded_without_the_token(client, world, db):
    token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.not-a-signature"

    assert_problem(client.get(ME, headers=bearer(token)), 401, "invalid_token")

    [row] = audit_rows(db, action="auth.token_refused")
    assert row["outcome"] == "failure"
    assert row["actor_kind"] == "anonymous"
    assert row["detail"]["reason"] == "invalid_token"
    assert row["detail"]["path"] == ME and row["detail"]["method"] == "GET"
    assert "not-a-signature" not in audit_table_text(db)


def test_a_refused_scope_is_recorded_with_the_caller(client, world, db):
    assert client.get("/api/v1/persons", headers=world.as_("partner")).status_code == 403

    [row] = audit_rows(db, action="auth.scope_refused")
    assert row["outcome"] == "denied"
    assert (row["actor_kind"], str(row["actor_id"])) == ("client", str(world.partner.id))
    assert row["detail"] == {
        "reason": "insufficient_scope",
        "method": "GET",
        "path": "/api/v1/persons",
        "missing": ["registry:read"],
    }


def test_client_credentials_are_recorded(client, world, db):
    assert client_login(client, world.partner.client_id).status_code == 200
    assert client_login(client, world.partner.client_id, "wrong-secret").status_code == 401

    rows = audit_rows(db, action="auth.client_credentials")
    assert [(r["outcome"], r["actor_kind"]) for r in rows] == [
        ("success", "client"),
        ("failure", "anonymous"),
    ]
    assert rows[0]["actor_id"] == world.partner.id
    assert rows[1]["actor_name"] == world.partner.client_id
    assert "wrong-secret" not in audit_table_text(db)


def test_refresh_reuse_is_recorded(client, world, db):
    first = login(client, "u_staff")
    assert refresh(client, first["refresh_token"]).status_code == 200
    assert refresh(client, first["refresh_token"]).status_code == 400

    [reuse] = audit_rows(db, action="auth.refresh_reuse")
    assert reuse["outcome"] == "failure"
    assert first["refresh_token"] not in audit_table_text(db)


def test_an_audit_event_carries_the_request_id(client, world, db):
    response = client.post(
        "/api/v1/auth/token",
        data={"grant_type": "password", "username": "u_staff", "password": "wrong-password"},
        headers={"X-Request-ID": "req-login-0001"},
    )
    assert response.status_code == 400
    client.get(ME, headers={**bearer("garbage"), "X-Request-ID": "req-token-0002"})

    assert audit_rows(db, action="auth.login")[0]["request_id"] == "req-login-0001"
    assert audit_rows(db, action="auth.token_refused")[0]["request_id"] == "req-token-0002"


# --- GET /audit-events --------------------------------------------------------------


@pytest.mark.parametrize("who", ["admin", "auditor"])
def test_admin_and_auditor_read_audit_events(client, world, who):
    login(client, "u_staff")

    response = client.get(AUDIT, headers=world.as_(who))

    assert response.status_code == 200, response.text
    page = response.json()
    assert set(page) == {"items", "next_cursor"}
    item = next(e for e in page["items"] if e["action"] == "auth.login")
    assert {
        "id",
        "at",
        "actor_kind",
        "actor_id",
        "actor_name",
        "action",
        "resource_type",
        "resource_id",
        "outcome",
        "request_id",
        "changed_fields",
        "detail",
    } <= set(item)
    assert item["actor_id"] == str(world.users["staff"].id)


def test_staff_cannot_read_audit_events(client, world):
    assert_problem(client.get(AUDIT, headers=world.as_("staff")), 403, "insufficient_scope")


def test_audit_events_are_newest_first(client, world):
    events = _events(client, world)

    keys = [(e["at"], e["id"]) for e in events]
    instants = [datetime.fromisoformat(at) for at, _ in keys]
    assert instants == sorted(instants, reverse=True)
    assert len(events) > 5  # the world's regions, organizations, ...


def test_the_newest_event_comes_first(client, world):
    login(client, "u_staff")
    assert _events(client, world)[0]["action"] == "auth.login"


def test_filters_by_actor_action_resource_and_outcome(client, world):
    staff, auditor = world.users["staff"], world.users["auditor"]
    login(client, "u_staff")
    login(client, "u_auditor")
    password_login(client, "u_staff", SECRET_PASSWORD)

    by_actor = _events(client, world, actor_id=str(staff.id))
    assert [(e["action"], e["outcome"]) for e in by_actor] == [("auth.login", "success")]

    logins = _events(client, world, action="auth.login")
    assert [e["actor_name"] for e in logins] == ["u_staff", "u_auditor", "u_staff"]

    by_resource = _events(client, world, resource_type="user", resource_id=str(auditor.id))
    assert [e["actor_id"] for e in by_resource] == [str(auditor.id)]

    failures = _events(client, world, action="auth.login", outcome="failure")
    assert [e["actor_name"] for e in failures] == ["u_staff"]

    regions = _events(client, world, resource_type="region")
    assert regions and {e["resource_type"] for e in regions} == {"region"}
    assert {e["resource_id"] for e in regions} >= {str(world.village.id), str(world.huangtun.id)}


def test_a_filter_that_matches_nothing_is_an_empty_page(client, world):
    response = client.get(AUDIT, params={"actor_id": str(uuid.uuid4())}, headers=world.as_("admin"))
    assert response.json() == {"items": [], "next_cursor": None}


def test_from_is_inclusive_and_to_is_exclusive(client, world):
    for who in ("u_staff", "u_auditor", "u_village"):
        login(client, who)
    events = _events(client, world)
    pivot = events[len(events) // 2]["at"]
    pivot_at = datetime.fromisoformat(pivot)

    since = _events(client, world, **{"from": pivot})
    before = _events(client, world, to=pivot)

    assert since and before
    assert all(datetime.fromisoformat(e["at"]) >= pivot_at for e in since)
    assert all(datetime.fromisoformat(e["at"]) < pivot_at for e in before)
    assert {e["id"] for e in since} | {e["id"] for e in before} == {e["id"] for e in events}
    assert not {e["id"] for e in since} & {e["id"] for e in before}


def test_from_and_to_honour_the_offset(client, world):
    login(client, "u_staff")
    newest = datetime.fromisoformat(_events(client, world)[0]["at"])
    shanghai = newest.astimezone(timezone(timedelta(hours=8))).isoformat()

    assert _events(client, world, **{"from": shanghai})[0]["action"] == "auth.login"
    assert all(e["action"] != "auth.login" for e in _events(client, world, to=shanghai))


def test_from_without_an_offset_is_422(client, world):
    response = client.get(AUDIT, params={"from": "2026-01-01T00:00:00"}, headers=world.as_("admin"))
    assert_problem(response, 422, "validation_error")


def test_pages_follow_the_cursor_without_gaps_or_repeats(client, world):
    for who in ("u_staff", "u_auditor", "u_village", "u_volunteer"):
        login(client, who)
    admin = world.as_("admin")
    everything = _events(client, world)

    first = client.get(AUDIT, params={"limit": 3}, headers=admin).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    paged = list_all(client, AUDIT, admin, limit=3)

    assert [e["id"] for e in paged] == [e["id"] for e in everything]
    assert [e["id"] for e in first["items"]] == [e["id"] for e in everything[:3]]


def test_a_cursor_with_other_filters_is_refused(client, world):
    for who in ("u_staff", "u_auditor"):
        login(client, who)
    admin = world.as_("admin")
    cursor = client.get(AUDIT, params={"limit": 1}, headers=admin).json()["next_cursor"]

    response = client.get(
        AUDIT, params={"limit": 1, "cursor": cursor, "action": "auth.login"}, headers=admin
    )
    assert_problem(response, 400, "invalid_cursor")


# --- append-only ----------------------------------------------------------------------


def _some_event_id(db) -> uuid.UUID:
    return audit_rows(db)[0]["id"]


def test_audit_events_cannot_be_updated(client, world, db):
    event_id = _some_event_id(db)
    table = AuditEvent.__table__

    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(sa.update(table).where(table.c.id == event_id).values(outcome="tampered"))

    assert audit_rows(db, id=event_id)[0]["outcome"] == "success"


def test_audit_events_cannot_be_deleted(client, world, db):
    before = len(audit_rows(db))
    table = AuditEvent.__table__

    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        with db.engine.begin() as conn:
            conn.execute(sa.delete(table))

    assert len(audit_rows(db)) == before


def test_audit_events_cannot_be_changed_through_the_orm(client, world, db):
    event_id = _some_event_id(db)

    def _tamper(session):
        event = session.get(AuditEvent, event_id)
        event.actor_name = "someone else"
        session.add(event)

    with pytest.raises(sa.exc.DBAPIError, match="append-only"):
        db.run_in_session(_tamper)

    assert audit_rows(db, id=event_id)[0]["actor_name"] != "someone else"
