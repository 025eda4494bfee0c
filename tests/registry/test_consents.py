"""/persons/{id}/consents: list, create, withdraw (docs/domain.md; PIPL art. 31)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from liushou.clock import today
from liushou.registry.identifiers import birthday_at_age
from tests.http import list_all
from tests.registry.factories import (
    PERSONS,
    assert_problem,
    child_body,
    count,
    create,
    woman_body,
)


def _consent(**overrides):
    body = {
        "given_by": "guardian",
        "guardian_name": "王秀兰",
        "recipients": ["womens_federation", "police_station"],
        "purpose": "转介至妇联和派出所",
        "given_on": str(today() - timedelta(days=3)),
        "expires_on": str(today() + timedelta(days=365)),
        "note": "监护人签字",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


def _url(person):
    return f"{PERSONS}/{person['id']}/consents"


def _child_aged(client, world, age: int, days_past_birthday: int = 10):
    """A child who turned ``age`` ``days_past_birthday`` days ago."""
    born = birthday_at_age(today() - timedelta(days=days_past_birthday), -age)
    since = max(born, today() - timedelta(days=400))
    return create(
        client,
        world.as_("staff"),
        child_body(world.village, born=born, left_behind_since=str(since)),
    )


def test_create_and_list_consents(client, world):
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))

    response = client.post(
        _url(person), json=_consent(given_by="self", guardian_name=None), headers=staff
    )

    assert response.status_code == 201, response.text
    consent = response.json()
    assert response.headers["location"] == f"{_url(person)}/{consent['id']}"
    assert response.headers["etag"] == '"1"'
    assert consent["person_id"] == person["id"]
    assert consent["given_by"] == "self"
    assert consent["recipients"] == ["womens_federation", "police_station"]
    assert consent["withdrawn_on"] is None
    assert list_all(client, _url(person), staff) == [consent]


def test_consents_are_listed_oldest_first_across_pages(client, world):
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))
    days = [30, 10, 20, 5]
    for d in days:
        client.post(
            _url(person),
            json=_consent(
                given_by="self", guardian_name=None, given_on=str(today() - timedelta(days=d))
            ),
            headers=staff,
        )

    listed = list_all(client, _url(person), staff, limit=3)

    assert [c["given_on"] for c in listed] == [
        str(today() - timedelta(days=d)) for d in sorted(days, reverse=True)
    ]


@pytest.mark.parametrize("age", [0, 8, 13], ids=["baby", "eight", "thirteen"])
def test_a_child_under_14_needs_a_guardians_consent(client, world, db, age):
    staff = world.as_("staff")
    child = _child_aged(client, world, age)

    refused = client.post(
        _url(child), json=_consent(given_by="self", guardian_name=None), headers=staff
    )

    assert_problem(refused, 422, "guardian_consent_required")
    assert count(db, "consent") == 0
    assert client.post(_url(child), json=_consent(), headers=staff).status_code == 201


def test_the_age_that_counts_is_the_age_on_the_day_consent_was_given(client, world):
    staff = world.as_("staff")
    child = _child_aged(client, world, 14, days_past_birthday=10)

    before_birthday = _consent(
        given_by="self", guardian_name=None, given_on=str(today() - timedelta(days=11))
    )
    on_birthday = _consent(
        given_by="self", guardian_name=None, given_on=str(today() - timedelta(days=10))
    )

    assert_problem(
        client.post(_url(child), json=before_birthday, headers=staff),
        422,
        "guardian_consent_required",
    )
    assert client.post(_url(child), json=on_birthday, headers=staff).status_code == 201


@pytest.mark.parametrize("age", [14, 15], ids=["fourteen", "fifteen"])
def test_a_child_of_14_or_15_may_consent_itself(client, world, age):
    staff = world.as_("staff")
    child = _child_aged(client, world, age)

    response = client.post(
        _url(child), json=_consent(given_by="self", guardian_name=None), headers=staff
    )

    assert response.status_code == 201, response.text


def test_a_guardians_consent_names_the_guardian(client, world):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    assert_problem(
        client.post(_url(child), json=_consent(guardian_name=None), headers=staff),
        422,
        "guardian_name_required",
    )


@pytest.mark.parametrize(
    "overrides, code",
    [
        ({"given_on": str(today() + timedelta(days=1))}, "date_in_future"),
        ({"expires_on": str(today() - timedelta(days=3))}, "invalid_date"),
        ({"recipients": []}, "validation_error"),
        ({"given_by": "neighbour"}, "validation_error"),
        ({"purpose": ""}, "validation_error"),
        ({"withdrawn_on": str(today())}, "validation_error"),
    ],
    ids=[
        "given-in-future",
        "expires-before-given",
        "no-recipients",
        "bad-giver",
        "no-purpose",
        "withdrawn-on-create",
    ],
)
def test_bad_consents_are_refused(client, world, db, overrides, code):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    assert_problem(client.post(_url(child), json=_consent(**overrides), headers=staff), 422, code)
    assert count(db, "consent") == 0


def test_withdraw_with_if_match(client, world, db):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    consent = client.post(_url(child), json=_consent(), headers=staff).json()
    url = f"{_url(child)}/{consent['id']}/withdraw"

    stale = client.post(
        url, json={"withdrawn_on": str(today())}, headers={**staff, "If-Match": '"5"'}
    )
    assert_problem(stale, 412, "precondition_failed")
    assert list_all(client, _url(child), staff)[0]["withdrawn_on"] is None

    response = client.post(
        url, json={"withdrawn_on": str(today())}, headers={**staff, "If-Match": '"1"'}
    )

    assert response.status_code == 200, response.text
    withdrawn = response.json()
    assert withdrawn["withdrawn_on"] == str(today())
    assert withdrawn["version"] == 2
    assert response.headers["etag"] == '"2"'
    assert list_all(client, _url(child), staff) == [withdrawn]
    again = client.post(url, json={"withdrawn_on": str(today())}, headers=staff)
    assert_problem(again, 409, "already_withdrawn")
    assert count(db, "audit_event", action="consent.withdraw") == 1


def test_withdrawn_on_cannot_precede_given_on(client, world):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    consent = client.post(_url(child), json=_consent(), headers=staff).json()

    response = client.post(
        f"{_url(child)}/{consent['id']}/withdraw",
        json={"withdrawn_on": str(today() - timedelta(days=30))},
        headers=staff,
    )

    assert_problem(response, 422, "invalid_date")


def test_withdraw_through_another_person_is_404(client, world):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    other = create(client, staff, woman_body(world.village))
    consent = client.post(_url(child), json=_consent(), headers=staff).json()

    response = client.post(
        f"{_url(other)}/{consent['id']}/withdraw",
        json={"withdrawn_on": str(today())},
        headers=staff,
    )

    assert_problem(response, 404, "not_found")


def test_consent_create_replays_with_an_idempotency_key(client, world, db):
    staff = world.as_("staff")
    child = _child_aged(client, world, 8)
    headers = {**staff, "Idempotency-Key": "consent-1"}

    first = client.post(_url(child), json=_consent(), headers=headers)
    second = client.post(_url(child), json=_consent(), headers=headers)

    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert count(db, "consent") == 1


def test_the_same_key_and_body_on_another_path_is_422(client, world, db):
    """The key names one request: method, path and body. The same body sent to another
    person's consents is another request, refused rather than answered with the first."""
    staff = world.as_("staff")
    first_child, second_child = _child_aged(client, world, 8), _child_aged(client, world, 9)
    headers = {**staff, "Idempotency-Key": "consent-2"}

    first = client.post(_url(first_child), json=_consent(), headers=headers)
    other_path = client.post(_url(second_child), json=_consent(), headers=headers)

    assert first.status_code == 201, first.text
    assert_problem(other_path, 422, "idempotency_key_reused")
    assert count(db, "consent") == 1
    assert client.get(_url(second_child), headers=staff).json()["items"] == []


def test_consents_of_a_deleted_person_are_404(client, world):
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))
    client.delete(f"{PERSONS}/{person['id']}", headers=staff)

    assert_problem(client.get(_url(person), headers=staff), 404, "not_found")
    assert_problem(
        client.post(
            _url(person), json=_consent(given_by="self", guardian_name=None), headers=staff
        ),
        404,
        "not_found",
    )
