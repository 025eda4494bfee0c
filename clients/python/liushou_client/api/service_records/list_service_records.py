import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.program import Program
from ...models.service_record_page import ServiceRecordPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    program: None | Program | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
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

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    elif isinstance(program, Program):
        json_program = program.value
    else:
        json_program = program
    params["program"] = json_program

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

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
        "url": "/api/v1/service-records",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ServiceRecordPage | None:
    if response.status_code == 200:
        response_200 = ServiceRecordPage.from_dict(response.json())

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
) -> Response[Problem | ServiceRecordPage]:
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
    person_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    program: None | Program | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ServiceRecordPage]:
    """List Service Records

     The records of the persons the caller may see, newest `delivered_on` first.
    `region_id`: the person's region's subtree. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): delivered_on on or after
        to (datetime.date | None | Unset): delivered_on on or before
        person_id (None | Unset | UUID):
        service_type (None | str | Unset): A type's code
        program (None | Program | Unset):
        region_id (None | Unset | UUID): A region: its whole subtree
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRecordPage]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        person_id=person_id,
        service_type=service_type,
        program=program,
        region_id=region_id,
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
    person_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    program: None | Program | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | ServiceRecordPage | None:
    """List Service Records

     The records of the persons the caller may see, newest `delivered_on` first.
    `region_id`: the person's region's subtree. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): delivered_on on or after
        to (datetime.date | None | Unset): delivered_on on or before
        person_id (None | Unset | UUID):
        service_type (None | str | Unset): A type's code
        program (None | Program | Unset):
        region_id (None | Unset | UUID): A region: its whole subtree
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRecordPage
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        person_id=person_id,
        service_type=service_type,
        program=program,
        region_id=region_id,
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
    person_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    program: None | Program | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | ServiceRecordPage]:
    """List Service Records

     The records of the persons the caller may see, newest `delivered_on` first.
    `region_id`: the person's region's subtree. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): delivered_on on or after
        to (datetime.date | None | Unset): delivered_on on or before
        person_id (None | Unset | UUID):
        service_type (None | str | Unset): A type's code
        program (None | Program | Unset):
        region_id (None | Unset | UUID): A region: its whole subtree
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServiceRecordPage]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        person_id=person_id,
        service_type=service_type,
        program=program,
        region_id=region_id,
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
    person_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    program: None | Program | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    activity_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | ServiceRecordPage | None:
    """List Service Records

     The records of the persons the caller may see, newest `delivered_on` first.
    `region_id`: the person's region's subtree. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): delivered_on on or after
        to (datetime.date | None | Unset): delivered_on on or before
        person_id (None | Unset | UUID):
        service_type (None | str | Unset): A type's code
        program (None | Program | Unset):
        region_id (None | Unset | UUID): A region: its whole subtree
        activity_id (None | Unset | UUID):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServiceRecordPage
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            person_id=person_id,
            service_type=service_type,
            program=program,
            region_id=region_id,
            activity_id=activity_id,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
