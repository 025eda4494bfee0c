"""wrk runs and what the bench reads from them.

``wrk -t1 -cN -dS --latency``: requests/s, p50/p99 of the completed requests, and the
failures. wrk's own summary lumps every non-2xx/3xx status together; with a script that
counts the statuses (bench/statuses.lua, bench/create_person.lua) the bench tells 503
``busy`` (a heavy read refused at once with Retry-After: graceful degradation, see
docs/performance.md) apart from errors.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
STATUSES_SCRIPT = BENCH / "statuses.lua"


@dataclass(frozen=True)
class Load:
    requests_per_s: float  # every answer, 503 busy and errors included (wrk's figure)
    p50_ms: float  # of every answer, 503 busy included
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx answers other than 503 busy, and socket errors (timeouts too)
    non_2xx: int = 0  # every non-2xx/3xx answer, 503 busy included
    timeouts: int = 0  # wrk's 2 s timeout, part of errors
    busy: int = 0  # 503 answers, counted only when a script counts the statuses
    statuses: dict[str, int] = field(default_factory=dict)  # status -> count, with a script

    @property
    def ok_per_s(self) -> float:
        """Successful (2xx/3xx) answers per second: what the ratios compare."""
        if not self.requests:
            return 0.0
        return self.requests_per_s * (self.requests - self.non_2xx) / self.requests

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "ok_per_s": round(self.ok_per_s, 1)}


def run_wrk(
    wrk: str,
    url: str,
    headers: list[str],
    duration: float,
    connections: int,
    script: Path | None = None,
    script_args: list[str] | None = None,
) -> Load:
    command = [wrk, "-t1", f"-c{connections}", f"-d{duration}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script is not None:
        command += ["-s", str(script)]
    command.append(url)
    if script_args:
        command += ["--", *script_args]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse(out)


def parse(out: str) -> Load:
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    non_2xx = int(found.group(1)) if found else 0
    statuses = {
        m.group(1): int(m.group(2)) for m in re.finditer(r"^status (\d+) (\d+)$", out, re.M)
    }
    busy = statuses.get("503", 0)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    errors += non_2xx - busy
    return Load(
        requests_per_s=float(_find(r"Requests/sec:\s+([\d.]+)", out)),
        p50_ms=_latency_ms("50%", out),
        p99_ms=_latency_ms("99%", out),
        requests=int(_find(r"(\d+) requests in", out)),
        errors=errors,
        non_2xx=non_2xx,
        timeouts=int(socket_errors.group(4)) if socket_errors else 0,
        busy=busy,
        statuses=statuses,
    )


def _find(pattern: str, text: str) -> str:
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"unexpected wrk output (no {pattern!r}):\n{text}")
    return match.group(1)


def _latency_ms(percentile: str, text: str) -> float:
    value = _find(rf"^\s*{percentile}\s+([\d.]+(?:us|ms|s|m))", text)
    number, unit = re.fullmatch(r"([\d.]+)(\D+)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def answer_of(request: urllib.request.Request, timeout: float) -> tuple[int, dict[str, Any]]:
    """The status and JSON body of one request; an error's body too (or its first 600
    characters, when it is not JSON)."""
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as exc:
        text = exc.read().decode(errors="replace")
        try:
            return exc.code, json.loads(text)
        except ValueError:
            return exc.code, {"body": text[:600]}
