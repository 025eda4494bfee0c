"""Dates at the ends of the calendar, through HTTP: every date and date-time the API takes
(query parameters and bodies, found in the OpenAPI document) is refused outside 1900-01-01 ..
2999-12-31 with a 422 whose ``errors`` carry ``date_out_of_range``, and never answers a
500, whatever the date (docs/dates.md)."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from liushou.clock import today
from tests.guardianship.helpers import (
    ASSIGNMENTS,
    VISITS,
    assigned,
    create_caretaker,
    visit_body,
)
from tests.legal.activity_helpers import LEGAL_ACTIVITIES, build_legal
from tests.legal.activity_helpers import activity_body as legal_activity_body
from tests.referrals.helpers import REFERRALS, consent, referral_body
from tests.registry.factories import (
    API,
    PERSONS,
    assert_problem,
    child_body,
    create,
    exit_,
    woman_body,
    years_ago,
)
from tests.registry.sheets import (
    EXPORT_CSV,
    EXPORT_XLSX,
    child_row,
    csv_bytes,
    errors_by_cell,
    upload,
    woman_row,
    xlsx_bytes,
)
from tests.services.records_helpers import RECORDS as SERVICE_RECORDS
from tests.services.records_helpers import record_body, recorded

OUT_OF_RANGE = ["0001-01-01", "0999-12-31", "1000-01-01", "1899-12-31", "3000-01-01", "9999-12-31"]
IMPOSSIBLE = ["2100-02-29", "2023-02-29"]  # no such day: a plain validation error
ACCEPTED = ["1900-01-01", "2024-02-29", "2999-12-31"]  # the rules may still refuse them

OUT_OF_RANGE_INSTANTS = [
    "0001-01-01T00:00:00+14:00",
    "1899-12-31T23:59:59Z",
    "3000-01-01T00:00:00Z",
    "9999-12-31T23:59:59-14:00",
    "9999-12-31T23:59:59Z",
]
ACCEPTED_INSTANTS = ["1900-01-01T00:00:00Z", "2999-12-31T23:59:59Z", "2999-12-31T23:59:59+14:00"]


def assert_out_of_range(response: httpx.Response, loc: list[Any]) -> None:
    body = assert_problem(response, 422, "validation_error")
    assert {"loc": loc, "code": "date_out_of_range"} in [
        {"loc": e["loc"], "code": e["code"]} for e in body["errors"]
    ], body


def assert_no_server_error(response: httpx.Response) -> None:
    # The client read the whole body: an export that broke off half-way raised already.
    assert response.status_code < 500, response.text


# --- the two requests of the report --------------------------------------------------------


def test_as_of_the_last_day_of_the_calendar_is_a_422(client, world):
    response = client.get(PERSONS, params={"as_of": "9999-12-31"}, headers=world.as_("staff"))

    assert_out_of_range(response, ["query", "as_of"])


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_XLSX])
def test_exports_as_of_the_last_day_of_the_calendar_are_a_422_not_a_broken_stream(
    client, world, url
):
    staff = world.as_("staff")
    create(client, staff, child_body(world.village))

    with client.stream("GET", url, params={"as_of": "9999-12-31"}, headers=staff) as response:
        response.read()

    assert_out_of_range(response, ["query", "as_of"])


def test_duplicate_candidates_born_before_the_year_1000_is_a_422(client, world):
    staff = world.as_("staff")
    create(client, staff, child_body(world.village))  # 张伟: a candidate by name

    response = client.get(
        f"{PERSONS}/duplicate-candidates",
        params={"name": "张伟", "birth_date": "0999-01-01"},
        headers=staff,
    )

    assert_out_of_range(response, ["query", "birth_date"])


def test_as_of_the_last_accepted_day_answers_with_the_register(client, world):
    # The end-of-day arithmetic holds at the top of the range.
    staff = world.as_("staff")
    person = create(client, staff, child_body(world.village, born=years_ago(3)))

    listed = client.get(PERSONS, params={"as_of": "2999-12-31"}, headers=staff)
    first = client.get(PERSONS, params={"as_of": "1900-01-01"}, headers=staff)
    with client.stream("GET", EXPORT_CSV, params={"as_of": "2999-12-31"}, headers=staff) as csv:
        csv.read()

    assert listed.status_code == 200, listed.text
    assert listed.json()["items"] == []  # a child of 3 is long past 16 by then
    assert first.json()["items"] == []
    assert csv.status_code == 200
    on_register = client.get(PERSONS, params={"as_of": str(today())}, headers=staff).json()
    assert [p["id"] for p in on_register["items"]] == [person["id"]]


def test_a_date_stored_before_the_range_existed_is_still_shown_and_matched(client, world, db):
    """Rows written before the range was enforced keep their dates: reads never refuse them,
    and the duplicate search compares them digit by digit like any other."""
    staff = world.as_("staff")
    person = create(client, staff, woman_body(world.village))
    stmt = sa.text("UPDATE person SET birth_date = :d WHERE id = :i").bindparams(
        sa.bindparam("d", type_=sa.Date), sa.bindparam("i", type_=sa.Uuid)
    )
    with db.engine.begin() as conn:
        conn.execute(stmt, {"d": date(999, 1, 1), "i": uuid.UUID(person["id"])})

    shown = client.get(f"{PERSONS}/{person['id']}", headers=staff)
    candidates = client.get(
        f"{PERSONS}/duplicate-candidates",
        params={"name": "张伟", "birth_date": "1999-01-01"},
        headers=staff,
    )

    assert shown.status_code == 200, shown.text
    assert shown.json()["birth_date"] == "0999-01-01"
    assert candidates.status_code == 200, candidates.text
    (match,) = candidates.json()["items"]
    assert match["reasons"] == ["same_name", "similar_birth_date"]


# --- every date input ----------------------------------------------------------------------


@dataclass
class Things:
    """One of each resource a date input needs, made through the API."""

    headers: dict[str, str]
    person: dict[str, Any]  # a child, with a primary contact and a visit
    woman: dict[str, Any]
    exited: dict[str, Any]
    caretaker: dict[str, Any]
    assignment: dict[str, Any]
    visit: dict[str, Any]
    consent: dict[str, Any]
    organization_id: str
    activity: dict[str, Any]
    service_record: dict[str, Any]
    legal_activity: dict[str, Any]
    webhook_subscription: dict[str, Any]

    def path(self, template: str, **ids: str) -> str:
        default = {
            "person_id": self.person["id"],
            "assignment_id": self.assignment["id"],
            "visit_id": self.visit["id"],
            "consent_id": self.consent["id"],
            "activity_id": self.activity["id"],
            "service_record_id": self.service_record["id"],
            "legal_activity_id": self.legal_activity["id"],
            "webhook_subscription_id": self.webhook_subscription["id"],
        }
        return template.format(**(default | ids))


@pytest.fixture
def things(client, world, db) -> Things:
    staff = world.as_("admin")  # may also read the audit log
    legal = build_legal(db, world)
    person = create(client, staff, child_body(world.village))
    caretaker = create_caretaker(client, staff, world.village)
    assignment = assigned(client, staff, person, caretaker)
    visit = client.post(
        VISITS, json=visit_body(person, caretaker_id=caretaker["id"]), headers=staff
    )
    assert visit.status_code == 201, visit.text
    return Things(
        headers=staff,
        person=person,
        woman=create(client, staff, woman_body(world.village)),
        exited=exit_(client, staff, create(client, staff, child_body(world.village)), today()),
        caretaker=caretaker,
        assignment=assignment,
        visit=visit.json(),
        consent=consent(client, staff, person, ["womens_federation"], given_by="guardian"),
        organization_id=str(world.womens_federation.id),
        activity=_created(client, staff, ACTIVITIES, _activity_of(str(world.village.id))),
        service_record=recorded(client, staff, person),
        legal_activity=_created(
            client, staff, LEGAL_ACTIVITIES, legal_activity_body(legal.advisor, world.village)
        ),
        webhook_subscription=_created(
            client,
            staff,
            "/api/v1/webhook-subscriptions",
            {"url": "http://127.0.0.1:9/hook", "events": ["person.created"]},
        ),
    )


@dataclass(frozen=True)
class DateInput:
    """A date the API takes: where it goes and how to send a request carrying ``value``."""

    method: str
    path: str  # as in the OpenAPI document
    where: str  # "query" or "body"
    field: str  # a query parameter, or a dotted path in the body
    base: Callable[[Things], dict[str, Any]] = lambda things: {}
    ids: Callable[[Things], dict[str, str]] = lambda things: {}  # path ids other than Things'
    if_match: bool = False  # a PATCH: send the resource's current ETag

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.method, self.path, self.where, self.field)

    @property
    def loc(self) -> list[str]:
        return [self.where, *self.field.split(".")]

    def send(self, client: httpx.Client, things: Things, value: str) -> httpx.Response:
        data = copy.deepcopy(self.base(things))
        url = things.path(self.path, **self.ids(things))
        headers = dict(things.headers)
        if self.if_match:
            headers["If-Match"] = client.get(url, headers=headers).headers["etag"]
        if self.where == "query":
            return client.request(
                self.method, url, params={**data, self.field: value}, headers=headers
            )
        *parents, name = self.field.split(".")
        target = data
        for part in parents:
            target = target.setdefault(part, {})
        target[name] = value
        return client.request(self.method, url, json=data, headers=headers)


def _person(things: Things) -> dict[str, Any]:
    # No ID number: the birth date stands alone and reaches the age rules.
    body = woman_body(things.person["region_id"], id_number=None, birth_date=str(years_ago(35)))
    return {**body, "sex": "female"}


def _assignment(things: Things) -> dict[str, Any]:
    return {
        "person_id": things.person["id"],
        "caretaker_id": things.caretaker["id"],
        "role": "tutor",
    }


def _visit(things: Things) -> dict[str, Any]:
    return {**visit_body(things.person), "caretaker_id": things.caretaker["id"]}


def _service_record(things: Things) -> dict[str, Any]:
    return record_body(things.person)


def _referral(things: Things) -> dict[str, Any]:
    return referral_body(things.person, things.organization_id)


def _consent(things: Things) -> dict[str, Any]:
    return {
        "given_by": "guardian",
        "guardian_name": "李奶奶",
        "recipients": ["womens_federation"],
        "purpose": "转介",
        "given_on": str(today() - timedelta(days=3)),
    }


def _activity_of(region_id: str) -> dict[str, Any]:
    return {
        "title": "健康讲座",
        "service_type": "health_consultation",
        "region_id": region_id,
        "held_on": str(today()),
    }


def _activity(things: Things) -> dict[str, Any]:
    return _activity_of(things.activity["region_id"])


def _created(client: httpx.Client, headers: dict[str, str], url: str, body: dict) -> dict:
    response = client.post(url, json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def _distribution(things: Things) -> dict[str, Any]:
    return {"region_id": things.person["region_id"], "item": "publicity_leaflet", "quantity": 1}


def _legal_activity(things: Things) -> dict[str, Any]:
    activity = things.legal_activity
    return legal_activity_body(activity["advisor_id"], activity["region_id"])


def fresh(name: str) -> Callable[[Things], dict[str, str]]:
    """A new id in the path: PUT creates the resource."""
    return lambda things: {name: str(uuid.uuid4())}


def the_exited_person(things: Things) -> dict[str, str]:
    return {"person_id": things.exited["id"]}


def _legal_contract(things: Things) -> dict[str, Any]:
    # No such firm: the dates are checked before the rules (which then answer 422).
    return {
        "law_firm_id": str(uuid.uuid4()),
        "advisor_id": str(uuid.uuid4()),
        "region_ids": [things.person["region_id"]],
        "starts_on": "2026-01-01",
        "ends_on": "2026-12-31",
    }


P = "/api/v1/persons"
ACTIVITIES = f"{API}/activities"
PERSON = P + "/{person_id}"
ASSIGNMENT = ASSIGNMENTS + "/{assignment_id}"


def _summary_region(things: Things) -> dict[str, Any]:
    return {"region_id": things.person["region_id"]}


VISIT = VISITS + "/{visit_id}"
WISH = f"{API}/wishes/{{wish_id}}"
DISTRIBUTIONS = f"{API}/distributions"
DISTRIBUTION = DISTRIBUTIONS + "/{distribution_id}"
SERVICE_RECORD = SERVICE_RECORDS + "/{service_record_id}"
LEGAL_ACTIVITY = LEGAL_ACTIVITIES + "/{legal_activity_id}"
LEGAL_CONTRACTS = f"{API}/legal-contracts"
LEGAL_CONTRACT = LEGAL_CONTRACTS + "/{legal_contract_id}"
SPOUSE_AWAY = "woman_profile.spouse_away_since"
DATE_INPUTS = [
    # query parameters
    DateInput("GET", P, "query", "as_of"),
    DateInput("GET", f"{API}/exports/persons.csv", "query", "as_of"),
    DateInput("GET", f"{API}/exports/persons.xlsx", "query", "as_of"),
    DateInput(
        "GET", f"{P}/duplicate-candidates", "query", "birth_date", lambda t: {"name": "张伟"}
    ),
    DateInput("GET", VISITS, "query", "from"),
    DateInput("GET", VISITS, "query", "to"),
    *(
        DateInput("GET", f"{API}/reports/summary{suffix}", "query", f, _summary_region)
        for suffix in ("", ".xlsx", ".csv", "/narrative")
        for f in ("from", "to")
    ),
    *(
        DateInput("GET", f"{API}/reports/legal-advisors", "query", f, _summary_region)
        for f in ("from", "to")
    ),
    DateInput("GET", SERVICE_RECORDS, "query", "from"),
    DateInput("GET", SERVICE_RECORDS, "query", "to"),
    # persons
    *(
        DateInput("POST", P, "body", f, _person)
        for f in ("birth_date", "left_behind_since", SPOUSE_AWAY)
    ),
    *(
        DateInput("PUT", PERSON, "body", f, _person, ids=fresh("person_id"))
        for f in ("birth_date", "left_behind_since", SPOUSE_AWAY)
    ),
    *(
        DateInput("PATCH", PERSON, "body", f, if_match=True)
        for f in ("birth_date", "left_behind_since")
    ),
    DateInput(
        "PATCH",
        PERSON,
        "body",
        SPOUSE_AWAY,
        ids=lambda t: {"person_id": t.woman["id"]},
        if_match=True,
    ),
    DateInput(
        "POST", PERSON + "/exit", "body", "exited_on", lambda t: {"exit_reason": "parents_returned"}
    ),
    DateInput("POST", PERSON + "/reactivate", "body", "left_behind_since", ids=the_exited_person),
    # consents
    *(
        DateInput("POST", PERSON + "/consents", "body", f, _consent)
        for f in ("given_on", "expires_on")
    ),
    DateInput("POST", PERSON + "/consents/{consent_id}/withdraw", "body", "withdrawn_on"),
    # assignments
    *(DateInput("POST", ASSIGNMENTS, "body", f, _assignment) for f in ("starts_on", "ends_on")),
    *(
        DateInput("PUT", ASSIGNMENT, "body", f, _assignment, ids=fresh("assignment_id"))
        for f in ("starts_on", "ends_on")
    ),
    DateInput(
        "PATCH", ASSIGNMENT, "body", "ends_on", lambda t: {"end_reason": "调岗"}, if_match=True
    ),
    # visits
    *(DateInput("POST", VISITS, "body", f, _visit) for f in ("visited_on", "next_visit_due")),
    *(
        DateInput("PUT", VISIT, "body", f, _visit, ids=fresh("visit_id"))
        for f in ("visited_on", "next_visit_due")
    ),
    *(
        DateInput("PATCH", VISIT, "body", f, if_match=True)
        for f in ("visited_on", "next_visit_due")
    ),
    # activities
    DateInput("GET", ACTIVITIES, "query", "from"),
    DateInput("GET", ACTIVITIES, "query", "to"),
    DateInput("POST", ACTIVITIES, "body", "held_on", _activity),
    DateInput(
        "PUT", ACTIVITIES + "/{activity_id}", "body", "held_on", _activity, ids=fresh("activity_id")
    ),
    DateInput("PATCH", ACTIVITIES + "/{activity_id}", "body", "held_on", if_match=True),
    # legal activities
    DateInput("GET", LEGAL_ACTIVITIES, "query", "from"),
    DateInput("GET", LEGAL_ACTIVITIES, "query", "to"),
    DateInput("POST", LEGAL_ACTIVITIES, "body", "held_on", _legal_activity),
    DateInput(
        "PUT",
        LEGAL_ACTIVITY,
        "body",
        "held_on",
        _legal_activity,
        ids=fresh("legal_activity_id"),
    ),
    DateInput("PATCH", LEGAL_ACTIVITY, "body", "held_on", if_match=True),
    # service records
    DateInput("POST", SERVICE_RECORDS, "body", "delivered_on", _service_record),
    DateInput(
        "PUT",
        SERVICE_RECORD,
        "body",
        "delivered_on",
        _service_record,
        ids=fresh("service_record_id"),
    ),
    DateInput("PATCH", SERVICE_RECORD, "body", "delivered_on", if_match=True),
    # referrals
    DateInput("POST", REFERRALS, "body", "due_on", _referral),
    DateInput(
        "PUT", REFERRALS + "/{referral_id}", "body", "due_on", _referral, ids=fresh("referral_id")
    ),
    # wishes (an unknown wish: the date is checked before the wish is looked up)
    DateInput(
        "POST",
        WISH + "/claim",
        "body",
        "claimed_on",
        lambda t: {"donor_name": "张先生"},
        ids=fresh("wish_id"),
    ),
    DateInput("POST", WISH + "/fulfil", "body", "fulfilled_on", ids=fresh("wish_id")),
    # distributions
    DateInput("GET", DISTRIBUTIONS, "query", "from"),
    DateInput("GET", DISTRIBUTIONS, "query", "to"),
    DateInput("POST", DISTRIBUTIONS, "body", "distributed_on", _distribution),
    DateInput(
        "PUT",
        DISTRIBUTION,
        "body",
        "distributed_on",
        _distribution,
        ids=fresh("distribution_id"),
    ),
    DateInput("PATCH", DISTRIBUTION, "body", "distributed_on", ids=fresh("distribution_id")),
    # legal contracts
    DateInput("GET", LEGAL_CONTRACTS, "query", "active_on"),
    *(
        DateInput("POST", LEGAL_CONTRACTS, "body", f, _legal_contract)
        for f in ("starts_on", "ends_on", "signed_on")
    ),
    *(
        DateInput(method, LEGAL_CONTRACT, "body", f, base, ids=fresh("legal_contract_id"))
        for method, base in (("PUT", _legal_contract), ("PATCH", lambda t: {}))
        for f in ("starts_on", "ends_on", "signed_on")
    ),
    DateInput(
        "POST",
        LEGAL_CONTRACT + "/terminate",
        "body",
        "terminated_on",
        ids=fresh("legal_contract_id"),
    ),
    *(
        DateInput("POST", LEGAL_CONTRACT + "/renew", "body", f, ids=fresh("legal_contract_id"))
        for f in ("ends_on", "signed_on")
    ),
]

LISTS = [
    "/api/v1/activities",
    "/api/v1/assignments",
    "/api/v1/audit-events",
    "/api/v1/caretakers",
    "/api/v1/distributions",
    "/api/v1/exports/persons.csv",
    "/api/v1/exports/persons.xlsx",
    "/api/v1/legal-activities",
    "/api/v1/legal-advisors",
    "/api/v1/legal-contracts",
    "/api/v1/organizations",
    "/api/v1/persons",
    "/api/v1/persons/{person_id}/consents",
    "/api/v1/persons/{person_id}/history",
    "/api/v1/referrals",
    "/api/v1/regions",
    "/api/v1/service-records",
    "/api/v1/service-types",
    "/api/v1/users",
    "/api/v1/visits",
    "/api/v1/webhook-subscriptions",
    "/api/v1/wishes",
]
INSTANT_INPUTS = [
    *(DateInput("GET", path, "query", "updated_since") for path in LISTS),
    DateInput(
        "GET",
        "/api/v1/webhook-subscriptions/{webhook_subscription_id}/deliveries",
        "query",
        "updated_since",
    ),
    DateInput("GET", "/api/v1/audit-events", "query", "from"),
    DateInput("GET", "/api/v1/audit-events", "query", "to"),
]


@pytest.fixture
def send(client, things) -> Callable[[DateInput, str], httpx.Response]:
    return lambda date_input, value: date_input.send(client, things, value)


@pytest.mark.parametrize("date_input", DATE_INPUTS, ids=lambda d: f"{d.method} {d.path} {d.field}")
def test_every_date_input_refuses_dates_out_of_range_and_never_fails(send, date_input):
    for value in OUT_OF_RANGE:
        assert_out_of_range(send(date_input, value), date_input.loc)
    for value in IMPOSSIBLE:
        body = assert_problem(send(date_input, value), 422, "validation_error")
        assert date_input.loc in [e["loc"] for e in body["errors"]], body
    for value in ACCEPTED:
        assert_no_server_error(send(date_input, value))


@pytest.mark.parametrize("date_input", INSTANT_INPUTS, ids=lambda d: f"{d.path} {d.field}")
def test_every_date_time_input_refuses_instants_out_of_range(send, date_input):
    for value in OUT_OF_RANGE_INSTANTS:
        assert_out_of_range(send(date_input, value), date_input.loc)
    for value in ACCEPTED_INSTANTS:
        response = send(date_input, value)
        assert response.status_code == 200, response.text


def _date_inputs_of(openapi: dict[str, Any]) -> dict[tuple[str, str, str, str], dict]:
    """Every date or date-time a request can carry, by (method, path, where, field)."""
    found: dict[tuple[str, str, str, str], dict] = {}

    def resolve(schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
        return schema

    def walk(schema: dict[str, Any], key: tuple[str, str, str], field: str) -> None:
        schema = resolve(schema)
        if schema.get("format") in ("date", "date-time"):
            found[(*key, field)] = schema
        for option in schema.get("anyOf", []):
            walk(option, key, field)
        for name, sub in schema.get("properties", {}).items():
            walk(sub, key, f"{field}.{name}" if field else name)
        if "items" in schema:
            walk(schema["items"], key, field)

    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                walk(
                    parameter["schema"], (method.upper(), path, parameter["in"]), parameter["name"]
                )
            for content in operation.get("requestBody", {}).get("content", {}).values():
                walk(content["schema"], (method.upper(), path, "body"), "")
    return found


def test_the_sweep_covers_every_date_input_and_each_uses_the_shared_range(app):
    """A new date parameter or body field must join the sweep above, and be typed with
    api.params.Day or Instant (which publish the range in the schema)."""
    inputs = _date_inputs_of(app.openapi())
    swept = {d.key for d in DATE_INPUTS + INSTANT_INPUTS}

    assert set(inputs) - swept == set()
    for key, schema in inputs.items():
        assert (schema.get("formatMinimum"), schema.get("formatMaximum")) in [
            ("1900-01-01", "2999-12-31"),
            ("1900-01-01T00:00:00Z", "2999-12-31T23:59:59.999999Z"),
        ], key


# --- spreadsheets --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0999-01-01", "1899-12-31", "3000-01-01", "9999-12-31"])
def test_an_imported_date_out_of_range_is_a_row_error(client, world, value):
    staff = world.as_("staff")
    rows = [
        child_row(world.village, 留守开始日期=value),
        woman_row(world.village, 配偶外出时间=value),
        woman_row(world.village, 身份证号="", 性别="女", 出生日期=value),
    ]

    response = upload(client, staff, csv_bytes(rows), dry_run=True)

    assert response.status_code == 200, response.text
    assert errors_by_cell(response.json()) == {
        (2, "留守开始日期"): "date_out_of_range",
        (3, "配偶外出时间"): "date_out_of_range",
        (4, "出生日期"): "date_out_of_range",
    }


def test_an_excel_date_cell_at_the_end_of_the_calendar_is_a_row_error(client, world):
    from datetime import datetime

    staff = world.as_("staff")
    row: dict[str, Any] = child_row(world.village)
    row["留守开始日期"] = datetime(9999, 12, 31)  # Excel's last date, as a date cell
    content = xlsx_bytes([row])

    checked = upload(client, staff, content, dry_run=True, filename="s.xlsx")
    written = upload(client, staff, content, dry_run=False, filename="s.xlsx")

    assert errors_by_cell(checked.json()) == {(2, "留守开始日期"): "date_out_of_range"}
    body = assert_problem(written, 422, written.json()["code"])
    assert errors_by_cell(body) == {(2, "留守开始日期"): "date_out_of_range"}
