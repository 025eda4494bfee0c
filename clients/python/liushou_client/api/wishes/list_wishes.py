import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.wish_kind import WishKind
from ...models.wish_page import WishPage
from ...models.wish_status import WishStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_id: None | Unset | UUID = UNSET,
    status: None | Unset | WishStatus = UNSET,
    kind: None | Unset | WishKind = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, WishStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, WishKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/wishes",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WishPage | None:
    if response.status_code == 200:
        response_200 = WishPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WishPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    status: None | Unset | WishStatus = UNSET,
    kind: None | Unset | WishKind = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | WishPage]:
    """List Wishes

     Wishes of the children the caller may see, newest first.

    Args:
        person_id (None | Unset | UUID):
        status (None | Unset | WishStatus):
        kind (None | Unset | WishKind):
        region_id (None | Unset | UUID): The child's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishPage]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        status=status,
        kind=kind,
        region_id=region_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    status: None | Unset | WishStatus = UNSET,
    kind: None | Unset | WishKind = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | WishPage | None:
    """List Wishes

     Wishes of the children the caller may see, newest first.

    Args:
        person_id (None | Unset | UUID):
        status (None | Unset | WishStatus):
        kind (None | Unset | WishKind):
        region_id (None | Unset | UUID): The child's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishPage
    """

    return sync_detailed(
        client=client,
        person_id=person_id,
        status=status,
        kind=kind,
        region_id=region_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    status: None | Unset | WishStatus = UNSET,
    kind: None | Unset | WishKind = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | WishPage]:
    """List Wishes

     Wishes of the children the caller may see, newest first.

    Args:
        person_id (None | Unset | UUID):
        status (None | Unset | WishStatus):
        kind (None | Unset | WishKind):
        region_id (None | Unset | UUID): The child's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WishPage]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        status=status,
        kind=kind,
        region_id=region_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    status: None | Unset | WishStatus = UNSET,
    kind: None | Unset | WishKind = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | WishPage | None:
    """List Wishes

     Wishes of the children the caller may see, newest first.

    Args:
        person_id (None | Unset | UUID):
        status (None | Unset | WishStatus):
        kind (None | Unset | WishKind):
        region_id (None | Unset | UUID): The child's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WishPage
    """

    return (
        await asyncio_detailed(
            client=client,
            person_id=person_id,
            status=status,
            kind=kind,
            region_id=region_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
