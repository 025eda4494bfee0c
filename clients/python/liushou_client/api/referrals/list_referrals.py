import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_page import ReferralPage
from ...models.referral_status import ReferralStatus
from ...models.referral_type import ReferralType
from ...models.urgency import Urgency
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    person_id: None | Unset | UUID = UNSET,
    to_organization_id: None | Unset | UUID = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    type_: None | ReferralType | Unset = UNSET,
    urgency: None | Unset | Urgency = UNSET,
    overdue: bool | None | Unset = UNSET,
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

    json_to_organization_id: None | str | Unset
    if isinstance(to_organization_id, Unset):
        json_to_organization_id = UNSET
    elif isinstance(to_organization_id, UUID):
        json_to_organization_id = str(to_organization_id)
    else:
        json_to_organization_id = to_organization_id
    params["to_organization_id"] = json_to_organization_id

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, ReferralStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, ReferralType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_urgency: None | str | Unset
    if isinstance(urgency, Unset):
        json_urgency = UNSET
    elif isinstance(urgency, Urgency):
        json_urgency = urgency.value
    else:
        json_urgency = urgency
    params["urgency"] = json_urgency

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

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
        "url": "/api/v1/referrals",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReferralPage | None:
    if response.status_code == 200:
        response_200 = ReferralPage.from_dict(response.json())

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
) -> Response[Problem | ReferralPage]:
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
    to_organization_id: None | Unset | UUID = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    type_: None | ReferralType | Unset = UNSET,
    urgency: None | Unset | Urgency = UNSET,
    overdue: bool | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ReferralPage]:
    """List Referrals

     Referrals, newest first: staff see those of the persons in their area; a partner
    those addressed to its organization (each person shown to a partner is audited).

    Args:
        person_id (None | Unset | UUID):
        to_organization_id (None | Unset | UUID):
        status (None | ReferralStatus | Unset):
        type_ (None | ReferralType | Unset):
        urgency (None | Unset | Urgency):
        overdue (bool | None | Unset): true: due before today and still open, accepted or in
            progress
        region_id (None | Unset | UUID): The person's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralPage]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        to_organization_id=to_organization_id,
        status=status,
        type_=type_,
        urgency=urgency,
        overdue=overdue,
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
    to_organization_id: None | Unset | UUID = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    type_: None | ReferralType | Unset = UNSET,
    urgency: None | Unset | Urgency = UNSET,
    overdue: bool | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | ReferralPage | None:
    """List Referrals

     Referrals, newest first: staff see those of the persons in their area; a partner
    those addressed to its organization (each person shown to a partner is audited).

    Args:
        person_id (None | Unset | UUID):
        to_organization_id (None | Unset | UUID):
        status (None | ReferralStatus | Unset):
        type_ (None | ReferralType | Unset):
        urgency (None | Unset | Urgency):
        overdue (bool | None | Unset): true: due before today and still open, accepted or in
            progress
        region_id (None | Unset | UUID): The person's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralPage
    """

    return sync_detailed(
        client=client,
        person_id=person_id,
        to_organization_id=to_organization_id,
        status=status,
        type_=type_,
        urgency=urgency,
        overdue=overdue,
        region_id=region_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    person_id: None | Unset | UUID = UNSET,
    to_organization_id: None | Unset | UUID = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    type_: None | ReferralType | Unset = UNSET,
    urgency: None | Unset | Urgency = UNSET,
    overdue: bool | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ReferralPage]:
    """List Referrals

     Referrals, newest first: staff see those of the persons in their area; a partner
    those addressed to its organization (each person shown to a partner is audited).

    Args:
        person_id (None | Unset | UUID):
        to_organization_id (None | Unset | UUID):
        status (None | ReferralStatus | Unset):
        type_ (None | ReferralType | Unset):
        urgency (None | Unset | Urgency):
        overdue (bool | None | Unset): true: due before today and still open, accepted or in
            progress
        region_id (None | Unset | UUID): The person's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralPage]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        to_organization_id=to_organization_id,
        status=status,
        type_=type_,
        urgency=urgency,
        overdue=overdue,
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
    to_organization_id: None | Unset | UUID = UNSET,
    status: None | ReferralStatus | Unset = UNSET,
    type_: None | ReferralType | Unset = UNSET,
    urgency: None | Unset | Urgency = UNSET,
    overdue: bool | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | ReferralPage | None:
    """List Referrals

     Referrals, newest first: staff see those of the persons in their area; a partner
    those addressed to its organization (each person shown to a partner is audited).

    Args:
        person_id (None | Unset | UUID):
        to_organization_id (None | Unset | UUID):
        status (None | ReferralStatus | Unset):
        type_ (None | ReferralType | Unset):
        urgency (None | Unset | Urgency):
        overdue (bool | None | Unset): true: due before today and still open, accepted or in
            progress
        region_id (None | Unset | UUID): The person's region: its whole subtree
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralPage
    """

    return (
        await asyncio_detailed(
            client=client,
            person_id=person_id,
            to_organization_id=to_organization_id,
            status=status,
            type_=type_,
            urgency=urgency,
            overdue=overdue,
            region_id=region_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
