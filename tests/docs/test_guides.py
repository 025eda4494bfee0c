"""The two integration guides run as written: docs/sync.md (the mobile developer's) and
docs/partners.md (a partner system's).

Each guide's ```python blocks follow an HTML comment that names them
(``<!-- example: name -->``); this test runs them in order, in one namespace per guide,
against the service started as a real server (tests/live_server.py) on the test's
database, with the names the guide's settings block tells the reader to set (``BASE_URL``,
``USERNAME``, ``PASSWORD``, ``CLIENT_ID``, ``CLIENT_SECRET``, …) given the test world's
values. The examples' own asserts are the checks: a broken example fails here, with a
traceback pointing at its line in the guide.

A block marked ``<!-- example: name requires: METHOD /path -->`` runs only when the app's
OpenAPI document has that operation; otherwise it is a skipped subtest whose reason names
the missing route, and the test supplies what the block would have defined (the webhook
secret) so that the blocks after it still run.
"""

from __future__ import annotations

import ast
import base64
import json
import os
import re
import socketserver
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
from tests import factories
from tests.changes.feed_helpers import settled
from tests.live_server import serving
from tests.referrals.helpers import create_person, referred

DOCS = Path(__file__).parents[2] / "docs"
MARKER = re.compile(
    r"^<!-- (?P<kind>example|settings): ?(?P<name>[a-z0-9-]*)"
    r"(?: requires: (?P<method>[A-Z]+) (?P<path>\S+))? -->\n```python\n",
    re.M,
)
FENCE = re.compile(r"^```python\n", re.M)


@dataclass
class Block:
    kind: str  # "example" or "settings"
    name: str
    code: str
    line: int  # the first line of the code in the guide, 1-based
    requires: tuple[str, str] | None


def blocks(guide: Path) -> list[Block]:
    """The marked python blocks of ``guide``, in order; every python block is marked."""
    text = guide.read_text(encoding="utf-8")
    found = []
    for match in MARKER.finditer(text):
        end = text.index("\n```\n", match.end())
        method, path = match["method"], match["path"]
        found.append(
            Block(
                kind=match["kind"],
                name=match["name"],
                code=text[match.end() : end + 1],
                line=text.count("\n", 0, match.end()) + 1,
                requires=(method, path) if method else None,
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
    subtests: Any,
    operations: set[tuple[str, str]],
    *,
    before: dict[str, Callable[[], None]] | None = None,
    stand_ins: dict[str, Callable[[dict[str, Any]], None]] | None = None,
) -> list[str]:
    """Run ``guide``'s examples in ``namespace``; returns the names of those that ran."""
    found = blocks(guide)
    settings = [b for b in found if b.kind == "settings"]
    assert len(settings) == 1, f"{guide.name}: one settings block"
    given = {name for name in namespace if name.isupper()}
    assert settings_names(settings[0]) == given, "the settings block names what the test sets"
    ran: list[str] = []
    for block in (b for b in found if b.kind == "example"):
        # Blank lines in front: a traceback names the guide's own line numbers. Compiled
        # also when skipped, so a skipped block is at least valid Python.
        code = compile("\n" * (block.line - 1) + block.code, str(guide), "exec")
        if block.requires and (block.requires[0].lower(), block.requires[1]) not in operations:
            method, path = block.requires
            with subtests.test(example=block.name):
                (stand_ins or {})[block.name](namespace)
                pytest.skip(
                    f"{guide.name}, example {block.name!r}: {method} {path} is not in the"
                    " app's OpenAPI document: it runs once the route exists"
                )
            continue
        if before and block.name in before:
            before[block.name]()
        exec(code, namespace)  # noqa: S102 - the guide's own examples, as a reader runs them
        ran.append(block.name)
    return ran


def openapi_operations(app: FastAPI) -> set[tuple[str, str]]:
    paths: dict[str, dict[str, Any]] = app.openapi()["paths"]
    return {(method, path) for path, item in paths.items() for method in item}


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
    subtests: Any,
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
        subtests,
        openapi_operations(app),
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


def _new_webhook_secret(namespace: dict[str, Any]) -> None:
    """What the subscription example gives: a secret as the service makes them."""
    namespace["SECRET"] = "whsec_" + base64.b64encode(os.urandom(32)).decode()


def test_the_partner_guide_runs(
    server: str,
    world: Any,
    db: Database,
    app: FastAPI,
    client: Any,
    subtests: Any,
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
        subtests,
        openapi_operations(app),
        before={"follow-the-feed": lambda: settled(db)},
        stand_ins={"subscribe": _new_webhook_secret},
    )
    assert {"token", "list", "move", "follow-the-feed", "problems", "receiver", "try-it"} <= set(
        ran
    )
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
