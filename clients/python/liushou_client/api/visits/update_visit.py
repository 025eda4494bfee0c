from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_read import VisitRead
from ...models.visit_update import VisitUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    visit_id: UUID,
    *,
    body: VisitUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/visits/{visit_id}".format(
            visit_id=quote(str(visit_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VisitRead | None:
    if response.status_code == 200:
        response_200 = VisitRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VisitRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VisitRead]:
    """Update Visit

    Args:
        visit_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (VisitUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        visit_id=visit_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | VisitRead | None:
    """Update Visit

    Args:
        visit_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (VisitUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return sync_detailed(
        visit_id=visit_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | VisitRead]:
    """Update Visit

    Args:
        visit_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (VisitUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        visit_id=visit_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    visit_id: UUID,
    *,
    client: AuthenticatedClient,
    body: VisitUpdate,
    if_match: None | str | Unset = UNSET,
) -> Problem | VisitRead | None:
    """Update Visit

    Args:
        visit_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (VisitUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return (
        await asyncio_detailed(
            visit_id=visit_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
