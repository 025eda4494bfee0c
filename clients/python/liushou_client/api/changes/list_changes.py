from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.change_page import ChangePage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    types: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    params["limit"] = limit

    json_types: None | str | Unset
    if isinstance(types, Unset):
        json_types = UNSET
    else:
        json_types = types
    params["types"] = json_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/changes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ChangePage | Problem | None:
    if response.status_code == 200:
        response_200 = ChangePage.from_dict(response.json())

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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[ChangePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    types: None | str | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """List Changes

     Every create, update and soft delete of the resources the caller may read, in feed
    order, from `after` on (without it: from the oldest change kept). Each item shows the
    resource as its GET answers now (`upsert`), or tells the caller to drop it (`delete`:
    deleted, or moved out of the caller's sight). A cursor older than
    `LIUSHOU_CHANGE_RETENTION_DAYS` is 410 `sync_cursor_expired`: sync everything again.

    Args:
        after (None | str | Unset): A `next_cursor` of an earlier page
        limit (int | Unset):  Default: 50.
        types (None | str | Unset): Comma-separated resource types (default: all): `person`,
            `consent`, `caretaker`, `assignment`, `visit`, `referral`, `service_record`, `activity`,
            `wish`, `distribution`, `legal_contract`, `legal_activity`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    types: None | str | Unset = UNSET,
) -> ChangePage | Problem | None:
    """List Changes

     Every create, update and soft delete of the resources the caller may read, in feed
    order, from `after` on (without it: from the oldest change kept). Each item shows the
    resource as its GET answers now (`upsert`), or tells the caller to drop it (`delete`:
    deleted, or moved out of the caller's sight). A cursor older than
    `LIUSHOU_CHANGE_RETENTION_DAYS` is 410 `sync_cursor_expired`: sync everything again.

    Args:
        after (None | str | Unset): A `next_cursor` of an earlier page
        limit (int | Unset):  Default: 50.
        types (None | str | Unset): Comma-separated resource types (default: all): `person`,
            `consent`, `caretaker`, `assignment`, `visit`, `referral`, `service_record`, `activity`,
            `wish`, `distribution`, `legal_contract`, `legal_activity`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return sync_detailed(
        client=client,
        after=after,
        limit=limit,
        types=types,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    types: None | str | Unset = UNSET,
) -> Response[ChangePage | Problem]:
    """List Changes

     Every create, update and soft delete of the resources the caller may read, in feed
    order, from `after` on (without it: from the oldest change kept). Each item shows the
    resource as its GET answers now (`upsert`), or tells the caller to drop it (`delete`:
    deleted, or moved out of the caller's sight). A cursor older than
    `LIUSHOU_CHANGE_RETENTION_DAYS` is 410 `sync_cursor_expired`: sync everything again.

    Args:
        after (None | str | Unset): A `next_cursor` of an earlier page
        limit (int | Unset):  Default: 50.
        types (None | str | Unset): Comma-separated resource types (default: all): `person`,
            `consent`, `caretaker`, `assignment`, `visit`, `referral`, `service_record`, `activity`,
            `wish`, `distribution`, `legal_contract`, `legal_activity`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ChangePage | Problem]
    """

    kwargs = _get_kwargs(
        after=after,
        limit=limit,
        types=types,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    types: None | str | Unset = UNSET,
) -> ChangePage | Problem | None:
    """List Changes

     Every create, update and soft delete of the resources the caller may read, in feed
    order, from `after` on (without it: from the oldest change kept). Each item shows the
    resource as its GET answers now (`upsert`), or tells the caller to drop it (`delete`:
    deleted, or moved out of the caller's sight). A cursor older than
    `LIUSHOU_CHANGE_RETENTION_DAYS` is 410 `sync_cursor_expired`: sync everything again.

    Args:
        after (None | str | Unset): A `next_cursor` of an earlier page
        limit (int | Unset):  Default: 50.
        types (None | str | Unset): Comma-separated resource types (default: all): `person`,
            `consent`, `caretaker`, `assignment`, `visit`, `referral`, `service_record`, `activity`,
            `wish`, `distribution`, `legal_contract`, `legal_activity`

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ChangePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            limit=limit,
            types=types,
        )
    ).parsed
