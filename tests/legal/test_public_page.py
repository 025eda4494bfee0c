"""GET /public/hotline-cards/{village_code}: no login, JSON or HTML, the hotlines even
without an advisor, 404 for anything but a village's code, and the per-address limit."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from liushou.app import create_app
from liushou.regions.models import OrganizationType
from tests.conftest import make_settings
from tests.guardianship.helpers import create_person
from tests.legal.cards_helpers import (
    HOTLINES,
    PUBLIC,
    PUBLIC_KEYS,
    advisor,
    assert_problem,
    contract,
    day,
    law_firm,
    organization,
    served,
)

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def html_of(client: TestClient, code: str, status: int = 200) -> str:
    response = client.get(f"{PUBLIC}/{code}", headers={"Accept": BROWSER_ACCEPT})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["content-security-policy"].startswith("default-src 'none'")
    return response.text


def test_json_without_login_has_the_card_keys(client, world, db):
    s = served(db, world.village, name="鞠朝娟", phone="13853712348")
    organization(db, world.village, "东营村民委员会", OrganizationType.village_committee, "0537-1")
    response = client.get(f"{PUBLIC}/{world.village.code}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["vary"] == "Accept"
    card = response.json()
    assert set(card) == PUBLIC_KEYS
    assert card["village"] == {
        "id": str(world.village.id),
        "code": world.village.code,
        "name": "东营村",
    }
    assert card["advisor"]["name"] == "鞠朝娟" and card["advisor"]["phone"] == "13853712348"
    assert card["advisor"]["id"] == str(s.advisor.id)
    assert card["contacts"][0] == {
        "type": "village_committee",
        "name": "东营村民委员会",
        "phone": "0537-1",
    }
    assert card["contacts"][1]["name"] == "黄屯派出所"  # the township's, after the village's
    assert card["hotlines"] == HOTLINES
    assert card["valid_until"] == s.contract.ends_on.isoformat()


def test_a_village_without_an_advisor_today_keeps_its_hotlines(client, world, db):
    # An expired contract and a future one: neither covers today.
    firm = law_firm(db, world.huangtun)
    contract(
        db, advisor(db, firm, "去年律师"), [world.village], starts_on=day(-400), ends_on=day(-1)
    )
    contract(db, advisor(db, firm, "明年律师"), [world.village], starts_on=day(1), ends_on=day(300))
    card = client.get(f"{PUBLIC}/{world.village.code}").json()
    assert card["advisor"] is None and card["valid_until"] is None
    assert card["hotlines"] == HOTLINES
    assert [c["name"] for c in card["contacts"]] == ["黄屯派出所"]
    page = html_of(client, world.village.code)
    assert "暂无在岗的法律顾问" in page and 'href="tel:12348"' in page
    assert "去年律师" not in page and "明年律师" not in page


@pytest.mark.parametrize(
    "code",
    [
        "370871005299",  # a village code no village has
        "37087100520",  # 11 digits
        "3708710052011",  # 13 digits
        "37087100520x",
        "３７０８７１００５２０１",  # full-width digits
        "%20370871005201",
    ],
)
def test_anything_but_a_village_code_is_404(client, world, db, code):
    served(db, world.village)
    assert_problem(client.get(f"{PUBLIC}/{code}"), 404, "not_found")
    assert "<html" in html_of(client, code, 404)


def test_a_township_code_is_not_a_village(client, world):
    assert_problem(client.get(f"{PUBLIC}/{world.huangtun.code}"), 404, "not_found")


def test_never_any_registry_data(client, world, db):
    served(db, world.village)
    person = create_person(client, world.as_("staff"), world.village, "elder", name="张留守")
    assert person["region_id"] == str(world.village.id)
    for accept in ("application/json", BROWSER_ACCEPT):
        response = client.get(f"{PUBLIC}/{world.village.code}", headers={"Accept": accept})
        assert response.status_code == 200
        assert "张留守" not in response.text and person["id"] not in response.text
        assert "phone_masked" not in response.text and "id_number" not in response.text


def test_html_page_for_a_phone(client, world, db):
    served(db, world.village, name="鞠朝娟", phone="138-5371-2348", service_hours="周二上午")
    organization(
        db, world.village, "东营村民委员会", OrganizationType.village_committee, "0537 2001"
    )
    page = html_of(client, world.village.code)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<script" not in page.lower()
    assert "鞠朝娟" in page and "济宁舜鸿律师事务所" in page and "周二上午" in page
    assert 'href="tel:138-5371-2348"' in page
    assert 'href="tel:05372001"' in page  # spaces are not part of a tel: address
    for hotline in HOTLINES:
        assert f'href="tel:{hotline["number"]}"' in page and hotline["name"] in page
    assert "黄屯街道 东营村" in page
    assert "font-size:20px" in page  # big text


def test_html_escapes_everything(client, world, db):
    firm = law_firm(db, world.huangtun, '"><img src=x onerror=alert(1)>')
    contract(
        db,
        advisor(db, firm, "<script>alert(1)</script>", phone='1"><b>', service_hours="<i>&</i>"),
        [world.village],
    )
    page = html_of(client, world.village.code)
    assert "<script>" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;i&gt;&amp;&lt;/i&gt;" in page
    # The tel: address keeps digits only; the shown text is escaped.
    assert 'href="tel:1"' in page


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        (None, False),
        ("*/*", False),
        ("application/json", False),
        ("text/html", True),
        (BROWSER_ACCEPT, True),
        ("text/html;q=0.5, application/json", False),
        ("application/json;q=0.5, text/html", True),
        ("text/html;q=0.1, */*", False),  # the most specific range counts
        ("text/*", True),
        ("text/html;q=abc", False),
        ("text/html;q=nan", False),
        ("image/png", False),  # JSON all the same: the default
    ],
)
def test_accept_chooses_json_or_html(client, world, db, accept, html):
    served(db, world.village)
    headers = {"Accept": accept} if accept else {}
    response = client.get(f"{PUBLIC}/{world.village.code}", headers=headers)
    assert response.status_code == 200
    expected = "text/html; charset=utf-8" if html else "application/json"
    assert response.headers["content-type"] == expected


def test_rate_limit_per_client_address(world, db, database_url):
    served(db, world.village)
    url = f"{PUBLIC}/{world.village.code}"
    app = create_app(make_settings(database_url, public_rate_limit=3))
    with (
        TestClient(app, client=("203.0.113.7", 40000)) as flooding,
        TestClient(app, client=("198.51.100.2", 40000)) as other,
    ):
        assert [flooding.get(url).status_code for _ in range(3)] == [200, 200, 200]
        refused = flooding.get(url)
        body = assert_problem(refused, 429, "rate_limited")
        assert body["title"] == "请求过于频繁"
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        english = flooding.get(url, headers={"Accept-Language": "en"}).json()
        assert english["title"] == "Too many requests"
        # A browser gets the refusal as a page, with the hotlines.
        page = flooding.get(url, headers={"Accept": BROWSER_ACCEPT})
        assert page.status_code == 429 and 'href="tel:12348"' in page.text
        assert re.fullmatch(r"\d+", page.headers["Retry-After"])
        # Unknown codes count too (no free probing), and refusals do not feed the limit of
        # any other address.
        assert flooding.get(f"{PUBLIC}/000000000000").status_code == 429
        for _ in range(50):
            assert flooding.get(url).status_code == 429
        assert [other.get(url).status_code for _ in range(3)] == [200, 200, 200]
        assert other.get(url).status_code == 429


def test_the_api_is_not_limited_by_the_public_page(world, db, database_url):
    served(db, world.village)
    app = create_app(make_settings(database_url, public_rate_limit=1))
    with TestClient(app) as client:
        assert client.get(f"{PUBLIC}/{world.village.code}").status_code == 200
        assert client.get(f"{PUBLIC}/{world.village.code}").status_code == 429
        assert client.get("/healthz").status_code == 200
        cards = client.get(f"/api/v1/hotline-cards/{world.village.id}", headers=world.as_("staff"))
        assert cards.status_code == 200
