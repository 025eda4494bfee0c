from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.issue_token_form import IssueTokenForm
from ...models.problem import Problem
from ...models.token_response import TokenResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IssueTokenForm | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenResponse | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[Problem | TokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IssueTokenForm | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Issue Token

     OAuth2 token endpoint (RFC 6749): password, client_credentials and refresh_token grants.

    Errors follow RFC 6749 §5.2 as problem+json whose `code` is the OAuth2 error. After 5
    failed passwords for one username in 15 minutes, sign-in is refused with 429
    `too_many_attempts` and `Retry-After`, even with the right password; likewise after 10
    wrong secrets for one client id from one network (an IPv4 address, an IPv6 /64) in 5
    minutes (the limits are settings).

    Args:
        body (IssueTokenForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: IssueTokenForm | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Issue Token

     OAuth2 token endpoint (RFC 6749): password, client_credentials and refresh_token grants.

    Errors follow RFC 6749 §5.2 as problem+json whose `code` is the OAuth2 error. After 5
    failed passwords for one username in 15 minutes, sign-in is refused with 429
    `too_many_attempts` and `Retry-After`, even with the right password; likewise after 10
    wrong secrets for one client id from one network (an IPv4 address, an IPv6 /64) in 5
    minutes (the limits are settings).

    Args:
        body (IssueTokenForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IssueTokenForm | Unset = UNSET,
) -> Response[Problem | TokenResponse]:
    """Issue Token

     OAuth2 token endpoint (RFC 6749): password, client_credentials and refresh_token grants.

    Errors follow RFC 6749 §5.2 as problem+json whose `code` is the OAuth2 error. After 5
    failed passwords for one username in 15 minutes, sign-in is refused with 429
    `too_many_attempts` and `Retry-After`, even with the right password; likewise after 10
    wrong secrets for one client id from one network (an IPv4 address, an IPv6 /64) in 5
    minutes (the limits are settings).

    Args:
        body (IssueTokenForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IssueTokenForm | Unset = UNSET,
) -> Problem | TokenResponse | None:
    """Issue Token

     OAuth2 token endpoint (RFC 6749): password, client_credentials and refresh_token grants.

    Errors follow RFC 6749 §5.2 as problem+json whose `code` is the OAuth2 error. After 5
    failed passwords for one username in 15 minutes, sign-in is refused with 429
    `too_many_attempts` and `Retry-After`, even with the right password; likewise after 10
    wrong secrets for one client id from one network (an IPv4 address, an IPv6 /64) in 5
    minutes (the limits are settings).

    Args:
        body (IssueTokenForm | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
