"""The long reads: the deep walk of a county page by page, the export of the province, and
the service process's memory while a long request runs.

Memory is the process's peak resident set during the request: ``VmHWM`` of
/proc/<pid>/status, reset to the current resident set just before the request by writing
``5`` to /proc/<pid>/clear_refs (Linux ≥ 4.0). So the peak is the request's own, whatever
ran before it in the same process, and nothing is missed between samples.
"""

from __future__ import annotations

import hashlib
import http.client
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

# --- memory --------------------------------------------------------------------------------


def rss_kib(pid: int, name: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    raise SystemExit(f"no {name} in /proc/{pid}/status")


def reset_peak(pid: int) -> int:
    """Reset the peak (VmHWM) to the current resident set; returns that resident set."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")
    return rss_kib(pid)


def peak_kib(pid: int) -> int:
    return rss_kib(pid, "VmHWM")


# --- the deep walk -------------------------------------------------------------------------


@dataclass(frozen=True)
class Walk:
    seconds: float
    pages: int
    rows: int
    complete: bool  # False: stopped at the time cap
    digest: str  # of the sorted ids: both servers must walk the same persons

    @property
    def ms_per_page(self) -> float:
        return self.seconds * 1000 / self.pages if self.pages else 0.0


def walk(base: str, token: str, region_id: str, limit: int, cap_s: float) -> Walk:
    """GET /api/v1/persons?region_id=&limit= and each next_cursor to the end (one
    keep-alive connection, one page at a time, as a client syncing a county would)."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    headers = {"Authorization": f"Bearer {token}"}
    first = f"/api/v1/persons?region_id={region_id}&limit={limit}"
    ids: list[str] = []
    pages = 0
    cursor: str | None = None
    started = time.perf_counter()
    try:
        while True:
            path = first if cursor is None else f"{first}&cursor={urllib.parse.quote(cursor)}"
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit(f"walk: {base}{path} answered {response.status}: {body[:300]!r}")
            page = orjson.loads(body)
            pages += 1
            ids.extend(item["id"] for item in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
            if time.perf_counter() - started > cap_s:
                break
    finally:
        conn.close()
    seconds = time.perf_counter() - started
    digest = hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()[:16]
    return Walk(seconds, pages, len(ids), cursor is None, digest)


# --- the export ----------------------------------------------------------------------------


@dataclass
class Export:
    status: int = 0
    rows: int = 0
    bytes: int = 0
    seconds: float = 0.0
    first_byte_s: float = 0.0
    # (seconds since the request, data rows received by then), one per chunk read
    progress: list[tuple[float, int]] = field(default_factory=list)
    error: str = ""
    stopped: bool = False  # the reader stopped before the end (export_during)

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    def fifth_rates(self) -> tuple[float, float]:
        """Rows/s over the first fifth of the rows (from the request) and the last fifth."""
        if self.rows < 5 or not self.progress:
            return 0.0, 0.0
        fifth = self.rows / 5
        t_first = next(t for t, n in self.progress if n >= fifth)
        n_first = next(n for t, n in self.progress if n >= fifth)
        t_last, n_last = next((t, n) for t, n in self.progress if n >= 4 * fifth)
        last_s = self.seconds - t_last
        last = (self.rows - n_last) / last_s if last_s > 0 else 0.0
        return n_first / t_first, last


def export(
    base: str,
    path: str,
    token: str,
    started: threading.Event | None = None,
    stop: threading.Event | None = None,
) -> Export:
    """GET an export and read it to the end (or until ``stop`` is set), 64 KiB at a time,
    counting the CSV's lines (no field of the bench's data holds a line break).
    ``started`` is set at the first chunk of data."""
    result = Export()
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120)
    lines = 0
    t0 = time.perf_counter()
    try:
        conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        response = conn.getresponse()
        result.status = response.status
        while chunk := response.read1(65536):
            if stop is not None and stop.is_set():
                result.stopped = True
                break
            now = time.perf_counter() - t0
            if not result.bytes:
                result.first_byte_s = now
                if started is not None:
                    started.set()
            result.bytes += len(chunk)
            lines += chunk.count(b"\n")
            result.progress.append((now, max(lines - 1, 0)))  # the header is a line
    except OSError as exc:
        result.error = repr(exc)
    finally:
        conn.close()
        if started is not None:
            started.set()
    result.seconds = time.perf_counter() - t0
    result.rows = max(lines - 1, 0)
    return result


def export_during(
    base: str, path: str, token: str, during: Callable[[], object]
) -> tuple[Export, object, float]:
    """The export, and ``during()`` run once its first rows have arrived; the export is
    read no further once ``during()`` is done. Returns the export, what ``during``
    returned, and the share of ``during``'s time the export was still running."""
    started, stop = threading.Event(), threading.Event()
    box: list[Export] = []
    reader = threading.Thread(target=lambda: box.append(export(base, path, token, started, stop)))
    t0 = time.perf_counter()
    reader.start()
    started.wait(timeout=120)
    began = time.perf_counter()
    answer = during()
    ended = time.perf_counter()
    stop.set()
    reader.join()
    result = box[0]
    export_end = t0 + result.seconds
    overlap = max(0.0, min(export_end, ended) - began) / (ended - began) if ended > began else 0
    return result, answer, overlap
