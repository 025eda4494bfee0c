import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.legal_activity_mode import LegalActivityMode
from ...models.legal_activity_page import LegalActivityPage
from ...models.legal_activity_type import LegalActivityType
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    advisor_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    type_: LegalActivityType | None | Unset = UNSET,
    mode: LegalActivityMode | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
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

    json_advisor_id: None | str | Unset
    if isinstance(advisor_id, Unset):
        json_advisor_id = UNSET
    elif isinstance(advisor_id, UUID):
        json_advisor_id = str(advisor_id)
    else:
        json_advisor_id = advisor_id
    params["advisor_id"] = json_advisor_id

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, LegalActivityType):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    json_mode: None | str | Unset
    if isinstance(mode, Unset):
        json_mode = UNSET
    elif isinstance(mode, LegalActivityMode):
        json_mode = mode.value
    else:
        json_mode = mode
    params["mode"] = json_mode

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

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
        "url": "/api/v1/legal-activities",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LegalActivityPage | Problem | None:
    if response.status_code == 200:
        response_200 = LegalActivityPage.from_dict(response.json())

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
) -> Response[LegalActivityPage | Problem]:
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
    advisor_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    type_: LegalActivityType | None | Unset = UNSET,
    mode: LegalActivityMode | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[LegalActivityPage | Problem]:
    """List Legal Activities

     The activities the caller may see (a legal advisor: its own; others: held in their
    area), newest `held_on` first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): held_on on or after
        to (datetime.date | None | Unset): held_on on or before
        advisor_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        type_ (LegalActivityType | None | Unset):
        mode (LegalActivityMode | None | Unset):
        person_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        advisor_id=advisor_id,
        region_id=region_id,
        type_=type_,
        mode=mode,
        person_id=person_id,
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
    advisor_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    type_: LegalActivityType | None | Unset = UNSET,
    mode: LegalActivityMode | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> LegalActivityPage | Problem | None:
    """List Legal Activities

     The activities the caller may see (a legal advisor: its own; others: held in their
    area), newest `held_on` first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): held_on on or after
        to (datetime.date | None | Unset): held_on on or before
        advisor_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        type_ (LegalActivityType | None | Unset):
        mode (LegalActivityMode | None | Unset):
        person_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalActivityPage | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        advisor_id=advisor_id,
        region_id=region_id,
        type_=type_,
        mode=mode,
        person_id=person_id,
        limit=limit,
        cursor=cursor,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    advisor_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    type_: LegalActivityType | None | Unset = UNSET,
    mode: LegalActivityMode | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[LegalActivityPage | Problem]:
    """List Legal Activities

     The activities the caller may see (a legal advisor: its own; others: held in their
    area), newest `held_on` first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): held_on on or after
        to (datetime.date | None | Unset): held_on on or before
        advisor_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        type_ (LegalActivityType | None | Unset):
        mode (LegalActivityMode | None | Unset):
        person_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LegalActivityPage | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        advisor_id=advisor_id,
        region_id=region_id,
        type_=type_,
        mode=mode,
        person_id=person_id,
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
    advisor_id: None | Unset | UUID = UNSET,
    region_id: None | Unset | UUID = UNSET,
    type_: LegalActivityType | None | Unset = UNSET,
    mode: LegalActivityMode | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> LegalActivityPage | Problem | None:
    """List Legal Activities

     The activities the caller may see (a legal advisor: its own; others: held in their
    area), newest `held_on` first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): held_on on or after
        to (datetime.date | None | Unset): held_on on or before
        advisor_id (None | Unset | UUID):
        region_id (None | Unset | UUID): A region: its whole subtree
        type_ (LegalActivityType | None | Unset):
        mode (LegalActivityMode | None | Unset):
        person_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LegalActivityPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            advisor_id=advisor_id,
            region_id=region_id,
            type_=type_,
            mode=mode,
            person_id=person_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
