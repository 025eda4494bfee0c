"""The filters of `GET /persons`, as one dependency: the list and the exports share it, so
both take exactly the same query parameters and the OpenAPI document lists them once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query

from liushou.api.dependencies import PersonalDataDep
from liushou.api.params import Day, InRegion, SearchText
from liushou.errors import Unprocessable
from liushou.registry import enums
from liushou.registry import identifiers as ids
from liushou.registry.repository import PersonFilters


@dataclass(frozen=True)
class PersonQuery:
    filters: PersonFilters
    as_of: date | None = None

    def described(self) -> dict[str, Any]:
        """The filters that were given, for an audit record: never the ID number itself."""
        given: dict[str, Any] = {}
        for name, value in vars(self.filters).items():
            if value is None:
                continue
            if name == "id_number_index":
                given["id_number"] = "(given)"
            else:
                given[name] = str(value)
        if self.as_of is not None:
            given["as_of"] = self.as_of.isoformat()
        return given


async def person_query(
    pii: PersonalDataDep,
    region_id: InRegion = None,
    category: enums.PersonCategory | None = None,
    status: enums.PersonStatus | None = None,
    q: Annotated[
        SearchText | None,
        Query(min_length=1, max_length=50, description="Name contains, or pinyin initials (zw)"),
    ] = None,
    guardianship_type: enums.GuardianshipType | None = None,
    schooling_status: enums.SchoolingStatus | None = None,
    health_status: enums.HealthStatus | None = None,
    living_arrangement: enums.LivingArrangement | None = None,
    risk_tier: enums.RiskTier | None = None,
    age_min: Annotated[int | None, Query(ge=0, le=150)] = None,
    age_max: Annotated[int | None, Query(ge=0, le=150)] = None,
    alert: enums.Alert | None = None,
    overdue: Annotated[
        bool | None,
        Query(description="true: on the register, and the primary contact's visit is overdue"),
    ] = None,
    unassigned: Annotated[
        bool | None, Query(description="true: on the register, with no active primary contact")
    ] = None,
    as_of: Annotated[Day | None, Query(description="Who was on the register that day")] = None,
    id_number: Annotated[
        str | None, Query(min_length=15, max_length=24, description="Exact lookup")
    ] = None,
) -> PersonQuery:
    # async: runs on the event loop, no threadpool hop (see api/pagination.page_params).
    index = None
    if id_number is not None:
        index = pii.index.index(ids.normalize_id_number(id_number))
    filters = PersonFilters(
        region_id=region_id,
        category=category,
        status=status,
        q=q,
        guardianship_type=guardianship_type,
        schooling_status=schooling_status,
        health_status=health_status,
        living_arrangement=living_arrangement,
        risk_tier=risk_tier,
        age_min=age_min,
        age_max=age_max,
        alert=alert,
        id_number_index=index,
        overdue=overdue,
        unassigned=unassigned,
    )
    return PersonQuery(filters=filters, as_of=as_of)


PersonQueryDep = Annotated[PersonQuery, Depends(person_query)]
"""``query: PersonQueryDep`` in a route's signature: the filters of the persons list."""


# Filters that describe a person's state today; `as_of` answers with the state of another
# day, which the versions do not index. Refused rather than silently applied to today.
AS_OF_UNSUPPORTED = (
    "status",
    "q",
    "guardianship_type",
    "schooling_status",
    "health_status",
    "living_arrangement",
    "risk_tier",
    "age_min",
    "age_max",
    "alert",
    "overdue",
    "unassigned",
)


def check_as_of_filters(filters: Any, updated_since: Any = None) -> None:
    """422 ``unsupported_with_as_of`` for a filter `as_of` cannot honour (region_id,
    category and id_number can be combined with it)."""
    given = [name for name in AS_OF_UNSUPPORTED if getattr(filters, name) is not None]
    if updated_since is not None:
        given.append("updated_since")
    if given:
        raise Unprocessable(
            f"as_of 不能与以下筛选条件同时使用：{', '.join(given)}。",
            f"as_of cannot be combined with: {', '.join(given)}.",
            code="unsupported_with_as_of",
            errors=[
                {
                    "loc": ["query", name],
                    "msg": "not supported with as_of",
                    "code": "unsupported_with_as_of",
                }
                for name in given
            ],
        )
