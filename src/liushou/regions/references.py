"""The regions and organizations a write may name: live, and in the caller's area.

A row that does not exist and a row out of the caller's sight get the same 422, so an id
outside the caller's area is not confirmed (docs/privacy.md). Caretakers, activities and
distributions name their region through :func:`region_in_area`; caretakers and activities
their organization through :func:`organization_in_sight`.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible
from liushou.errors import FieldInvalid, unknown_reference
from liushou.regions.models import Organization, Region, RegionLevel

# Where a caretaker works and an activity is held: a village or a township.
VILLAGE_OR_TOWNSHIP = frozenset({RegionLevel.village, RegionLevel.township})


def region_in_area(
    session: Session,
    caller: Principal,
    region_id: uuid.UUID,
    levels: Collection[RegionLevel] | None = None,
) -> Region:
    """The live region, of one of ``levels`` when given, inside the caller's area (422
    ``invalid_region`` otherwise)."""
    region = resources.get_live(session, Region, region_id)
    if (
        region is None
        or (levels is not None and region.level not in levels)
        or not path_visible(region.path, caller, lineage=False)
    ):
        if levels == VILLAGE_OR_TOWNSHIP:
            zh, en = "村/社区或街道(乡镇)", "village or township"
        else:
            zh, en = "区划", "region"
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            f"{zh}不存在或不在您的管辖范围内。",
            f"The {en} does not exist or is outside your area.",
        )
    return region


def organization_in_sight(
    session: Session, caller: Principal, organization_id: uuid.UUID, what_zh: str
) -> Organization:
    """The live organization, of a region the caller may see, its own or one above it
    (422 ``invalid_organization`` otherwise). ``what_zh`` names the field (所属组织)."""
    org = resources.get_live(session, Organization, organization_id)
    org_region = resources.get_live(session, Region, org.region_id) if org else None
    if org is None or org_region is None or not path_visible(org_region.path, caller, lineage=True):
        raise unknown_reference("organization_id", "invalid_organization", what_zh, "organization")
    return org
