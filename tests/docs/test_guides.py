"""The two integration guides run as written: docs/sync.md (the mobile developer's) and
docs/partners.md (a partner system's).

Each guide's ```python blocks follow an HTML comment that names them
(``<!-- example: name -->``); this test runs them in order, in one namespace per guide,
against the service started as a real server (tests/live_server.py) on the test's
database, with the names the guide's settings block tells the reader to set (``BASE_URL``,
``USERNAME``, ``PASSWORD``, ``CLIENT_ID``, ``CLIENT_SECRET``, …) given the test world's
values. The examples' own asserts are the checks: a broken example fails here, with a
traceback pointing at its line in the guide.
"""

from __future__ import annotations

import ast
import asyncio
import base64
import json
import re
import socketserver
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from standardwebhooks import Webhook

from liushou.db import Database
from liushou.webhooks.sender import deliver_due
from tests import factories
from tests.changes.feed_helpers import settled
from tests.live_server import serving
from tests.referrals.helpers import create_person, referred

DOCS = Path(__file__).parents[2] / "docs"
MARKER = re.compile(
    r"^<!-- (?P<kind>example|settings): ?(?P<name>[a-z0-9-]*) -->\n```python\n",
    re.M,
)
FENCE = re.compile(r"^```python\n", re.M)


@dataclass
class Block:
    kind: str  # "example" or "settings"
    name: str
    code: str
    line: int  # the first line of the code in the guide, 1-based


def blocks(guide: Path) -> list[Block]:
    """The marked python blocks of ``guide``, in order; every python block is marked."""
    text = guide.read_text(encoding="utf-8")
    found = []
    for match in MARKER.finditer(text):
        end = text.index("\n```\n", match.end())
        found.append(
            Block(
                kind=match["kind"],
                name=match["name"],
                code=text[match.end() : end + 1],
                line=text.count("\n", 0, match.end()) + 1,
            )
        )
    assert len(found) == len(FENCE.findall(text)), f"{guide.name}: a python block has no marker"
    names = [b.name for b in found if b.kind == "example"]
    assert len(names) == len(set(names)), f"{guide.name}: two examples share a name"
    return found


def settings_names(block: Block) -> set[str]:
    """The names the settings block tells the reader to set."""
    tree = ast.parse(block.code)
    return {
        t.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Name)
    }


def run_guide(
    guide: Path,
    namespace: dict[str, Any],
    *,
    before: dict[str, Callable[[], None]] | None = None,
) -> list[str]:
    """Run ``guide``'s examples in ``namespace``; returns the names of those that ran."""
    found = blocks(guide)
    settings = [b for b in found if b.kind == "settings"]
    assert len(settings) == 1, f"{guide.name}: one settings block"
    given = {name for name in namespace if name.isupper()}
    assert settings_names(settings[0]) == given, "the settings block names what the test sets"
    ran: list[str] = []
    for block in (b for b in found if b.kind == "example"):
        # Blank lines in front: a traceback names the guide's own line numbers.
        code = compile("\n" * (block.line - 1) + block.code, str(guide), "exec")
        if before and block.name in before:
            before[block.name]()
        exec(code, namespace)  # noqa: S102 - the guide's own examples, as a reader runs them
        ran.append(block.name)
    return ran


@pytest.fixture
def namespace() -> Iterator[dict[str, Any]]:
    """The namespace a guide runs in; what its examples left open is closed after the test
    (the httpx clients, the webhook receiver's server and its thread)."""
    names: dict[str, Any] = {}
    yield names
    for value in names.values():
        if isinstance(value, socketserver.BaseServer):
            value.shutdown()
            value.server_close()
        elif isinstance(value, httpx.Client):
            value.close()


@pytest.fixture
def server(world: Any, database_url: str, tmp_path: Path) -> Iterator[str]:
    with serving(database_url, tmp_path) as base:
        yield base


# --- the mobile guide ------------------------------------------------------------------


def test_the_mobile_guide_runs(
    server: str,
    world: Any,
    db: Database,
    app: FastAPI,
    client: Any,
    namespace: dict[str, Any],
) -> None:
    namespace |= {
        "BASE_URL": server,
        "USERNAME": world.users["staff"].username,
        "PASSWORD": factories.PASSWORD,
    }
    ran = run_guide(
        DOCS / "sync.md",
        namespace,
        # On PostgreSQL the feed shows a change once every older transaction on the server
        # has ended (docs/changes.md, "Order"): other test workers' transactions hold it back.
        before={name: lambda: settled(db) for name in ("feed-from-the-start", "feed-resume")},
    )
    assert ran == [
        "sign-in",
        "put-with-an-offline-id",
        "post-with-an-idempotency-key",
        "patch-with-if-match",
        "batch",
        "feed-from-the-start",
        "a-later-write",
        "feed-resume",
    ]
    # What the examples did is what the service holds: the elder at the version the
    # phone applied last from the feed.
    person_id = namespace["person_id"]
    stored = client.get(f"/api/v1/persons/{person_id}", headers=world.as_("staff"))
    assert stored.status_code == 200
    assert stored.json()["version"] == namespace["held"][person_id]["version"]


# --- the partner guide -----------------------------------------------------------------


def test_the_partner_guide_runs(
    server: str,
    world: Any,
    db: Database,
    app: FastAPI,
    client: Any,
    namespace: dict[str, Any],
) -> None:
    staff = world.as_("staff")
    # Two reports addressed to the police station (the partner client's organization) and
    # one to the women's federation, which the police must never see.
    child = create_person(client, staff, world.village)
    elder = create_person(client, staff, world.community, "elder", name="张桂兰")
    mine = [
        referred(client, staff, child, world.police, urgency="urgent"),
        referred(client, staff, elder, world.police),
    ]
    other = create_person(client, world.as_("admin"), world.other_village, "woman", name="刘翠")
    other_referral = referred(
        client, world.as_("admin"), other, world.womens_federation, type="dv_report"
    )
    namespace |= {
        "BASE_URL": server,
        "CLIENT_ID": world.partner.client_id,
        "CLIENT_SECRET": factories.CLIENT_SECRET,
        "RECEIVER_URL": "http://127.0.0.1:8765/liushou/webhooks",
    }
    ran = run_guide(
        DOCS / "partners.md",
        namespace,
        before={"follow-the-feed": lambda: settled(db)},
    )
    assert {
        "token",
        "list",
        "move",
        "follow-the-feed",
        "problems",
        "subscribe",
        "receiver",
        "try-it",
    } <= set(ran)
    listed = {r["id"] for r in namespace["referrals"]}
    assert listed == {r["id"] for r in mine} and other_referral["id"] not in listed
    assert other_referral["id"] not in namespace["mine"]  # nor in its feed
    # Another organization's referral is a 404 to the guide's client, as the guide says.
    other_read = namespace["call"]("GET", f"/referrals/{other_referral['id']}")
    assert other_read.status_code == 404 and other_read.json()["code"] == "not_found"

    # The receiver as the service will call it: a delivery signed with the subscription's
    # secret is verified, and the referral fetched with the partner's own token.
    receiver = namespace["receiver_url"]
    fetched_before = len(namespace["received"])
    payload = json.dumps(
        {
            "type": "referral.updated",
            "timestamp": datetime.now(UTC).isoformat(),
            "data": {"id": mine[1]["id"], "resource_type": "referral", "version": 1},
        }
    )
    msg_id = f"msg_{uuid.uuid4().hex}"
    now = datetime.now(UTC)
    signed = {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(namespace["SECRET"]).sign(msg_id, now, payload),
        "content-type": "application/json",
    }
    assert httpx.post(receiver, content=payload, headers=signed).status_code == 204
    assert [r["id"] for r in namespace["received"][fetched_before:]] == [mine[1]["id"]]
    # The same delivery again (at-least-once): acknowledged, not fetched twice.
    assert httpx.post(receiver, content=payload, headers=signed).status_code == 204
    assert len(namespace["received"]) == fetched_before + 1
    # Signed with another secret, or altered on the way: refused, nothing fetched.
    forged = {**signed, "webhook-id": f"msg_{uuid.uuid4().hex}"}
    forged["webhook-signature"] = Webhook(base64.b64encode(b"x" * 32).decode()).sign(
        forged["webhook-id"], now, payload
    )
    assert httpx.post(receiver, content=payload, headers=forged).status_code == 400
    altered = payload.replace('"version": 1', '"version": 9')
    assert httpx.post(receiver, content=altered, headers=signed).status_code == 400
    assert len(namespace["received"]) == fetched_before + 1

    # And the real thing: the guide's subscription pointed at the guide's receiver, a new
    # referral to the police, and the service's own sender delivers it; the receiver
    # verifies liushou's signature with the secret the subscription answer gave.
    subscription = namespace["subscription"]
    moved = namespace["call"](
        "PATCH", f"/webhook-subscriptions/{subscription['id']}", json={"url": receiver}
    )
    assert moved.status_code == 200, moved.text
    fresh = referred(client, staff, elder, world.police, type="mandatory_report")
    deadline = time.monotonic() + 30
    while fresh["id"] not in [r["id"] for r in namespace["received"]]:
        assert time.monotonic() < deadline, "the service's delivery never reached the receiver"
        asyncio.run(deliver_due(app.state.db, app.state.personal_data, app.state.settings))
        time.sleep(0.1)
    assert namespace["received"][-1]["id"] == fresh["id"]
