import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_page import VisitPage
from ...models.visit_risk_level import VisitRiskLevel
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date | None | Unset = UNSET,
    to: datetime.date | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    caretaker_id: None | Unset | UUID = UNSET,
    risk_level: None | Unset | VisitRiskLevel = UNSET,
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

    json_caretaker_id: None | str | Unset
    if isinstance(caretaker_id, Unset):
        json_caretaker_id = UNSET
    elif isinstance(caretaker_id, UUID):
        json_caretaker_id = str(caretaker_id)
    else:
        json_caretaker_id = caretaker_id
    params["caretaker_id"] = json_caretaker_id

    json_risk_level: None | str | Unset
    if isinstance(risk_level, Unset):
        json_risk_level = UNSET
    elif isinstance(risk_level, VisitRiskLevel):
        json_risk_level = risk_level.value
    else:
        json_risk_level = risk_level
    params["risk_level"] = json_risk_level

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
        "url": "/api/v1/visits",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | VisitPage | None:
    if response.status_code == 200:
        response_200 = VisitPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | VisitPage]:
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
    caretaker_id: None | Unset | UUID = UNSET,
    risk_level: None | Unset | VisitRiskLevel = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | VisitPage]:
    """List Visits

     Visits, newest first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): visited_on on or after
        to (datetime.date | None | Unset): visited_on on or before
        person_id (None | Unset | UUID):
        caretaker_id (None | Unset | UUID):
        risk_level (None | Unset | VisitRiskLevel):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitPage]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        person_id=person_id,
        caretaker_id=caretaker_id,
        risk_level=risk_level,
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
    caretaker_id: None | Unset | UUID = UNSET,
    risk_level: None | Unset | VisitRiskLevel = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | VisitPage | None:
    """List Visits

     Visits, newest first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): visited_on on or after
        to (datetime.date | None | Unset): visited_on on or before
        person_id (None | Unset | UUID):
        caretaker_id (None | Unset | UUID):
        risk_level (None | Unset | VisitRiskLevel):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitPage
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        person_id=person_id,
        caretaker_id=caretaker_id,
        risk_level=risk_level,
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
    caretaker_id: None | Unset | UUID = UNSET,
    risk_level: None | Unset | VisitRiskLevel = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Response[Problem | VisitPage]:
    """List Visits

     Visits, newest first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): visited_on on or after
        to (datetime.date | None | Unset): visited_on on or before
        person_id (None | Unset | UUID):
        caretaker_id (None | Unset | UUID):
        risk_level (None | Unset | VisitRiskLevel):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitPage]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        person_id=person_id,
        caretaker_id=caretaker_id,
        risk_level=risk_level,
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
    caretaker_id: None | Unset | UUID = UNSET,
    risk_level: None | Unset | VisitRiskLevel = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
) -> Problem | VisitPage | None:
    """List Visits

     Visits, newest first. `from` after `to` is 422 `invalid_period`.

    Args:
        from_ (datetime.date | None | Unset): visited_on on or after
        to (datetime.date | None | Unset): visited_on on or before
        person_id (None | Unset | UUID):
        caretaker_id (None | Unset | UUID):
        risk_level (None | Unset | VisitRiskLevel):
        limit (int | Unset):  Default: 50.
        cursor (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only resources changed at or after this

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitPage
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            person_id=person_id,
            caretaker_id=caretaker_id,
            risk_level=risk_level,
            limit=limit,
            cursor=cursor,
            updated_since=updated_since,
        )
    ).parsed
