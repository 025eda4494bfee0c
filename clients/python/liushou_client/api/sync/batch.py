from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_request import BatchRequest
from ...models.batch_response import BatchResponse
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BatchRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/sync/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchResponse | Problem | None:
    if response.status_code == 200:
        response_200 = BatchResponse.from_dict(response.json())

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
) -> Response[BatchResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> Response[BatchResponse | Problem]:
    """Batch

     Run up to 100 queued writes, in order, each as if sent alone: its own transaction,
    with the same auth, scoping, validation, `Idempotency-Key` and `If-Match` as its route.
    One item's failure does not stop the next. Always 200 once the batch itself is valid;
    each item says `applied` (2xx), `conflict` (412: `body` is the current resource) or
    `rejected` (any other status: `body` is the problem). An item's path outside `/api/v1`,
    absolute, with `..` or aimed at this route is `rejected` with 422 `invalid_batch_path`
    and not run; more than 100 items is 422 `batch_too_large` and nothing runs. The body
    limit holds for the batch as a whole.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> BatchResponse | Problem | None:
    """Batch

     Run up to 100 queued writes, in order, each as if sent alone: its own transaction,
    with the same auth, scoping, validation, `Idempotency-Key` and `If-Match` as its route.
    One item's failure does not stop the next. Always 200 once the batch itself is valid;
    each item says `applied` (2xx), `conflict` (412: `body` is the current resource) or
    `rejected` (any other status: `body` is the problem). An item's path outside `/api/v1`,
    absolute, with `..` or aimed at this route is `rejected` with 422 `invalid_batch_path`
    and not run; more than 100 items is 422 `batch_too_large` and nothing runs. The body
    limit holds for the batch as a whole.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> Response[BatchResponse | Problem]:
    """Batch

     Run up to 100 queued writes, in order, each as if sent alone: its own transaction,
    with the same auth, scoping, validation, `Idempotency-Key` and `If-Match` as its route.
    One item's failure does not stop the next. Always 200 once the batch itself is valid;
    each item says `applied` (2xx), `conflict` (412: `body` is the current resource) or
    `rejected` (any other status: `body` is the problem). An item's path outside `/api/v1`,
    absolute, with `..` or aimed at this route is `rejected` with 422 `invalid_batch_path`
    and not run; more than 100 items is 422 `batch_too_large` and nothing runs. The body
    limit holds for the batch as a whole.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchResponse | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BatchRequest,
) -> BatchResponse | Problem | None:
    """Batch

     Run up to 100 queued writes, in order, each as if sent alone: its own transaction,
    with the same auth, scoping, validation, `Idempotency-Key` and `If-Match` as its route.
    One item's failure does not stop the next. Always 200 once the batch itself is valid;
    each item says `applied` (2xx), `conflict` (412: `body` is the current resource) or
    `rejected` (any other status: `body` is the problem). An item's path outside `/api/v1`,
    absolute, with `..` or aimed at this route is `rejected` with 422 `invalid_batch_path`
    and not run; more than 100 items is 422 `batch_too_large` and nothing runs. The body
    limit holds for the batch as a whole.

    Args:
        body (BatchRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
