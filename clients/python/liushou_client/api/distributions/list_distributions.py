import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.distribution_item import DistributionItem
from ...models.distribution_page import DistributionPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    item: DistributionItem | None | Unset = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    elif isinstance(from_, datetime.date):
        json_from_ = from_.isoformat()
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_item: None | str | Unset
    if isinstance(item, Unset):
        json_item = UNSET
    elif isinstance(item, DistributionItem):
        json_item = item.value
    else:
        json_item = item
    params["item"] = json_item

    json_activity_id: None | str | Unset
    if isinstance(activity_id, Unset):
        json_activity_id = UNSET
    elif isinstance(activity_id, UUID):
        json_activity_id = str(activity_id)
    else:
        json_activity_id = activity_id
    params["activity_id"] = json_activity_id

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
        "url": "/api/v1/distributions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DistributionPage | Problem | None:
    if response.status_code == 200:
        response_200 = DistributionPage.from_dict(response.json())

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
) -> Response[DistributionPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    item: DistributionItem | None | Unset = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[DistributionPage | Problem]:
    """List Distributions

     Distributions in the caller's area, newest `distributed_on` first. `from` after `to`
    is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): distributed_on on or after
        to (datetime.date | None | Unset): distributed_on on or before
        region_id (None | Unset | UUID): A region: its whole subtree
        item (DistributionItem | None | Unset):
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DistributionPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        region_id=region_id,
        item=item,
        activity_id=activity_id,
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
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    item: DistributionItem | None | Unset = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> DistributionPage | Problem | None:
    """List Distributions

     Distributions in the caller's area, newest `distributed_on` first. `from` after `to`
    is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): distributed_on on or after
        to (datetime.date | None | Unset): distributed_on on or before
        region_id (None | Unset | UUID): A region: its whole subtree
        item (DistributionItem | None | Unset):
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DistributionPage | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        region_id=region_id,
        item=item,
        activity_id=activity_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    item: DistributionItem | None | Unset = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[DistributionPage | Problem]:
    """List Distributions

     Distributions in the caller's area, newest `distributed_on` first. `from` after `to`
    is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): distributed_on on or after
        to (datetime.date | None | Unset): distributed_on on or before
        region_id (None | Unset | UUID): A region: its whole subtree
        item (DistributionItem | None | Unset):
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DistributionPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        region_id=region_id,
        item=item,
        activity_id=activity_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    item: DistributionItem | None | Unset = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> DistributionPage | Problem | None:
    """List Distributions

     Distributions in the caller's area, newest `distributed_on` first. `from` after `to`
    is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): distributed_on on or after
        to (datetime.date | None | Unset): distributed_on on or before
        region_id (None | Unset | UUID): A region: its whole subtree
        item (DistributionItem | None | Unset):
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DistributionPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            region_id=region_id,
            item=item,
            activity_id=activity_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
