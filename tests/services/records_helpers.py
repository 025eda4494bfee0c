"""Bodies and HTTP helpers for the service type and service record tests.

Persons, caretakers and assignments are made through the API like a client would (the
care tests' helpers); dates are relative to today in Asia/Shanghai.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import httpx
from sqlmodel import Session

from liushou.db import Database
from liushou.services.enums import WishKind, WishStatus
from liushou.services.models import Activity, ServiceRecord, Wish
from tests.guardianship.helpers import (  # noqa: F401
    API,
    assert_problem,
    assigned,
    audit_events,
    create_caretaker,
    create_person,
    days_ago,
    ids,
)
from tests.http import list_all  # noqa: F401

TYPES = f"{API}/service-types"
RECORDS = f"{API}/service-records"


def record_body(
    person: dict[str, Any],
    service_type: str = "companionship_visit",
    delivered_on: date | str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "person_id": person["id"],
        "service_type": service_type,
        "delivered_on": str(delivered_on or days_ago(1)),
        **extra,
    }


def record(
    client: httpx.Client, headers: dict[str, str], person: dict[str, Any], **kw: Any
) -> httpx.Response:
    return client.post(RECORDS, json=record_body(person, **kw), headers=headers)


def recorded(client, headers, person, **kw) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    response = record(client, headers, person, **kw)
    assert response.status_code == 201, response.text
    return response.json()


def type_body(code: str = "tea_party", **extra: Any) -> dict[str, Any]:
    return {
        "code": code,
        "name_zh": "茶话会",
        "program": "companionship",
        "categories": ["elder", "woman"],
        **extra,
    }


def volunteer_of(client: httpx.Client, world: Any, person: dict[str, Any]) -> dict[str, Any]:
    """The world's volunteer login, as a caretaker assigned to ``person``."""
    staff = world.as_("staff")
    caretaker = create_caretaker(
        client, staff, world.community, "volunteer", user_id=str(world.users["volunteer"].id)
    )
    assigned(client, staff, person, caretaker, role="companion")
    return caretaker


def made_by(db: Database, record_id: str, world: Any, *, wish: bool = False) -> str:
    """Mark the record as made by an activity (or a wish's fulfilment), as those services
    will: straight in the database. The id of the activity or wish."""

    def mark(session: Session) -> str:
        record = session.get(ServiceRecord, uuid.UUID(record_id))
        assert record is not None
        if wish:
            owner: Any = Wish(
                person_id=record.person_id,
                kind=WishKind.micro_wish,
                description="一套水彩笔",
                status=WishStatus.fulfilled,
                created_by="u_staff",
            )
        else:
            owner = Activity(
                title="四点半课堂",
                service_type=record.service_type,
                region_id=world.community.id,
                region_path=world.community.path,
                held_on=record.delivered_on,
                created_by="u_staff",
            )
        session.add(owner)
        session.flush()  # the owner first: the record's foreign key names it
        if wish:
            record.wish_id = owner.id
        else:
            record.activity_id = owner.id
        session.add(record)
        return str(owner.id)

    return db.run_in_session(mark)
