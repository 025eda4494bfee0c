from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.wish_cancel import WishCancel
from ...models.wish_read import WishRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    wish_id: UUID,
    *,
    body: WishCancel,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/wishes/{wish_id}/cancel".format(
            wish_id=quote(str(wish_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WishRead | None:
    if response.status_code == 200:
        response_200 = WishRead.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WishRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    wish_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WishCancel,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WishRead]:
    """Cancel Wish

     open | claimed → cancelled, the reason kept on the timeline. Any other status: 409
    `invalid_transition`.

    Args:
        wish_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WishCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishRead]
    """

    kwargs = _get_kwargs(
        wish_id=wish_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    wish_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WishCancel,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WishRead | None:
    """Cancel Wish

     open | claimed → cancelled, the reason kept on the timeline. Any other status: 409
    `invalid_transition`.

    Args:
        wish_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WishCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishRead
    """

    return sync_detailed(
        wish_id=wish_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    wish_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WishCancel,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WishRead]:
    """Cancel Wish

     open | claimed → cancelled, the reason kept on the timeline. Any other status: 409
    `invalid_transition`.

    Args:
        wish_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WishCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishRead]
    """

    kwargs = _get_kwargs(
        wish_id=wish_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    wish_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WishCancel,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WishRead | None:
    """Cancel Wish

     open | claimed → cancelled, the reason kept on the timeline. Any other status: 409
    `invalid_transition`.

    Args:
        wish_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WishCancel):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishRead
    """

    return (
        await asyncio_detailed(
            wish_id=wish_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
