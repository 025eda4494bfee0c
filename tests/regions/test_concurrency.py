"""ETag and If-Match: a write based on a stale read is refused (412) and changes nothing."""

from __future__ import annotations

import pytest

from tests.regions.helpers import (
    ORGANIZATIONS,
    REGIONS,
    assert_problem,
    audit_events,
    count,
    new_id,
    village_body,
)


def _bump_to_version_2(client, admin, url):
    response = client.patch(url, json={"name": "东营新村"}, headers=admin)
    assert response.status_code == 200 and response.headers["ETag"] == '"2"'


def test_stale_if_match_is_412_and_nothing_changes(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    _bump_to_version_2(client, admin, url)
    before = client.get(url, headers=admin).json()

    response = client.patch(url, json={"name": "过时的改名"}, headers={**admin, "If-Match": '"1"'})

    problem = assert_problem(response, 412, "precondition_failed")
    assert problem["current_version"] == 2
    after = client.get(url, headers=admin)
    assert after.json() == before
    assert after.headers["ETag"] == '"2"'
    assert [e["action"] for e in audit_events(client, admin, str(world.village.id))] == [
        "region.create",
        "region.update",
    ]


def test_current_if_match_succeeds(client, world):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    _bump_to_version_2(client, admin, url)
    etag = client.get(url, headers=admin).headers["ETag"]

    response = client.patch(url, json={"name": "东营三村"}, headers={**admin, "If-Match": etag})

    assert response.status_code == 200
    assert response.json()["version"] == 3 and response.headers["ETag"] == '"3"'


def test_lost_update_is_prevented(client, world):
    # Two clients read version 1; the second writer must not overwrite the first.
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    etag = client.get(url, headers=admin).headers["ETag"]

    first = client.patch(url, json={"name": "甲的改名"}, headers={**admin, "If-Match": etag})
    second = client.patch(url, json={"name": "乙的改名"}, headers={**admin, "If-Match": etag})

    assert first.status_code == 200
    assert_problem(second, 412, "precondition_failed")
    assert client.get(url, headers=admin).json()["name"] == "甲的改名"


@pytest.mark.parametrize("header", ["*", '"1", "2"', ' "2" ', 'W/"9", "2"'])
def test_if_match_star_and_lists(client, world, header):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    _bump_to_version_2(client, admin, url)

    response = client.patch(url, json={"name": "某村"}, headers={**admin, "If-Match": header})

    assert response.status_code == 200, response.text
    assert response.json()["version"] == 3


@pytest.mark.parametrize("header", ['W/"1"', "1", '"01"', '"x"', ""])
def test_weak_or_malformed_tags_never_match(client, world, header):
    # If-Match uses the strong comparison (RFC 9110 §13.1.1).
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"

    response = client.patch(url, json={"name": "某村"}, headers={**admin, "If-Match": header})

    assert_problem(response, 412, "precondition_failed")
    assert client.get(url, headers=admin).json()["version"] == 1


def test_if_match_on_delete(client, world, db):
    admin = world.as_("admin")
    url = f"{REGIONS}/{world.village.id}"
    _bump_to_version_2(client, admin, url)
    live = count(db, "region", live=True)

    assert_problem(
        client.delete(url, headers={**admin, "If-Match": '"1"'}), 412, "precondition_failed"
    )
    assert client.get(url, headers=admin).status_code == 200
    assert count(db, "region", live=True) == live

    assert client.delete(url, headers={**admin, "If-Match": '"2"'}).status_code == 204
    assert client.get(url, headers=admin).status_code == 404


def test_if_match_on_put(client, world, db):
    admin = world.as_("admin")
    url = f"{REGIONS}/{new_id()}"
    body = village_body(world.huangtun, 205)
    total = count(db, "region")

    # Nothing exists yet, so no tag (not even *) can match: nothing is created.
    for tag in ('"1"', "*"):
        assert_problem(
            client.put(url, json=body, headers={**admin, "If-Match": tag}),
            412,
            "precondition_failed",
        )
    assert count(db, "region") == total

    assert client.put(url, json=body, headers=admin).status_code == 201
    renamed = {**body, "name": "新名字"}
    assert_problem(
        client.put(url, json=renamed, headers={**admin, "If-Match": '"2"'}),
        412,
        "precondition_failed",
    )
    ok = client.put(url, json=renamed, headers={**admin, "If-Match": '"1"'})
    assert ok.status_code == 200 and ok.headers["ETag"] == '"2"'


def test_if_match_on_organizations(client, world):
    admin = world.as_("admin")
    url = f"{ORGANIZATIONS}/{world.police.id}"
    assert client.patch(url, json={"phone": "0537-1"}, headers=admin).status_code == 200

    stale = client.patch(url, json={"phone": "0537-2"}, headers={**admin, "If-Match": '"1"'})
    stale_delete = client.delete(url, headers={**admin, "If-Match": '"1"'})
    fresh = client.patch(url, json={"phone": "0537-3"}, headers={**admin, "If-Match": '"2"'})

    assert_problem(stale, 412, "precondition_failed")
    assert_problem(stale_delete, 412, "precondition_failed")
    assert fresh.status_code == 200 and fresh.json()["phone"] == "0537-3"
    assert fresh.headers["ETag"] == '"3"'


def test_if_match_on_a_missing_resource_is_404(client, world):
    response = client.patch(
        f"{REGIONS}/{new_id()}",
        json={"name": "x"},
        headers={**world.as_("admin"), "If-Match": '"1"'},
    )
    assert_problem(response, 404, "not_found")
