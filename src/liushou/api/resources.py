"""What writes to any resource share: load for update (for a PUT, a change, a delete),
apply a change, refuse what a body may not change, soft delete, and the audit event."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from liushou.api.concurrency import check_if_match, etag
from liushou.audit import service as audit
from liushou.auth.principal import Principal
from liushou.db import Resource, utcnow
from liushou.errors import Conflict, FieldInvalid, NotFound

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
    row = session.exec(_locked_by_id(model), params={"id": resource_id}).one_or_none()
    if row is not None and row.deleted_at is not None and not include_deleted:
        return None
    return row


@functools.cache
def _locked_by_id(model: type[R]) -> SelectOfScalar[R]:
    """The statement of :func:`load_for_write`, built once per model (docs/performance.md,
    "Writes")."""
    return select(model).where(model.id == sa.bindparam("id")).with_for_update()


def get_live(session: Session, model: type[R], resource_id: uuid.UUID) -> R | None:
    """The row, unless there is none or it is soft-deleted (not locked: for a row the
    write only refers to; :func:`load_for_write` locks the one it changes)."""
    row = session.get(model, resource_id)
    return row if row is not None and row.deleted_at is None else None


def get_live_by(session: Session, model: type[R], **key: Any) -> R | None:
    """The live row with this natural key (``username=...``, ``code=...``), or None: a
    partial unique index keeps it to one live row (not locked, as :func:`get_live`)."""
    if any(value is None for value in key.values()):  # IS NULL: not a bound "="
        stmt = select(model).filter_by(**key).where(col(model.deleted_at).is_(None))
        return session.exec(stmt).one_or_none()
    return session.exec(_live_by(model, tuple(sorted(key))), params=key).one_or_none()


@functools.cache
def _live_by(model: type[R], names: tuple[str, ...]) -> SelectOfScalar[R]:
    """The statement of :func:`get_live_by`, built once per model and key (building it
    cost more than running it; docs/performance.md, "Writes")."""
    key = [getattr(model, name) == sa.bindparam(name) for name in names]
    return select(model).where(*key, col(model.deleted_at).is_(None))


def add_created(session: Session, row: R) -> R:
    """A new row, added and flushed, with ``updated_at`` equal to ``created_at`` (each has
    its own default, read from the clock a moment apart)."""
    row.updated_at = row.created_at
    session.add(row)
    session.flush()
    return row


def _any_caller(row: R) -> R:
    return row


def for_replace(
    session: Session,
    model: type[R],
    resource_id: uuid.UUID,
    if_match: str | None,
    writable: Callable[[R], R] | None = None,
) -> R | None:
    """The row a PUT replaces: locked, live (409 once deleted: its id is not given out
    again), ``writable`` by the caller (it raises otherwise) and still at the version
    If-Match names (412). None when no row has this id: the PUT creates it, and If-Match,
    if any, names a version that does not exist (412)."""
    row = load_for_write(session, model, resource_id, include_deleted=True)
    if row is None:
        check_if_match(if_match, None)
        return None
    row = (writable or _any_caller)(require_live(row))
    check_if_match(if_match, row.version)
    return row


def for_change(
    session: Session,
    model: type[R],
    resource_id: uuid.UUID,
    if_match: str | None,
    writable: Callable[[R], R] | None = None,
) -> R:
    """The row a PATCH or an action (``/exit``, ``/reactivate``) changes: locked, live
    (404 otherwise), ``writable`` by the caller and still at the version If-Match names."""
    row = (writable or _any_caller)(require_live(load_for_write(session, model, resource_id)))
    check_if_match(if_match, row.version)
    return row


def patched(patch: BaseModel, required: Iterable[str]) -> dict[str, Any]:
    """The fields a PATCH gave (a PATCH changes only what it names), after
    :func:`refuse_nulls`."""
    given = patch.model_dump(exclude_unset=True)
    refuse_nulls(given, required)
    return given


def refuse_nulls(given: Mapping[str, Any], required: Iterable[str]) -> None:
    """422 ``validation_error`` for a PATCH that sets a required field to null (leaving it
    out is fine: a PATCH changes only what it names)."""
    for name in required:
        if name in given and given[name] is None:
            raise FieldInvalid(
                ["body", name], "validation_error", f"{name} 不能为空。", f"{name} cannot be null."
            )


def refuse_immutable_changes(
    body: BaseModel, row: Any, names: Iterable[str], detail_zh: str, detail_en: str
) -> None:
    """422 ``immutable_field`` for the first of ``names`` whose value in a PUT's ``body``
    differs from the stored row's: what a resource *is* (a region's parent, a visit's
    person) is fixed when it is created. The details may name the field as ``{name}``."""
    for name in names:
        if getattr(body, name) != getattr(row, name):
            raise FieldInvalid(
                ["body", name],
                "immutable_field",
                detail_zh.format(name=name),
                detail_en.format(name=name),
            )


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


def given_fields(body: BaseModel) -> list[str]:
    """The fields a request body gave a value (an explicit null gives none): what the audit
    event of a create lists as changed."""
    return sorted(name for name in body.model_fields_set if getattr(body, name) is not None)


def audit_write(
    session: Session,
    caller: Principal,
    row: Resource,
    verb: str,
    *,
    changed_fields: Iterable[str] | None = None,
    detail: dict[str, Any] | None = None,
    resource_type: str | None = None,
) -> None:
    """The audit event of a write to ``row``, in the write's transaction: action
    ``<type>.<verb>`` on the resource ``<type>``, its table's name unless ``resource_type``
    names it otherwise. It lists the names of the changed fields, never their values. The
    event of a row kept for a person (an assignment, a visit, a referral) names the person
    first in its ``detail``, so the person's audit trail finds every write about it."""
    kind = resource_type or str(row.__tablename__)
    person_id = getattr(row, "person_id", None)
    if person_id is not None:
        detail = {"person_id": str(person_id), **(detail or {})}
    audit.record(
        session,
        caller,
        f"{kind}.{verb}",
        resource_type=kind,
        resource_id=row.id,
        changed_fields=changed_fields,
        detail=detail,
    )


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
