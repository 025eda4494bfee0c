import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.region_level import RegionLevel
from ...models.region_page import RegionPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    parent_id: None | Unset | UUID = UNSET,
    level: None | RegionLevel | Unset = UNSET,
    within: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_parent_id: None | str | Unset
    if isinstance(parent_id, Unset):
        json_parent_id = UNSET
    elif isinstance(parent_id, UUID):
        json_parent_id = str(parent_id)
    else:
        json_parent_id = parent_id
    params["parent_id"] = json_parent_id

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, RegionLevel):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

    json_within: None | str | Unset
    if isinstance(within, Unset):
        json_within = UNSET
    elif isinstance(within, UUID):
        json_within = str(within)
    else:
        json_within = within
    params["within"] = json_within

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
        "url": "/api/v1/regions",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | RegionPage | None:
    if response.status_code == 200:
        response_200 = RegionPage.from_dict(response.json())

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
) -> Response[Problem | RegionPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    parent_id: None | Unset | UUID = UNSET,
    level: None | RegionLevel | Unset = UNSET,
    within: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | RegionPage]:
    """List Regions

     Regions visible to the caller: its own subtree and the regions above it.

    Args:
        parent_id (None | Unset | UUID):
        level (None | RegionLevel | Unset):
        within (None | Unset | UUID): A region id: that region and its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegionPage]
    """

    kwargs = _get_kwargs(
        parent_id=parent_id,
        level=level,
        within=within,
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
    parent_id: None | Unset | UUID = UNSET,
    level: None | RegionLevel | Unset = UNSET,
    within: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | RegionPage | None:
    """List Regions

     Regions visible to the caller: its own subtree and the regions above it.

    Args:
        parent_id (None | Unset | UUID):
        level (None | RegionLevel | Unset):
        within (None | Unset | UUID): A region id: that region and its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegionPage
    """

    return sync_detailed(
        client=client,
        parent_id=parent_id,
        level=level,
        within=within,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    parent_id: None | Unset | UUID = UNSET,
    level: None | RegionLevel | Unset = UNSET,
    within: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | RegionPage]:
    """List Regions

     Regions visible to the caller: its own subtree and the regions above it.

    Args:
        parent_id (None | Unset | UUID):
        level (None | RegionLevel | Unset):
        within (None | Unset | UUID): A region id: that region and its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RegionPage]
    """

    kwargs = _get_kwargs(
        parent_id=parent_id,
        level=level,
        within=within,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    parent_id: None | Unset | UUID = UNSET,
    level: None | RegionLevel | Unset = UNSET,
    within: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | RegionPage | None:
    """List Regions

     Regions visible to the caller: its own subtree and the regions above it.

    Args:
        parent_id (None | Unset | UUID):
        level (None | RegionLevel | Unset):
        within (None | Unset | UUID): A region id: that region and its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RegionPage
    """

    return (
        await asyncio_detailed(
            client=client,
            parent_id=parent_id,
            level=level,
            within=within,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
