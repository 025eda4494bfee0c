from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.webhook_subscription_create import WebhookSubscriptionCreate
from ...models.webhook_subscription_with_secret import WebhookSubscriptionWithSecret
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebhookSubscriptionCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webhook-subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WebhookSubscriptionWithSecret | None:
    if response.status_code == 201:
        response_201 = WebhookSubscriptionWithSecret.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookSubscriptionCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Create Webhook Subscription

     Subscribe `url` to `events`. The answer holds the `secret` (`whsec_...`) that signs
    every delivery: it is shown here once and never again (`rotate-secret` makes a new
    one). An unknown event is 422 `unknown_event`, a partner's non-referral event 422
    `event_not_allowed`; a URL that is not http(s) 422 `invalid_url`; in production a URL
    that is not `https://` 422 `url_not_https`, one whose host resolves to a private,
    loopback, link-local or reserved address 422 `url_not_public`. A replay of the same
    `Idempotency-Key` answers the subscription without its secret.

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WebhookSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
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
    body: WebhookSubscriptionCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Create Webhook Subscription

     Subscribe `url` to `events`. The answer holds the `secret` (`whsec_...`) that signs
    every delivery: it is shown here once and never again (`rotate-secret` makes a new
    one). An unknown event is 422 `unknown_event`, a partner's non-referral event 422
    `event_not_allowed`; a URL that is not http(s) 422 `invalid_url`; in production a URL
    that is not `https://` 422 `url_not_https`, one whose host resolves to a private,
    loopback, link-local or reserved address 422 `url_not_public`. A replay of the same
    `Idempotency-Key` answers the subscription without its secret.

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WebhookSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionWithSecret
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebhookSubscriptionCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | WebhookSubscriptionWithSecret]:
    """Create Webhook Subscription

     Subscribe `url` to `events`. The answer holds the `secret` (`whsec_...`) that signs
    every delivery: it is shown here once and never again (`rotate-secret` makes a new
    one). An unknown event is 422 `unknown_event`, a partner's non-referral event 422
    `event_not_allowed`; a URL that is not http(s) 422 `invalid_url`; in production a URL
    that is not `https://` 422 `url_not_https`, one whose host resolves to a private,
    loopback, link-local or reserved address 422 `url_not_public`. A replay of the same
    `Idempotency-Key` answers the subscription without its secret.

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WebhookSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WebhookSubscriptionWithSecret]
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
    body: WebhookSubscriptionCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | WebhookSubscriptionWithSecret | None:
    """Create Webhook Subscription

     Subscribe `url` to `events`. The answer holds the `secret` (`whsec_...`) that signs
    every delivery: it is shown here once and never again (`rotate-secret` makes a new
    one). An unknown event is 422 `unknown_event`, a partner's non-referral event 422
    `event_not_allowed`; a URL that is not http(s) 422 `invalid_url`; in production a URL
    that is not `https://` 422 `url_not_https`, one whose host resolves to a private,
    loopback, link-local or reserved address 422 `url_not_public`. A replay of the same
    `Idempotency-Key` answers the subscription without its secret.

    Args:
        idempotency_key (None | str | Unset): Makes a POST safe to retry: the same key with the
            same body replays the first response (`Idempotent-Replayed: true`); with another body it
            is 422; while the first is still running it is 409. Quoted or bare. Kept at least 7 days.
        body (WebhookSubscriptionCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WebhookSubscriptionWithSecret
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
