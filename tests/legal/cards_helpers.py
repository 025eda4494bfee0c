"""Advisors, contracts and villages for the hotline-card tests, written as model rows (the
advisors' and contracts' APIs are built elsewhere), and readers of what the cards hold."""

from __future__ import annotations

import itertools
import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PIL import Image, ImageDraw

from liushou.clock import today
from liushou.db import Database
from liushou.legal import coverage
from liushou.legal.enums import AdvisorCategory
from liushou.legal.models import LegalAdvisor, LegalContract, LegalContractVillage
from liushou.regions.models import Organization, OrganizationType, Region, RegionKind, RegionLevel
from tests.factories import make_organization, make_region
from tests.guardianship.helpers import assert_problem  # noqa: F401

API = "/api/v1"
CARDS = f"{API}/hotline-cards"
PUBLIC = "/public/hotline-cards"
CARD_KEYS = {
    "village",
    "township",
    "advisor",
    "contacts",
    "hotlines",
    "valid_until",
    "public_url",
}
PUBLIC_KEYS = {"village", "advisor", "contacts", "hotlines", "valid_until"}
HOTLINES = [
    {"number": "12348", "name": "公共法律服务"},
    {"number": "12338", "name": "妇女维权"},
    {"number": "12355", "name": "青少年服务"},
    {"number": "110", "name": "报警"},
]

_licenses = itertools.count(1)
_codes = itertools.count()


def day(offset: int) -> date:
    return today() + timedelta(days=offset)


def law_firm(db: Database, region: Region, name: str = "济宁舜鸿律师事务所") -> Organization:
    return db.run_in_session(
        lambda s: make_organization(s, name, OrganizationType.law_firm, region)
    )


def organization(
    db: Database, region: Region, name: str, type: OrganizationType, phone: str | None = None
) -> Organization:
    return db.run_in_session(lambda s: make_organization(s, name, type, region, phone=phone))


def village(db: Database, township: Region, name: str) -> Region:
    """A new village (村) under ``township``: its code part cycles through 202–399 (a 村's
    range; 201 is taken by the world's villages), distinct within any test."""
    code = f"{township.code[:9]}{202 + next(_codes) % 198:03d}"
    return db.run_in_session(
        lambda s: make_region(s, code, name, RegionLevel.village, township, RegionKind.village)
    )


def advisor(
    db: Database,
    firm: Organization,
    name: str = "鞠朝娟",
    phone: str = "13853712348",
    *,
    service_hours: str | None = "每周二、周四 9:00–12:00 驻村",
    user_id: uuid.UUID | None = None,
    deleted: bool = False,
) -> LegalAdvisor:
    def build(session: Any) -> LegalAdvisor:
        row = LegalAdvisor(
            name=name,
            law_firm_id=firm.id,
            license_no=f"1370820{next(_licenses):010d}",
            phone=phone,
            category=AdvisorCategory.full_time,
            service_hours=service_hours,
            user_id=user_id,
        )
        if deleted:
            row.deleted_at = row.created_at
        session.add(row)
        session.flush()
        return row

    return db.run_in_session(build)


def contract(
    db: Database,
    advisor_row: LegalAdvisor,
    villages: list[Region],
    *,
    starts_on: date | None = None,
    ends_on: date | None = None,
    terminated_on: date | None = None,
    deleted: bool = False,
) -> LegalContract:
    """A contract of the advisor's firm covering ``villages`` (by default from a month ago
    to the end of a year from now)."""
    starts_on = starts_on or day(-30)
    ends_on = ends_on or day(335)

    def build(session: Any) -> LegalContract:
        row = LegalContract(
            law_firm_id=advisor_row.law_firm_id,
            advisor_id=advisor_row.id,
            starts_on=starts_on,
            ends_on=ends_on,
            terminated_on=terminated_on,
            last_day=coverage.last_day(ends_on, terminated_on),
            created_by="test",
        )
        if deleted:
            row.deleted_at = row.created_at
        session.add(row)
        session.flush()
        for v in villages:
            session.add(
                LegalContractVillage(contract_id=row.id, region_id=v.id, region_path=v.path)
            )
        session.flush()
        return row

    return db.run_in_session(build)


@dataclass
class Served:
    """A village, its advisor and the contract covering it today."""

    village: Region
    firm: Organization
    advisor: LegalAdvisor
    contract: LegalContract


def served(
    db: Database, village_row: Region, firm: Organization | None = None, **advisor_fields: Any
) -> Served:
    firm = firm or law_firm(db, village_row)
    person = advisor(db, firm, **advisor_fields)
    return Served(village_row, firm, person, contract(db, person, [village_row]))


# --- reading what a card holds ------------------------------------------------------------

_RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\d+z")


def qr_image_from_svg(svg_text: str, module_px: int = 8) -> Image.Image:
    """Rasterize the QR code of a served card SVG: the ``<path id="qr">`` is a list of
    horizontal runs of dark modules (cards_svg.qr_path); each becomes a black rectangle
    on white. The symbol's size is the white square drawn under it."""
    size = int(re.search(r'<rect width="(\d+)" height="\1" fill="#ffffff"/>', svg_text)[1])  # type: ignore[index]
    path = re.search(r'<path id="qr" d="([^"]+)"', svg_text)[1]  # type: ignore[index]
    image = Image.new("L", (size * module_px, size * module_px), 255)
    draw = ImageDraw.Draw(image)
    runs = _RUN.findall(path)
    assert runs and "".join(f"M{x} {y}h{n}v1h-{n}z" for x, y, n in runs) == path
    for x, y, n in runs:
        x0, y0 = int(x) * module_px, int(y) * module_px
        draw.rectangle([x0, y0, x0 + int(n) * module_px - 1, y0 + module_px - 1], fill=0)
    return image
