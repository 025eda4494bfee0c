from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.revoke_token_form import RevokeTokenForm
from ...types import Response


def _get_kwargs(
    *,
    body: RevokeTokenForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/revoke",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeTokenForm,
) -> Response[Any | Problem]:
    """Revoke Token

     Token revocation (RFC 7009). `token` is one of the caller's refresh tokens or access
    tokens; the login session it belongs to ends: its refresh tokens and every access token
    issued with them are refused (401 `invalid_token`) from the next request on, in every
    server process. `token_type_hint` (`access_token`, `refresh_token`) only says which kind
    to try first. A token that is unknown, expired or not the caller's is answered 200 as
    well, and nothing is revoked. The caller authenticates with its own bearer token (it
    may be the token revoked).

    Args:
        body (RevokeTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    client: AuthenticatedClient,
    body: RevokeTokenForm,
) -> Any | Problem | None:
    """Revoke Token

     Token revocation (RFC 7009). `token` is one of the caller's refresh tokens or access
    tokens; the login session it belongs to ends: its refresh tokens and every access token
    issued with them are refused (401 `invalid_token`) from the next request on, in every
    server process. `token_type_hint` (`access_token`, `refresh_token`) only says which kind
    to try first. A token that is unknown, expired or not the caller's is answered 200 as
    well, and nothing is revoked. The caller authenticates with its own bearer token (it
    may be the token revoked).

    Args:
        body (RevokeTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RevokeTokenForm,
) -> Response[Any | Problem]:
    """Revoke Token

     Token revocation (RFC 7009). `token` is one of the caller's refresh tokens or access
    tokens; the login session it belongs to ends: its refresh tokens and every access token
    issued with them are refused (401 `invalid_token`) from the next request on, in every
    server process. `token_type_hint` (`access_token`, `refresh_token`) only says which kind
    to try first. A token that is unknown, expired or not the caller's is answered 200 as
    well, and nothing is revoked. The caller authenticates with its own bearer token (it
    may be the token revoked).

    Args:
        body (RevokeTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RevokeTokenForm,
) -> Any | Problem | None:
    """Revoke Token

     Token revocation (RFC 7009). `token` is one of the caller's refresh tokens or access
    tokens; the login session it belongs to ends: its refresh tokens and every access token
    issued with them are refused (401 `invalid_token`) from the next request on, in every
    server process. `token_type_hint` (`access_token`, `refresh_token`) only says which kind
    to try first. A token that is unknown, expired or not the caller's is answered 200 as
    well, and nothing is revoked. The caller authenticates with its own bearer token (it
    may be the token revoked).

    Args:
        body (RevokeTokenForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
