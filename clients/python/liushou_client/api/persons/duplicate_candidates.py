import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duplicate_candidates import DuplicateCandidates
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    name: str,
    birth_date: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 10,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["name"] = name

    json_birth_date: None | str | Unset
    if isinstance(birth_date, Unset):
        json_birth_date = UNSET
    elif isinstance(birth_date, datetime.date):
        json_birth_date = birth_date.isoformat()
    else:
        json_birth_date = birth_date
    params["birth_date"] = json_birth_date

    json_region_id: None | str | Unset
    if isinstance(region_id, Unset):
        json_region_id = UNSET
    elif isinstance(region_id, UUID):
        json_region_id = str(region_id)
    else:
        json_region_id = region_id
    params["region_id"] = json_region_id

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/persons/duplicate-candidates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DuplicateCandidates | Problem | None:
    if response.status_code == 200:
        response_200 = DuplicateCandidates.from_dict(response.json())

        return response_200

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
) -> Response[DuplicateCandidates | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    name: str,
    birth_date: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 10,
) -> Response[DuplicateCandidates | Problem]:
    """Likely duplicates of a person about to be registered

     Likely duplicates, among the persons the caller may see, of a person about to be
    registered: call it before `POST /persons`, especially for a person without an ID number.

    Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳; a surname's other
    readings count, 单 = shan) and by the usual fuzzy-pinyin confusions; a registered person
    whose name matches in none of these ways is never a candidate. Birth date and village then
    weigh in: `score` is 0.6 for the same name
    alone, 0.55 for the same pinyin,
    0.4 for a similar one; plus
    0.3 for the same birth date
    (0.15 for one typing slip away),
    plus 0.1 for the same village
    (0.05 for the same township). When both
    birth dates are known and unlike, the name weight is halved. Candidates scoring under
    0.3 are left out. Best first; equal scores in id order.

    `reasons` codes:
    - `same_name`: the same name in characters
    - `same_pinyin`: another name with the same toneless pinyin (同音字)
    - `similar_pinyin`: a name equal up to common fuzzy-pinyin confusions: z/zh, c/ch, s/sh, l/n,
    an/ang, en/eng, in/ing
    - `same_birth_date`: the same birth date
    - `similar_birth_date`: a birth date one typing slip away: one digit different, two adjacent digits
    swapped, or month and day swapped
    - `same_village`: registered in the same village or community
    - `same_township`: registered in another village of the same township

    Deleted persons never appear. Exited persons do (with `status: exited` and their
    `exit_reason` in `person`): someone coming back is reactivated
    (`POST /persons/{id}/reactivate`), not registered again. Personal data is masked, as in
    `GET /persons`.

    `region_id`, when given, must be a village or community the caller's region covers
    (otherwise 422 `invalid_region`, the same answer `POST /persons` would give). Volunteers
    and other roles that see no persons get an empty list.

    Args:
        name (str): The name as it would be registered
        birth_date (datetime.date | None | Unset): YYYY-MM-DD
        region_id (None | Unset | UUID): The village or community of the new person
        limit (int | Unset): At most this many candidates Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateCandidates | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        birth_date=birth_date,
        region_id=region_id,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    name: str,
    birth_date: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 10,
) -> DuplicateCandidates | Problem | None:
    """Likely duplicates of a person about to be registered

     Likely duplicates, among the persons the caller may see, of a person about to be
    registered: call it before `POST /persons`, especially for a person without an ID number.

    Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳; a surname's other
    readings count, 单 = shan) and by the usual fuzzy-pinyin confusions; a registered person
    whose name matches in none of these ways is never a candidate. Birth date and village then
    weigh in: `score` is 0.6 for the same name
    alone, 0.55 for the same pinyin,
    0.4 for a similar one; plus
    0.3 for the same birth date
    (0.15 for one typing slip away),
    plus 0.1 for the same village
    (0.05 for the same township). When both
    birth dates are known and unlike, the name weight is halved. Candidates scoring under
    0.3 are left out. Best first; equal scores in id order.

    `reasons` codes:
    - `same_name`: the same name in characters
    - `same_pinyin`: another name with the same toneless pinyin (同音字)
    - `similar_pinyin`: a name equal up to common fuzzy-pinyin confusions: z/zh, c/ch, s/sh, l/n,
    an/ang, en/eng, in/ing
    - `same_birth_date`: the same birth date
    - `similar_birth_date`: a birth date one typing slip away: one digit different, two adjacent digits
    swapped, or month and day swapped
    - `same_village`: registered in the same village or community
    - `same_township`: registered in another village of the same township

    Deleted persons never appear. Exited persons do (with `status: exited` and their
    `exit_reason` in `person`): someone coming back is reactivated
    (`POST /persons/{id}/reactivate`), not registered again. Personal data is masked, as in
    `GET /persons`.

    `region_id`, when given, must be a village or community the caller's region covers
    (otherwise 422 `invalid_region`, the same answer `POST /persons` would give). Volunteers
    and other roles that see no persons get an empty list.

    Args:
        name (str): The name as it would be registered
        birth_date (datetime.date | None | Unset): YYYY-MM-DD
        region_id (None | Unset | UUID): The village or community of the new person
        limit (int | Unset): At most this many candidates Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateCandidates | Problem
    """

    return sync_detailed(
        client=client,
        name=name,
        birth_date=birth_date,
        region_id=region_id,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    name: str,
    birth_date: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 10,
) -> Response[DuplicateCandidates | Problem]:
    """Likely duplicates of a person about to be registered

     Likely duplicates, among the persons the caller may see, of a person about to be
    registered: call it before `POST /persons`, especially for a person without an ID number.

    Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳; a surname's other
    readings count, 单 = shan) and by the usual fuzzy-pinyin confusions; a registered person
    whose name matches in none of these ways is never a candidate. Birth date and village then
    weigh in: `score` is 0.6 for the same name
    alone, 0.55 for the same pinyin,
    0.4 for a similar one; plus
    0.3 for the same birth date
    (0.15 for one typing slip away),
    plus 0.1 for the same village
    (0.05 for the same township). When both
    birth dates are known and unlike, the name weight is halved. Candidates scoring under
    0.3 are left out. Best first; equal scores in id order.

    `reasons` codes:
    - `same_name`: the same name in characters
    - `same_pinyin`: another name with the same toneless pinyin (同音字)
    - `similar_pinyin`: a name equal up to common fuzzy-pinyin confusions: z/zh, c/ch, s/sh, l/n,
    an/ang, en/eng, in/ing
    - `same_birth_date`: the same birth date
    - `similar_birth_date`: a birth date one typing slip away: one digit different, two adjacent digits
    swapped, or month and day swapped
    - `same_village`: registered in the same village or community
    - `same_township`: registered in another village of the same township

    Deleted persons never appear. Exited persons do (with `status: exited` and their
    `exit_reason` in `person`): someone coming back is reactivated
    (`POST /persons/{id}/reactivate`), not registered again. Personal data is masked, as in
    `GET /persons`.

    `region_id`, when given, must be a village or community the caller's region covers
    (otherwise 422 `invalid_region`, the same answer `POST /persons` would give). Volunteers
    and other roles that see no persons get an empty list.

    Args:
        name (str): The name as it would be registered
        birth_date (datetime.date | None | Unset): YYYY-MM-DD
        region_id (None | Unset | UUID): The village or community of the new person
        limit (int | Unset): At most this many candidates Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateCandidates | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        birth_date=birth_date,
        region_id=region_id,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    name: str,
    birth_date: datetime.date | None | Unset = UNSET,
    region_id: None | Unset | UUID = UNSET,
    limit: int | Unset = 10,
) -> DuplicateCandidates | Problem | None:
    """Likely duplicates of a person about to be registered

     Likely duplicates, among the persons the caller may see, of a person about to be
    registered: call it before `POST /persons`, especially for a person without an ID number.

    Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳; a surname's other
    readings count, 单 = shan) and by the usual fuzzy-pinyin confusions; a registered person
    whose name matches in none of these ways is never a candidate. Birth date and village then
    weigh in: `score` is 0.6 for the same name
    alone, 0.55 for the same pinyin,
    0.4 for a similar one; plus
    0.3 for the same birth date
    (0.15 for one typing slip away),
    plus 0.1 for the same village
    (0.05 for the same township). When both
    birth dates are known and unlike, the name weight is halved. Candidates scoring under
    0.3 are left out. Best first; equal scores in id order.

    `reasons` codes:
    - `same_name`: the same name in characters
    - `same_pinyin`: another name with the same toneless pinyin (同音字)
    - `similar_pinyin`: a name equal up to common fuzzy-pinyin confusions: z/zh, c/ch, s/sh, l/n,
    an/ang, en/eng, in/ing
    - `same_birth_date`: the same birth date
    - `similar_birth_date`: a birth date one typing slip away: one digit different, two adjacent digits
    swapped, or month and day swapped
    - `same_village`: registered in the same village or community
    - `same_township`: registered in another village of the same township

    Deleted persons never appear. Exited persons do (with `status: exited` and their
    `exit_reason` in `person`): someone coming back is reactivated
    (`POST /persons/{id}/reactivate`), not registered again. Personal data is masked, as in
    `GET /persons`.

    `region_id`, when given, must be a village or community the caller's region covers
    (otherwise 422 `invalid_region`, the same answer `POST /persons` would give). Volunteers
    and other roles that see no persons get an empty list.

    Args:
        name (str): The name as it would be registered
        birth_date (datetime.date | None | Unset): YYYY-MM-DD
        region_id (None | Unset | UUID): The village or community of the new person
        limit (int | Unset): At most this many candidates Default: 10.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateCandidates | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            name=name,
            birth_date=birth_date,
            region_id=region_id,
            limit=limit,
        )
    ).parsed
