"""How the feed reads a resource as the caller's GET shows it now (docs/changes.md, "data").

Each resource type's reader is its GET's own: the scoped query and body that
``StandardRoutes.get_one`` was declared with (``StandardRoutes.read_one``), or, for the
two resources read elsewhere, the same functions their handlers call (a referral; a
consent, read through its person as ``GET /persons/{id}/consents`` does). A reader answers
None where the GET answers 404: a resource deleted or out of the caller's sight.

This module sits above every domain's router: the feed is a read model of all of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import Connection

from liushou.api.routes import StandardRoutes
from liushou.auth.principal import Principal
from liushou.guardianship.router import ASSIGNMENT_ROUTES, CARETAKER_ROUTES, VISIT_ROUTES
from liushou.legal.activities_router import LEGAL_ACTIVITY_ROUTES
from liushou.legal.contracts_router import CONTRACT_ROUTES
from liushou.referrals import repository as referrals_repo
from liushou.referrals.router import REFERRAL_ROUTES
from liushou.referrals.schemas import ReferralRead
from liushou.referrals.serializers import referral_body
from liushou.registry import repository as registry_repo
from liushou.registry.router import PERSON_ROUTES
from liushou.registry.schemas import ConsentRead
from liushou.services.activities_router import ACTIVITY_ROUTES
from liushou.services.distributions_router import DISTRIBUTION_ROUTES
from liushou.services.records_router import RECORD_ROUTES
from liushou.services.wishes_router import WISH_ROUTES
from liushou.tables import consent_t

# (conn, caller, resource id, the person it belongs to) -> the body, or None (a 404). The
# body is the GET's response model, validated once; the page serializes it as the GET does.
Read = Callable[[Connection, Principal, uuid.UUID, uuid.UUID | None], BaseModel | None]
# (conn, caller, resource ids) -> the bodies of those the GET would show, by id.
ReadMany = Callable[[Connection, Principal, Sequence[uuid.UUID]], dict[uuid.UUID, BaseModel]]


@dataclass(frozen=True)
class Reader:
    scopes: frozenset[str]  # what the caller must hold to read this type at all
    read: Read
    read_many: ReadMany | None = None  # the same read of a page's ids at once, if declared


def _standard(routes: StandardRoutes[Any, Any]) -> Reader:
    one = routes.read_one
    if one is None:  # pragma: no cover - every feed resource declares its GET
        raise RuntimeError("the resource's GET /{id} is not declared")

    def read(
        conn: Connection, caller: Principal, resource_id: uuid.UUID, _person: uuid.UUID | None
    ) -> BaseModel | None:
        row = one.read_row(conn, caller, resource_id)
        return None if row is None else one.body(row)

    read_rows = one.read_many
    if read_rows is None:
        return Reader(routes.read_scopes, read)

    def read_many(
        conn: Connection, caller: Principal, ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, BaseModel]:
        rows = read_rows(conn, caller, ids)
        return {key: one.body(row) for key, row in rows.items()}

    return Reader(routes.read_scopes, read, read_many)


def _referral(
    conn: Connection, caller: Principal, referral_id: uuid.UUID, _person: uuid.UUID | None
) -> BaseModel | None:
    row = referrals_repo.get_referral(conn, caller, referral_id)
    return None if row is None else ReferralRead.model_validate(referral_body(row))


def _referrals(
    conn: Connection, caller: Principal, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, BaseModel]:
    rows = referrals_repo.get_referrals(conn, caller, ids)
    return {key: ReferralRead.model_validate(referral_body(row)) for key, row in rows.items()}


_CONSENT_COLUMNS = [c for c in consent_t.c if c.name != "deleted_at"]


def _consent(
    conn: Connection, caller: Principal, consent_id: uuid.UUID, person_id: uuid.UUID | None
) -> BaseModel | None:
    # A person's consents are read through the person: only by whoever may see it.
    if person_id is None or registry_repo.get_person(conn, caller, person_id) is None:
        return None
    stmt = sa.select(*_CONSENT_COLUMNS).where(
        consent_t.c.id == consent_id,
        consent_t.c.person_id == person_id,
        consent_t.c.deleted_at.is_(None),
    )
    row = conn.execute(stmt).mappings().one_or_none()
    return None if row is None else ConsentRead.model_validate(row)


READERS: dict[str, Reader] = {
    "person": _standard(PERSON_ROUTES),
    "consent": Reader(PERSON_ROUTES.read_scopes, _consent),
    "caretaker": _standard(CARETAKER_ROUTES),
    "assignment": _standard(ASSIGNMENT_ROUTES),
    "visit": _standard(VISIT_ROUTES),
    "referral": Reader(REFERRAL_ROUTES.read_scopes, _referral, _referrals),
    "service_record": _standard(RECORD_ROUTES),
    "activity": _standard(ACTIVITY_ROUTES),
    "wish": _standard(WISH_ROUTES),
    "distribution": _standard(DISTRIBUTION_ROUTES),
    "legal_contract": _standard(CONTRACT_ROUTES),
    "legal_activity": _standard(LEGAL_ACTIVITY_ROUTES),
}


def readable_types(caller: Principal) -> frozenset[str]:
    """The types whose GET the caller's scopes allow."""
    return frozenset(t for t, r in READERS.items() if r.scopes <= caller.scopes)
