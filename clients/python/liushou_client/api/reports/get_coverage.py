from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coverage_report import CoverageReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region_id: None | Unset | UUID = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoverageReport | Problem | None:
    if response.status_code == 200:
        response_200 = CoverageReport.from_dict(response.json())

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
) -> Response[CoverageReport | Problem]:
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
) -> Response[CoverageReport | Problem]:
    """Get Coverage

     Care coverage of a region as of today (Asia/Shanghai): persons on the register, with
    and without an active primary contact, and overdue for a visit — in total, by category,
    per village (every village of the region, also those with no person) and per caretaker.

    The counts agree exactly with `GET /persons?status=active`, `?unassigned=true` and
    `?overdue=true` over the same region.

    Scope: a caller held to a region (street staff, legal advisor, partner: its
    organization's region) reports on that region or any region under it, and gets its
    own region when `region_id` is omitted. Admin and auditor report on any region; with
    no region of their own they must give `region_id` (422 `region_required`). A region
    the caller cannot see is 404; one above the caller's own is 403
    `region_out_of_scope`.

    `caretakers` names individuals, so it is filled only for callers who may read care data
    (`care:read`: admin, street staff, auditor); partners and legal advisors, who get
    aggregated counts only, always receive an empty list.

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverageReport | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
) -> CoverageReport | Problem | None:
    """Get Coverage

     Care coverage of a region as of today (Asia/Shanghai): persons on the register, with
    and without an active primary contact, and overdue for a visit — in total, by category,
    per village (every village of the region, also those with no person) and per caretaker.

    The counts agree exactly with `GET /persons?status=active`, `?unassigned=true` and
    `?overdue=true` over the same region.

    Scope: a caller held to a region (street staff, legal advisor, partner: its
    organization's region) reports on that region or any region under it, and gets its
    own region when `region_id` is omitted. Admin and auditor report on any region; with
    no region of their own they must give `region_id` (422 `region_required`). A region
    the caller cannot see is 404; one above the caller's own is 403
    `region_out_of_scope`.

    `caretakers` names individuals, so it is filled only for callers who may read care data
    (`care:read`: admin, street staff, auditor); partners and legal advisors, who get
    aggregated counts only, always receive an empty list.

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverageReport | Problem
    """

    return sync_detailed(
        client=client,
        region_id=region_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
) -> Response[CoverageReport | Problem]:
    """Get Coverage

     Care coverage of a region as of today (Asia/Shanghai): persons on the register, with
    and without an active primary contact, and overdue for a visit — in total, by category,
    per village (every village of the region, also those with no person) and per caretaker.

    The counts agree exactly with `GET /persons?status=active`, `?unassigned=true` and
    `?overdue=true` over the same region.

    Scope: a caller held to a region (street staff, legal advisor, partner: its
    organization's region) reports on that region or any region under it, and gets its
    own region when `region_id` is omitted. Admin and auditor report on any region; with
    no region of their own they must give `region_id` (422 `region_required`). A region
    the caller cannot see is 404; one above the caller's own is 403
    `region_out_of_scope`.

    `caretakers` names individuals, so it is filled only for callers who may read care data
    (`care:read`: admin, street staff, auditor); partners and legal advisors, who get
    aggregated counts only, always receive an empty list.

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoverageReport | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
) -> CoverageReport | Problem | None:
    """Get Coverage

     Care coverage of a region as of today (Asia/Shanghai): persons on the register, with
    and without an active primary contact, and overdue for a visit — in total, by category,
    per village (every village of the region, also those with no person) and per caretaker.

    The counts agree exactly with `GET /persons?status=active`, `?unassigned=true` and
    `?overdue=true` over the same region.

    Scope: a caller held to a region (street staff, legal advisor, partner: its
    organization's region) reports on that region or any region under it, and gets its
    own region when `region_id` is omitted. Admin and auditor report on any region; with
    no region of their own they must give `region_id` (422 `region_required`). A region
    the caller cannot see is 404; one above the caller's own is 403
    `region_out_of_scope`.

    `caretakers` names individuals, so it is filled only for callers who may read care data
    (`care:read`: admin, street staff, auditor); partners and legal advisors, who get
    aggregated counts only, always receive an empty list.

    Args:
        region_id (None | Unset | UUID): The region reported on (its whole subtree); default: the
            caller's

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoverageReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region_id=region_id,
        )
    ).parsed
