"""Hostile spreadsheets against a real server: its peak memory and the time to answer.

    python bench/hostile_import.py [--rows 1000]

For each file below, starts ``liushou serve`` afresh (one uvicorn worker, SQLite in a temp
directory, migrated, with the bench's regions and street staff user), posts the file to
``POST /api/v1/imports/persons?dry_run=true`` and prints the answer's status and code, the
seconds it took and the server's peak resident memory (``VmHWM`` of /proc/<pid>/status)
beside its resident memory once started and idle (the peak is reset then, through
/proc/<pid>/clear_refs, so it is the request's). A fresh process per file, so each peak is that
file's. Measures only; see docs/imports.md for the limits and the figures of a run.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import run
import seed
import sheet
from people import People

from liushou.db import Database
from liushou.pii import generate_key

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the builders the tests use
from tests.registry import sheets as hostile  # noqa: E402

MIB = hostile.MIB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1000, help="rows of the normal sheet")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="liushou-hostile-") as tmp:
        workdir = Path(tmp)
        env, villages = prepare(workdir)
        normal_csv = normal_sheet(villages, args.rows)
        cases: list[tuple[str, Callable[[], bytes]]] = [
            (f"normal {args.rows}-row CSV", lambda: normal_csv),
            (f"normal {args.rows}-row XLSX", lambda: as_xlsx(normal_csv)),
            ("zip bomb: 190 MB of blank rows", lambda: bomb(villages, 190 * MIB)),
            ("billion laughs", lambda: hostile.billion_laughs([row_of(villages)])),
            ("one row of 2 MB", lambda: one_huge_row(villages)),
            ("CSV with a 5 MB cell", lambda: csv_with_big_cell(villages)),
            ("worst accepted: ~100,000 blank rows x 19 cells", lambda: worst_accepted(villages)),
            ("largest normal: 20,000-row XLSX", lambda: as_xlsx(normal_sheet(villages, 20_000))),
        ]
        say(f"{'file':48} {'packed':>9} {'status':>22} {'s':>6} {'peak RSS':>9} {'idle':>7}")
        for name, build in cases:
            content = build()
            status, code, seconds, peak, idle = measure(workdir, env, content)
            say(
                f"{name:48} {len(content) / 1024:8.0f}K {status:>3} {code:>18} "
                f"{seconds:6.2f} {peak / 1024:7.0f}MB {idle / 1024:5.0f}MB"
            )


def prepare(workdir: Path) -> tuple[dict[str, str], tuple[seed.Village, ...]]:
    url = f"sqlite:///{workdir / 'hostile.db'}"
    env = {
        **os.environ,
        "LIUSHOU_DATABASE_URL": url,
        "LIUSHOU_SECRET_KEY": secrets.token_urlsafe(48),
        "LIUSHOU_DATA_KEY": f"b1:{generate_key()}",
        "LIUSHOU_INDEX_KEY": f"b2:{generate_key()}",
        "LIUSHOU_LOG_LEVEL": "WARNING",
    }
    subprocess.run([run.BIN / "liushou", "migrate"], env=env, cwd=workdir, check=True)
    db = Database(url)
    try:
        fixture, _ = db.run_in_session(seed._seed)
    finally:
        db.dispose()
    return env, fixture.township_villages


def measure(workdir: Path, env: dict[str, str], content: bytes) -> tuple[int, str, float, int, int]:
    """(status, code, seconds, peak RSS KiB, idle RSS KiB) of one post to a fresh server."""
    with ExitStack() as stack:
        port = run.free_port()
        log = stack.enter_context((workdir / "server.log").open("ab"))
        command = [run.BIN / "liushou", "serve", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(command, env=env, cwd=workdir, stdout=log, stderr=log)
        stack.callback(run.stop, proc)
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        token = run.get_token(base)
        idle = current_rss_kib(proc.pid)
        # Start-up (imports, migrations check) peaks higher than an idle server: reset the
        # high-water mark to the current RSS, so VmHWM is this request's peak.
        Path(f"/proc/{proc.pid}/clear_refs").write_text("5")
        started = time.perf_counter()
        status, answer = post(base, token, content)
        seconds = time.perf_counter() - started
        code = answer.get("code") or f"rows={answer.get('rows')}"
        return status, str(code), seconds, peak_rss_kib(proc.pid), idle


def wait_healthy(base: str, proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    import urllib.request

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not become healthy (see server.log)")


def peak_rss_kib(pid: int) -> int:
    return _status_kib(pid, "VmHWM:")


def current_rss_kib(pid: int) -> int:
    return _status_kib(pid, "VmRSS:")


def _status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    raise SystemExit(f"no {field} in /proc/<pid>/status")


def post(base: str, token: str, content: bytes) -> tuple[int, dict]:  # type: ignore[type-arg]
    return run.post_sheet(base, token, content, dry_run=True)  # the same empty register each


# --- the files ---------------------------------------------------------------------------


def normal_sheet(villages: tuple[seed.Village, ...], rows: int) -> bytes:
    return sheet.make_sheet(sheet.describe_many(People(seed=7), villages, rows))


def as_xlsx(csv_content: bytes) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    for record in csv.reader(io.StringIO(csv_content.decode("utf-8-sig"))):
        worksheet.append(record)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def row_of(villages: tuple[seed.Village, ...]) -> dict[str, str]:
    return hostile.child_row(villages[0])


def bomb(villages: tuple[seed.Village, ...], unpacked: int) -> bytes:
    return hostile.zip_bomb([row_of(villages)], unpacked)


def one_huge_row(villages: tuple[seed.Village, ...]) -> bytes:
    row = b"<row>" + b"<c/>" * 500_000 + b"</row>"
    padded = hostile.padded_sheet(row, len(row))
    return hostile.rezip(hostile.xlsx_bytes([row_of(villages)]), {hostile.SHEET: padded})


def csv_with_big_cell(villages: tuple[seed.Village, ...]) -> bytes:
    return hostile.csv_bytes([hostile.child_row(villages[0], 住址="x" * (5 * MIB))])


def worst_accepted(villages: tuple[seed.Village, ...]) -> bytes:
    """Blank rows never count as data rows, so the row limit does not stop them: as many
    as the guards let through (rows and XML elements just under their limits)."""
    row = b"<row>" + b"<c/>" * 19 + b"</row>"
    padded = hostile.padded_sheet(row, 99_990 * len(row))
    return hostile.rezip(hostile.xlsx_bytes([row_of(villages)]), {hostile.SHEET: padded})


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
