"""GET /changes: the change feed (docs/changes.md).

Any signed-in caller may read it; what it shows is scoped to what the caller may read
(the resource types its scopes allow, and of those what their GET would show it).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from liushou import clock
from liushou.api.dependencies import DatabaseDep, SettingsDep
from liushou.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
from liushou.api.responses import READ_ERRORS, json_response
from liushou.auth.callers import SignedIn
from liushou.changes import cursor as feed_cursor
from liushou.changes import service
from liushou.changes.capture import RESOURCE_TYPES
from liushou.changes.readers import readable_types
from liushou.changes.schemas import ChangePage, ChangePageOut
from liushou.errors import FieldInvalid, problem_responses
from liushou.referrals import service as referrals_service

changes = APIRouter(prefix="/changes", tags=["changes"])

_TYPES_DOC = "Comma-separated resource types (default: all): " + ", ".join(
    f"`{t}`" for t in RESOURCE_TYPES
)


def _types(given: str | None) -> list[str]:
    if given is None:
        return list(RESOURCE_TYPES)
    names = [n.strip() for n in given.split(",") if n.strip()]
    unknown = [n for n in names if n not in RESOURCE_TYPES]
    if unknown or not names:
        raise FieldInvalid(
            ["query", "types"],
            "unknown_type",
            "未知的资源类型：" + "、".join(unknown[:5]) if unknown else "资源类型不能为空。",
            "Unknown resource types: " + ", ".join(unknown[:5])
            if unknown
            else "No resource type given.",
        )
    return names


@changes.get(
    "",
    response_model=ChangePage,
    responses=READ_ERRORS | problem_responses(410),
)
async def list_changes(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    caller: SignedIn,
    after: Annotated[
        str | None, Query(max_length=1000, description="A `next_cursor` of an earlier page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    types: Annotated[str | None, Query(max_length=1000, description=_TYPES_DOC)] = None,
) -> Response:
    """Every create, update and soft delete of the resources the caller may read, in feed
    order, from `after` on (without it: from the oldest change kept). Each item shows the
    resource as its GET answers now (`upsert`), or tells the caller to drop it (`delete`:
    deleted, or moved out of the caller's sight). A cursor older than
    `LIUSHOU_CHANGE_RETENTION_DAYS` is 410 `sync_cursor_expired`: sync everything again."""
    secret: bytes = request.app.state.cursor_secret
    wanted = readable_types(caller).intersection(_types(types))
    given = None if after is None else feed_cursor.decode(secret, after)
    now = clock.now()
    retention = settings.change_retention_days
    position = service.check_cursor(given, now, retention)
    page = await db.read(
        lambda conn: service.read_page(conn, caller, position, wanted, limit, now, retention)
    )
    if page.referrals_shown:  # a partner shown a referral's person: audited as GET is
        shown = [{"id": r.id, "person_id": r.person_id} for r in page.referrals_shown]
        await db.write(
            lambda session: referrals_service.record_person_reads(session, caller, shown)
        )
    # Each item's data is its GET's response model, serialized as the GET serializes it
    # (ChangePageOut; the same bytes as ChangePage of the dumped bodies, without the copies).
    body = ChangePageOut.model_validate(
        {
            "items": page.items,
            "next_cursor": feed_cursor.encode(secret, page.cursor),
            "has_more": page.has_more,
        }
    )
    return json_response(body)
