from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_read import ReferralRead
from ...models.referral_transition_request import ReferralTransitionRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    referral_id: UUID,
    *,
    body: ReferralTransitionRequest,
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
        "url": "/api/v1/referrals/{referral_id}/transitions".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReferralRead | None:
    if response.status_code == 200:
        response_200 = ReferralRead.from_dict(response.json())

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
) -> Response[Problem | ReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ReferralRead]:
    """Transition Referral

     Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409.

    Args:
        referral_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (ReferralTransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ReferralRead | None:
    """Transition Referral

     Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409.

    Args:
        referral_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (ReferralTransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | ReferralRead]:
    """Transition Referral

     Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409.

    Args:
        referral_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (ReferralTransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReferralTransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | ReferralRead | None:
    """Transition Referral

     Move the referral: open → accepted | declined | cancelled; accepted → in_progress |
    cancelled; in_progress → resolved | cancelled. Anything else is 409
    `invalid_transition`. A partner moves only the referrals addressed to it and never
    cancels (403 `partner_cannot_cancel`). With an `Idempotency-Key` a retry replays the
    first answer instead of meeting 409.

    Args:
        referral_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (ReferralTransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
