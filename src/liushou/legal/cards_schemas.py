"""The hotline card (便民找法服务卡) as JSON: the authenticated card and the public one
(docs/legal.md, "Hotline cards", "The public card page")."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from liushou.api.params import ShownDay
from liushou.regions.models import OrganizationType


class CardVillage(BaseModel):
    id: uuid.UUID
    code: str = Field(examples=["370871002201"])
    name: str


class CardTownship(BaseModel):
    id: uuid.UUID
    name: str


class CardAdvisor(BaseModel):
    id: uuid.UUID
    name: str
    law_firm: str = Field(description="The contracting law firm's name")
    phone: str
    service_hours: str | None


class CardContact(BaseModel):
    type: OrganizationType
    name: str
    phone: str | None


class Hotline(BaseModel):
    number: str = Field(examples=["12348"])
    name: str = Field(examples=["公共法律服务"])


# Printed on every card, also when a village has no advisor today.
HOTLINES = (
    Hotline(number="12348", name="公共法律服务"),
    Hotline(number="12338", name="妇女维权"),
    Hotline(number="12355", name="青少年服务"),
    Hotline(number="110", name="报警"),
)


class PublicCard(BaseModel):
    """What the public page shows: no login, never any registry data. ``advisor`` and
    ``valid_until`` are null when no contract covers the village today."""

    village: CardVillage
    advisor: CardAdvisor | None
    contacts: list[CardContact]
    hotlines: list[Hotline]
    valid_until: ShownDay | None = Field(description="The covering contract's ends_on")


class HotlineCard(BaseModel):
    """One village's card: its advisor under the contract that covers it today."""

    village: CardVillage
    township: CardTownship | None
    advisor: CardAdvisor
    contacts: list[CardContact] = Field(
        description="Village or community committee, police station, judicial office and "
        "women's federation of the village, then of its township"
    )
    hotlines: list[Hotline]
    valid_until: ShownDay = Field(description="The covering contract's ends_on")
    public_url: str = Field(description="The public card page, the address the QR code holds")
