"""demo/referrals.py: the demo referrals respect the consent rule and are idempotent."""

from __future__ import annotations

import uuid

from sqlmodel import select

from liushou.demo.referrals import seed_referrals
from liushou.registry.models import Person
from tests.http import list_all
from tests.referrals.helpers import REFERRALS, count_rows, create_person


def test_demo_referrals_are_created_once(client, world, db, app):
    staff = world.as_("staff")
    woman = create_person(client, staff, world.village, "woman", name="王秀英")
    child = create_person(client, staff, world.community)

    def seed(session):  # type: ignore[no-untyped-def]
        persons = session.exec(select(Person).order_by(Person.name)).all()
        return seed_referrals(
            session, app.state.settings, persons, world.police, world.womens_federation
        )

    first = db.run_in_session(seed)
    again = db.run_in_session(seed)

    assert len(first.created) == 4 and first.existing == []
    assert again.created == [] and sorted(again.existing) == sorted(first.created)
    assert count_rows(db, "referral") == 4 and count_rows(db, "consent") == 2
    items = {r["id"]: r for r in list_all(client, REFERRALS, world.as_("admin"))}
    assert set(items) == {str(i) for i in first.created}
    by_kind = {(r["type"], r["legal_basis"], r["to_organization_id"]): r for r in items.values()}
    police, wf = str(world.police.id), str(world.womens_federation.id)
    dv = by_kind[("dv_report", "statutory_duty", police)]
    assert dv["status"] == "in_progress" and dv["justification"]
    assert [s["to_status"] for s in dv["timeline"]] == ["open", "accepted", "in_progress"]
    assert dv["person"]["id"] == woman["id"]
    report = by_kind[("mandatory_report", "emergency", police)]
    assert report["urgency"] == "urgent" and report["person"]["id"] == child["id"]
    assert by_kind[("referral", "separate_consent", wf)]["person"]["id"] == woman["id"]
    assert by_kind[("referral", "guardian_consent", wf)]["person"]["id"] == child["id"]
    assert all(uuid.UUID(i).version == 5 for i in items)
