"""The rules every service write checks (docs/services.md, "Rules"): the type exists and
serves the person's category, the day is not in the future, the person was on the register
that day, and the caller may see the person. A record, an activity's attendance and a
wish's fulfilment all go through these, so each rule is written once.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.clock import today
from liushou.errors import FieldInvalid, unknown_reference
from liushou.guardianship.access import locked_person
from liushou.registry.models import Person
from liushou.registry.register import still_counts
from liushou.services.models import ServiceType


def live_type(session: Session, code: str, field: str = "service_type") -> ServiceType:
    """The live service type with this code (422 ``invalid_service_type`` otherwise)."""
    service_type = resources.get_live_by(session, ServiceType, code=code)
    if service_type is None:
        raise unknown_reference(field, "invalid_service_type", "服务类型", "service type")
    return service_type


def serves(service_type: ServiceType, person: Person) -> bool:
    return person.category.value in service_type.categories


def check_serves(service_type: ServiceType, person: Person, field: str = "service_type") -> None:
    """422 ``service_not_for_category``: a 生殖健康咨询 for a child, a 微心愿 for an elder."""
    if not serves(service_type, person):
        raise FieldInvalid(
            ["body", field],
            "service_not_for_category",
            f"服务类型“{service_type.name_zh}”不适用于{person.category.label_zh}。",
            f"The service type {service_type.code} is not meant for a {person.category.value}.",
        )


def check_not_future(day: date, field: str) -> None:
    """422 ``date_in_future``: a service is recorded once it was delivered (today in
    Asia/Shanghai, docs/dates.md)."""
    if day > today():
        raise FieldInvalid(
            ["body", field],
            "date_in_future",
            "日期不能晚于今天。",
            f"{field} cannot be in the future.",
        )


def on_register_on(person: Person, day: date) -> bool:
    """The person was on the register on ``day``: its stay had begun (``left_behind_since``),
    had not ended (the exit day itself no longer counts) and a child had not yet turned 16
    (docs/domain.md, "On the register")."""
    return (
        person.left_behind_since <= day
        and (person.exited_on is None or person.exited_on > day)
        and still_counts(person.counts_until, day)
    )


def check_on_register(person: Person, day: date, field: str = "person_id") -> None:
    """422 ``person_not_active``: no service for a day the person was not on the register."""
    if not on_register_on(person, day):
        raise FieldInvalid(
            ["body", field],
            "person_not_active",
            f"此人在{day.isoformat()}不在留守名册中。",
            f"This person was not on the register on {day.isoformat()}.",
        )


def person_served(
    session: Session, caller: Principal, person_id: uuid.UUID, service_type: ServiceType, day: date
) -> Person:
    """The person a service is recorded for, locked, after every rule: seen by the caller
    (404 otherwise, as for the person itself), served by the type, on the register that
    day."""
    person = locked_person(session, caller, person_id)
    check_serves(service_type, person)
    check_on_register(person, day)
    return person
