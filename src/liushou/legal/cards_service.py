"""Hotline cards from the repository's rows (docs/legal.md, "Hotline cards"): the national
hotlines, the contacts nearest first, the public address the QR code holds."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.engine import Connection, RowMapping

from liushou.api.pagination import PageParams
from liushou.auth.principal import Principal
from liushou.errors import NotFound
from liushou.legal import cards_repository as repo
from liushou.legal.cards_schemas import (
    HOTLINES,
    CardAdvisor,
    CardContact,
    CardTownship,
    CardVillage,
    HotlineCard,
    PublicCard,
)
from liushou.legal.scope import is_advisor
from liushou.regions.models import RegionLevel

PUBLIC_PATH = "/public/hotline-cards/"


class NoActiveAdvisor(NotFound):
    code = "no_active_advisor"
    detail_zh = "该村（社区）今天没有在合同期内的法律顾问。"
    detail_en = "No contract covers this village today: it has no legal advisor."


def public_url(base_url: str, village_code: str) -> str:
    return base_url.rstrip("/") + PUBLIC_PATH + village_code


def _village(village_id: uuid.UUID, village_code: str, name: str) -> CardVillage:
    return CardVillage(id=village_id, code=village_code, name=name)


def _advisor(row: Mapping[Any, Any]) -> CardAdvisor:
    return CardAdvisor(
        id=row["advisor_id"],
        name=row["advisor_name"],
        law_firm=row["law_firm"],
        phone=row["advisor_phone"],
        service_hours=row["service_hours"],
    )


def _contacts(
    by_region: dict[uuid.UUID, list[RowMapping]],
    village_id: uuid.UUID,
    township_id: uuid.UUID | None,
) -> list[CardContact]:
    """The village's own organizations first, then its township's."""
    rows = by_region.get(village_id, []) + (by_region.get(township_id, []) if township_id else [])
    return [CardContact(type=r["type"], name=r["name"], phone=r["phone"]) for r in rows]


def _card(
    row: RowMapping, by_region: dict[uuid.UUID, list[RowMapping]], base_url: str
) -> HotlineCard:
    township = (
        CardTownship(id=row["township_id"], name=row["township_name"])
        if row["township_id"] is not None
        else None
    )
    return HotlineCard(
        village=_village(row["village_id"], row["village_code"], row["village_name"]),
        township=township,
        advisor=_advisor(row),
        contacts=_contacts(by_region, row["village_id"], row["township_id"]),
        hotlines=list(HOTLINES),
        valid_until=row["ends_on"],
        public_url=public_url(base_url, row["village_code"]),
    )


def cards_from_rows(
    conn: Connection, rows: Sequence[RowMapping], base_url: str
) -> list[HotlineCard]:
    """The cards of these rows, with one query for all their contacts."""
    by_region = repo.contacts_of(
        conn, [r["village_id"] for r in rows] + [r["township_id"] for r in rows]
    )
    return [_card(row, by_region, base_url) for row in rows]


def region_cards(
    conn: Connection,
    caller: Principal,
    day: date,
    region_id: uuid.UUID,
    base_url: str,
    page: PageParams | None = None,
) -> tuple[list[HotlineCard], Sequence[RowMapping]]:
    """The cards of the region (a page, or all without ``page``) and the rows they came
    from (the page's cursor is taken from the rows). 404 for a region outside the caller's
    area."""
    if repo.visible_region(conn, caller, region_id) is None:
        raise NotFound()
    rows = repo.card_rows(conn, caller, day, region_id, page)
    shown = rows[: page.limit] if page is not None else rows
    return cards_from_rows(conn, shown, base_url), rows


def village_card(
    conn: Connection, caller: Principal, day: date, village_id: uuid.UUID, base_url: str
) -> HotlineCard:
    """One village's card: 404 ``not_found`` for a region that is not a village in the
    caller's area, 404 ``no_active_advisor`` for one that no contract covers today (for a
    legal advisor's login: ``not_found`` for a village none of its contracts covers)."""
    region = repo.visible_region(conn, caller, village_id)
    if region is None or region["level"] is not RegionLevel.village:
        raise NotFound()
    row = repo.card_row(conn, caller, day, village_id)
    if row is None:
        # An advisor's area is the villages of its own contracts (docs/legal.md): another
        # village is outside it, not without an advisor.
        raise NotFound() if is_advisor(caller) else NoActiveAdvisor()
    return cards_from_rows(conn, [row], base_url)[0]


def public_card(
    conn: Connection, day: date, village_code: str
) -> tuple[PublicCard, str | None] | None:
    """The public card of the village with this code and its township's name (for the
    page's heading); None for no such village. A village without an advisor today still
    has a card: the contacts and the hotlines."""
    row = repo.public_card_row(conn, day, village_code)
    if row is None:
        return None
    by_region = repo.contacts_of(conn, [row["village_id"], row["township_id"]])
    covered = row["advisor_id"] is not None
    card = PublicCard(
        village=_village(row["village_id"], row["village_code"], row["village_name"]),
        advisor=_advisor(row) if covered else None,
        contacts=_contacts(by_region, row["village_id"], row["township_id"]),
        hotlines=list(HOTLINES),
        valid_until=row["ends_on"] if covered else None,
    )
    return card, row["township_name"]
