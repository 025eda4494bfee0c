import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contract_page import ContractPage
from ...models.contract_status import ContractStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    advisor_id: None | Unset | UUID = UNSET,
    law_firm_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    status: ContractStatus | None | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_advisor_id: None | str | Unset
    if isinstance(advisor_id, Unset):
        json_advisor_id = UNSET
    elif isinstance(advisor_id, UUID):
        json_advisor_id = str(advisor_id)
    else:
        json_advisor_id = advisor_id
    params["advisor_id"] = json_advisor_id

    json_law_firm_id: None | str | Unset
    if isinstance(law_firm_id, Unset):
        json_law_firm_id = UNSET
    elif isinstance(law_firm_id, UUID):
        json_law_firm_id = str(law_firm_id)
    else:
        json_law_firm_id = law_firm_id
    params["law_firm_id"] = json_law_firm_id

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ContractStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_active_on: None | str | Unset
    if isinstance(active_on, Unset):
        json_active_on = UNSET
    elif isinstance(active_on, datetime.date):
        json_active_on = active_on.isoformat()
    else:
        json_active_on = active_on
    params["active_on"] = json_active_on

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/legal-contracts",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ContractPage | Problem | None:
    if response.status_code == 200:
        response_200 = ContractPage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContractPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    advisor_id: None | Unset | UUID = UNSET,
    law_firm_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    status: ContractStatus | None | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[ContractPage | Problem]:
    """List Legal Contracts

     Contracts the caller may see, latest `starts_on` first. `region_id`: contracts with
    a village in that region's subtree.

    Args:
        advisor_id (None | Unset | UUID):
        law_firm_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        status (ContractStatus | None | Unset): As of today
        active_on (datetime.date | None | Unset): Contracts covering this day
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractPage | Problem]
    """

    kwargs = _get_kwargs(
        advisor_id=advisor_id,
        law_firm_id=law_firm_id,
        region_id=region_id,
        status=status,
        active_on=active_on,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    advisor_id: None | Unset | UUID = UNSET,
    law_firm_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    status: ContractStatus | None | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> ContractPage | Problem | None:
    """List Legal Contracts

     Contracts the caller may see, latest `starts_on` first. `region_id`: contracts with
    a village in that region's subtree.

    Args:
        advisor_id (None | Unset | UUID):
        law_firm_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        status (ContractStatus | None | Unset): As of today
        active_on (datetime.date | None | Unset): Contracts covering this day
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractPage | Problem
    """

    return sync_detailed(
        client=client,
        advisor_id=advisor_id,
        law_firm_id=law_firm_id,
        region_id=region_id,
        status=status,
        active_on=active_on,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    advisor_id: None | Unset | UUID = UNSET,
    law_firm_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    status: ContractStatus | None | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[ContractPage | Problem]:
    """List Legal Contracts

     Contracts the caller may see, latest `starts_on` first. `region_id`: contracts with
    a village in that region's subtree.

    Args:
        advisor_id (None | Unset | UUID):
        law_firm_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        status (ContractStatus | None | Unset): As of today
        active_on (datetime.date | None | Unset): Contracts covering this day
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContractPage | Problem]
    """

    kwargs = _get_kwargs(
        advisor_id=advisor_id,
        law_firm_id=law_firm_id,
        region_id=region_id,
        status=status,
        active_on=active_on,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    advisor_id: None | Unset | UUID = UNSET,
    law_firm_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    status: ContractStatus | None | Unset = UNSET,
    active_on: datetime.date | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> ContractPage | Problem | None:
    """List Legal Contracts

     Contracts the caller may see, latest `starts_on` first. `region_id`: contracts with
    a village in that region's subtree.

    Args:
        advisor_id (None | Unset | UUID):
        law_firm_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        status (ContractStatus | None | Unset): As of today
        active_on (datetime.date | None | Unset): Contracts covering this day
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContractPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            advisor_id=advisor_id,
            law_firm_id=law_firm_id,
            region_id=region_id,
            status=status,
            active_on=active_on,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
