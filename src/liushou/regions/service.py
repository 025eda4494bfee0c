"""The rules for writing regions and organizations. Functions flush; routers commit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible
from liushou.errors import Conflict, Unprocessable, field_error, unknown_reference
from liushou.regions import repository as repo
from liushou.regions.codes import check_region
from liushou.regions.models import Organization, Region
from liushou.regions.schemas import (
    OrganizationCreate,
    OrganizationUpdate,
    RegionCreate,
    RegionUpdate,
)

IMMUTABLE_REGION_FIELDS = ("code", "level", "parent_id")


# --- regions -------------------------------------------------------------------------


def _parent(session: Session, caller: Principal, parent_id: uuid.UUID | None) -> Region | None:
    if parent_id is None:
        return None
    parent = resources.get_live(session, Region, parent_id)
    if parent is None or not path_visible(parent.path, caller, lineage=True):
        raise unknown_reference("parent_id", "invalid_region_parent", "上级区划", "parent region")
    return parent


def _validate_region(session: Session, caller: Principal, data: RegionCreate) -> Region | None:
    parent = _parent(session, caller, data.parent_id)
    problems = check_region(
        data.code, data.level, data.kind, (parent.code, parent.level) if parent else None
    )
    if problems:
        first = problems[0]
        raise Unprocessable(
            first.zh,
            first.en,
            code=first.code,
            errors=[field_error(["body", p.field], p.en, p.code) for p in problems],
        )
    return parent


def _refuse_duplicate_code(session: Session, code: str, own_id: uuid.UUID | None) -> None:
    existing = repo.live_region_by_code(session, code)
    if existing is not None and existing.id != own_id:
        raise Conflict(
            f"区划代码 {code} 已存在。",
            f"Region code {code} already exists.",
            code="duplicate_region_code",
            existing_id=str(existing.id),
        )


def create_region(
    session: Session, caller: Principal, data: RegionCreate, region_id: uuid.UUID | None = None
) -> Region:
    parent = _validate_region(session, caller, data)
    _refuse_duplicate_code(session, data.code, None)
    region = Region.model_validate(
        data.model_dump(), update={"id": region_id or uuid.uuid4(), "path": ""}
    )
    region.path = (parent.path if parent else "") + region.id.hex + "/"
    _add(session, caller, region, data.model_fields_set | {"code", "name", "level"})
    return region


def replace_region(session: Session, caller: Principal, region: Region, data: RegionCreate) -> None:
    """PUT on an existing region (a new id: :func:`create_region`)."""
    resources.refuse_immutable_changes(
        data,
        region,
        IMMUTABLE_REGION_FIELDS,
        "区划的 {name} 创建后不能修改。",
        "A region's {name} cannot change after creation.",
    )
    _validate_region(session, caller, data)
    changed = resources.apply_changes(region, {"name": data.name, "kind": data.kind})
    _audit_update(session, caller, region, changed)


def update_region(
    session: Session,
    caller: Principal,
    region: Region,
    patch: RegionUpdate,
) -> Region:
    values = resources.patched(patch, ("name",))
    merged = RegionCreate(
        code=region.code,
        name=values.get("name", region.name),
        level=region.level,
        kind=values.get("kind", region.kind),
        parent_id=region.parent_id,
    )
    _validate_region(session, caller, merged)
    changed = resources.apply_changes(region, values)
    _audit_update(session, caller, region, changed)
    return region


def delete_region(
    session: Session, caller: Principal, region_id: uuid.UUID, if_match: str | None
) -> None:
    region = resources.require_live(resources.load_for_write(session, Region, region_id))
    if repo.region_in_use(session, region):
        raise Conflict(
            "该区划下仍有下级区划、组织、人员、联系人或账号，不能删除。",
            "The region still has child regions, organizations, persons, caretakers or users.",
            code="region_in_use",
        )
    resources.soft_delete(region, if_match)
    resources.audit_write(session, caller, region, "delete")


def _add(session: Session, caller: Principal, row: Region | Organization, given: set[str]) -> None:
    """Insert the new row (flushed: a broken constraint is refused here) and audit its
    creation with the fields its body gave."""
    session.add(row)
    session.flush()
    resources.audit_write(session, caller, row, "create", changed_fields=given)


def _audit_update(
    session: Session, caller: Principal, row: Region | Organization, changed: list[str]
) -> None:
    if changed:
        session.flush()
        resources.audit_write(session, caller, row, "update", changed_fields=changed)


# --- organizations -------------------------------------------------------------------


def _check_org_region(session: Session, caller: Principal, region_id: uuid.UUID) -> None:
    path = repo.region_path(session, region_id)
    if path is None or not path_visible(path, caller, lineage=True):
        raise unknown_reference("region_id", "invalid_region", "所属区划", "region")


def create_organization(
    session: Session,
    caller: Principal,
    data: OrganizationCreate,
    organization_id: uuid.UUID | None = None,
) -> Organization:
    _check_org_region(session, caller, data.region_id)
    org = Organization.model_validate(
        _org_values(data.model_dump(mode="json")), update={"id": organization_id or uuid.uuid4()}
    )
    _add(session, caller, org, data.model_fields_set | {"name", "type", "region_id"})
    return org


def replace_organization(
    session: Session, caller: Principal, org: Organization, data: OrganizationCreate
) -> None:
    """PUT on an existing organization (a new id: :func:`create_organization`)."""
    _check_org_region(session, caller, data.region_id)
    changed = resources.apply_changes(org, _org_values(data.model_dump()))
    _audit_update(session, caller, org, changed)


def update_organization(
    session: Session,
    caller: Principal,
    org: Organization,
    patch: OrganizationUpdate,
) -> Organization:
    values = resources.patched(patch, ("name", "type", "region_id", "networks"))
    if "region_id" in values:
        _check_org_region(session, caller, values["region_id"])
    changed = resources.apply_changes(org, _org_values(values))
    _audit_update(session, caller, org, changed)
    return org


def delete_organization(
    session: Session, caller: Principal, organization_id: uuid.UUID, if_match: str | None
) -> None:
    org = resources.require_live(resources.load_for_write(session, Organization, organization_id))
    resources.soft_delete(org, if_match)
    resources.audit_write(session, caller, org, "delete")
    # Its users' and clients' tokens end with it (liushou.auth.revocation, on the flush).


def _org_values(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("networks") is not None:
        # Stored as a sorted list of codes: order carries no meaning, duplicates none.
        values["networks"] = sorted({str(getattr(n, "value", n)) for n in values["networks"]})
    return values
