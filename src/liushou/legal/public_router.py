"""``GET /public/hotline-cards/{village_code}``: the address a card's QR code holds, at the
root beside /healthz so that the printed address stays short (docs/legal.md, "The public
card page"). No login; JSON by default, HTML for a browser; never any registry data."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from liushou.api.dependencies import DatabaseDep, Today
from liushou.api.responses import json_response
from liushou.errors import problem_response, problem_responses
from liushou.legal import cards_service as service
from liushou.legal import public_page
from liushou.legal.cards_schemas import PublicCard
from liushou.legal.public_limit import PublicRateLimitDep, client_address, prefers_html

public = APIRouter(prefix="/public", tags=["public"])

VILLAGE_CODE = re.compile(r"[0-9]{12}")
HTML_TYPE = "text/html; charset=utf-8"
# The answer depends on Accept; the page changes when a contract does, so caches keep it
# five minutes at most.
_HEADERS = {"Vary": "Accept", "Cache-Control": "public, max-age=300"}
_RESPONSES: dict[int | str, Any] = {
    200: {
        "description": "The card; HTML when Accept prefers text/html",
        "content": {"text/html": {"schema": {"type": "string"}}},
    },
    **problem_responses(404, 429),
}


def _refusal(request: Request, html: bool, status: int, code: str, wait: int | None) -> Response:
    headers = {"Vary": "Accept"} | ({"Retry-After": str(wait)} if wait is not None else {})
    if status == 429:
        zh, en = "请求过于频繁，请稍后再试。", "Too many requests; retry later."
        heading = "请求过于频繁"
    else:
        zh, en = "没有这个村（社区）代码。", "No village has this code."
        heading = "未找到该村（社区）"
    if html:
        return Response(
            public_page.error_page(status, heading, zh),
            status_code=status,
            media_type=HTML_TYPE,
            headers=headers | {"Content-Security-Policy": public_page.CONTENT_SECURITY_POLICY},
        )
    return problem_response(request, status, code, zh, en, headers=headers)


@public.get("/hotline-cards/{village_code}", responses=_RESPONSES)
async def get_public_hotline_card(
    request: Request, village_code: str, db: DatabaseDep, day: Today, limit: PublicRateLimitDep
) -> PublicCard:
    """A village's card for anyone who scans it: the advisor a contract gives the village
    today (null when none does), the contacts and the national hotlines. `village_code`
    is the 12-digit 统计用区划代码; any other text, or a code of no village, is 404. At most
    `LIUSHOU_PUBLIC_RATE_LIMIT` requests a minute per client address, then 429
    `rate_limited` with `Retry-After`."""
    html = prefers_html(request.headers.get("accept"))
    wait = await limit.retry_after(client_address(request))
    if wait is not None:
        return _refusal(request, html, 429, "rate_limited", wait)  # type: ignore[return-value]
    found = None
    if VILLAGE_CODE.fullmatch(village_code):
        found = await db.read(lambda conn: service.public_card(conn, day, village_code))
    if found is None:
        return _refusal(request, html, 404, "not_found", None)  # type: ignore[return-value]
    card, township_name = found
    if html:
        return Response(  # type: ignore[return-value]
            public_page.page(card, township_name),
            media_type=HTML_TYPE,
            headers=_HEADERS | {"Content-Security-Policy": public_page.CONTENT_SECURITY_POLICY},
        )
    return json_response(card, _HEADERS)  # type: ignore[return-value]
