"""One village's legal advisor from the contract to the villager's phone, through HTTP only
(docs/legal.md): the pieces each have their own tests; this one shows they fit together —
the advisor's login records a consultation, the person's service record follows, the card
and the public page show the advisor, the reports count it, and a termination takes the
advisor off the card."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from fastapi.testclient import TestClient

from liushou.clock import today
from tests.guardianship.helpers import create_person
from tests.legal.legal_helpers import create_advisor, create_contract, day

API = "/api/v1"


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def test_a_consultation_reaches_the_record_the_card_and_the_reports(
    client: TestClient, world: Any
) -> None:
    admin, staff, lawyer = world.as_("admin"), world.as_("staff"), world.as_("lawyer")
    village, township = world.village, world.huangtun

    firm = _ok(
        client.post(
            f"{API}/organizations",
            json={"name": "济宁舜鸿律师事务所", "type": "law_firm", "region_id": str(township.id)},
            headers=admin,
        ),
        201,
    )
    advisor = create_advisor(
        client, admin, firm["id"], name="鞠朝娟", user_id=str(world.users["lawyer"].id)
    )
    contract = create_contract(
        client, staff, firm, advisor, [village], starts_on=day(-60), ends_on=day(300)
    )
    assert contract["status"] == "active"
    person = create_person(client, staff, village, "woman", name="王秀兰")

    # The advisor's own login records a consultation with a registered villager.
    held_on = (today() - timedelta(days=1)).isoformat()
    activity = _ok(
        client.post(
            f"{API}/legal-activities",
            json={
                "advisor_id": advisor["id"],
                "region_id": str(village.id),
                "type": "consultation",
                "mode": "on_site",
                "held_on": held_on,
                "duration_minutes": 90,
                "attendees": 1,
                "person_id": person["id"],
                "summary": "土地承包纠纷咨询",
            },
            headers=lawyer,
        ),
        201,
    )
    assert activity["contract_id"] == contract["id"]

    # ... which is the person's legal_consultation service record, managed by the activity.
    records = _ok(
        client.get(f"{API}/service-records", params={"person_id": person["id"]}, headers=staff)
    )["items"]
    assert [(r["service_type"], r["delivered_on"]) for r in records] == [
        ("legal_consultation", held_on)
    ]
    refused = client.delete(f"{API}/service-records/{records[0]['id']}", headers=staff)
    assert refused.status_code == 409
    assert refused.json()["code"] == "managed_by_activity"

    # The card and the public page name the advisor; the public page shows no registry data.
    card = _ok(client.get(f"{API}/hotline-cards/{village.id}", headers=staff))
    assert (card["advisor"]["name"], card["advisor"]["phone"]) == ("鞠朝娟", advisor["phone"])
    assert card["valid_until"] == contract["ends_on"]
    public_path = urlsplit(card["public_url"]).path
    assert public_path == f"/public/hotline-cards/{village.code}"
    public = _ok(client.get(public_path))
    assert public["advisor"]["name"] == "鞠朝娟"
    page = client.get(f"/public/hotline-cards/{village.code}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "鞠朝娟" in page.text and f"tel:{advisor['phone']}" in page.text
    assert "王秀兰" not in page.text and "<script" not in page.text

    # The reports count it: the summary's legal section and services, the compliance report.
    period = {"region_id": str(township.id), "from": day(-60).isoformat()}
    summary = _ok(client.get(f"{API}/reports/summary", params=period, headers=staff))
    legal = summary["legal"]
    assert (legal["consultations"], legal["onsite_minutes"]) == (1, 90)
    assert legal["activities"]["consultation"] == 1
    assert legal["villages_with_advisor"] == 1
    assert legal["villages_without_advisor"] == legal["villages"] - 1
    services = {s["service_type"]: s for s in summary["services"]}
    assert (
        services["legal_consultation"]["records"],
        services["legal_consultation"]["persons"],
    ) == (1, 1)
    narrative = _ok(client.get(f"{API}/reports/summary/narrative", params=period, headers=staff))[
        "text"
    ]
    assert "法律咨询1次" in narrative and "驻村服务90分钟" in narrative
    compliance = _ok(client.get(f"{API}/reports/legal-advisors", params=period, headers=staff))
    assert [a["advisor_id"] for a in compliance["advisors"]] == [advisor["id"]]
    month = held_on[:7]
    minutes = {
        m["month"]: m["onsite_minutes"]
        for v in compliance["villages"]
        if v["region_id"] == str(village.id)
        for m in v["months"]
    }
    assert minutes.get(month) == 90
    assert str(village.id) not in {v["region_id"] for v in compliance["without_advisor"]}

    # Deleting the activity takes its service record with it.
    etag = client.get(f"{API}/legal-activities/{activity['id']}", headers=lawyer).headers["ETag"]
    _ok(
        client.delete(
            f"{API}/legal-activities/{activity['id']}", headers={**lawyer, "If-Match": etag}
        ),
        204,
    )
    assert (
        _ok(
            client.get(f"{API}/service-records", params={"person_id": person["id"]}, headers=staff)
        )["items"]
        == []
    )

    # Terminated today: no card, and the public page keeps the hotlines without an advisor.
    etag = client.get(f"{API}/legal-contracts/{contract['id']}", headers=staff).headers["ETag"]
    terminated = _ok(
        client.post(
            f"{API}/legal-contracts/{contract['id']}/terminate",
            json={"terminated_on": today().isoformat()},
            headers={**staff, "If-Match": etag},
        )
    )
    assert terminated["status"] == "terminated"
    gone = client.get(f"{API}/hotline-cards/{village.id}", headers=staff)
    assert gone.status_code == 404 and gone.json()["code"] == "no_active_advisor"
    public = _ok(client.get(f"/public/hotline-cards/{village.code}"))
    assert public["advisor"] is None
    assert {h["number"] for h in public["hotlines"]} == {"12348", "12338", "12355", "110"}
