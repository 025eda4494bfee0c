"""/hotline-cards: each village's 便民找法服务卡 as JSON, vCard, SVG and a printable PDF
(docs/legal.md, "Hotline cards"). The routes with a suffix come before ``/{village_id}``,
which would otherwise take ``print.pdf`` for an id."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from liushou.api.dependencies import DatabaseDep, SettingsDep, Today
from liushou.api.pagination import Cursor, Limit, Page, PageParams, page_of
from liushou.api.responses import ONE_ERRORS, READ_ERRORS, json_response
from liushou.auth.callers import LegalReader
from liushou.errors import problem_responses
from liushou.legal import cards_pdf, cards_svg, cards_vcard
from liushou.legal import cards_service as service
from liushou.legal.cards_repository import card_sort_key
from liushou.legal.cards_schemas import HotlineCard

hotline_cards = APIRouter(prefix="/hotline-cards", tags=["hotline-cards"])

RegionParam = Annotated[
    uuid.UUID, Query(description="A region: the cards of every village in its subtree")
]
CARD_ERRORS = problem_responses(401, 403, 404, 422)


def _file(media_type: str, description: str) -> dict[int | str, Any]:
    return {
        200: {
            "description": description,
            "content": {media_type: {"schema": {"type": "string", "format": "binary"}}},
        },
        **CARD_ERRORS,
    }


@hotline_cards.get("", responses=READ_ERRORS | problem_responses(404))
async def list_hotline_cards(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    caller: LegalReader,
    day: Today,
    region_id: RegionParam,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[HotlineCard]:
    """One card per village under the region that a contract covers today, by village
    code. A region outside the caller's area is 404; a legal advisor sees the villages of
    its own contracts."""
    page = PageParams(request, limit, cursor)
    cards, rows = await db.read(
        lambda conn: service.region_cards(
            conn, caller, day, region_id, settings.public_base_url, page
        )
    )
    _, next_cursor = page_of(rows, page, card_sort_key)
    return json_response(Page[HotlineCard](items=cards, next_cursor=next_cursor))  # type: ignore[return-value]


@hotline_cards.get(
    "/print.pdf",
    response_class=Response,
    responses=_file(cards_pdf.MEDIA_TYPE, "A4 pages, ten cards to a page"),
)
async def print_hotline_cards(
    db: DatabaseDep,
    settings: SettingsDep,
    caller: LegalReader,
    day: Today,
    region_id: RegionParam,
) -> Response:
    """Every card of the region on A4 sheets to print and cut, the Chinese as real text.
    A region outside the caller's area is 404."""
    cards, _ = await db.read(
        lambda conn: service.region_cards(conn, caller, day, region_id, settings.public_base_url)
    )
    title = f"便民找法服务卡 {day.isoformat()}"
    content = await anyio.to_thread.run_sync(cards_pdf.print_sheet, cards, title)
    return Response(
        content,
        media_type=cards_pdf.MEDIA_TYPE,
        headers={"Content-Disposition": f'inline; filename="hotline-cards-{day:%Y%m%d}.pdf"'},
    )


async def _card(
    db: DatabaseDep, settings: SettingsDep, caller: LegalReader, day: Today, village_id: uuid.UUID
) -> HotlineCard:
    return await db.read(
        lambda conn: service.village_card(conn, caller, day, village_id, settings.public_base_url)
    )


def _card_file(
    extension: str,
    media_type: str,
    render: Callable[[HotlineCard], str],
    name: str,
    description: str,
    doc: str,
) -> None:
    """``GET /{village_id}.<extension>``: the card rendered as a file (answers like the card:
    404 ``not_found`` or ``no_active_advisor``)."""

    async def endpoint(
        db: DatabaseDep,
        settings: SettingsDep,
        caller: LegalReader,
        day: Today,
        village_id: uuid.UUID,
    ) -> Response:
        card = await _card(db, settings, caller, day, village_id)
        filename = f"hotline-card-{card.village.code}.{extension}"
        return Response(
            render(card).encode(),
            media_type=f"{media_type}; charset=utf-8",
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )

    endpoint.__doc__ = doc
    hotline_cards.add_api_route(
        f"/{{village_id}}.{extension}",
        endpoint,
        methods=["GET"],
        name=name,
        response_class=Response,
        responses=_file(media_type, description),
    )


_card_file(
    "vcf",
    cards_vcard.MEDIA_TYPE,
    cards_vcard.vcard,
    "get_hotline_card_vcard",
    "The advisor as a vCard 4.0",
    """The village's advisor as a vCard 4.0 (FN the advisor, ORG the firm, TEL the phone,
    NOTE the village). 404 `no_active_advisor` when no contract covers the village today.""",
)
_card_file(
    "svg",
    cards_svg.MEDIA_TYPE,
    cards_svg.svg,
    "get_hotline_card_svg",
    "An 85.6 × 54 mm card",
    """The card as an 85.6 × 54 mm SVG, the text as text and a QR code holding the public
    page's address (which always shows the current advisor).""",
)


@hotline_cards.get("/{village_id}", responses=ONE_ERRORS)
async def get_hotline_card(
    db: DatabaseDep, settings: SettingsDep, caller: LegalReader, day: Today, village_id: uuid.UUID
) -> HotlineCard:
    """The village's card. 404 `not_found` for a region that is not a village in the
    caller's area, 404 `no_active_advisor` for a village no contract covers today."""
    card = await _card(db, settings, caller, day, village_id)
    return json_response(card)  # type: ignore[return-value]
