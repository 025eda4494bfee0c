from http import HTTPStatus
from io import BytesIO
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    region_id: UUID,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region_id = str(region_id)
    params["region_id"] = json_region_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/hotline-cards/print.pdf",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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
    region_id: UUID,
) -> Response[File | Problem]:
    """Print Hotline Cards

     Every card of the region on A4 sheets to print and cut, the Chinese as real text.
    A region outside the caller's area is 404.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
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
    region_id: UUID,
) -> File | Problem | None:
    """Print Hotline Cards

     Every card of the region on A4 sheets to print and cut, the Chinese as real text.
    A region outside the caller's area is 404.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        region_id=region_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
) -> Response[File | Problem]:
    """Print Hotline Cards

     Every card of the region on A4 sheets to print and cut, the Chinese as real text.
    A region outside the caller's area is 404.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region_id: UUID,
) -> File | Problem | None:
    """Print Hotline Cards

     Every card of the region on A4 sheets to print and cut, the Chinese as real text.
    A region outside the caller's area is 404.

    Args:
        region_id (UUID): A region: the cards of every village in its subtree

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region_id=region_id,
        )
    ).parsed
