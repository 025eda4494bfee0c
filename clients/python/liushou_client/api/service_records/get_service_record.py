from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_record_read import ServiceRecordRead
from ...types import Response


def _get_kwargs(
    service_record_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/service-records/{service_record_id}".format(
            service_record_id=quote(str(service_record_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ServiceRecordRead | None:
    if response.status_code == 200:
        response_200 = ServiceRecordRead.from_dict(response.json())

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
) -> Response[Problem | ServiceRecordRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    service_record_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ServiceRecordRead]:
    """Get Service Record

    Args:
        service_record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRecordRead]
    """

    kwargs = _get_kwargs(
        service_record_id=service_record_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    service_record_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ServiceRecordRead | None:
    """Get Service Record

    Args:
        service_record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRecordRead
    """

    return sync_detailed(
        service_record_id=service_record_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    service_record_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ServiceRecordRead]:
    """Get Service Record

    Args:
        service_record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRecordRead]
    """

    kwargs = _get_kwargs(
        service_record_id=service_record_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_record_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ServiceRecordRead | None:
    """Get Service Record

    Args:
        service_record_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRecordRead
    """

    return (
        await asyncio_detailed(
            service_record_id=service_record_id,
            client=client,
        )
    ).parsed
