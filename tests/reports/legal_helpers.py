"""Legal advisors, contracts, their villages and legal activities for the report tests,
inserted as model rows (the legal APIs are built elsewhere). A contract's ``last_day`` is
computed by legal/coverage.py, as the service keeps it."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from liushou.clock import now, today
from liushou.legal.coverage import last_day
from liushou.legal.enums import AdvisorCategory, LegalActivityMode, LegalActivityType
from liushou.legal.models import LegalActivity, LegalAdvisor, LegalContract, LegalContractVillage
from liushou.regions.models import OrganizationType, RegionKind, RegionLevel
from tests.factories import make_organization, make_region

LEGAL_REPORT = "/api/v1/reports/legal-advisors"


def t(offset: int) -> date:
    return today() + timedelta(days=offset)


def law_firm(db: Any, region: Any, name: str = "济宁舜鸿律师事务所") -> Any:
    return db.run_in_session(
        lambda s: make_organization(s, name, OrganizationType.law_firm, region)
    )


def new_village(db: Any, township: Any, code: str, name: str) -> Any:
    return db.run_in_session(
        lambda s: make_region(s, code, name, RegionLevel.village, township, RegionKind.village)
    )


def advisor(db: Any, firm: Any, name: str, license_no: str, user: Any = None) -> LegalAdvisor:
    row = LegalAdvisor(
        name=name,
        law_firm_id=firm.id,
        license_no=license_no,
        phone="13800000000",
        category=AdvisorCategory.full_time,
        user_id=user.id if user is not None else None,
    )
    return _add(db, row)


def contract(
    db: Any,
    who: LegalAdvisor,
    villages: list[Any],
    starts_on: date,
    ends_on: date,
    terminated_on: date | None = None,
    weekly: int = 2,
    monthly: int = 240,
    deleted: bool = False,
) -> LegalContract:
    row = LegalContract(
        law_firm_id=who.law_firm_id,
        advisor_id=who.id,
        starts_on=starts_on,
        ends_on=ends_on,
        terminated_on=terminated_on,
        last_day=last_day(ends_on, terminated_on),
        weekly_activity_target=weekly,
        monthly_onsite_minutes_target=monthly,
        created_by="test",
        deleted_at=now() if deleted else None,
    )

    def add(session: Any) -> LegalContract:
        session.add(row)
        session.flush()
        for village in villages:
            session.add(
                LegalContractVillage(
                    contract_id=row.id, region_id=village.id, region_path=village.path
                )
            )
        session.flush()
        session.expunge(row)
        return row

    return db.run_in_session(add)


def activity(
    who: LegalAdvisor,
    deal: LegalContract,
    village: Any,
    held_on: date,
    type: str = "consultation",
    mode: str = "on_site",
    minutes: int = 60,
    deleted: bool = False,
) -> LegalActivity:
    """An activity row, not yet added (see :func:`add_all`)."""
    return LegalActivity(
        advisor_id=who.id,
        contract_id=deal.id,
        region_id=village.id,
        region_path=village.path,
        type=LegalActivityType(type),
        mode=LegalActivityMode(mode),
        held_on=held_on,
        duration_minutes=minutes,
        summary="法律咨询",
        created_by="test",
        deleted_at=now() if deleted else None,
    )


def add_all(db: Any, rows: list[Any]) -> None:
    def add(session: Any) -> None:
        session.add_all(rows)
        session.flush()

    db.run_in_session(add)


def _add(db: Any, row: Any) -> Any:
    def add(session: Any) -> Any:
        session.add(row)
        session.flush()
        session.expunge(row)
        return row

    return db.run_in_session(add)


def report(client: Any, headers: dict[str, str], region: Any, since=None, until=None) -> Any:  # type: ignore[no-untyped-def]
    params = {} if region is None else {"region_id": str(getattr(region, "id", region))}
    if since is not None:
        params["from"] = since.isoformat()
    if until is not None:
        params["to"] = until.isoformat()
    return client.get(LEGAL_REPORT, params=params, headers=headers)


def report_json(client: Any, headers: dict[str, str], region: Any, since=None, until=None) -> Any:  # type: ignore[no-untyped-def]
    response = report(client, headers, region, since, until)
    assert response.status_code == 200, response.text
    return response.json()


def iso(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def ids(items: list[dict[str, Any]], key: str = "region_id") -> list[str]:
    return [item[key] for item in items]


def uid(row: Any) -> str:
    return str(row.id if not isinstance(row, uuid.UUID) else row)
