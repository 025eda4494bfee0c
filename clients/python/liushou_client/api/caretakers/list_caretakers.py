import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.caretaker_kind import CaretakerKind
from ...models.caretaker_page import CaretakerPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region_id: None | Unset | UUID = UNSET,
    kind: CaretakerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    user_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, CaretakerKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_organization_id: None | str | Unset
    if isinstance(organization_id, Unset):
        json_organization_id = UNSET
    elif isinstance(organization_id, UUID):
        json_organization_id = str(organization_id)
    else:
        json_organization_id = organization_id
    params["organization_id"] = json_organization_id

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    elif isinstance(user_id, UUID):
        json_user_id = str(user_id)
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

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
        "url": "/api/v1/caretakers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaretakerPage | Problem | None:
    if response.status_code == 200:
        response_200 = CaretakerPage.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CaretakerPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    kind: CaretakerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    user_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[CaretakerPage | Problem]:
    """List Caretakers

    Args:
        region_id (None | Unset | UUID): A region: its whole subtree
        kind (CaretakerKind | None | Unset):
        q (None | str | Unset): Name contains
        organization_id (None | Unset | UUID):
        user_id (None | Unset | UUID): The caretaker of this login
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaretakerPage | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        kind=kind,
        q=q,
        organization_id=organization_id,
        user_id=user_id,
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
    region_id: None | Unset | UUID = UNSET,
    kind: CaretakerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    user_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> CaretakerPage | Problem | None:
    """List Caretakers

    Args:
        region_id (None | Unset | UUID): A region: its whole subtree
        kind (CaretakerKind | None | Unset):
        q (None | str | Unset): Name contains
        organization_id (None | Unset | UUID):
        user_id (None | Unset | UUID): The caretaker of this login
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaretakerPage | Problem
    """

    return sync_detailed(
        client=client,
        region_id=region_id,
        kind=kind,
        q=q,
        organization_id=organization_id,
        user_id=user_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    kind: CaretakerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    user_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[CaretakerPage | Problem]:
    """List Caretakers

    Args:
        region_id (None | Unset | UUID): A region: its whole subtree
        kind (CaretakerKind | None | Unset):
        q (None | str | Unset): Name contains
        organization_id (None | Unset | UUID):
        user_id (None | Unset | UUID): The caretaker of this login
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaretakerPage | Problem]
    """

    kwargs = _get_kwargs(
        region_id=region_id,
        kind=kind,
        q=q,
        organization_id=organization_id,
        user_id=user_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region_id: None | Unset | UUID = UNSET,
    kind: CaretakerKind | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    organization_id: None | Unset | UUID = UNSET,
    user_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> CaretakerPage | Problem | None:
    """List Caretakers

    Args:
        region_id (None | Unset | UUID): A region: its whole subtree
        kind (CaretakerKind | None | Unset):
        q (None | str | Unset): Name contains
        organization_id (None | Unset | UUID):
        user_id (None | Unset | UUID): The caretaker of this login
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaretakerPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            region_id=region_id,
            kind=kind,
            q=q,
            organization_id=organization_id,
            user_id=user_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
