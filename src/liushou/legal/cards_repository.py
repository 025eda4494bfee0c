"""The queries behind the hotline cards (docs/legal.md, "Hotline cards").

A page of cards costs two queries whatever its size: one row per village with the contract
that covers it today, its advisor, firm and township (:func:`card_rows`), then the contact
organizations of all those villages and townships at once (:func:`contacts_of`).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from liushou.api.filters import scoped
from liushou.api.pagination import PageParams, keyset_rows
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible, subtree_scope
from liushou.legal import coverage
from liushou.legal.scope import advisor_id_of, is_advisor
from liushou.read_path import PreparedSelect
from liushou.regions.models import OrganizationType, RegionLevel
from liushou.regions.repository import org_t, region_subtree, region_t
from liushou.tables import contract_village_t, legal_advisor_t, legal_contract_t

# The organizations a card lists, in this order within the village and then the township.
CONTACT_TYPES = (
    OrganizationType.village_committee,
    OrganizationType.community_committee,
    OrganizationType.police_station,
    OrganizationType.judicial_office,
    OrganizationType.womens_federation,
)

_village = region_t.alias("village")
_township = region_t.alias("township")
_firm = org_t.alias("firm")
_contract = legal_contract_t
_advisor = legal_advisor_t
_places = contract_village_t

CARD_ORDER = [_village.c.code, _village.c.id]


def card_sort_key(row: RowMapping) -> tuple[str, uuid.UUID]:
    """A card row's CARD_ORDER values (the cursor of a page that ends with it)."""
    return row["village_code"], row["village_id"]


# What a card shows: the authenticated cards and the public page read the same columns.
_CARD_COLUMNS = (
    _village.c.id.label("village_id"),
    _village.c.code.label("village_code"),
    _village.c.name.label("village_name"),
    _township.c.id.label("township_id"),
    _township.c.name.label("township_name"),
    _advisor.c.id.label("advisor_id"),
    _advisor.c.name.label("advisor_name"),
    _advisor.c.phone.label("advisor_phone"),
    _advisor.c.service_hours,
    _firm.c.name.label("law_firm"),
    _contract.c.ends_on,
)


def _cards(day: date) -> sa.Select[Any]:
    """Villages with the live contract that covers them on ``day`` (one at most: the
    contracts service refuses overlaps), with what the card shows."""
    return (
        sa.select(*_CARD_COLUMNS)
        .select_from(
            _places.join(_contract, _contract.c.id == _places.c.contract_id)
            .join(_village, _village.c.id == _places.c.region_id)
            .join(_advisor, _advisor.c.id == _contract.c.advisor_id)
            .join(_firm, _firm.c.id == _contract.c.law_firm_id)
            .outerjoin(
                _township,
                sa.and_(_township.c.id == _village.c.parent_id, _township.c.deleted_at.is_(None)),
            )
        )
        .where(
            _contract.c.deleted_at.is_(None),
            coverage.covers(_contract, day),
            _village.c.deleted_at.is_(None),
            _village.c.level == RegionLevel.village,
            _advisor.c.deleted_at.is_(None),
        )
    )


def _caller_cards(conn: Connection, caller: Principal, day: date) -> sa.Select[Any]:
    """:func:`_cards` within the caller's area; a legal advisor's login sees only the
    villages of its own contracts (docs/legal.md, "Who sees what")."""
    stmt = scoped(_cards(day), subtree_scope(_places.c.region_path, caller))
    if is_advisor(caller):
        stmt = stmt.where(_advisor.c.id == advisor_id_of(conn, caller))
    return stmt


def visible_region(conn: Connection, caller: Principal, region_id: uuid.UUID) -> RowMapping | None:
    """The live region with this id when it lies in the caller's subtree (its level and
    path with it); None otherwise, which the routes answer 404."""
    row = (
        conn.execute(
            sa.select(region_t.c.id, region_t.c.level, region_t.c.path).where(
                region_t.c.id == region_id, region_t.c.deleted_at.is_(None)
            )
        )
        .mappings()
        .one_or_none()
    )
    if row is None or not path_visible(row["path"], caller, lineage=False):
        return None
    return row


def _public_card_statement() -> PreparedSelect:
    """The village with a code, its township and, when a live contract covers it on
    ``day``, the card's contract, advisor and firm (nulls otherwise): the public page's
    one statement besides the contacts, built once (read_path.PreparedSelect)."""
    day = sa.bindparam("day", type_=sa.Date)
    covered = (
        _places.join(
            _contract,
            sa.and_(
                _contract.c.id == _places.c.contract_id,
                _contract.c.deleted_at.is_(None),
                coverage.covers(_contract, day),
            ),
        )
        .join(
            _advisor,
            sa.and_(_advisor.c.id == _contract.c.advisor_id, _advisor.c.deleted_at.is_(None)),
        )
        .join(_firm, _firm.c.id == _contract.c.law_firm_id)
    )
    return PreparedSelect(
        sa.select(*_CARD_COLUMNS)
        .select_from(
            _village.outerjoin(
                _township,
                sa.and_(_township.c.id == _village.c.parent_id, _township.c.deleted_at.is_(None)),
            ).outerjoin(covered, _places.c.region_id == _village.c.id)
        )
        .where(
            _village.c.code == sa.bindparam("code"),
            _village.c.level == RegionLevel.village,
            _village.c.deleted_at.is_(None),
        )
        .limit(1)
    )


_PUBLIC_CARD = _public_card_statement()


def public_card_row(conn: Connection, day: date, code: str) -> dict[str, Any] | None:
    """The live village (村/社区) with this 12-digit code, its township and its card's
    advisor today (``advisor_id`` None when no contract covers it); None for no such
    village."""
    rows = _PUBLIC_CARD.fetch(conn, {"day": day, "code": code})
    return rows[0] if rows else None


def card_rows(
    conn: Connection,
    caller: Principal,
    day: date,
    region_id: uuid.UUID,
    page: PageParams | None = None,
) -> Sequence[RowMapping]:
    """The card rows of the villages under ``region_id``, by village code: a page of them
    (limit + 1 rows, api.pagination) or, without ``page``, all (the print sheet)."""
    stmt = _caller_cards(conn, caller, day).where(region_subtree(region_id, _places.c.region_path))
    if page is not None:
        return keyset_rows(conn, stmt, page, CARD_ORDER)
    return conn.execute(stmt.order_by(*CARD_ORDER)).mappings().all()


def card_row(
    conn: Connection, caller: Principal, day: date, village_id: uuid.UUID
) -> RowMapping | None:
    """The card row of one village, as the caller may see it."""
    stmt = _caller_cards(conn, caller, day).where(_village.c.id == village_id)
    return conn.execute(stmt).mappings().first()


def contacts_of(
    conn: Connection, region_ids: Iterable[uuid.UUID | None]
) -> dict[uuid.UUID, list[RowMapping]]:
    """The live contact organizations placed in these regions, by region, each region's in
    CONTACT_TYPES order then by name."""
    ids = {r for r in region_ids if r is not None}
    if not ids:
        return {}
    rank = sa.case({t.value: i for i, t in enumerate(CONTACT_TYPES)}, value=org_t.c.type)
    rows = conn.execute(
        sa.select(org_t.c.region_id, org_t.c.type, org_t.c.name, org_t.c.phone)
        .where(
            org_t.c.region_id.in_(ids),
            org_t.c.type.in_([t.value for t in CONTACT_TYPES]),
            org_t.c.deleted_at.is_(None),
        )
        .order_by(rank, org_t.c.name, org_t.c.id)
    ).mappings()
    by_region: dict[uuid.UUID, list[RowMapping]] = defaultdict(list)
    for row in rows:
        by_region[row["region_id"]].append(row)
    return by_region
