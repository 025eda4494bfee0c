"""POST /sync/batch: each item runs as if sent alone, in order; verdicts per item."""

from __future__ import annotations

import pytest

from liushou.tables import distribution_t
from tests.conftest import new_id
from tests.registry.factories import PERSONS, assert_problem, child_body, count, create
from tests.services.wishes_helpers import DISTRIBUTIONS, audit_rows, distribution_body, table_rows
from tests.sync.batch_helpers import BATCH, item, run


def test_puts_create_then_replace_each_in_its_own_transaction(client, world, db):
    staff = world.as_("staff")
    ids = [new_id() for _ in range(3)]
    created = run(
        client,
        staff,
        *[item("PUT", f"{DISTRIBUTIONS}/{i}", distribution_body(world.village)) for i in ids],
    )
    assert [r["status"] for r in created] == [201, 201, 201]
    assert [r["outcome"] for r in created] == ["applied"] * 3
    assert [r["body"]["id"] for r in created] == ids
    assert [r["etag"] for r in created] == ['"1"'] * 3
    # What the batch answered is what a GET answers now.
    for result in created:
        got = client.get(f"{DISTRIBUTIONS}/{result['body']['id']}", headers=staff)
        assert got.json() == result["body"]
    # Audited as the single route audits: one event a write.
    assert len(audit_rows(db, action="distribution.create")) == 3

    again = run(
        client,
        staff,
        item("PUT", f"{DISTRIBUTIONS}/{ids[0]}", distribution_body(world.village, quantity=5)),
    )
    assert again[0]["status"] == 200 and again[0]["etag"] == '"2"'
    assert again[0]["body"]["quantity"] == 5
    assert len(table_rows(db, distribution_t)) == 3


def test_one_failure_does_not_stop_the_others_and_order_holds(client, world, db):
    staff = world.as_("staff")
    first, third = new_id(), new_id()
    results = run(
        client,
        staff,
        item("PUT", f"{DISTRIBUTIONS}/{first}", distribution_body(world.village)),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village, quantity=0)),
        item("PUT", f"{DISTRIBUTIONS}/{third}", distribution_body(world.village)),
        # Refers to the first item's row: runs after it, so it finds it.
        item("PATCH", f"{DISTRIBUTIONS}/{first}", {"quantity": 7}, if_match='"1"'),
        item("DELETE", f"{DISTRIBUTIONS}/{third}"),
    )
    assert [(r["status"], r["outcome"]) for r in results] == [
        (201, "applied"),
        (422, "rejected"),
        (201, "applied"),
        (200, "applied"),
        (204, "applied"),
    ]
    problem = results[1]["body"]
    assert problem["code"] == "validation_error" and problem["status"] == 422
    assert problem["errors"][0]["loc"] == ["body", "quantity"]
    assert "etag" not in results[1]
    assert results[3]["body"]["quantity"] == 7 and results[3]["etag"] == '"2"'
    assert results[4]["body"] is None and "etag" not in results[4]
    assert client.get(f"{DISTRIBUTIONS}/{third}", headers=staff).status_code == 404
    assert len(table_rows(db, distribution_t)) == 2  # the refused item wrote nothing


def test_a_stale_if_match_is_a_conflict_with_the_current_resource(client, world):
    staff = world.as_("staff")
    row_id = new_id()
    run(client, staff, item("PUT", f"{DISTRIBUTIONS}/{row_id}", distribution_body(world.village)))
    changed = client.patch(
        f"{DISTRIBUTIONS}/{row_id}", json={"quantity": 9}, headers={**staff, "If-Match": '"1"'}
    )
    assert changed.status_code == 200
    # The bare version a phone keeps ("1") means the ETag "1".
    results = run(
        client,
        staff,
        item("PATCH", f"{DISTRIBUTIONS}/{row_id}", {"quantity": 3}, if_match="1"),
        item("DELETE", f"{DISTRIBUTIONS}/{row_id}", if_match='"1"'),
        item("PATCH", f"{DISTRIBUTIONS}/{row_id}", {"quantity": 4}, if_match="2"),
    )
    for result in results[:2]:
        assert result["status"] == 412 and result["outcome"] == "conflict"
        assert result["body"] == changed.json()  # the current resource, not a problem
        assert result["etag"] == '"2"'
    assert results[2]["outcome"] == "applied" and results[2]["etag"] == '"3"'
    assert results[2]["body"]["quantity"] == 4


def test_a_conflict_on_an_action_shows_the_resource_it_acts_on(client, world):
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village))
    exit_body = {"exited_on": person["left_behind_since"], "exit_reason": "parents_returned"}
    [result] = run(
        client, staff, item("POST", f"{PERSONS}/{person['id']}/exit", exit_body, if_match='"7"')
    )
    assert result["status"] == 412 and result["outcome"] == "conflict"
    current = client.get(f"{PERSONS}/{person['id']}", headers=staff)
    assert result["body"] == current.json()
    assert result["body"]["status"] == "active"
    assert result["etag"] == current.headers["ETag"]


def test_a_conflict_on_a_resource_the_caller_cannot_read_carries_the_412_problem(client, world):
    staff = world.as_("staff")
    [result] = run(
        client,
        staff,
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village), if_match="1"),
    )
    assert result["status"] == 412 and result["outcome"] == "conflict"
    assert result["body"]["code"] == "precondition_failed"


def test_scope_and_auth_are_the_single_routes(client, world, db):
    other = world.as_("other_staff")  # 柳行街道: 东营村 is outside its area
    row_id = new_id()
    run(
        client,
        world.as_("staff"),
        item("PUT", f"{DISTRIBUTIONS}/{row_id}", distribution_body(world.village)),
    )
    results = run(
        client,
        other,
        item("PATCH", f"{DISTRIBUTIONS}/{row_id}", {"quantity": 1}),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    assert [(r["status"], r["body"]["code"]) for r in results] == [
        (404, "not_found"),
        (422, "invalid_region"),
    ]
    # A partner holds no services scope: 403 on the item, as on the route.
    [refused] = run(
        client,
        world.as_("partner"),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    assert refused["status"] == 403 and refused["body"]["code"] == "insufficient_scope"
    assert len(table_rows(db, distribution_t)) == 1
    # The batch itself needs a token.
    response = client.post(BATCH, json={"items": [item("DELETE", f"{DISTRIBUTIONS}/{row_id}")]})
    assert_problem(response, 401, "unauthorized")


def test_a_replayed_batch_creates_nothing_twice(client, world, db):
    staff = world.as_("staff")
    put_id = new_id()
    items = [
        item("POST", DISTRIBUTIONS, distribution_body(world.village), idempotency_key="k-1"),
        item("POST", PERSONS, child_body(world.village), idempotency_key='"k-2"'),
        item("PUT", f"{DISTRIBUTIONS}/{put_id}", distribution_body(world.village)),
    ]
    first = run(client, staff, *items)
    assert [r["status"] for r in first] == [201, 201, 201]
    second = run(client, staff, *items)
    assert [r["status"] for r in second] == [201, 201, 200]
    assert [r["body"]["id"] for r in second] == [r["body"]["id"] for r in first]
    assert second[0]["body"] == first[0]["body"] and second[1]["body"] == first[1]["body"]
    assert len(table_rows(db, distribution_t)) == 2
    assert count(db, "person") == 1
    # The same key with another body is refused on that item only.
    changed = item("POST", DISTRIBUTIONS, distribution_body(world.village, quantity=3))
    [reused] = run(client, staff, {**changed, "idempotency_key": "k-1"})
    assert reused["status"] == 422 and reused["body"]["code"] == "idempotency_key_reused"


def test_a_key_used_in_a_batch_replays_for_the_same_item_sent_alone(client, world, db):
    staff = world.as_("staff")
    body = distribution_body(world.village)
    [result] = run(client, staff, item("POST", DISTRIBUTIONS, body, idempotency_key="same"))
    # The batch sends the body as compact UTF-8 JSON; the same bytes alone are a replay.
    raw = __import__("json").dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    alone = client.post(
        DISTRIBUTIONS,
        content=raw,
        headers={**staff, "Idempotency-Key": "same", "Content-Type": "application/json"},
    )
    assert alone.status_code == 201 and alone.headers["Idempotent-Replayed"] == "true"
    assert alone.json() == result["body"]
    assert len(table_rows(db, distribution_t)) == 1


@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/api/v1/distributions",
        "//evil.example/api/v1/distributions",
        "http:/api/v1/distributions",
        "/api/v2/distributions",
        "/healthz",
        "/api/v1",
        "/api/v1/",
        "api/v1/distributions",
        "/api/v1/../healthz",
        "/api/v1/distributions/../regions",
        "/api/v1/distributions/%2e%2e/regions",
        "/api/v1/./distributions",
        "/api/v1//distributions",
        "/api/v1/distributions/",
        "/api/v1/sync/batch",
        "/api/v1/sync%2Fbatch",
        "/api/v1/sync/batch?x=1",
        "/api/v1/distributions#x",
        "/api/v1/distri butions",
        "/api/v1/distributions\\x",
        "/api/v1/distributions/%00",
        "/api/v1/区划",
        "",
    ],
)
def test_a_path_the_batch_refuses_is_rejected_and_nothing_runs(client, world, db, path):
    staff = world.as_("staff")
    results = run(
        client,
        staff,
        item("POST", path, distribution_body(world.village)),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    refused = results[0]
    assert refused["status"] == 422 and refused["outcome"] == "rejected"
    assert refused["body"]["code"] == "invalid_batch_path"
    assert refused["body"]["errors"][0]["loc"] == ["body", "items", 0, "path"]
    assert results[1]["outcome"] == "applied"
    assert len(table_rows(db, distribution_t)) == 1


def test_an_unknown_path_or_method_is_the_routes_answer(client, world):
    staff = world.as_("staff")
    results = run(
        client,
        staff,
        item("POST", f"{DISTRIBUTIONS}/{new_id()}", {}),
        item("DELETE", f"{DISTRIBUTIONS}/not-a-uuid"),
        item("PUT", "/api/v1/no-such-thing/1", {}),
        item("PATCH", f"{DISTRIBUTIONS}/{new_id()}"),
    )
    assert [(r["status"], r["body"]["code"]) for r in results] == [
        (405, "method_not_allowed"),
        (422, "validation_error"),
        (404, "not_found"),
        (422, "validation_error"),  # no body, as a PATCH without one
    ]


def test_problems_follow_the_callers_language(client, world):
    headers = {**world.as_("staff"), "Accept-Language": "en"}
    results = run(
        client,
        headers,
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village, quantity=0)),
        item("PUT", "/elsewhere", {}),
    )
    assert results[0]["body"]["title"] == "Validation failed"
    assert results[1]["body"]["title"] == "Invalid batch item path"


def test_a_control_character_rejects_its_item_only(client, world, db):
    staff = world.as_("staff")
    results = run(
        client,
        staff,
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village, note="a\x00b")),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    assert results[0]["status"] == 422
    assert results[0]["body"]["errors"][0]["code"] == "control_character"
    assert results[1]["outcome"] == "applied"


def test_the_batch_itself_is_validated_before_anything_runs(client, world, db):
    staff = world.as_("staff")
    one = item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village))
    too_many = client.post(BATCH, json={"items": [one] * 101}, headers=staff)
    problem = assert_problem(too_many, 422, "batch_too_large")
    assert problem["errors"][0]["loc"] == ["body", "items"]
    hundred = [
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village))
        for _ in range(100)
    ]
    assert client.post(BATCH, json={"items": hundred}, headers=staff).status_code == 200
    assert len(table_rows(db, distribution_t)) == 100
    for bad in (
        {"items": []},
        {},
        {"items": [{**one, "method": "GET"}]},
        {"items": [{**one, "method": "put"}]},
        {"items": [{**one, "extra": 1}]},
        {"items": [{**one, "if_match": "\u00e9"}]},
        {"items": [{**one, "body": [1, 2]}]},
        {"items": [{**one, "path": 5}]},
        {"items": [one], "more": True},
    ):
        response = client.post(BATCH, json=bad, headers=staff)
        assert_problem(response, 422, "validation_error")
    assert len(table_rows(db, distribution_t)) == 100
    not_json = client.post(BATCH, content=b"items", headers={**staff, "Content-Type": "text/plain"})
    assert_problem(not_json, 415, "unsupported_media_type")


def test_each_item_is_a_request_of_its_own_in_the_metrics(client, world):
    staff = world.as_("staff")
    run(
        client,
        staff,
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    metrics = client.get("/metrics").text
    put_lines = [
        line
        for line in metrics.splitlines()
        if line.startswith("http_requests_total")
        and 'method="PUT"' in line
        and "/api/v1/distributions/{distribution_id}" in line
    ]
    assert put_lines and put_lines[0].rstrip().endswith(" 2.0"), put_lines


def test_an_item_that_fails_inside_is_rejected_with_its_500_and_the_next_runs(app, client, world):
    """No route should fail so; if one does, the item says so and the batch goes on."""

    def broken() -> None:
        raise RuntimeError("a bug")

    app.router.add_api_route("/api/v1/test-broken", broken, methods=["PUT"])
    staff = world.as_("staff")
    results = run(
        client,
        staff,
        item("PUT", "/api/v1/test-broken", {}),
        item("PUT", f"{DISTRIBUTIONS}/{new_id()}", distribution_body(world.village)),
    )
    assert results[0]["status"] == 500 and results[0]["outcome"] == "rejected"
    assert results[0]["body"]["code"] == "internal_error"
    assert "a bug" not in str(results[0]["body"])
    assert results[1]["outcome"] == "applied"
