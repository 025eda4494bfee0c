"""Partner access (docs/domain.md): a police station and a women's federation side by side.

Each reads and moves only the referrals addressed to it, sees the person in its minimum
form only, never a registry resource, and every person it is shown is audited.
"""

from __future__ import annotations

import json
import uuid

import pytest

from liushou.auth.models import ApiClient
from tests import factories
from tests.auth.helpers import client_login
from tests.guardianship.helpers import person_body
from tests.http import list_all
from tests.referrals.helpers import (
    PERSON_MIN_KEYS,
    PERSONS,
    REFERRALS,
    assert_problem,
    audit_rows,
    consent,
    count_rows,
    create_person,
    move,
    partner_headers,
    referred,
)

FORBIDDEN_KEYS = {
    "id_number",
    "id_number_masked",
    "address",
    "child_profile",
    "woman_profile",
    "elder_profile",
    "profile",
    "birth_date",
    "guardian_phone",
    "phone",
}


@pytest.fixture
def side_by_side(client, app, db, world):
    """The police client (world.partner) and a women's federation client, and referrals
    to each: two for the police, one for the federation."""
    staff = world.as_("staff")
    child = create_person(client, staff, world.community)
    body = {
        **person_body(world.village, "woman", name="王秀英"),
        "phone": "+86 138-1234-5678",
        "address": "东营村幸福路18号",
    }
    response = client.post(PERSONS, json=body, headers=staff)
    assert response.status_code == 201, response.text
    woman = response.json()
    consent(client, staff, woman, [str(world.womens_federation.id)])
    police = {
        "child": referred(client, staff, child, world.police),
        "woman": referred(client, staff, woman, world.police, urgency="urgent"),
    }
    federation = referred(
        client,
        staff,
        woman,
        world.womens_federation,
        type="referral",
        legal_basis="separate_consent",
        justification=None,
        need="希望妇联提供技能培训和心理支持。",
    )
    return {
        "police": world.as_("partner"),
        "wf": partner_headers(app, db, world.womens_federation),
        "police_referrals": police,
        "wf_referral": federation,
        "child": child,
        "woman": woman,
    }


def _all_keys(value, found=None):  # type: ignore[no-untyped-def]
    found = set() if found is None else found
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _all_keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _all_keys(item, found)
    return found


def test_each_partner_lists_only_its_own(client, world, side_by_side):
    s = side_by_side

    police = list_all(client, REFERRALS, s["police"])
    federation = list_all(client, REFERRALS, s["wf"])

    assert {r["id"] for r in police} == {r["id"] for r in s["police_referrals"].values()}
    assert [r["id"] for r in federation] == [s["wf_referral"]["id"]]
    assert all(r["to_organization_id"] == str(world.police.id) for r in police)
    # Filters never widen it: asking for the other's organization gives nothing.
    other = list_all(
        client, REFERRALS, s["police"], to_organization_id=str(world.womens_federation.id)
    )
    assert other == []
    assert list_all(client, REFERRALS, s["wf"], person_id=s["child"]["id"]) == []


def test_another_organizations_referral_is_404_like_an_unknown_id(client, side_by_side):
    s = side_by_side
    police_one = s["police_referrals"]["child"]["id"]

    foreign = client.get(f"{REFERRALS}/{police_one}", headers=s["wf"])
    unknown = client.get(f"{REFERRALS}/00000000-0000-4000-8000-000000000000", headers=s["wf"])
    mine = client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["wf"])

    assert_problem(foreign, 404, "not_found")
    assert_problem(unknown, 404, "not_found")
    strip = lambda b: {k: v for k, v in b.items() if k != "instance"}  # noqa: E731
    assert strip(foreign.json()) == strip(unknown.json())
    assert mine.status_code == 200 and mine.headers["ETag"] == '"1"'
    assert_problem(
        client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["police"]), 404, "not_found"
    )


def test_partners_get_the_minimum_person_form_only(client, side_by_side):
    s = side_by_side

    one = client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["wf"]).json()
    listed = list_all(client, REFERRALS, s["police"])

    for body in [one, *listed]:
        assert set(body["person"]) == PERSON_MIN_KEYS
        assert set(body["person"]["village"]) == {"id", "name"}
        assert body["need"]
        assert body["timeline"]
        assert not (_all_keys(body) & FORBIDDEN_KEYS), _all_keys(body) & FORBIDDEN_KEYS
    assert one["person"]["name"] == "王秀英"
    assert one["person"]["phone_masked"] == s["woman"]["phone_masked"]
    assert one["person"]["phone_masked"] == "138****5678"
    assert one["need"] == "希望妇联提供技能培训和心理支持。"
    # Nothing of the clear ID number, the masked one or the address anywhere in the bytes.
    raw = client.get(REFERRALS, headers=s["police"]).text
    assert "东营村幸福路18号" not in raw and "幸福路" not in raw
    assert "13812345678" not in raw
    for person in (s["child"], s["woman"]):
        assert person["id_number_masked"] not in raw
        assert person["birth_date"] not in json.dumps([b["person"] for b in listed])


def test_every_person_a_partner_is_shown_is_audited(client, world, db, side_by_side):
    s = side_by_side
    assert audit_rows(db, action="referral.person_read") == []

    client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["wf"])
    list_all(client, REFERRALS, s["police"])
    client.get(REFERRALS, params={"urgency": "urgent"}, headers=s["police"])
    # Staff reads and refused partner reads are not person reads.
    list_all(client, REFERRALS, world.as_("staff"))
    police_one = s["police_referrals"]["child"]["id"]
    client.get(f"{REFERRALS}/{police_one}", headers=s["wf"])

    events = audit_rows(db, action="referral.person_read")
    seen = [
        (e["actor_kind"], e["resource_type"], e["resource_id"], e["detail"]["referral_id"])
        for e in events
    ]
    wf, police = s["wf_referral"], s["police_referrals"]
    assert sorted(seen) == sorted(
        [
            ("client", "person", s["woman"]["id"], wf["id"]),
            ("client", "person", s["child"]["id"], police["child"]["id"]),
            ("client", "person", s["woman"]["id"], police["woman"]["id"]),
            ("client", "person", s["woman"]["id"], police["woman"]["id"]),  # urgent filter
        ]
    )
    wf_event = next(e for e in events if e["detail"]["referral_id"] == wf["id"])
    assert wf_event["detail"]["organization_id"] == str(world.womens_federation.id)
    assert set(wf_event["detail"]["fields"]) == PERSON_MIN_KEYS
    # An empty page audits nothing.
    before = len(events)
    client.get(REFERRALS, params={"status": "resolved"}, headers=s["wf"])
    assert len(audit_rows(db, action="referral.person_read")) == before


def test_a_partners_transition_answer_is_audited_too(client, db, side_by_side):
    s = side_by_side

    assert move(client, s["wf"], s["wf_referral"], "accepted").status_code == 200

    [event] = audit_rows(db, action="referral.person_read")
    assert event["resource_id"] == s["woman"]["id"]
    assert event["detail"]["referral_id"] == s["wf_referral"]["id"]


def test_partners_move_their_own_referrals_but_never_cancel(client, db, side_by_side):
    s = side_by_side
    wf_referral = s["wf_referral"]

    assert move(client, s["wf"], wf_referral, "accepted").status_code == 200
    assert move(client, s["wf"], wf_referral, "in_progress").status_code == 200
    assert_problem(move(client, s["wf"], wf_referral, "cancelled"), 403, "partner_cannot_cancel")
    done = move(client, s["wf"], wf_referral, "resolved", body={"note": "已提供培训名额"})
    assert done.status_code == 200 and done.json()["status"] == "resolved"
    # Declining is the partner's call too; anything out of order is still 409.
    child_one = s["police_referrals"]["child"]
    assert_problem(move(client, s["police"], child_one, "resolved"), 409, "invalid_transition")
    assert move(client, s["police"], child_one, "declined").json()["status"] == "declined"
    assert_problem(move(client, s["police"], child_one, "open"), 409, "invalid_transition")


def test_partners_cannot_move_another_organizations_referral(client, side_by_side):
    s = side_by_side
    steps_before = client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["wf"]).json()[
        "timeline"
    ]

    assert_problem(move(client, s["police"], s["wf_referral"], "accepted"), 404, "not_found")
    assert_problem(move(client, s["police"], s["wf_referral"], "cancelled"), 404, "not_found")
    after = client.get(f"{REFERRALS}/{s['wf_referral']['id']}", headers=s["wf"]).json()
    assert after["status"] == "open" and after["timeline"] == steps_before


def test_staff_may_cancel_what_a_partner_cannot(client, world, side_by_side):
    s = side_by_side
    move(client, s["wf"], s["wf_referral"], "accepted")

    cancelled = move(
        client, world.as_("staff"), s["wf_referral"], "cancelled", body={"note": "家属已自行解决"}
    )

    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


@pytest.mark.parametrize("who", ["police", "wf"])
def test_partners_never_reach_the_registry(client, db, side_by_side, who):
    s = side_by_side
    headers = s[who]
    person_id = s["woman"]["id"]

    assert_problem(client.get(PERSONS, headers=headers), 403, "insufficient_scope")
    # One person's routes answer as for an unknown id: a partner can't learn which ids exist.
    unknown = client.get(f"{PERSONS}/{uuid.uuid4()}", headers=headers)
    one = client.get(f"{PERSONS}/{person_id}", headers=headers)
    assert_problem(one, 404, "not_found")
    assert one.json() | {"instance": None} == unknown.json() | {"instance": None}
    assert person_id not in one.text
    for path in (f"{PERSONS}/{person_id}/consents", f"{PERSONS}/{person_id}/history"):
        assert_problem(client.get(path, headers=headers), 404, "not_found")
    patch = client.patch(f"{PERSONS}/{person_id}", json={"address": "x"}, headers=headers)
    assert_problem(patch, 404, "not_found")
    reveal = client.post(f"{PERSONS}/{person_id}/reveal", json={"purpose": "核实"}, headers=headers)
    assert_problem(reveal, 404, "not_found")
    refused = audit_rows(db, action="person.reveal", outcome="denied")
    assert [str(e["resource_id"]) for e in refused] == [person_id]
    assert client.get("/api/v1/exports/persons.csv", headers=headers).status_code == 403
    assert client.get("/api/v1/visits", headers=headers).status_code == 403


def test_a_partner_signed_in_with_client_credentials(client, app, db, world, side_by_side):
    """The whole path: the token endpoint, then the referrals of its organization."""
    api_client = db.run_in_session(lambda s: factories.make_client(s, world.womens_federation))
    assert isinstance(api_client, ApiClient)
    token = client_login(client, api_client.client_id)
    assert token.status_code == 200, token.text
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}

    items = list_all(client, REFERRALS, headers)

    assert [r["id"] for r in items] == [side_by_side["wf_referral"]["id"]]
    [event] = audit_rows(db, action="referral.person_read", actor_id=api_client.id)
    assert event["actor_name"] == api_client.client_id
    assert count_rows(db, "referral") == 3
