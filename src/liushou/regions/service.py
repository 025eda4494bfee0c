"""The rules for writing regions and organizations. Functions flush; routers commit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from liushou.api.concurrency import check_if_match
from liushou.api.resources import apply_changes, load_for_write, require_live, soft_delete
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible
from liushou.errors import Conflict, FieldInvalid, NotFound, Unprocessable, field_error
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
    parent = repo.live_region(session, parent_id)
    if parent is None or not path_visible(parent.path, caller, lineage=True):
        raise FieldInvalid(
            ["body", "parent_id"],
            "invalid_region_parent",
            "上级区划不存在。",
            "The parent region does not exist.",
        )
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
    session.add(region)
    session.flush()
    audit.record(
        session,
        caller,
        "region.create",
        resource_type="region",
        resource_id=region.id,
        changed_fields=data.model_fields_set | {"code", "name", "level"},
    )
    return region


def replace_region(
    session: Session,
    caller: Principal,
    region_id: uuid.UUID,
    data: RegionCreate,
    if_match: str | None,
) -> tuple[Region, bool]:
    """PUT: create with the client's id (True) or replace the existing region (False)."""
    region = load_for_write(session, Region, region_id, include_deleted=True)
    if region is None:
        check_if_match(if_match, None)
        return create_region(session, caller, data, region_id), True
    region = require_live(region)
    check_if_match(if_match, region.version)
    for name in IMMUTABLE_REGION_FIELDS:
        if getattr(data, name) != getattr(region, name):
            raise FieldInvalid(
                ["body", name],
                "immutable_field",
                f"区划的 {name} 创建后不能修改。",
                f"A region's {name} cannot change after creation.",
            )
    _validate_region(session, caller, data)
    changed = apply_changes(region, {"name": data.name, "kind": data.kind})
    _audit_update(session, caller, region, changed)
    return region, False


def update_region(
    session: Session,
    caller: Principal,
    region_id: uuid.UUID,
    patch: RegionUpdate,
    if_match: str | None,
) -> Region:
    region = require_live(load_for_write(session, Region, region_id))
    check_if_match(if_match, region.version)
    values = patch.model_dump(exclude_unset=True)
    if "name" in values and values["name"] is None:
        raise FieldInvalid(
            ["body", "name"], "validation_error", "名称不能为空。", "name cannot be null."
        )
    merged = RegionCreate(
        code=region.code,
        name=values.get("name", region.name),
        level=region.level,
        kind=values.get("kind", region.kind),
        parent_id=region.parent_id,
    )
    _validate_region(session, caller, merged)
    changed = apply_changes(region, values)
    _audit_update(session, caller, region, changed)
    return region


def delete_region(
    session: Session, caller: Principal, region_id: uuid.UUID, if_match: str | None
) -> None:
    region = load_for_write(session, Region, region_id)
    if region is None:
        raise NotFound()
    if repo.region_in_use(session, region):
        raise Conflict(
            "该区划下仍有下级区划、组织、人员、联系人或账号，不能删除。",
            "The region still has child regions, organizations, persons, caretakers or users.",
            code="region_in_use",
        )
    soft_delete(region, if_match)
    audit.record(session, caller, "region.delete", resource_type="region", resource_id=region.id)


def _audit_update(session: Session, caller: Principal, row: Any, changed: list[str]) -> None:
    if changed:
        session.flush()
        table = row.__tablename__
        audit.record(
            session,
            caller,
            f"{table}.update",
            resource_type=table,
            resource_id=row.id,
            changed_fields=changed,
        )


# --- organizations -------------------------------------------------------------------


def _check_org_region(session: Session, caller: Principal, region_id: uuid.UUID) -> None:
    path = repo.region_path(session, region_id)
    if path is None or not path_visible(path, caller, lineage=True):
        raise FieldInvalid(
            ["body", "region_id"],
            "invalid_region",
            "所属区划不存在。",
            "The region does not exist.",
        )


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
    session.add(org)
    session.flush()
    audit.record(
        session,
        caller,
        "organization.create",
        resource_type="organization",
        resource_id=org.id,
        changed_fields=data.model_fields_set | {"name", "type", "region_id"},
    )
    return org


def replace_organization(
    session: Session,
    caller: Principal,
    organization_id: uuid.UUID,
    data: OrganizationCreate,
    if_match: str | None,
) -> tuple[Organization, bool]:
    org = load_for_write(session, Organization, organization_id, include_deleted=True)
    if org is None:
        check_if_match(if_match, None)
        return create_organization(session, caller, data, organization_id), True
    org = require_live(org)
    check_if_match(if_match, org.version)
    _check_org_region(session, caller, data.region_id)
    changed = apply_changes(org, _org_values(data.model_dump()))
    _audit_update(session, caller, org, changed)
    return org, False


def update_organization(
    session: Session,
    caller: Principal,
    organization_id: uuid.UUID,
    patch: OrganizationUpdate,
    if_match: str | None,
) -> Organization:
    org = require_live(load_for_write(session, Organization, organization_id))
    check_if_match(if_match, org.version)
    values = patch.model_dump(exclude_unset=True)
    for required in ("name", "type", "region_id", "networks"):
        if required in values and values[required] is None:
            raise FieldInvalid(
                ["body", required],
                "validation_error",
                f"{required} 不能为空。",
                f"{required} cannot be null.",
            )
    if "region_id" in values:
        _check_org_region(session, caller, values["region_id"])
    changed = apply_changes(org, _org_values(values))
    _audit_update(session, caller, org, changed)
    return org


def delete_organization(
    session: Session, caller: Principal, organization_id: uuid.UUID, if_match: str | None
) -> None:
    org = load_for_write(session, Organization, organization_id)
    if org is None:
        raise NotFound()
    soft_delete(org, if_match)
    audit.record(
        session, caller, "organization.delete", resource_type="organization", resource_id=org.id
    )


def _org_values(values: dict[str, Any]) -> dict[str, Any]:
    if values.get("networks") is not None:
        # Stored as a sorted list of codes: order carries no meaning, duplicates none.
        values["networks"] = sorted({str(getattr(n, "value", n)) for n in values["networks"]})
    return values
