"""The two coverage rules hold under concurrent writes (docs/legal.md, "Two contracts at
the same moment").

On PostgreSQL, with two real connections: checking alone is not enough (two transactions
that both check before either commits both pass, and together break the rule), and with
the service's locks the second waits for the first to commit, then sees its contract and
is refused. SQLite serialises every writer from BEGIN IMMEDIATE, so these run on
PostgreSQL only.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import date
from typing import Any

import pytest

from liushou.errors import Conflict
from liushou.legal import contracts_service as service
from liushou.legal.contracts_schemas import ContractCreate
from liushou.legal.coverage import last_day
from liushou.legal.models import LegalContract, LegalContractVillage
from tests.guardianship.helpers import postgres_only
from tests.legal.legal_helpers import (
    contract_body,
    create_advisor,
    create_contract,
    day,
    live_contracts,
    make_firm,
    make_villages,
    post_contract,
)


@pytest.fixture
def parties(app, client, world, db):
    staff = world.as_("staff")
    firm = make_firm(db, world.county)
    principal = db.run_in_session(lambda s: app.state.auth.user_principal(s, world.users["staff"]))
    return {
        "staff": staff,
        "firm": firm,
        "principal": principal,
        "settings": app.state.settings,
        "advisors": [create_advisor(client, staff, firm) for _ in range(2)],
        "villages": make_villages(db, world.huangtun, 6),
    }


def _in_two_threads(*steps: Any) -> list[BaseException]:
    errors: list[BaseException] = []

    def run(step: Any) -> None:
        try:
            step()
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return errors


def _unlocked_write(db, p, advisor: dict, villages: list, barrier: threading.Barrier) -> None:
    """Check the rules, wait until the other transaction has checked too, then write: what
    a service without the locks would do."""
    starts_on, ends_on = day(0), day(99)
    region_ids = sorted(v.id for v in villages)
    with db.session() as session:
        service.check_rules(
            session,
            p["settings"],
            None,
            uuid.UUID(advisor["id"]),
            region_ids,
            starts_on,
            last_day(ends_on, None),
        )
        barrier.wait(10)
        contract = LegalContract(
            law_firm_id=p["firm"].id,
            advisor_id=uuid.UUID(advisor["id"]),
            starts_on=starts_on,
            ends_on=ends_on,
            last_day=last_day(ends_on, None),
            created_by="test",
        )
        session.add(contract)
        session.flush()
        for village in villages:
            session.add(
                LegalContractVillage(
                    contract_id=contract.id, region_id=village.id, region_path=village.path
                )
            )
        session.commit()


def _covering(db, village_id: uuid.UUID, on: date) -> int:
    contracts = {c["id"] for c in live_contracts(db) if c["starts_on"] <= on <= c["last_day"]}
    import sqlalchemy as sa

    from liushou.tables import contract_village_t

    with db.engine.connect() as conn:
        rows = conn.execute(
            sa.select(contract_village_t.c.contract_id).where(
                contract_village_t.c.region_id == village_id
            )
        ).scalars()
        return len(set(rows) & contracts)


@postgres_only
def test_without_the_locks_two_writers_both_pass_the_village_check(db, parties):
    """The race the locks close: both check, neither sees the other, both commit."""
    village = parties["villages"][0]
    barrier = threading.Barrier(2)
    errors = _in_two_threads(
        *(
            (lambda a=advisor: _unlocked_write(db, parties, a, [village], barrier))
            for advisor in parties["advisors"]
        )
    )
    assert errors == []
    assert _covering(db, village.id, day(0)) == 2  # the rule is broken


@postgres_only
def test_without_the_locks_two_writers_both_pass_the_capacity_check(client, db, parties):
    advisor, v = parties["advisors"][0], parties["villages"]
    create_contract(client, parties["staff"], parties["firm"], advisor, v[:4], day(0), day(99))
    barrier = threading.Barrier(2)
    errors = _in_two_threads(
        lambda: _unlocked_write(db, parties, advisor, [v[4]], barrier),
        lambda: _unlocked_write(db, parties, advisor, [v[5]], barrier),
    )
    assert errors == []
    assert len(live_contracts(db)) == 3  # six villages on day 0: one over the limit


def _locked_race(db, p, first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """A creates its contract through the service and holds its transaction open; B
    starts meanwhile. Returns what B met and how long it waited."""
    a_wrote = threading.Event()
    outcome: dict[str, Any] = {}

    def create(body: dict[str, Any]) -> LegalContract:
        with db.session() as session:
            row = service.create_contract(
                session, p["settings"], p["principal"], ContractCreate.model_validate(body)
            )
            if not a_wrote.is_set():
                a_wrote.set()
                time.sleep(0.6)  # B is now blocked on a row A locked
            session.commit()
            return row

    def writer_a() -> None:
        try:
            outcome["a"] = create(first)
        finally:
            a_wrote.set()

    def writer_b() -> None:
        a_wrote.wait(10)
        started = time.monotonic()
        try:
            create(second)
        except Conflict as exc:
            outcome["b"] = exc
        outcome["waited"] = time.monotonic() - started

    assert _in_two_threads(writer_a, writer_b) == []
    return outcome


@postgres_only
def test_with_the_locks_the_second_writer_waits_and_meets_the_village_rule(db, parties):
    village = parties["villages"][0]
    first, second = (
        contract_body(parties["firm"], advisor, [village], day(0), day(99))
        for advisor in parties["advisors"]
    )
    outcome = _locked_race(db, parties, first, second)
    assert outcome["waited"] >= 0.4  # B really ran into A's lock on the village
    conflict = outcome["b"]
    assert conflict.code == "village_already_covered"
    assert conflict.extra["existing_id"] == str(outcome["a"].id)
    assert _covering(db, village.id, day(0)) == 1


@postgres_only
def test_with_the_locks_the_second_writer_waits_and_meets_the_capacity_rule(client, db, parties):
    advisor, v = parties["advisors"][0], parties["villages"]
    create_contract(client, parties["staff"], parties["firm"], advisor, v[:4], day(0), day(99))
    first = contract_body(parties["firm"], advisor, [v[4]], day(0), day(99))
    second = contract_body(parties["firm"], advisor, [v[5]], day(50), day(99))
    outcome = _locked_race(db, parties, first, second)
    assert outcome["waited"] >= 0.4  # on the advisor's row
    assert outcome["b"].code == "advisor_capacity_exceeded"
    assert len(live_contracts(db)) == 2


def _burst(requests: list[Any]) -> list[int]:
    barrier = threading.Barrier(len(requests))
    statuses: list[int] = []

    def send(request: Any) -> None:
        barrier.wait(10)
        statuses.append(request().status_code)

    threads = [threading.Thread(target=send, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return sorted(statuses)


@postgres_only
def test_many_concurrent_requests_for_one_village_leave_one_contract(client, world, db, parties):
    staff, firm = parties["staff"], parties["firm"]
    advisors = [create_advisor(client, staff, firm) for _ in range(6)]
    village = parties["villages"][0]
    statuses = _burst(
        [
            (lambda a=a: post_contract(client, staff, firm, a, [village], day(0), day(99)))
            for a in advisors
        ]
    )
    assert statuses == [201] + [409] * 5
    assert _covering(db, village.id, day(0)) == 1


@postgres_only
def test_many_concurrent_requests_for_one_advisor_stop_at_five(client, world, db, parties):
    staff, firm, advisor = parties["staff"], parties["firm"], parties["advisors"][0]
    statuses = _burst(
        [
            (lambda v=v: post_contract(client, staff, firm, advisor, [v], day(0), day(99)))
            for v in parties["villages"]
        ]
    )
    assert statuses == [201] * 5 + [409]
    assert len(live_contracts(db)) == 5
