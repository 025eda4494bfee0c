"""Bulk queries of the person import: the live persons a sheet names, found a chunk of keys
per query (by the blind index of their ID number, or by name, birth date and village).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from liushou.registry import repository as repo

# Keys per IN (...) list when looking up existing persons.
LOOKUP_CHUNK = 500


def existing_by_index(session: Session, indexes: Iterable[str | None]) -> dict[str, Any]:
    """Live persons by blind index of their ID number, a chunk of indexes per query."""
    wanted = sorted({i for i in indexes if i is not None})
    t = repo.person_t.c
    found: dict[str, Any] = {}
    # PostgreSQL: inlined (hex digests, quoted by SQLAlchemy): with 500 bound parameters it
    # planned a sequential scan (~0.3 s per chunk) until the table was analysed. SQLite:
    # bound, so every full chunk is the same statement text (the driver caches 128 texts
    # per connection; each inlined chunk would be a new 35 KB one).
    inline = session.get_bind().dialect.name == "postgresql"
    for chunk in chunks(wanted, LOOKUP_CHUNK):
        keys: sa.BindParameter[str] = sa.bindparam(
            "keys", list(chunk), expanding=True, literal_execute=inline
        )
        stmt = sa.select(t.id, t.id_number_index, t.region_path, t.name).where(
            t.deleted_at.is_(None), t.id_number_index.is_not(None), t.id_number_index.in_(keys)
        )
        for row in session.execute(stmt).mappings():
            found[row["id_number_index"]] = row
    return found


def existing_by_identity(
    session: Session, persons: Iterable[SimpleNamespace]
) -> set[tuple[str, date, uuid.UUID]]:
    """(name, birth date, village) of live persons, for rows without an ID number."""
    keys = {(p.name, p.birth_date, p.region_id) for p in persons if p.id_number_index is None}
    if not keys:
        return set()
    t = repo.person_t.c
    villages = sorted({k[2] for k in keys})
    found: set[tuple[str, date, uuid.UUID]] = set()
    for chunk in chunks(sorted({k[1] for k in keys}), LOOKUP_CHUNK):
        stmt = sa.select(t.name, t.birth_date, t.region_id).where(
            t.deleted_at.is_(None), t.birth_date.in_(chunk), t.region_id.in_(villages)
        )
        found.update((r[0], r[1], r[2]) for r in session.execute(stmt))
    return found & keys


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
