from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_create import VisitCreate
from ...models.visit_read import VisitRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VisitCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/visits",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VisitRead | None:
    if response.status_code == 201:
        response_201 = VisitRead.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VisitRead]:
    """Create Visit

     Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`).

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (VisitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VisitRead | None:
    """Create Visit

     Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`).

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (VisitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VisitRead]:
    """Create Visit

     Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`).

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (VisitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VisitRead | None:
    """Create Visit

     Record a visit; it moves the person's next due date. Not in the future (422
    `date_in_future`). A village contact or volunteer records visits only for the persons
    assigned to it (403 `not_assigned`).

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (VisitCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
