"""`liushou seed-demo`'s 柳行街道 legal advisors through the reports: the summary's legal
section is filled, the compliance report names the six advisors of the 24 villages, the CLI
prints a public card's address, and a second run adds nothing."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import select

from liushou.auth.models import UserAccount
from liushou.clock import today
from liushou.demo import legal as demo_legal
from liushou.demo import regions_data as data
from liushou.legal.enums import LegalActivityType
from tests.factories import bearer
from tests.reports.legal_helpers import report_json
from tests.reports.summary_data import summary_json
from tests.test_seed_demo import run_cli


def _token(app: FastAPI, username: str) -> dict[str, str]:
    def principal(session: Any) -> Any:
        user = session.exec(select(UserAccount).where(UserAccount.username == username)).one()
        return app.state.auth.user_principal(session, user)

    return bearer(app, app.state.db.run_in_session(principal))


def _region_id(app: FastAPI, code: str) -> str:
    with app.state.db.engine.connect() as conn:
        found = conn.execute(sa.text("SELECT id FROM region WHERE code = :c"), {"c": code}).scalar()
    return str(found)


def test_the_demo_advisors_through_the_reports(database_url: str, app: FastAPI, client: TestClient):
    first = run_cli(database_url, "seed-demo")
    assert first.returncode == 0, first.stderr
    assert (
        "legal advisors created: 6, contracts created: 6, legal activities created: "
        in first.stdout
    )
    first_village = data.VILLAGES_BY_TOWNSHIP[data.LIUXING_CODE][0].code
    assert f"/public/hotline-cards/{first_village}" in first.stdout

    admin = _token(app, "demo_admin")
    liuxing = _region_id(app, data.LIUXING_CODE)
    year = today() - timedelta(days=364)  # the contracts' first day
    legal = summary_json(client, admin, liuxing, year)["legal"]
    assert legal["villages"] == legal["villages_with_advisor"] == 24
    assert legal["villages_without_advisor"] == 0
    assert legal["consultations"] == legal["activities"]["consultation"] > 0
    assert legal["onsite_minutes"] > 0
    assert set(legal["activities"]) <= {t.value for t in LegalActivityType}
    # 6 advisors at 1–3 a week for a year.
    assert 6 * 52 <= sum(legal["activities"].values()) <= 6 * 53 * 3

    body = report_json(client, admin, liuxing)
    assert len(body["advisors"]) == 6
    assert {a["name"] for a in body["advisors"]} == {a[0] for a in demo_legal.ADVISORS}
    assert len(body["villages"]) == 24 and body["without_advisor"] == []
    assert len(body["expiring"]) == 1
    weeks = [w for a in body["advisors"] for w in a["weeks"]]
    assert weeks and any(w["met"] for w in weeks)
    # 黄屯街道 has no contract: every one of its villages is without an advisor.
    huangtun = report_json(client, admin, _region_id(app, data.HUANGTUN_CODE))
    assert len(huangtun["without_advisor"]) == len(data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE])

    # demo_lawyer is 鞠朝娟's login: its own figures only.
    mine = report_json(client, _token(app, "demo_lawyer"), liuxing)
    assert [a["name"] for a in mine["advisors"]] == ["鞠朝娟"]
    assert len(mine["villages"]) == demo_legal.VILLAGES_EACH

    second = run_cli(database_url, "seed-demo")
    assert second.returncode == 0, second.stderr
    assert "legal advisors created: 0, contracts created: 0, legal activities created: 0" in (
        second.stdout
    )
