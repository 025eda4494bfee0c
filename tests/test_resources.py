"""The pieces every write and every list query share (api/resources.py, api/filters.py):
loading a row for a PUT or a change, the PATCH null and PUT immutable-field refusals, the
fields a create audits, and the scope and equality filters of a list."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from pydantic import BaseModel

from liushou.api.filters import scoped, where_equal
from liushou.api.resources import (
    ResourceDeleted,
    for_change,
    for_replace,
    get_live,
    get_live_by,
    given_fields,
    refuse_immutable_changes,
    refuse_nulls,
    soft_delete,
)
from liushou.auth.accounts import CLI_PRINCIPAL
from liushou.db import Database
from liushou.errors import FieldInvalid, Forbidden, NotFound, PreconditionFailed
from liushou.guardianship.models import CaretakerKind
from liushou.regions.models import Region, RegionLevel
from liushou.regions.schemas import RegionCreate
from liushou.regions.service import create_region
from liushou.tables import caretaker_t


class Body(BaseModel):
    name: str | None = None
    parent_id: int | None = None


def test_a_patch_may_leave_a_required_field_out_but_not_null_it() -> None:
    refuse_nulls({"note": None}, ["name"])
    with pytest.raises(FieldInvalid) as refused:
        refuse_nulls({"name": None}, ["kind", "name"])
    assert refused.value.code == "validation_error"
    assert refused.value.errors == [
        {"loc": ["body", "name"], "msg": "name cannot be null.", "code": "validation_error"}
    ]


def test_a_put_cannot_change_what_the_resource_is() -> None:
    row = Body(name="a", parent_id=1)
    refuse_immutable_changes(Body(name="b", parent_id=1), row, ["parent_id"], "{name}", "{name}")
    with pytest.raises(FieldInvalid) as refused:
        refuse_immutable_changes(
            Body(parent_id=2), row, ["parent_id"], "{name} 不能改。", "No {name} change."
        )
    assert refused.value.code == "immutable_field"
    assert (refused.value.detail_zh, refused.value.detail_en) == (
        "parent_id 不能改。",
        "No parent_id change.",
    )


def test_a_create_audits_the_fields_given_a_value() -> None:
    assert given_fields(Body(name="a", parent_id=None)) == ["name"]
    assert given_fields(Body()) == []


def _sql(stmt: sa.Select[Any]) -> str:
    return str(stmt.compile(compile_kwargs={"literal_binds": True}))


def test_a_list_filters_only_on_what_it_was_given() -> None:
    base = sa.select(caretaker_t.c.id)
    assert _sql(where_equal(base, caretaker_t, kind=None, user_id=None)) == _sql(base)
    assert _sql(scoped(base, None)) == _sql(base)
    filtered = _sql(where_equal(base, caretaker_t, kind=CaretakerKind.volunteer, user_id=None))
    assert "caretaker.kind = 'volunteer'" in filtered
    assert "user_id" not in filtered.split("WHERE")[1]


def _region(db: Database, code: str) -> uuid.UUID:
    body = RegionCreate(code=code, name="测试区", level=RegionLevel.province, parent_id=None)
    with db.session() as session:
        region_id = create_region(session, CLI_PRINCIPAL, body).id
        session.commit()
    return region_id


def test_loading_for_a_put_or_a_change(db: Database) -> None:
    live, deleted = _region(db, "370000"), _region(db, "320000")
    with db.session() as session:
        soft_delete(session.get_one(Region, deleted), None)
        session.flush()

        assert get_live(session, Region, live) is not None
        assert get_live(session, Region, deleted) is None
        # By a natural key: the live row only.
        found = get_live_by(session, Region, code="370000")
        assert found is not None and found.id == live
        assert get_live_by(session, Region, code="320000") is None

        # A PUT to a new id creates, unless If-Match names a version of it.
        assert for_replace(session, Region, uuid.uuid4(), None) is None
        with pytest.raises(PreconditionFailed):
            for_replace(session, Region, uuid.uuid4(), '"1"')
        # A deleted id is not given out again; a change finds nothing.
        with pytest.raises(ResourceDeleted):
            for_replace(session, Region, deleted, None)
        with pytest.raises(NotFound):
            for_change(session, Region, deleted, None)

        region = for_change(session, Region, live, '"1"')
        assert region.id == live
        with pytest.raises(PreconditionFailed):
            for_replace(session, Region, live, '"2"')

        def refuse(_: Region) -> Region:
            raise Forbidden()

        # The caller's check comes before If-Match: a stale tag tells nothing.
        with pytest.raises(Forbidden):
            for_change(session, Region, live, '"2"', refuse)
