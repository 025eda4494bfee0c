from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.consent_read import ConsentRead
from ...models.consent_withdraw import ConsentWithdraw
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    person_id: UUID,
    consent_id: UUID,
    *,
    body: ConsentWithdraw,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/persons/{person_id}/consents/{consent_id}/withdraw".format(
            person_id=quote(str(person_id), safe=""),
            consent_id=quote(str(consent_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConsentRead | Problem | None:
    if response.status_code == 200:
        response_200 = ConsentRead.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ConsentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: UUID,
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentWithdraw,
    if_match: None | str | Unset = UNSET,
) -> Response[ConsentRead | Problem]:
    """Withdraw Consent

     From `withdrawn_on` on, the consent covers nothing.

    Args:
        person_id (UUID):
        consent_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (ConsentWithdraw):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        consent_id=consent_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: UUID,
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentWithdraw,
    if_match: None | str | Unset = UNSET,
) -> ConsentRead | Problem | None:
    """Withdraw Consent

     From `withdrawn_on` on, the consent covers nothing.

    Args:
        person_id (UUID):
        consent_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (ConsentWithdraw):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentRead | Problem
    """

    return sync_detailed(
        person_id=person_id,
        consent_id=consent_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    person_id: UUID,
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentWithdraw,
    if_match: None | str | Unset = UNSET,
) -> Response[ConsentRead | Problem]:
    """Withdraw Consent

     From `withdrawn_on` on, the consent covers nothing.

    Args:
        person_id (UUID):
        consent_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (ConsentWithdraw):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsentRead | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        consent_id=consent_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: UUID,
    consent_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ConsentWithdraw,
    if_match: None | str | Unset = UNSET,
) -> ConsentRead | Problem | None:
    """Withdraw Consent

     From `withdrawn_on` on, the consent covers nothing.

    Args:
        person_id (UUID):
        consent_id (UUID):
        if_match (None | str | Unset): The ETag read before (e.g. `"3"`); a stale one is refused
            with 412.
        body (ConsentWithdraw):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsentRead | Problem
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            consent_id=consent_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
