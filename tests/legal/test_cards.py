"""GET /hotline-cards and /hotline-cards/{village_id}: the card's JSON, who sees which
cards, which contract puts an advisor on a card, and the queries a page costs."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from liushou.api.pagination import PageParams
from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.clock import today
from liushou.legal import cards_service
from liushou.read_path import AUTOCOMMIT
from liushou.regions.models import OrganizationType
from tests.factories import make_user
from tests.legal.cards_helpers import (
    CARD_KEYS,
    CARDS,
    HOTLINES,
    advisor,
    assert_problem,
    contract,
    day,
    law_firm,
    organization,
    served,
    village,
)
from tests.legal.cards_helpers import (
    organization as org,
)


def test_card_has_exactly_the_contract_keys(client, world, db, settings):
    s = served(db, world.village, name="鞠朝娟", phone="13853712348")
    response = client.get(f"{CARDS}/{world.village.id}", headers=world.as_("staff"))
    assert response.status_code == 200, response.text
    card = response.json()
    assert set(card) == CARD_KEYS
    assert card["village"] == {
        "id": str(world.village.id),
        "code": world.village.code,
        "name": "东营村",
    }
    assert card["township"] == {"id": str(world.huangtun.id), "name": "黄屯街道"}
    assert card["advisor"] == {
        "id": str(s.advisor.id),
        "name": "鞠朝娟",
        "law_firm": "济宁舜鸿律师事务所",
        "phone": "13853712348",
        "service_hours": "每周二、周四 9:00–12:00 驻村",
    }
    assert card["hotlines"] == HOTLINES
    assert card["valid_until"] == s.contract.ends_on.isoformat()
    assert card["public_url"] == (
        settings.public_base_url.rstrip("/") + f"/public/hotline-cards/{world.village.code}"
    )


def test_contacts_are_the_listed_types_village_first(client, world, db):
    served(db, world.village)
    org(db, world.village, "东营村民委员会", OrganizationType.village_committee, "0537-2001001")
    org(db, world.village, "东营村小学", OrganizationType.school, "0537-2001002")
    org(db, world.huangtun, "黄屯司法所", OrganizationType.judicial_office, "0537-2001003")
    org(db, world.huangtun, "黄屯街道妇联", OrganizationType.womens_federation)
    org(db, world.huangtun, "黄屯卫生院", OrganizationType.health_center, "0537-2001004")
    # Another village of the same township, and another township: not this card's.
    org(db, world.community, "金色嘉苑社区居委会", OrganizationType.community_committee)
    org(db, world.liuxing, "柳行司法所", OrganizationType.judicial_office)
    gone = org(db, world.village, "旧村委会", OrganizationType.village_committee)
    db.run_in_session(
        lambda s: s.execute(
            sa.text("UPDATE organization SET deleted_at = updated_at WHERE id = :id"),
            {"id": gone.id.hex if db.engine.dialect.name == "sqlite" else gone.id},
        )
    )
    card = client.get(f"{CARDS}/{world.village.id}", headers=world.as_("staff")).json()
    assert card["contacts"] == [
        {"type": "village_committee", "name": "东营村民委员会", "phone": "0537-2001001"},
        # The township's, in the order the contract lists the types: police (world.police),
        # judicial office, women's federation.
        {"type": "police_station", "name": "黄屯派出所", "phone": None},
        {"type": "judicial_office", "name": "黄屯司法所", "phone": "0537-2001003"},
        {"type": "womens_federation", "name": "黄屯街道妇联", "phone": None},
    ]


@pytest.mark.parametrize(
    ("dates", "covered"),
    [
        ({"starts_on": -30, "ends_on": 0}, True),  # the last day is covered
        ({"starts_on": 0, "ends_on": 30}, True),  # so is the first
        ({"starts_on": -30, "ends_on": -1}, False),  # expired yesterday
        ({"starts_on": 1, "ends_on": 30}, False),  # not started
        ({"starts_on": -30, "ends_on": 30, "terminated_on": 0}, False),  # terminated today
        ({"starts_on": -30, "ends_on": 30, "terminated_on": 1}, True),  # terminated tomorrow
    ],
)
def test_a_card_needs_a_contract_covering_today(client, world, db, dates, covered):
    firm = law_firm(db, world.huangtun)
    person = advisor(db, firm)
    contract(db, person, [world.village], **{k: day(v) for k, v in dates.items()})
    response = client.get(f"{CARDS}/{world.village.id}", headers=world.as_("staff"))
    if covered:
        assert response.status_code == 200, response.text
        assert response.json()["valid_until"] == day(dates["ends_on"]).isoformat()
    else:
        assert_problem(response, 404, "no_active_advisor")
    listed = client.get(
        CARDS, params={"region_id": str(world.huangtun.id)}, headers=world.as_("staff")
    )
    assert len(listed.json()["items"]) == (1 if covered else 0)


def test_deleted_contract_or_advisor_puts_no_advisor_on_the_card(client, world, db):
    firm = law_firm(db, world.huangtun)
    contract(db, advisor(db, firm), [world.village], deleted=True)
    contract(db, advisor(db, firm, deleted=True), [world.community])
    for v in (world.village, world.community):
        response = client.get(f"{CARDS}/{v.id}", headers=world.as_("staff"))
        assert_problem(response, 404, "no_active_advisor")
    assert_problem(
        client.get(f"{CARDS}/{world.other_village.id}", headers=world.as_("admin")),
        404,
        "no_active_advisor",
    )


def test_list_is_one_card_per_covered_village_by_code(client, world, db):
    a = served(db, world.village, name="甲律师")
    b = served(db, world.community, name="乙律师")
    c = served(db, world.other_village, name="丙律师")
    village(db, world.huangtun, "无顾问村")  # no contract: no card
    staff = world.as_("admin")
    county = client.get(CARDS, params={"region_id": str(world.county.id)}, headers=staff).json()
    codes = [card["village"]["code"] for card in county["items"]]
    assert codes == sorted([world.village.code, world.community.code, world.other_village.code])
    assert county["next_cursor"] is None
    names = {card["village"]["id"]: card["advisor"]["name"] for card in county["items"]}
    assert names == {
        str(a.village.id): "甲律师",
        str(b.village.id): "乙律师",
        str(c.village.id): "丙律师",
    }
    township = client.get(CARDS, params={"region_id": str(world.liuxing.id)}, headers=staff)
    assert [card["advisor"]["name"] for card in township.json()["items"]] == ["丙律师"]
    one_village = client.get(CARDS, params={"region_id": str(world.village.id)}, headers=staff)
    assert [card["advisor"]["name"] for card in one_village.json()["items"]] == ["甲律师"]


def test_list_pages_follow_the_cursor(client, world, db):
    for v in (world.village, world.community, world.other_village):
        served(db, v)
    staff, seen = world.as_("admin"), []
    params: dict[str, Any] = {"region_id": str(world.county.id), "limit": 2}
    first = client.get(CARDS, params=params, headers=staff).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    seen += first["items"]
    second = client.get(CARDS, params=params | {"cursor": first["next_cursor"]}, headers=staff)
    assert second.status_code == 200, second.text
    assert second.json()["next_cursor"] is None
    seen += second.json()["items"]
    assert [c["village"]["code"] for c in seen] == sorted(
        [world.village.code, world.community.code, world.other_village.code]
    )
    # A cursor belongs to its query: another region refuses it.
    other = {"region_id": str(world.huangtun.id), "cursor": first["next_cursor"]}
    assert_problem(client.get(CARDS, params=other, headers=staff), 400, "invalid_cursor")


def test_region_and_village_scope(client, world, db):
    served(db, world.village)
    other = world.as_("other_staff")  # 柳行街道's staff
    assert_problem(client.get(f"{CARDS}/{world.village.id}", headers=other), 404, "not_found")
    assert_problem(
        client.get(CARDS, params={"region_id": str(world.huangtun.id)}, headers=other),
        404,
        "not_found",
    )
    # Its own township: no card of 黄屯街道's village.
    own = client.get(CARDS, params={"region_id": str(world.liuxing.id)}, headers=other)
    assert own.status_code == 200 and own.json()["items"] == []
    # The county lies above its area: 404, not a partial list.
    assert_problem(
        client.get(CARDS, params={"region_id": str(world.county.id)}, headers=other),
        404,
        "not_found",
    )
    # Not a village, unknown, deleted: 404 not_found (not no_active_advisor).
    staff = world.as_("staff")
    for region_id in (world.huangtun.id, uuid.uuid4()):
        assert_problem(client.get(f"{CARDS}/{region_id}", headers=staff), 404, "not_found")
    assert_problem(
        client.get(CARDS, params={"region_id": str(uuid.uuid4())}, headers=staff), 404, "not_found"
    )
    # The auditor reads everything; the admin too.
    for who in ("auditor", "admin"):
        assert client.get(f"{CARDS}/{world.village.id}", headers=world.as_(who)).status_code == 200


@pytest.mark.parametrize("who", ["village", "volunteer", "partner"])
def test_callers_without_legal_read_are_refused(client, world, db, who):
    served(db, world.village)
    for url in (f"{CARDS}/{world.village.id}", f"{CARDS}/{world.village.id}.vcf"):
        assert_problem(client.get(url, headers=world.as_(who)), 403, "insufficient_scope")
    response = client.get(CARDS, params={"region_id": str(world.huangtun.id)})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_bad_parameters_are_422(client, world):
    staff = world.as_("staff")
    assert_problem(client.get(CARDS, headers=staff), 422, "validation_error")
    assert_problem(client.get(f"{CARDS}/not-a-uuid", headers=staff), 422, "validation_error")
    assert_problem(
        client.get(CARDS, params={"region_id": "x"}, headers=staff), 422, "validation_error"
    )
    assert_problem(
        client.get(CARDS, params={"region_id": str(world.huangtun.id), "limit": 0}, headers=staff),
        422,
        "validation_error",
    )


def test_a_legal_advisor_sees_the_villages_of_its_own_contracts(client, world, db):
    lawyer = world.users["lawyer"]  # a legal_advisor login, region: the county
    firm = law_firm(db, world.county)
    mine = advisor(db, firm, "自己律师", user_id=lawyer.id)
    contract(db, mine, [world.village, world.other_village])
    served(db, world.community, firm, name="别人律师")
    headers = world.as_("lawyer")
    assert client.get(f"{CARDS}/{world.village.id}", headers=headers).status_code == 200
    assert_problem(client.get(f"{CARDS}/{world.community.id}", headers=headers), 404, "not_found")
    listed = client.get(CARDS, params={"region_id": str(world.county.id)}, headers=headers)
    assert {c["village"]["id"] for c in listed.json()["items"]} == {
        str(world.village.id),
        str(world.other_village.id),
    }
    # Street staff see every advisor's card.
    staff = client.get(
        CARDS, params={"region_id": str(world.huangtun.id)}, headers=world.as_("staff")
    )
    assert len(staff.json()["items"]) == 2


def test_a_legal_advisor_login_without_an_advisor_sees_no_card(client, world, db, app):
    served(db, world.village)

    def build(session):  # type: ignore[no-untyped-def]
        from liushou.auth.roles import Role

        user = make_user(session, "u_unlinked_lawyer", Role.legal_advisor, world.county)
        return app.state.auth.user_principal(session, user)

    from tests.factories import bearer

    headers = bearer(app, db.run_in_session(build))
    assert_problem(client.get(f"{CARDS}/{world.village.id}", headers=headers), 404, "not_found")
    listed = client.get(CARDS, params={"region_id": str(world.county.id)}, headers=headers)
    assert listed.status_code == 200 and listed.json()["items"] == []


def _statements(db: Any, region_id: Any) -> int:
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    with db.engine.connect().execution_options(**AUTOCOMMIT) as conn:
        # On the connection, not the engine: background tasks share the engine.
        sa.event.listen(conn, "before_cursor_execute", count)
        try:
            page = PageParams.batches(500)
            cards, _ = cards_service.region_cards(
                conn, CLI_PRINCIPAL, today(), region_id, "http://x", page
            )
        finally:
            sa.event.remove(conn, "before_cursor_execute", count)
    assert cards
    return len(statements)


def test_a_page_of_cards_costs_the_same_queries_for_1_or_12_villages(world, db):
    served(db, world.village)
    organization(db, world.village, "东营村民委员会", OrganizationType.village_committee)
    one = _statements(db, world.huangtun.id)
    firm = law_firm(db, world.huangtun)
    for i in range(11):
        v = village(db, world.huangtun, f"新村{i}")
        organization(db, v, f"新村{i}村委会", OrganizationType.village_committee)
        organization(db, world.huangtun, f"黄屯司法所{i}", OrganizationType.judicial_office)
        contract(db, advisor(db, firm, f"律师{i}"), [v])
    assert _statements(db, world.huangtun.id) == one <= 3
