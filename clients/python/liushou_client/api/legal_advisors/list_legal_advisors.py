import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.advisor_page import AdvisorPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    law_firm_id: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_law_firm_id: None | str | Unset
    if isinstance(law_firm_id, Unset):
        json_law_firm_id = UNSET
    elif isinstance(law_firm_id, UUID):
        json_law_firm_id = str(law_firm_id)
    else:
        json_law_firm_id = law_firm_id
    params["law_firm_id"] = json_law_firm_id

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

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
        "url": "/api/v1/legal-advisors",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AdvisorPage | Problem | None:
    if response.status_code == 200:
        response_200 = AdvisorPage.from_dict(response.json())

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
) -> Response[AdvisorPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    law_firm_id: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[AdvisorPage | Problem]:
    """List Legal Advisors

     Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own.

    Args:
        law_firm_id (None | Unset | UUID):
        active (bool | None | Unset):
        q (None | str | Unset): The name contains this text
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdvisorPage | Problem]
    """

    kwargs = _get_kwargs(
        law_firm_id=law_firm_id,
        active=active,
        q=q,
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
    law_firm_id: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> AdvisorPage | Problem | None:
    """List Legal Advisors

     Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own.

    Args:
        law_firm_id (None | Unset | UUID):
        active (bool | None | Unset):
        q (None | str | Unset): The name contains this text
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdvisorPage | Problem
    """

    return sync_detailed(
        client=client,
        law_firm_id=law_firm_id,
        active=active,
        q=q,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    law_firm_id: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[AdvisorPage | Problem]:
    """List Legal Advisors

     Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own.

    Args:
        law_firm_id (None | Unset | UUID):
        active (bool | None | Unset):
        q (None | str | Unset): The name contains this text
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AdvisorPage | Problem]
    """

    kwargs = _get_kwargs(
        law_firm_id=law_firm_id,
        active=active,
        q=q,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    law_firm_id: None | Unset | UUID = UNSET,
    active: bool | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> AdvisorPage | Problem | None:
    """List Legal Advisors

     Live advisors by name. Every legal:read caller sees them all (they are published on
    the hotline cards), except a `legal_advisor` login, which sees its own.

    Args:
        law_firm_id (None | Unset | UUID):
        active (bool | None | Unset):
        q (None | str | Unset): The name contains this text
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AdvisorPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            law_firm_id=law_firm_id,
            active=active,
            q=q,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
