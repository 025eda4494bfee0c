from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hotline_card_page import HotlineCardPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region_id: UUID,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region_id = str(region_id)
    params["region_id"] = json_region_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/hotline-cards",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HotlineCardPage | Problem | None:
    if response.status_code == 200:
        response_200 = HotlineCardPage.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[HotlineCardPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[HotlineCardPage | Problem]:
    """List Hotline Cards

     One card per village under the region that a contract covers today, by village
    code. A region outside the caller's area is 404; a legal advisor sees the villages of
    its own contracts.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HotlineCardPage | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> HotlineCardPage | Problem | None:
    """List Hotline Cards

     One card per village under the region that a contract covers today, by village
    code. A region outside the caller's area is 404; a legal advisor sees the villages of
    its own contracts.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HotlineCardPage | Problem
    """

    return sync_detailed(
        client=client,
        region_id=region_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[HotlineCardPage | Problem]:
    """List Hotline Cards

     One card per village under the region that a contract covers today, by village
    code. A region outside the caller's area is 404; a legal advisor sees the villages of
    its own contracts.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HotlineCardPage | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> HotlineCardPage | Problem | None:
    """List Hotline Cards

     One card per village under the region that a contract covers today, by village
    code. A region outside the caller's area is 404; a legal advisor sees the villages of
    its own contracts.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HotlineCardPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region_id=region_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
