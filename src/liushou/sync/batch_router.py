"""POST /sync/batch (docs/sync.md, "The batch"): the items run in batch_service.py."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response
from starlette.types import ASGIApp

from liushou.api.content import JSON_BODY
from liushou.auth.callers import SignedIn
from liushou.errors import FieldInvalid, problem_responses
from liushou.sync.batch_schemas import MAX_ITEMS, BatchRequest, BatchResponse
from liushou.sync.batch_service import ITEM_MARK, Batch

sync = APIRouter(prefix="/sync", tags=["sync"])


async def application(request: Request) -> ASGIApp:
    """The application serving this request: the items are requests to it."""
    return request.app


Application = Annotated[ASGIApp, Depends(application)]


@sync.post(
    "/batch",
    response_model=BatchResponse,
    responses=problem_responses(400, 401, 403, 413, 415, 422),
    dependencies=JSON_BODY,
)
async def batch(
    body: BatchRequest, request: Request, app: Application, caller: SignedIn
) -> Response:
    """Run up to 100 queued writes, in order, each as if sent alone: its own transaction,
    with the same auth, scoping, validation, `Idempotency-Key` and `If-Match` as its route.
    One item's failure does not stop the next. Always 200 once the batch itself is valid;
    each item says `applied` (2xx), `conflict` (412: `body` is the current resource) or
    `rejected` (any other status: `body` is the problem). An item's path outside `/api/v1`,
    absolute, with `..` or aimed at this route is `rejected` with 422 `invalid_batch_path`
    and not run; more than 100 items is 422 `batch_too_large` and nothing runs. The body
    limit holds for the batch as a whole."""
    if len(body.items) > MAX_ITEMS:
        raise FieldInvalid(
            ["body", "items"],
            "batch_too_large",
            f"一次批量请求最多 {MAX_ITEMS} 项，请分批提交。",
            f"A batch holds at most {MAX_ITEMS} items; send the rest in another batch.",
        )
    if request.scope.get(ITEM_MARK):  # unreachable through parse_target; never recurse
        raise FieldInvalid(
            ["path"], "invalid_batch_path", "批量请求不能嵌套。", "A batch cannot run a batch."
        )
    results = await Batch(app, request).run(body.items)
    answer = BatchResponse(items=results).model_dump_json(exclude_unset=True)
    return Response(answer.encode(), media_type="application/json")
