"""An export never blocks other requests: its batches are read off the event loop, which
serves other requests in between (docs/performance.md, "The two read paths")."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx
import pytest
from starlette.types import Message, Receive, Scope, Send

from liushou.config import Settings
from tests.conftest import make_settings
from tests.ops.test_heavy_reads import SAFETY, Held, hold_the_slots
from tests.registry.sheets import EXPORT_CSV, child_row, csv_records, elder_row, imported

BATCH = 5
PERSONS = 100  # twenty batches


@pytest.fixture
def settings(database_url: str) -> Settings:
    # No queue for heavy reads: a report is refused at once when the slots are taken.
    return make_settings(
        database_url, export_batch_size=BATCH, heavy_read_queue=0, heavy_read_wait_seconds=0.01
    )


def test_healthz_is_answered_while_a_csv_export_is_still_reading_batches(app, client, world):
    staff = world.as_("staff")
    rows = [
        elder_row(world.community, 姓名=f"老人{i}")
        if i % 2
        else child_row(world.village, 姓名=f"儿童{i}")
        for i in range(PERSONS)
    ]
    assert imported(client, staff, rows)["created"] == PERSONS

    # The export's body chunks as they leave the app: the header line, then one per batch.
    chunks_sent = 0
    export_started: anyio.Event | None = None

    async def served(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != EXPORT_CSV:
            return await app(scope, receive, send)

        async def counting(message: Message) -> None:
            nonlocal chunks_sent
            if message["type"] == "http.response.start":
                assert export_started is not None
                export_started.set()
            elif message["type"] == "http.response.body" and message.get("body"):
                chunks_sent += 1
            await send(message)

        await app(scope, receive, counting)

    async def main() -> tuple[httpx.Response, int]:
        nonlocal export_started
        export_started = anyio.Event()
        sent_when_healthz_answered: list[int] = []
        transport = httpx.ASGITransport(app=served)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            exported: list[httpx.Response] = []

            async def export() -> None:
                exported.append(await http.get(EXPORT_CSV, headers=staff))

            async def healthz() -> None:
                assert export_started is not None
                await export_started.wait()  # the export is streaming its rows
                response = await http.get("/healthz")
                assert response.status_code == 200
                sent_when_healthz_answered.append(chunks_sent)

            async with anyio.create_task_group() as tasks:
                tasks.start_soon(export)
                tasks.start_soon(healthz)
        return exported[0], sent_when_healthz_answered[0]

    response, sent = anyio.run(main)
    assert response.status_code == 200
    assert len(csv_records(response.content)) == PERSONS
    batches = PERSONS // BATCH
    assert chunks_sent == 1 + batches
    # /healthz was answered with export batches still to come (inline batches would hold
    # the event loop until the last one was out).
    assert sent - 1 < batches, (sent, batches)


def test_an_export_waits_for_a_heavy_read_slot_and_is_never_cut_short(app, client, world):
    """With every heavy-read slot taken and no queue at all (a report is refused with 503
    busy), an export's batches wait for a slot: its response has started, and a refusal
    would cut the file short."""
    staff = world.as_("staff")
    rows = [child_row(world.village, 姓名=f"儿童{i}") for i in range(PERSONS)]
    assert imported(client, staff, rows)["created"] == PERSONS
    # The app's own limiter of heavy reads, read to see the export waiting for a slot.
    slots = lambda: app.state.db._reads._heavy_readers.statistics()  # noqa: E731

    held = Held()
    holding = hold_the_slots(client, held)
    with ThreadPoolExecutor(1) as pool:
        try:
            export = pool.submit(client.get, EXPORT_CSV, headers=staff)
            deadline = time.monotonic() + SAFETY
            while slots().tasks_waiting < 1 and time.monotonic() < deadline:
                assert not export.done(), export.result().text
                time.sleep(0.01)
            assert slots().tasks_waiting == 1
            refused = client.get("/api/v1/reports/coverage", headers=staff)
        finally:
            held.release()
        response = export.result(timeout=SAFETY)
    assert [future.result(timeout=SAFETY) for future in holding] == [1, 1]

    assert refused.status_code == 503, refused.text  # a report is refused meanwhile
    assert response.status_code == 200
    assert len(csv_records(response.content)) == PERSONS
