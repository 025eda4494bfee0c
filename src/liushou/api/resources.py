"""What writes to any resource share: load for update, apply a change, soft delete."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlmodel import Session, select

from liushou.api.concurrency import check_if_match, etag
from liushou.db import Resource, utcnow
from liushou.errors import Conflict, NotFound

R = TypeVar("R", bound=Resource)


class ResourceDeleted(Conflict):
    code = "resource_deleted"
    detail_zh = "该资源已被删除，不能再修改。"
    detail_en = "This resource was deleted and can no longer be changed."


def load_for_write(
    session: Session, model: type[R], resource_id: uuid.UUID, *, include_deleted: bool = False
) -> R | None:
    """The row locked for this transaction (FOR UPDATE on PostgreSQL; SQLite already holds
    the write lock from BEGIN IMMEDIATE)."""
    stmt = select(model).where(model.id == resource_id).with_for_update()
    row = session.exec(stmt).one_or_none()
    if row is not None and row.deleted_at is not None and not include_deleted:
        return None
    return row


def apply_changes(row: Resource, values: Mapping[str, Any]) -> list[str]:
    """Set the given fields; bump version and updated_at only if something really changed."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        row.version += 1
        row.updated_at = utcnow()
    return changed


def soft_delete(row: Resource, if_match: str | None) -> None:
    check_if_match(if_match, row.version)
    row.deleted_at = utcnow()
    row.updated_at = row.deleted_at
    row.version += 1


def require_live(row: R | None) -> R:
    if row is None:
        raise NotFound()
    if row.deleted_at is not None:
        raise ResourceDeleted()
    return row


def resource_headers(row: Resource, location: str | None = None) -> dict[str, str]:
    headers = {"ETag": etag(row.version)}
    if location is not None:
        headers["Location"] = location
    return headers
