"""The rules of service types (docs/services.md, "Service types"): only an admin writes
them; a code is given out once (409 ``service_type_exists``, deleted types included) and
never changes; the seeded catalogue cannot be deleted (409 ``service_type_seeded``).
Functions flush; routers commit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.errors import Conflict, FieldInvalid
from liushou.services import types_repository as repo
from liushou.services.models import ServiceType
from liushou.services.schemas import ServiceTypeCreate, ServiceTypeUpdate


def _categories(values: list[Any]) -> list[str]:
    return sorted({str(getattr(v, "value", v)) for v in values})


def _refuse_taken_code(session: Session, code: str) -> None:
    existing = repo.by_code(session, code)
    if existing is not None:
        raise Conflict(
            f"服务类型代码“{code}”已被使用（含已删除的类型）。",
            f"The service type code {code} is taken (deleted types included).",
            code="service_type_exists",
            existing_id=str(existing.id),
        )


def _described(data: ServiceTypeCreate | ServiceTypeUpdate) -> dict[str, Any]:
    values = data.model_dump(exclude_unset=True, exclude={"code"})
    if values.get("categories") is not None:
        values["categories"] = _categories(values["categories"])
    return values


def create_type(
    session: Session, caller: Principal, data: ServiceTypeCreate, type_id: uuid.UUID | None = None
) -> ServiceType:
    _refuse_taken_code(session, data.code)
    row = ServiceType.model_validate(
        {
            "id": type_id or uuid.uuid4(),
            "code": data.code,
            "name_zh": data.name_zh,
            "program": data.program,
            "categories": _categories(data.categories),
            "unit": data.unit,
            "seeded": False,
        }
    )
    resources.add_created(session, row)
    resources.audit_write(
        session, caller, row, "create", changed_fields=resources.given_fields(data)
    )
    return row


def _refuse_code_change(row: ServiceType, code: str | None) -> None:
    if code is not None and code != row.code:
        raise FieldInvalid(
            ["body", "code"],
            "immutable_field",
            "服务类型的代码创建后不能修改。",
            "A service type's code cannot change.",
        )


def _change(session: Session, caller: Principal, row: ServiceType, values: dict[str, Any]) -> None:
    changed = resources.apply_changes(row, values)
    if changed:
        session.flush()
        resources.audit_write(session, caller, row, "update", changed_fields=changed)


def replace_type(
    session: Session, caller: Principal, row: ServiceType, data: ServiceTypeCreate
) -> None:
    """PUT on an existing type: replace its description (a new id: :func:`create_type`)."""
    _refuse_code_change(row, data.code)
    values = _described(data)
    values.setdefault("unit", data.unit)
    _change(session, caller, row, values)


def update_type(
    session: Session,
    caller: Principal,
    row: ServiceType,
    patch: ServiceTypeUpdate,
) -> ServiceType:
    _refuse_code_change(row, patch.code)
    values = _described(patch)
    resources.refuse_nulls(values, ("name_zh", "program", "categories", "unit"))
    _change(session, caller, row, values)
    return row


def delete_type(
    session: Session, caller: Principal, type_id: uuid.UUID, if_match: str | None
) -> None:
    """Soft delete: no new record may use the type; the records made with it stay."""
    row = resources.require_live(resources.load_for_write(session, ServiceType, type_id))
    if row.seeded:
        raise Conflict(
            "预置服务类型不能删除。",
            "A seeded service type cannot be deleted.",
            code="service_type_seeded",
        )
    resources.soft_delete(row, if_match)
    resources.audit_write(session, caller, row, "delete")
