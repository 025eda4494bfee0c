"""The writes row: POST /api/v1/persons under wrk, on the service and on the raw baseline.

Each request registers a new elder in a village of the caller's township: a body from a
few templates (names, villages, phones and profiles from bench/people.py) with an ID
number of its own, and an ``Idempotency-Key`` of its own (the service stores it with the
person; the baseline ignores it). bench/create_person.lua makes the ID numbers from a
counter; :func:`id_number` here is the same mapping, for the checks before the load.
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from load import BENCH, Load, answer_of, run_wrk
from people import People
from seed import Village

from liushou.clock import today
from liushou.registry import identifiers as ids
from liushou.registry.enums import PersonCategory

SCRIPT = BENCH / "create_person.lua"
TEMPLATES = 32
# Birth dates of the ID numbers: every one 65 or older on left_behind_since (an elder).
FIRST_BIRTH_DAY = date(1930, 1, 1)
BIRTH_DAYS = (date(1960, 1, 1) - FIRST_BIRTH_DAY).days
EPOCH = date(1970, 1, 1)
# Each wrk run numbers its requests from an offset of its own (create_person.lua).
OFFSET_STEP = 100_000_000


def templates(villages: tuple[Village, ...], since: date) -> list[str]:
    """JSON bodies, one a line, "@ID@" where the ID number goes."""
    people = People(seed=41)
    bodies = []
    for n in range(TEMPLATES):
        village = villages[n % len(villages)]
        d = people.describe(
            village.id, village.code, village.path, PersonCategory.elder, may_exit=False
        )
        body: dict[str, Any] = {
            "category": "elder",
            "name": d.name,
            "region_id": str(village.id),
            "id_number": "@ID@",
            "phone": d.phone,
            "address": d.address,
            "left_behind_since": since.isoformat(),
            "elder_profile": d.profile,
        }
        bodies.append(json.dumps(body, ensure_ascii=False))
    return bodies


def id_number(n: int) -> str:
    """create_person.lua's ID number for request number ``n``."""
    sequence = n % 1000
    born = FIRST_BIRTH_DAY + timedelta(days=(n // 1000) % BIRTH_DAYS)
    region = (n // (1000 * BIRTH_DAYS)) % 10000
    digits = f"11{region:04d}{born:%Y%m%d}{sequence:03d}"
    return digits + ids.id_check_char(digits)


@dataclass
class Writes:
    """POST /persons on one server, a wrk run at a time, each from an offset of its own."""

    wrk: str
    templates_file: Path
    runs: int = 0

    def load(self, base: str, token: str, duration: float, connections: int) -> Load:
        self.runs += 1
        args = [
            str(self.templates_file),
            secrets.token_hex(6),  # the Idempotency-Key prefix of this run
            str(self.runs * OFFSET_STEP),
            str((FIRST_BIRTH_DAY - EPOCH).days),
            str(BIRTH_DAYS),
        ]
        headers = [f"Authorization: Bearer {token}"]
        url = base + "/api/v1/persons"
        return run_wrk(self.wrk, url, headers, duration, connections, SCRIPT, args)

    def post_one(self, base: str, token: str) -> tuple[int, dict[str, Any]]:
        """One create outside wrk (numbers below the first run's offset)."""
        template = self.templates_file.read_text().splitlines()[0]
        number = id_number(secrets.randbelow(OFFSET_STEP))
        request = urllib.request.Request(
            base + "/api/v1/persons",
            data=template.replace("@ID@", number).encode(),
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
                "Idempotency-Key": secrets.token_hex(16),
            },
        )
        return answer_of(request, timeout=10)


def prepare(workdir: Path, wrk: str, villages: tuple[Village, ...]) -> Writes:
    path = workdir / "create_person_bodies.jsonl"
    path.write_text("\n".join(templates(villages, today() - timedelta(days=100))) + "\n")
    return Writes(wrk, path)


def check_same_create(
    service: tuple[int, dict[str, Any]], other: tuple[int, dict[str, Any]]
) -> str:
    """'' when both created the same person (ids, instants and the number's mask aside)."""
    differ = {"id", "created_at", "updated_at", "id_number_masked", "birth_date", "age", "sex"}
    if service[0] != 201 or other[0] != 201:
        return (
            f"statuses {service[0]} and {other[0]}: {str(service[1])[:300]} / {str(other[1])[:300]}"
        )
    a = {k: v for k, v in service[1].items() if k not in differ}
    b = {k: v for k, v in other[1].items() if k not in differ}
    return "" if a == b else f"answers differ:\n  service:  {a}\n  baseline: {b}"
