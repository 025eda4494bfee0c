import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_advisors_report import LegalAdvisorsReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/legal-advisors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalAdvisorsReport | Problem | None:
    if response.status_code == 200:
        response_200 = LegalAdvisorsReport.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LegalAdvisorsReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[LegalAdvisorsReport | Problem]:
    """Get Legal Advisors Report

     The legal advisors' compliance report over a period (docs/reports.md defines each
    figure): per advisor, its legal activities in each ISO week a contract covers against
    the contract's `weekly_activity_target`; per village and advisor, the on-site minutes
    of each month the contract covers against `monthly_onsite_minutes_target`; the villages
    with no contract covering `to` (`without_advisor`); the contracts covering a village of
    the region today whose last day is within 30 days (`expiring`).

    Weeks and months are whole: a week (Monday to Sunday) or month overlapping the period is
    counted whole, and listed only when one contract covers every day of it.

    Period, region and errors as for `/reports/summary`. A `legal_advisor` caller gets its
    own advisor's figures only (`advisors`, `villages` and `expiring` of its contracts, no
    `without_advisor`).

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's
        from_ (datetime.date | None | Unset): First day of the period (included); default: 1
            January of `to`'s year
        to (datetime.date | None | Unset): Last day of the period (included; not after today,
            Asia/Shanghai); default: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalAdvisorsReport | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        from_=from_,
        to=to,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> LegalAdvisorsReport | Problem | None:
    """Get Legal Advisors Report

     The legal advisors' compliance report over a period (docs/reports.md defines each
    figure): per advisor, its legal activities in each ISO week a contract covers against
    the contract's `weekly_activity_target`; per village and advisor, the on-site minutes
    of each month the contract covers against `monthly_onsite_minutes_target`; the villages
    with no contract covering `to` (`without_advisor`); the contracts covering a village of
    the region today whose last day is within 30 days (`expiring`).

    Weeks and months are whole: a week (Monday to Sunday) or month overlapping the period is
    counted whole, and listed only when one contract covers every day of it.

    Period, region and errors as for `/reports/summary`. A `legal_advisor` caller gets its
    own advisor's figures only (`advisors`, `villages` and `expiring` of its contracts, no
    `without_advisor`).

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's
        from_ (datetime.date | None | Unset): First day of the period (included); default: 1
            January of `to`'s year
        to (datetime.date | None | Unset): Last day of the period (included; not after today,
            Asia/Shanghai); default: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalAdvisorsReport | Problem
    """

    return sync_detailed(
        client=client,
        region_id=region_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> Response[LegalAdvisorsReport | Problem]:
    """Get Legal Advisors Report

     The legal advisors' compliance report over a period (docs/reports.md defines each
    figure): per advisor, its legal activities in each ISO week a contract covers against
    the contract's `weekly_activity_target`; per village and advisor, the on-site minutes
    of each month the contract covers against `monthly_onsite_minutes_target`; the villages
    with no contract covering `to` (`without_advisor`); the contracts covering a village of
    the region today whose last day is within 30 days (`expiring`).

    Weeks and months are whole: a week (Monday to Sunday) or month overlapping the period is
    counted whole, and listed only when one contract covers every day of it.

    Period, region and errors as for `/reports/summary`. A `legal_advisor` caller gets its
    own advisor's figures only (`advisors`, `villages` and `expiring` of its contracts, no
    `without_advisor`).

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's
        from_ (datetime.date | None | Unset): First day of the period (included); default: 1
            January of `to`'s year
        to (datetime.date | None | Unset): Last day of the period (included; not after today,
            Asia/Shanghai); default: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalAdvisorsReport | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
) -> LegalAdvisorsReport | Problem | None:
    """Get Legal Advisors Report

     The legal advisors' compliance report over a period (docs/reports.md defines each
    figure): per advisor, its legal activities in each ISO week a contract covers against
    the contract's `weekly_activity_target`; per village and advisor, the on-site minutes
    of each month the contract covers against `monthly_onsite_minutes_target`; the villages
    with no contract covering `to` (`without_advisor`); the contracts covering a village of
    the region today whose last day is within 30 days (`expiring`).

    Weeks and months are whole: a week (Monday to Sunday) or month overlapping the period is
    counted whole, and listed only when one contract covers every day of it.

    Period, region and errors as for `/reports/summary`. A `legal_advisor` caller gets its
    own advisor's figures only (`advisors`, `villages` and `expiring` of its contracts, no
    `without_advisor`).

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's
        from_ (datetime.date | None | Unset): First day of the period (included); default: 1
            January of `to`'s year
        to (datetime.date | None | Unset): Last day of the period (included; not after today,
            Asia/Shanghai); default: today

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalAdvisorsReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region_id=region_id,
            from_=from_,
            to=to,
        )
    ).parsed
