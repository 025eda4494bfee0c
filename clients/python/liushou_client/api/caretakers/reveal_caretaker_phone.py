from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.caretaker_revealed import CaretakerRevealed
from ...models.problem import Problem
from ...models.reveal_request import RevealRequest
from ...types import Response


def _get_kwargs(
    caretaker_id: UUID,
    *,
    body: RevealRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/caretakers/{caretaker_id}/reveal".format(
            caretaker_id=quote(str(caretaker_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaretakerRevealed | Problem | None:
    if response.status_code == 200:
        response_200 = CaretakerRevealed.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CaretakerRevealed | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    caretaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RevealRequest,
) -> Response[CaretakerRevealed | Problem]:
    """Reveal Caretaker Phone

     The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused.

    Args:
        caretaker_id (UUID):
        body (RevealRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaretakerRevealed | Problem]
    """

    kwargs = _get_kwargs(
        caretaker_id=caretaker_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    caretaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RevealRequest,
) -> CaretakerRevealed | Problem | None:
    """Reveal Caretaker Phone

     The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused.

    Args:
        caretaker_id (UUID):
        body (RevealRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaretakerRevealed | Problem
    """

    return sync_detailed(
        caretaker_id=caretaker_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    caretaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RevealRequest,
) -> Response[CaretakerRevealed | Problem]:
    """Reveal Caretaker Phone

     The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused.

    Args:
        caretaker_id (UUID):
        body (RevealRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaretakerRevealed | Problem]
    """

    kwargs = _get_kwargs(
        caretaker_id=caretaker_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    caretaker_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RevealRequest,
) -> CaretakerRevealed | Problem | None:
    """Reveal Caretaker Phone

     The clear phone, for a stated purpose: to the caretaker itself (its linked login), to
    administrators and to the street staff of its township. Audited, granted or refused.

    Args:
        caretaker_id (UUID):
        body (RevealRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaretakerRevealed | Problem
    """

    return (
        await asyncio_detailed(
            caretaker_id=caretaker_id,
            client=client,
            body=body,
        )
    ).parsed
