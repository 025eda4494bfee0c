"""/wishes: children's 微心愿 and 爱心圆梦, their claim → fulfil lifecycle and timeline.

The list is a handler of its own; GET one, POST, PUT, PATCH and DELETE are declared on
api.routes.StandardRoutes; the four transitions are handlers that take an
``Idempotency-Key`` (a retried claim replays its answer instead of meeting 409), as the
referrals' transitions do. The rules live in wishes_service.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter
from sqlmodel import Session

from liushou.api.concurrency import IfMatch
from liushou.api.content import JSON_BODY
from liushou.api.dependencies import PersonalDataDep
from liushou.api.responses import WRITE_ERRORS
from liushou.api.routes import StandardRoutes
from liushou.api.unit_of_work import IdempotentUnitOfWorkDep
from liushou.api.writes import ResourceWrites
from liushou.auth.callers import ServiceReader, ServiceWriter
from liushou.services import wishes_repository as repo
from liushou.services import wishes_service as service
from liushou.services.models import Wish
from liushou.services.wishes_schemas import (
    WishCancel,
    WishClaim,
    WishCreate,
    WishFulfil,
    WishRead,
    WishRelease,
    WishUpdate,
)

wishes = APIRouter(prefix="/wishes", tags=["wishes"])


def _wish(row: Mapping[str, Any]) -> WishRead:
    return WishRead.model_validate(dict(row))


def _read(session: Session, wish: Wish) -> WishRead:
    return _wish(service.row(session, wish))


WISHES: ResourceWrites[Wish, WishRead] = ResourceWrites("/wishes/{row.id}", _read)


WISH_ROUTES = StandardRoutes(
    wishes,
    "wish",
    WISHES,
    WishRead,
    reader=ServiceReader,
    writer=ServiceWriter,
    model=Wish,
    writable=service.writable,
)
WISH_ROUTES.list(
    repo.WishFilters,
    repo.list_wishes,
    ("created_at", "id"),
    body=_wish,
    name="list_wishes",
    doc="Wishes of the children the caller may see, newest first.",
)
WISH_ROUTES.get_one(repo.get_wish, _wish, read_many=repo.get_wishes)
WISH_ROUTES.create(
    WishCreate,
    service.create_wish,
    doc="""Record a child's wish; it starts `open`. A person who is not a child is 422
    `service_not_for_category`; a child no longer on the register 422 `person_not_active`;
    a person outside the caller's area 404.""",
)
WISH_ROUTES.put(
    WishCreate,
    service.replace_wish,
    create=service.create_wish,
    doc="""Create the wish with this client-chosen id (201), or replace its description and
    estimated value (200) while it is open or claimed (fulfilled or cancelled: 409
    `wish_closed`). The child and the kind are fixed (422 `immutable_field`). The same body
    again is a safe retry.""",
)
WISH_ROUTES.update(
    WishUpdate,
    service.update_wish,
    doc="""Change the description or the estimated value while the wish is open or claimed
    (409 `wish_closed` afterwards). The donor changes through `/release` and `/claim`.""",
)
WISH_ROUTES.delete(
    service.delete_wish,
    doc="Soft delete; a fulfilled wish's service record is deleted with it.",
)


# --- transitions ---------------------------------------------------------------------------
# Each is 200 with the wish and its new ETag; If-Match is honoured; an Idempotency-Key
# replays the first answer.


@wishes.post("/{wish_id}/claim", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def claim_wish(
    wish_id: uuid.UUID,
    body: WishClaim,
    caller: ServiceWriter,
    uow: IdempotentUnitOfWorkDep,
    pii: PersonalDataDep,
    if_match: IfMatch = None,
) -> WishRead:
    """open → claimed by a donor. `claimed_on` defaults to today (not in the future: 422
    `date_in_future`); `donor_phone` is stored encrypted and shown only masked
    (`donor_phone_masked`); an unknown `donor_organization_id` is 422
    `invalid_organization`. Any other status: 409 `invalid_transition`."""
    return WISHES.changed(
        uow, service.claim_wish(uow.session, pii, caller, wish_id, body, if_match)
    )


@wishes.post("/{wish_id}/release", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def release_wish(
    wish_id: uuid.UUID,
    caller: ServiceWriter,
    uow: IdempotentUnitOfWorkDep,
    if_match: IfMatch = None,
    body: WishRelease | None = None,
) -> WishRead:
    """claimed → open: the donor steps back and the donor's details are cleared. Any other
    status: 409 `invalid_transition`."""
    return WISHES.changed(
        uow, service.release_wish(uow.session, caller, wish_id, body or WishRelease(), if_match)
    )


@wishes.post("/{wish_id}/fulfil", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def fulfil_wish(
    wish_id: uuid.UUID,
    body: WishFulfil,
    caller: ServiceWriter,
    uow: IdempotentUnitOfWorkDep,
    if_match: IfMatch = None,
) -> WishRead:
    """claimed → fulfilled. Writes, in the same transaction, the wish's one service record
    (type = `kind`, the child, delivered on `fulfilled_on`, `wish_id` set). `fulfilled_on`
    not in the future (422 `date_in_future`), not before `claimed_on` (422
    `fulfilled_before_claimed`), the child on the register that day (422
    `person_not_active`). Any other status: 409 `invalid_transition`."""
    return WISHES.changed(uow, service.fulfil_wish(uow.session, caller, wish_id, body, if_match))


@wishes.post("/{wish_id}/cancel", dependencies=JSON_BODY, responses=WRITE_ERRORS)
def cancel_wish(
    wish_id: uuid.UUID,
    body: WishCancel,
    caller: ServiceWriter,
    uow: IdempotentUnitOfWorkDep,
    if_match: IfMatch = None,
) -> WishRead:
    """open | claimed → cancelled, the reason kept on the timeline. Any other status: 409
    `invalid_transition`."""
    return WISHES.changed(uow, service.cancel_wish(uow.session, caller, wish_id, body, if_match))
