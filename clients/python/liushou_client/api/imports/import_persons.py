from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_persons_form import ImportPersonsForm
from ...models.import_preview import ImportPreview
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ImportPersonsForm,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports/persons",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportPreview | ImportResult | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ImportPreview | ImportResult:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ImportPreview.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ImportResult.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

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
) -> Response[ImportPreview | ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportPersonsForm,
    dry_run: bool | Unset = False,
) -> Response[ImportPreview | ImportResult | Problem]:
    """Import Persons

     Register the persons of a village survey sheet (headers as in the template).

    All or nothing: any row error is a 422 whose `errors` name row and column, and nothing
    is written. Idempotent: a person already registered (same ID number, or same name,
    birth date and village without one) is counted as `unchanged`, so the same sheet can be
    sent again safely (no `Idempotency-Key` needed). Up to 10 MiB and 20,000 rows.

    Args:
        dry_run (bool | Unset): Check only: report errors and counts, write nothing Default:
            False.
        body (ImportPersonsForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportPreview | ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ImportPersonsForm,
    dry_run: bool | Unset = False,
) -> ImportPreview | ImportResult | Problem | None:
    """Import Persons

     Register the persons of a village survey sheet (headers as in the template).

    All or nothing: any row error is a 422 whose `errors` name row and column, and nothing
    is written. Idempotent: a person already registered (same ID number, or same name,
    birth date and village without one) is counted as `unchanged`, so the same sheet can be
    sent again safely (no `Idempotency-Key` needed). Up to 10 MiB and 20,000 rows.

    Args:
        dry_run (bool | Unset): Check only: report errors and counts, write nothing Default:
            False.
        body (ImportPersonsForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportPreview | ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ImportPersonsForm,
    dry_run: bool | Unset = False,
) -> Response[ImportPreview | ImportResult | Problem]:
    """Import Persons

     Register the persons of a village survey sheet (headers as in the template).

    All or nothing: any row error is a 422 whose `errors` name row and column, and nothing
    is written. Idempotent: a person already registered (same ID number, or same name,
    birth date and village without one) is counted as `unchanged`, so the same sheet can be
    sent again safely (no `Idempotency-Key` needed). Up to 10 MiB and 20,000 rows.

    Args:
        dry_run (bool | Unset): Check only: report errors and counts, write nothing Default:
            False.
        body (ImportPersonsForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportPreview | ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ImportPersonsForm,
    dry_run: bool | Unset = False,
) -> ImportPreview | ImportResult | Problem | None:
    """Import Persons

     Register the persons of a village survey sheet (headers as in the template).

    All or nothing: any row error is a 422 whose `errors` name row and column, and nothing
    is written. Idempotent: a person already registered (same ID number, or same name,
    birth date and village without one) is counted as `unchanged`, so the same sheet can be
    sent again safely (no `Idempotency-Key` needed). Up to 10 MiB and 20,000 rows.

    Args:
        dry_run (bool | Unset): Check only: report errors and counts, write nothing Default:
            False.
        body (ImportPersonsForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportPreview | ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
