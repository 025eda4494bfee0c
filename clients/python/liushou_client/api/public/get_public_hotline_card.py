from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.http_validation_error import HTTPValidationError
from ...models.problem import Problem
from ...models.public_card import PublicCard
from ...types import Response


def _get_kwargs(
    village_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/public/hotline-cards/{village_code}".format(
            village_code=quote(str(village_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HTTPValidationError | Problem | PublicCard | None:
    if response.status_code == 200:
        response_200 = PublicCard.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

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
) -> Response[HTTPValidationError | Problem | PublicCard]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HTTPValidationError | Problem | PublicCard]:
    """Get Public Hotline Card

     A village's card for anyone who scans it: the advisor a contract gives the village
    today (null when none does), the contacts and the national hotlines. `village_code`
    is the 12-digit 统计用区划代码; any other text, or a code of no village, is 404. At most
    `LIUSHOU_PUBLIC_RATE_LIMIT` requests a minute per client address, then 429
    `rate_limited` with `Retry-After`.

    Args:
        village_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | Problem | PublicCard]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    village_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> HTTPValidationError | Problem | PublicCard | None:
    """Get Public Hotline Card

     A village's card for anyone who scans it: the advisor a contract gives the village
    today (null when none does), the contacts and the national hotlines. `village_code`
    is the 12-digit 统计用区划代码; any other text, or a code of no village, is 404. At most
    `LIUSHOU_PUBLIC_RATE_LIMIT` requests a minute per client address, then 429
    `rate_limited` with `Retry-After`.

    Args:
        village_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | Problem | PublicCard
    """

    return sync_detailed(
        village_code=village_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[HTTPValidationError | Problem | PublicCard]:
    """Get Public Hotline Card

     A village's card for anyone who scans it: the advisor a contract gives the village
    today (null when none does), the contacts and the national hotlines. `village_code`
    is the 12-digit 统计用区划代码; any other text, or a code of no village, is 404. At most
    `LIUSHOU_PUBLIC_RATE_LIMIT` requests a minute per client address, then 429
    `rate_limited` with `Retry-After`.

    Args:
        village_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HTTPValidationError | Problem | PublicCard]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    village_code: str,
    *,
    client: AuthenticatedClient | Client,
) -> HTTPValidationError | Problem | PublicCard | None:
    """Get Public Hotline Card

     A village's card for anyone who scans it: the advisor a contract gives the village
    today (null when none does), the contacts and the national hotlines. `village_code`
    is the 12-digit 统计用区划代码; any other text, or a code of no village, is 404. At most
    `LIUSHOU_PUBLIC_RATE_LIMIT` requests a minute per client address, then 429
    `rate_limited` with `Retry-After`.

    Args:
        village_code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HTTPValidationError | Problem | PublicCard
    """

    return (
        await asyncio_detailed(
            village_code=village_code,
            client=client,
        )
    ).parsed
