"""A page's resources are read in batches, one query per type (docs/changes.md, "How a
page is read"): what each item shows is still exactly the caller's GET of it."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from liushou.changes.schemas import ChangePage
from liushou.db import Database
from tests.changes.feed_helpers import CHANGES, feed_page, follow, settled
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    CARETAKERS,
    PERSONS,
    VISITS,
    create_caretaker,
    create_person,
    record_visit,
)
from tests.legal.activity_helpers import LEGAL_ACTIVITIES, build_legal
from tests.legal.activity_helpers import created as legal_activity
from tests.referrals.helpers import referred
from tests.services.activities_helpers import ACTIVITIES, create_activity
from tests.services.records_helpers import RECORDS, recorded, volunteer_of
from tests.services.wishes_helpers import DISTRIBUTIONS, WISHES, distribution_body, make_wish

PATHS = {
    "person": PERSONS,
    "visit": VISITS,
    "assignment": ASSIGNMENTS,
    "caretaker": CARETAKERS,
    "service_record": RECORDS,
}


def _visit(
    client: Any, headers: dict[str, str], person: dict[str, Any], caretaker: dict[str, Any]
) -> dict[str, Any]:
    response = record_visit(client, headers, person, caretaker_id=caretaker["id"])
    assert response.status_code == 201, response.text
    return dict(response.json())


def test_a_page_mixing_types_and_scopes_shows_each_get(client: Any, world: Any) -> None:
    staff, other, admin = world.as_("staff"), world.as_("other_staff"), world.as_("admin")
    ours = [create_person(client, staff, world.village) for _ in range(3)]
    ours.append(create_person(client, staff, world.community, "elder"))
    theirs = [create_person(client, other, world.other_village) for _ in range(2)]
    cadre = create_caretaker(client, staff, world.huangtun)
    their_cadre = create_caretaker(client, other, world.other_village)
    visits = [_visit(client, staff, p, cadre) for p in ours]
    visits.append(_visit(client, other, theirs[0], their_cadre))
    volunteer_of(client, world, ours[3])  # a caretaker and an assignment the volunteer sees
    records = [recorded(client, staff, p) for p in ours] + [recorded(client, other, theirs[1])]
    # Changes after the reads' first sight: a person renamed, one moved to the other area,
    # one deleted (its visit goes with it), a visit deleted.
    client.patch(f"{PERSONS}/{ours[0]['id']}", json={"name": "李小华"}, headers=staff)
    client.patch(
        f"{PERSONS}/{ours[1]['id']}", json={"region_id": str(world.other_village.id)}, headers=admin
    )
    assert client.delete(f"{PERSONS}/{ours[2]['id']}", headers=staff).status_code == 204
    assert client.delete(f"{VISITS}/{visits[3]['id']}", headers=staff).status_code == 204
    assert client.delete(f"{RECORDS}/{records[0]['id']}", headers=staff).status_code == 204

    for who in ("staff", "other_staff", "admin", "auditor", "village", "volunteer"):
        headers = world.as_(who)
        for limit in (500, 3):
            items, _ = follow(client, headers, limit=limit, types=",".join(PATHS))
            shown: set[tuple[str, str]] = set()
            for item in items:
                if item["op"] != "upsert":
                    continue
                got = client.get(f"{PATHS[item['resource_type']]}/{item['id']}", headers=headers)
                assert got.status_code == 200, (who, item["resource_type"], got.text)
                assert item["data"] == got.json(), (who, limit, item["resource_type"])
                shown.add((item["resource_type"], item["id"]))
            # And every resource of the page's changes the caller's GET answers is shown.
            changed = {(i["resource_type"], i["id"]) for i in follow(client, admin)[0]}
            for kind, resource_id in changed:
                if kind in PATHS:
                    got = client.get(f"{PATHS[kind]}/{resource_id}", headers=headers)
                    assert (got.status_code == 200) is ((kind, resource_id) in shown), (
                        who,
                        kind,
                        got.status_code,
                    )


SERVICE_PATHS = {
    "caretaker": CARETAKERS,
    "wish": WISHES,
    "activity": ACTIVITIES,
    "distribution": DISTRIBUTIONS,
    "legal_activity": LEGAL_ACTIVITIES,
}


def test_the_service_and_legal_types_read_by_page_show_each_get(
    client: Any, world: Any, db: Database
) -> None:
    """Caretakers, wishes, activities, distributions and legal activities, each read in one
    go per page: every caller's item is its GET, and nothing its GET refuses is shown."""
    staff, other = world.as_("staff"), world.as_("other_staff")
    legal = build_legal(db, world)
    children = [create_person(client, staff, world.village) for _ in range(3)]
    theirs = create_person(client, other, world.other_village)
    create_caretaker(client, staff, world.huangtun)
    create_caretaker(client, other, world.other_village)
    wishes = [make_wish(client, staff, child) for child in children]
    make_wish(client, other, theirs)
    create_activity(client, staff, world.village, children[:2])
    create_activity(client, other, world.other_village, [theirs])
    for region, headers in ((world.village, staff), (world.other_village, other)):
        made = client.post(DISTRIBUTIONS, json=distribution_body(region), headers=headers)
        assert made.status_code == 201, made.text
    legal_activity(client, world.as_("lawyer"), legal.advisor, world.village)
    legal_activity(client, world.as_("admin"), legal.other, world.other_village)
    # A change after the first sight: the wish's body (its timeline) is re-read.
    assert client.delete(f"{WISHES}/{wishes[2]['id']}", headers=staff).status_code == 204
    settled(client)

    for who in ("staff", "other_staff", "admin", "auditor", "village", "volunteer", "lawyer"):
        headers = world.as_(who)
        for limit in (500, 2):
            items, _ = follow(client, headers, limit=limit, types=",".join(SERVICE_PATHS))
            upserts = [i for i in items if i["op"] == "upsert"]
            for item in upserts:
                path = SERVICE_PATHS[item["resource_type"]]
                got = client.get(f"{path}/{item['id']}", headers=headers)
                assert got.status_code == 200, (who, item["resource_type"], got.text)
                assert item["data"] == got.json(), (who, limit, item["resource_type"])
            shown = {(i["resource_type"], i["id"]) for i in upserts}
            for kind, path in SERVICE_PATHS.items():
                listed = client.get(path, params={"limit": 500}, headers=headers)
                if listed.status_code != 200:  # a type the caller may not read at all
                    assert not any(k == kind for k, _ in shown), (who, kind)
                    continue
                assert {(kind, r["id"]) for r in listed.json()["items"]} == {
                    s for s in shown if s[0] == kind
                }, (who, kind)


def test_the_page_is_written_as_its_response_model_writes_it(client: Any, world: Any) -> None:
    """The items' data are the GETs' models serialized in place: the bytes are exactly
    those of ChangePage holding their JSON (what the feed wrote before it kept them)."""
    staff = world.as_("staff")
    cadre = create_caretaker(client, staff, world.huangtun)
    person = create_person(client, staff, world.village)
    _visit(client, staff, person, cadre)
    volunteer_of(client, world, person)
    settled(client)
    response = client.get(CHANGES, params={"limit": 500}, headers=staff)
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) >= 4
    rewritten = ChangePage.model_validate_json(response.content).model_dump_json()
    assert response.content == rewritten.encode()


def _person_reads(db: Database) -> list[str]:
    """The referrals of the partner's audited person reads, oldest first."""
    stmt = sa.text(
        "SELECT detail FROM audit_event WHERE action = 'referral.person_read' ORDER BY at, id"
    )
    with db.engine.connect() as conn:
        details = conn.scalars(stmt).all()
    return [(d if isinstance(d, dict) else json.loads(d))["referral_id"] for d in details]


def test_a_partner_is_audited_for_the_referrals_a_page_shows(
    client: Any, world: Any, db: Database
) -> None:
    """Referrals are read by page too (the next page's first one read ahead): the audit
    names each one shown, once, on the page that shows it."""
    staff, partner = world.as_("staff"), world.as_("partner")
    person = create_person(client, staff, world.village)
    ours = [referred(client, staff, person, world.police) for _ in range(3)]
    client.patch(f"{PERSONS}/{person['id']}", json={"name": "李小华"}, headers=staff)
    before = _person_reads(db)
    page = feed_page(client, partner, limit=2)
    assert [i["id"] for i in page["items"]] == [r["id"] for r in ours[:2]]
    for item in page["items"]:
        got = client.get(f"/api/v1/referrals/{item['id']}", headers=partner).json()
        assert item["data"] == got
    after_first = _person_reads(db)
    # The page, then the two GETs: the third referral, read ahead, is not audited yet.
    assert after_first[len(before) :] == [r["id"] for r in ours[:2]] * 2
    page = feed_page(client, partner, page["next_cursor"], limit=2)
    assert [i["id"] for i in page["items"]] == [ours[2]["id"]]
    assert _person_reads(db)[len(after_first) :] == [ours[2]["id"]]
