"""The consent rule of referrals (docs/domain.md; PIPL art. 13, 23, 31).

Every refusal is a 422 with a stable code and writes nothing.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from liushou.db import utcnow
from liushou.regions.models import OrganizationType
from liushou.registry.enums import ConsentGiver
from liushou.registry.identifiers import birthday_at_age, make_id_number
from liushou.registry.models import Consent
from tests.guardianship.helpers import person_body
from tests.referrals.helpers import (
    PERSONS,
    assert_problem,
    consent,
    count_rows,
    create_person,
    day,
    make_org,
    refer,
)


@pytest.fixture
def staff(world):
    return world.as_("staff")


@pytest.fixture
def woman(client, world, staff):
    """An adult: her own consent counts."""
    return create_person(client, staff, world.community, "woman", name="王秀英")


@pytest.fixture
def child(client, world, staff):
    """A child of 9: only a guardian's consent, on guardian_consent."""
    return create_person(client, staff, world.community)


def _referral(client, staff, person, org, basis, type_="referral", **extra):  # type: ignore[no-untyped-def]
    return refer(
        client,
        staff,
        person,
        org,
        type=type_,
        legal_basis=basis,
        need="需要妇联提供心理疏导与技能培训信息。",
        justification=extra.pop("justification", None),
        **extra,
    )


def _refused(response, db, code="consent_required"):  # type: ignore[no-untyped-def]
    body = assert_problem(response, 422, code)
    assert count_rows(db, "referral") == 0
    assert count_rows(db, "referral_transition") == 0
    return body


# --- consent covering the organization -----------------------------------------------------


def test_no_consent_at_all_is_refused(client, world, db, staff, woman):
    body = _refused(
        _referral(client, staff, woman, world.womens_federation, "separate_consent"), db
    )
    assert body["errors"][0]["loc"] == ["body", "legal_basis"]


def test_separate_consent_naming_the_organization_by_id(client, world, staff, woman):
    consent(client, staff, woman, [str(world.womens_federation.id)])

    response = _referral(client, staff, woman, world.womens_federation, "separate_consent")

    assert response.status_code == 201, response.text
    assert response.json()["legal_basis"] == "separate_consent"


def test_separate_consent_naming_the_organization_type(client, world, staff, woman):
    consent(client, staff, woman, ["womens_federation"])

    response = _referral(client, staff, woman, world.womens_federation, "separate_consent")

    assert response.status_code == 201, response.text


def test_consent_for_another_organization_does_not_cover(client, world, db, staff, woman):
    consent(client, staff, woman, ["youth_league", str(world.police.id)])

    _refused(_referral(client, staff, woman, world.womens_federation, "separate_consent"), db)


def test_plain_consent_to_a_non_state_organization_is_refused(client, world, db, staff, woman):
    # PIPL art. 23: providing data to the women's federation needs *separate* consent, even
    # with a consent on file that names it.
    consent(client, staff, woman, ["womens_federation"])

    body = _refused(_referral(client, staff, woman, world.womens_federation, "consent"), db)
    assert (
        "separate"
        in client.post(
            "/api/v1/referrals",
            json={
                "person_id": woman["id"],
                "to_organization_id": str(world.womens_federation.id),
                "type": "legal_aid_referral",
                "need": "需要法律援助",
                "legal_basis": "consent",
            },
            headers={**staff, "Accept-Language": "en"},
        ).json()["detail"]
    )
    assert body["code"] == "consent_required"


def test_plain_consent_to_a_state_organization_is_enough(client, world, staff, woman):
    consent(client, staff, woman, ["police_station"])

    response = _referral(client, staff, woman, world.police, "consent")

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "org_type",
    [
        OrganizationType.youth_league,
        OrganizationType.volunteer_team,
        OrganizationType.law_firm,
        OrganizationType.social_work_agency,
        OrganizationType.family_planning_association,
        OrganizationType.other,
    ],
)
def test_every_non_state_organization_needs_separate_consent(
    client, world, db, staff, woman, org_type
):
    org = make_org(db, world.huangtun, org_type)
    consent(client, staff, woman, [org_type.value])

    plain = _referral(client, staff, woman, org, "consent", type_="legal_aid_referral")
    separate = _referral(client, staff, woman, org, "separate_consent", type_="legal_aid_referral")

    assert_problem(plain, 422, "consent_required")
    assert separate.status_code == 201, separate.text


def test_expired_consent_covers_up_to_its_expiry_day(client, world, db, staff, woman):
    consent(
        client,
        staff,
        woman,
        ["womens_federation"],
        given_on=day(-30).isoformat(),
        expires_on=day(-1).isoformat(),
    )
    _refused(_referral(client, staff, woman, world.womens_federation, "separate_consent"), db)

    consent(
        client,
        staff,
        woman,
        ["womens_federation"],
        given_on=day(-30).isoformat(),
        expires_on=day(0).isoformat(),
    )
    response = _referral(client, staff, woman, world.womens_federation, "separate_consent")
    assert response.status_code == 201, response.text


def test_a_consent_withdrawn_today_covers_nothing(client, world, db, staff, woman):
    given = consent(client, staff, woman, ["womens_federation"])
    withdrawn = client.post(
        f"{PERSONS}/{woman['id']}/consents/{given['id']}/withdraw",
        json={"withdrawn_on": day(0).isoformat()},
        headers=staff,
    )
    assert withdrawn.status_code == 200, withdrawn.text

    _refused(_referral(client, staff, woman, world.womens_federation, "separate_consent"), db)


def test_a_withdrawal_dated_tomorrow_still_covers_today(client, world, staff, woman):
    given = consent(client, staff, woman, ["womens_federation"])
    client.post(
        f"{PERSONS}/{woman['id']}/consents/{given['id']}/withdraw",
        json={"withdrawn_on": day(1).isoformat()},
        headers=staff,
    )

    response = _referral(client, staff, woman, world.womens_federation, "separate_consent")

    assert response.status_code == 201, response.text


def test_a_consent_given_in_the_future_covers_nothing_yet(client, world, db, staff, woman):
    # The API refuses a future given_on; a consent recorded ahead of time by other means
    # (an import, a correction) still must not count before its day.
    db.run_in_session(
        lambda s: s.add(
            Consent(
                id=uuid.uuid4(),
                person_id=uuid.UUID(woman["id"]),
                given_by=ConsentGiver.self,
                recipients=["womens_federation"],
                purpose="转介",
                given_on=day(1),
                created_at=utcnow(),
                updated_at=utcnow(),
            )
        )
    )

    _refused(_referral(client, staff, woman, world.womens_federation, "separate_consent"), db)


def test_a_consent_of_another_person_does_not_cover(client, world, db, staff, woman):
    other = create_person(client, staff, world.community, "woman", name="赵桂兰")
    consent(client, staff, other, ["womens_federation"])

    _refused(_referral(client, staff, woman, world.womens_federation, "separate_consent"), db)


# --- children under 14 (PIPL art. 31) ------------------------------------------------------


def test_a_child_under_14_needs_guardian_consent_as_the_basis(client, world, db, staff, child):
    consent(client, staff, child, ["womens_federation"], given_by="guardian")

    for basis in ("separate_consent", "consent"):
        _refused(_referral(client, staff, child, world.womens_federation, basis), db)
    response = _referral(client, staff, child, world.womens_federation, "guardian_consent")
    assert response.status_code == 201, response.text


def test_a_child_under_14_without_a_covering_guardian_consent(client, world, db, staff, child):
    consent(client, staff, child, ["police_station"], given_by="guardian")

    _refused(_referral(client, staff, child, world.womens_federation, "guardian_consent"), db)


def test_guardian_consent_needs_a_consent_given_by_the_guardian(client, world, db, staff, woman):
    consent(client, staff, woman, ["womens_federation"])  # her own, not a guardian's

    _refused(_referral(client, staff, woman, world.womens_federation, "guardian_consent"), db)
    consent(client, staff, woman, ["womens_federation"], given_by="guardian")
    response = _referral(client, staff, woman, world.womens_federation, "guardian_consent")
    assert response.status_code == 201, response.text


def test_a_child_of_14_may_rest_on_separate_consent(client, world, staff):
    body = person_body(world.community)
    born = birthday_at_age(day(0), -14) - timedelta(days=3)
    body["id_number"] = make_id_number("370871", born, 777, "male")
    response = client.post(PERSONS, json=body, headers=staff)
    assert response.status_code == 201, response.text
    teen = response.json()
    assert teen["age"] == 14
    consent(client, staff, teen, ["womens_federation"], given_on=day(0).isoformat())

    referred = _referral(client, staff, teen, world.womens_federation, "separate_consent")

    assert referred.status_code == 201, referred.text


# --- statutory duty, emergency, mandatory reports ------------------------------------------


@pytest.mark.parametrize("basis", ["statutory_duty", "emergency"])
def test_statutory_bases_need_a_justification(client, world, db, staff, child, basis):
    for justification in (None, "", "   "):
        body = _refused(
            _referral(
                client,
                staff,
                child,
                world.womens_federation,
                basis,
                justification=justification,
            )
            if justification != ""
            else _referral(client, staff, child, world.womens_federation, basis),
            db,
            "justification_required",
        )
        assert body["errors"][0]["loc"] == ["body", "justification"]

    response = _referral(
        client,
        staff,
        child,
        world.womens_federation,
        basis,
        justification="儿童独自在家且受伤，须立即转介（未成年人保护法第十一条）。",
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("type_", ["mandatory_report", "dv_report"])
@pytest.mark.parametrize("basis", ["consent", "separate_consent", "guardian_consent"])
def test_mandatory_reports_never_rest_on_consent(client, world, db, staff, child, type_, basis):
    consent(client, staff, child, ["police_station"], given_by="guardian")

    body = _refused(
        _referral(client, staff, child, world.police, basis, type_=type_),
        db,
        "invalid_legal_basis",
    )
    assert body["errors"][0]["loc"] == ["body", "legal_basis"]


def test_a_dv_report_needs_no_consent(client, world, staff, woman):
    response = _referral(
        client,
        staff,
        woman,
        world.police,
        "statutory_duty",
        type_="dv_report",
        justification="反家庭暴力法第十四条。",
    )

    assert response.status_code == 201, response.text
    assert response.json()["type"] == "dv_report"


def test_a_mandatory_report_to_the_womens_federation_on_emergency(client, world, staff, child):
    response = _referral(
        client,
        staff,
        child,
        world.womens_federation,
        "emergency",
        type_="mandatory_report",
        justification="发现儿童疑似遭受侵害，情况紧急。",
        urgency="urgent",
    )

    assert response.status_code == 201, response.text
    assert response.json()["due_on"] == day(1).isoformat()
