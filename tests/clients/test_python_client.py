"""End to end through the generated Python client (clients/python, docs/clients.md): the
service runs as a real server (uvicorn, its own process, on the test's database) and the
test is written as an app developer would write it, with the client's functions and
models only: sign in, register persons under ids the phone chose, page a list with the
cursor, lose a race (412 on a stale If-Match) and show a 422's field errors."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from liushou_client import AuthenticatedClient, Client
from liushou_client.api.auth import get_me, issue_token
from liushou_client.api.changes import list_changes
from liushou_client.api.persons import get_person, list_persons, put_person, update_person
from liushou_client.models import (
    IssueTokenForm,
    Me,
    PersonCreate,
    PersonPage,
    PersonRead,
    PersonUpdate,
    Problem,
    Role,
    TokenResponse,
)
from liushou_client.types import UNSET, Unset

from liushou.db import Database
from tests.changes.feed_helpers import settled
from tests.factories import PASSWORD
from tests.live_server import serving
from tests.registry.factories import new_phone, woman_body


@pytest.fixture
def server(world: Any, database_url: str, tmp_path: Path) -> Iterator[str]:
    """The world's users and regions, served by a real server."""
    with serving(database_url, tmp_path) as base:
        yield base


def sign_in(base: str, username: str) -> AuthenticatedClient:
    token = issue_token.sync(
        client=Client(base_url=base),
        body=IssueTokenForm(grant_type="password", username=username, password=PASSWORD),
    )
    assert isinstance(token, TokenResponse), token
    return AuthenticatedClient(base_url=base, token=token.access_token)


def test_sign_in_and_a_wrong_password(server: str) -> None:
    api = sign_in(server, "u_staff")
    me = get_me.sync(client=api)
    assert isinstance(me, Me)
    assert me.username == "u_staff" and me.role == Role.STREET_STAFF
    refused = issue_token.sync_detailed(
        client=Client(base_url=server),
        body=IssueTokenForm(grant_type="password", username="u_staff", password="wrong"),
    )
    assert refused.status_code == 400
    assert isinstance(refused.parsed, Problem) and refused.parsed.code == "invalid_grant"


def test_register_page_and_lose_a_race(server: str, world: Any) -> None:
    api = sign_in(server, "u_staff")
    village = world.village.id

    # Ids chosen by the phone: PUT creates (201), the same PUT again replaces (200).
    ids = [uuid.uuid4() for _ in range(5)]
    bodies = [PersonCreate.from_dict(woman_body(village, name=f"王秀英{n}")) for n in range(5)]
    for person_id, body in zip(ids, bodies, strict=True):
        created = put_person.sync_detailed(person_id, client=api, body=body)
        assert created.status_code == 201, created.content
        assert isinstance(created.parsed, PersonRead) and created.parsed.id == person_id
        assert created.headers["ETag"] == f'"{created.parsed.version}"'
    # The phone did not hear the answer and sends the same PUT again.
    replayed = put_person.sync_detailed(ids[0], client=api, body=bodies[0])
    assert replayed.status_code == 200 and isinstance(replayed.parsed, PersonRead)
    assert replayed.parsed.id == ids[0] and replayed.parsed.name == "王秀英0"

    # The village's list, two at a time, following next_cursor to the end.
    seen: list[uuid.UUID] = []
    cursor: str | Unset = UNSET
    pages = 0
    while True:
        page = list_persons.sync(client=api, region_id=village, limit=2, cursor=cursor)
        assert isinstance(page, PersonPage), page
        pages += 1
        seen += [person.id for person in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert pages == 3 and len(seen) == len(set(seen))
    assert set(seen) == set(ids)

    # Two phones read the same version; the second write carries a stale If-Match.
    read = get_person.sync_detailed(ids[1], client=api)
    assert isinstance(read.parsed, PersonRead)
    etag = read.headers["ETag"]
    first = update_person.sync_detailed(
        ids[1], client=api, body=PersonUpdate(phone=new_phone()), if_match=etag
    )
    assert first.status_code == 200 and isinstance(first.parsed, PersonRead)
    late = update_person.sync_detailed(
        ids[1], client=api, body=PersonUpdate(name="迟到的改名"), if_match=etag
    )
    assert late.status_code == 412
    assert isinstance(late.parsed, Problem) and late.parsed.code == "precondition_failed"
    current = get_person.sync(ids[1], client=api)
    assert isinstance(current, PersonRead)
    assert current.name == "王秀英1" and current.version == first.parsed.version
    # The loser reads again and retries with the fresh ETag.
    retried = update_person.sync_detailed(
        ids[1], client=api, body=PersonUpdate(name="王秀英"), if_match=first.headers["ETag"]
    )
    assert retried.status_code == 200 and isinstance(retried.parsed, PersonRead)
    assert retried.parsed.name == "王秀英"


def test_a_422_names_the_field_in_english_when_asked(server: str, world: Any) -> None:
    api = sign_in(server, "u_staff").with_headers({"Accept-Language": "en"})
    body = woman_body(world.village.id, id_number="370871199001011230")
    refused = put_person.sync_detailed(uuid.uuid4(), client=api, body=PersonCreate.from_dict(body))
    assert refused.status_code == 422
    problem = refused.parsed
    assert isinstance(problem, Problem), refused.content
    assert problem.code == "id_number_checksum" and problem.status == 422
    assert problem.title == "Invalid ID number check character"
    assert isinstance(problem.errors, list)
    assert [(e.loc, e.code) for e in problem.errors] == [
        (["body", "id_number"], "id_number_checksum")
    ]


# --- The change feed ------------------------------------------------------------------
# A phone follows the feed from the start, then resumes from next_cursor and sees only what
# came after.


def test_follow_the_change_feed(server: str, world: Any, db: Database) -> None:
    api = sign_in(server, "u_staff")
    person_id = uuid.uuid4()
    body = PersonCreate.from_dict(woman_body(world.village.id))
    assert put_person.sync_detailed(person_id, client=api, body=body).status_code == 201
    # On PostgreSQL the feed shows a change once every older transaction on the server has
    # ended (docs/changes.md, "Order"): other test workers' transactions hold it back.
    settled(db)
    feed = list_changes.sync(client=api)
    assert [(c.resource_type, c.id) for c in feed.items] == [("person", person_id)]
    update_person.sync(person_id, client=api, body=PersonUpdate(phone=new_phone()))
    settled(db)
    later = list_changes.sync(client=api, after=feed.next_cursor)
    assert [(c.op, c.id, c.version) for c in later.items] == [("upsert", person_id, 2)]
