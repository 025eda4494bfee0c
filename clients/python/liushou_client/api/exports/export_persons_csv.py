import datetime
from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert import Alert
from ...models.guardianship_type import GuardianshipType
from ...models.health_status import HealthStatus
from ...models.living_arrangement import LivingArrangement
from ...models.person_category import PersonCategory
from ...models.person_status import PersonStatus
from ...models.problem import Problem
from ...models.risk_tier import RiskTier
from ...models.schooling_status import SchoolingStatus
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    category: None | PersonCategory | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    q: None | str | Unset = UNSET,
    guardianship_type: GuardianshipType | None | Unset = UNSET,
    schooling_status: None | SchoolingStatus | Unset = UNSET,
    health_status: HealthStatus | None | Unset = UNSET,
    living_arrangement: LivingArrangement | None | Unset = UNSET,
    risk_tier: None | RiskTier | Unset = UNSET,
    age_min: int | None | Unset = UNSET,
    age_max: int | None | Unset = UNSET,
    alert: Alert | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    unassigned: bool | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    id_number: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, PersonCategory):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, PersonStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_guardianship_type: None | str | Unset
    if isinstance(guardianship_type, Unset):
        json_guardianship_type = UNSET
    elif isinstance(guardianship_type, GuardianshipType):
        json_guardianship_type = guardianship_type.value
    else:
        json_guardianship_type = guardianship_type
    params["guardianship_type"] = json_guardianship_type

    json_schooling_status: None | str | Unset
    if isinstance(schooling_status, Unset):
        json_schooling_status = UNSET
    elif isinstance(schooling_status, SchoolingStatus):
        json_schooling_status = schooling_status.value
    else:
        json_schooling_status = schooling_status
    params["schooling_status"] = json_schooling_status

    json_health_status: None | str | Unset
    if isinstance(health_status, Unset):
        json_health_status = UNSET
    elif isinstance(health_status, HealthStatus):
        json_health_status = health_status.value
    else:
        json_health_status = health_status
    params["health_status"] = json_health_status

    json_living_arrangement: None | str | Unset
    if isinstance(living_arrangement, Unset):
        json_living_arrangement = UNSET
    elif isinstance(living_arrangement, LivingArrangement):
        json_living_arrangement = living_arrangement.value
    else:
        json_living_arrangement = living_arrangement
    params["living_arrangement"] = json_living_arrangement

    json_risk_tier: None | str | Unset
    if isinstance(risk_tier, Unset):
        json_risk_tier = UNSET
    elif isinstance(risk_tier, RiskTier):
        json_risk_tier = risk_tier.value
    else:
        json_risk_tier = risk_tier
    params["risk_tier"] = json_risk_tier

    json_age_min: int | None | Unset
    if isinstance(age_min, Unset):
        json_age_min = UNSET
    else:
        json_age_min = age_min
    params["age_min"] = json_age_min

    json_age_max: int | None | Unset
    if isinstance(age_max, Unset):
        json_age_max = UNSET
    else:
        json_age_max = age_max
    params["age_max"] = json_age_max

    json_alert: None | str | Unset
    if isinstance(alert, Unset):
        json_alert = UNSET
    elif isinstance(alert, Alert):
        json_alert = alert.value
    else:
        json_alert = alert
    params["alert"] = json_alert

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_unassigned: bool | None | Unset
    if isinstance(unassigned, Unset):
        json_unassigned = UNSET
    else:
        json_unassigned = unassigned
    params["unassigned"] = json_unassigned

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

    json_id_number: None | str | Unset
    if isinstance(id_number, Unset):
        json_id_number = UNSET
    else:
        json_id_number = id_number
    params["id_number"] = json_id_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/exports/persons.csv",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.text))

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[File | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    category: None | PersonCategory | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    q: None | str | Unset = UNSET,
    guardianship_type: GuardianshipType | None | Unset = UNSET,
    schooling_status: None | SchoolingStatus | Unset = UNSET,
    health_status: HealthStatus | None | Unset = UNSET,
    living_arrangement: LivingArrangement | None | Unset = UNSET,
    risk_tier: None | RiskTier | Unset = UNSET,
    age_min: int | None | Unset = UNSET,
    age_max: int | None | Unset = UNSET,
    alert: Alert | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    unassigned: bool | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    id_number: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """Export Persons Csv

     The persons list (same filters and scope) as CSV, masked, streamed. Audited.
    With `id_number`, counted as a look-up by ID number, as on the list.

    Args:
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this
        region_id (None | Unset | UUID): A region: its whole subtree
        category (None | PersonCategory | Unset):
        status (None | PersonStatus | Unset):
        q (None | str | Unset): Name contains, or pinyin initials (zw)
        guardianship_type (GuardianshipType | None | Unset):
        schooling_status (None | SchoolingStatus | Unset):
        health_status (HealthStatus | None | Unset):
        living_arrangement (LivingArrangement | None | Unset):
        risk_tier (None | RiskTier | Unset):
        age_min (int | None | Unset):
        age_max (int | None | Unset):
        alert (Alert | None | Unset):
        overdue (bool | None | Unset): true: on the register, and the primary contact's visit is
            overdue
        unassigned (bool | None | Unset): true: on the register, with no active primary contact
        as_of (datetime.date | None | Unset): Who was on the register that day
        id_number (None | str | Unset): Exact lookup

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
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
        overdue=overdue,
        unassigned=unassigned,
        as_of=as_of,
        id_number=id_number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    category: None | PersonCategory | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    q: None | str | Unset = UNSET,
    guardianship_type: GuardianshipType | None | Unset = UNSET,
    schooling_status: None | SchoolingStatus | Unset = UNSET,
    health_status: HealthStatus | None | Unset = UNSET,
    living_arrangement: LivingArrangement | None | Unset = UNSET,
    risk_tier: None | RiskTier | Unset = UNSET,
    age_min: int | None | Unset = UNSET,
    age_max: int | None | Unset = UNSET,
    alert: Alert | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    unassigned: bool | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    id_number: None | str | Unset = UNSET,
) -> File | Problem | None:
    """Export Persons Csv

     The persons list (same filters and scope) as CSV, masked, streamed. Audited.
    With `id_number`, counted as a look-up by ID number, as on the list.

    Args:
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this
        region_id (None | Unset | UUID): A region: its whole subtree
        category (None | PersonCategory | Unset):
        status (None | PersonStatus | Unset):
        q (None | str | Unset): Name contains, or pinyin initials (zw)
        guardianship_type (GuardianshipType | None | Unset):
        schooling_status (None | SchoolingStatus | Unset):
        health_status (HealthStatus | None | Unset):
        living_arrangement (LivingArrangement | None | Unset):
        risk_tier (None | RiskTier | Unset):
        age_min (int | None | Unset):
        age_max (int | None | Unset):
        alert (Alert | None | Unset):
        overdue (bool | None | Unset): true: on the register, and the primary contact's visit is
            overdue
        unassigned (bool | None | Unset): true: on the register, with no active primary contact
        as_of (datetime.date | None | Unset): Who was on the register that day
        id_number (None | str | Unset): Exact lookup

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        updated_since=updated_since,
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
        overdue=overdue,
        unassigned=unassigned,
        as_of=as_of,
        id_number=id_number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    category: None | PersonCategory | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    q: None | str | Unset = UNSET,
    guardianship_type: GuardianshipType | None | Unset = UNSET,
    schooling_status: None | SchoolingStatus | Unset = UNSET,
    health_status: HealthStatus | None | Unset = UNSET,
    living_arrangement: LivingArrangement | None | Unset = UNSET,
    risk_tier: None | RiskTier | Unset = UNSET,
    age_min: int | None | Unset = UNSET,
    age_max: int | None | Unset = UNSET,
    alert: Alert | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    unassigned: bool | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    id_number: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """Export Persons Csv

     The persons list (same filters and scope) as CSV, masked, streamed. Audited.
    With `id_number`, counted as a look-up by ID number, as on the list.

    Args:
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this
        region_id (None | Unset | UUID): A region: its whole subtree
        category (None | PersonCategory | Unset):
        status (None | PersonStatus | Unset):
        q (None | str | Unset): Name contains, or pinyin initials (zw)
        guardianship_type (GuardianshipType | None | Unset):
        schooling_status (None | SchoolingStatus | Unset):
        health_status (HealthStatus | None | Unset):
        living_arrangement (LivingArrangement | None | Unset):
        risk_tier (None | RiskTier | Unset):
        age_min (int | None | Unset):
        age_max (int | None | Unset):
        alert (Alert | None | Unset):
        overdue (bool | None | Unset): true: on the register, and the primary contact's visit is
            overdue
        unassigned (bool | None | Unset): true: on the register, with no active primary contact
        as_of (datetime.date | None | Unset): Who was on the register that day
        id_number (None | str | Unset): Exact lookup

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        updated_since=updated_since,
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
        overdue=overdue,
        unassigned=unassigned,
        as_of=as_of,
        id_number=id_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    updated_since: datetime.datetime | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    category: None | PersonCategory | Unset = UNSET,
    status: None | PersonStatus | Unset = UNSET,
    q: None | str | Unset = UNSET,
    guardianship_type: GuardianshipType | None | Unset = UNSET,
    schooling_status: None | SchoolingStatus | Unset = UNSET,
    health_status: HealthStatus | None | Unset = UNSET,
    living_arrangement: LivingArrangement | None | Unset = UNSET,
    risk_tier: None | RiskTier | Unset = UNSET,
    age_min: int | None | Unset = UNSET,
    age_max: int | None | Unset = UNSET,
    alert: Alert | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    unassigned: bool | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    id_number: None | str | Unset = UNSET,
) -> File | Problem | None:
    """Export Persons Csv

     The persons list (same filters and scope) as CSV, masked, streamed. Audited.
    With `id_number`, counted as a look-up by ID number, as on the list.

    Args:
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this
        region_id (None | Unset | UUID): A region: its whole subtree
        category (None | PersonCategory | Unset):
        status (None | PersonStatus | Unset):
        q (None | str | Unset): Name contains, or pinyin initials (zw)
        guardianship_type (GuardianshipType | None | Unset):
        schooling_status (None | SchoolingStatus | Unset):
        health_status (HealthStatus | None | Unset):
        living_arrangement (LivingArrangement | None | Unset):
        risk_tier (None | RiskTier | Unset):
        age_min (int | None | Unset):
        age_max (int | None | Unset):
        alert (Alert | None | Unset):
        overdue (bool | None | Unset): true: on the register, and the primary contact's visit is
            overdue
        unassigned (bool | None | Unset): true: on the register, with no active primary contact
        as_of (datetime.date | None | Unset): Who was on the register that day
        id_number (None | str | Unset): Exact lookup

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            updated_since=updated_since,
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
            overdue=overdue,
            unassigned=unassigned,
            as_of=as_of,
            id_number=id_number,
        )
    ).parsed
