from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_activity_read import LegalActivityRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    legal_activity_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/legal-activities/{legal_activity_id}".format(
            legal_activity_id=quote(str(legal_activity_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalActivityRead | Problem | None:
    if response.status_code == 200:
        response_200 = LegalActivityRead.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LegalActivityRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    legal_activity_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LegalActivityRead | Problem]:
    """Get Legal Activity

    Args:
        legal_activity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalActivityRead | Problem]
    """

    kwargs = _get_kwargs(
        legal_activity_id=legal_activity_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    legal_activity_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LegalActivityRead | Problem | None:
    """Get Legal Activity

    Args:
        legal_activity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalActivityRead | Problem
    """

    return sync_detailed(
        legal_activity_id=legal_activity_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    legal_activity_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[LegalActivityRead | Problem]:
    """Get Legal Activity

    Args:
        legal_activity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalActivityRead | Problem]
    """

    kwargs = _get_kwargs(
        legal_activity_id=legal_activity_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    legal_activity_id: UUID,
    *,
    client: AuthenticatedClient,
) -> LegalActivityRead | Problem | None:
    """Get Legal Activity

    Args:
        legal_activity_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalActivityRead | Problem
    """

    return (
        await asyncio_detailed(
            legal_activity_id=legal_activity_id,
            client=client,
        )
    ).parsed
