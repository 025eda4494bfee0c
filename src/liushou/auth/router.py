"""/auth/token, /auth/me and /users."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote_plus

import sqlalchemy as sa
from fastapi import APIRouter, Form, Request
from starlette.responses import JSONResponse, Response

from liushou.api.dependencies import DatabaseDep
from liushou.api.pagination import Page, Paging, keyset_rows, read_page
from liushou.api.params import SearchText
from liushou.auth.callers import Admin, SignedIn
from liushou.auth.dependencies import AuthServiceDep
from liushou.auth.models import UserAccount
from liushou.auth.schemas import Me, RegionSummary, TokenResponse, UserRead
from liushou.auth.service import IssuedTokens, OAuthError, invalid_client
from liushou.errors import problem_responses
from liushou.regions.models import Region
from liushou.validators import forbidden_character

auth = APIRouter(prefix="/auth", tags=["auth"])
users = APIRouter(prefix="/users", tags=["users"])

user_t: sa.Table = UserAccount.__table__  # type: ignore[attr-defined]
region_t: sa.Table = Region.__table__  # type: ignore[attr-defined]


def _invalid_request(what: str) -> OAuthError:
    return OAuthError(f"缺少参数：{what}。", f"Missing parameter: {what}.", code="invalid_request")


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    """HTTP Basic client authentication (RFC 6749 §2.3.1); None when the header is absent.

    The id and secret are form-urlencoded before they are joined and base64-encoded; a
    Basic header that cannot be read is a failed client authentication, not a missing one.
    """
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise invalid_client() from None
    client_id, colon, secret = decoded.partition(":")
    client_id = unquote_plus(client_id)
    # An id with control characters names no client (and PostgreSQL would refuse a NUL).
    if not colon or forbidden_character(client_id, multi_line=False) is not None:
        raise invalid_client()
    return client_id, unquote_plus(secret)


@auth.post(
    "/token",
    response_model=TokenResponse,
    responses=problem_responses(400, 401, 413, 422, 429),
)
def issue_token(
    request: Request,
    db: DatabaseDep,
    service: AuthServiceDep,
    grant_type: Annotated[str | None, Form(max_length=64)] = None,
    username: Annotated[SearchText | None, Form(max_length=64)] = None,
    password: Annotated[str | None, Form(max_length=256)] = None,
    scope: Annotated[str | None, Form(max_length=500)] = None,
    client_id: Annotated[SearchText | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=256)] = None,
    refresh_token: Annotated[str | None, Form(max_length=256)] = None,
) -> JSONResponse:
    """OAuth2 token endpoint (RFC 6749): password, client_credentials and refresh_token grants.

    Errors follow RFC 6749 §5.2 as problem+json whose `code` is the OAuth2 error. After 5
    failed passwords for one username in 15 minutes, sign-in is refused with 429
    `too_many_attempts` and `Retry-After`, even with the right password; likewise after 10
    wrong secrets for one client id from one network (an IPv4 address, an IPv6 /64) in 5
    minutes (the limits are settings).
    """
    # Its own transactions, not a unit of work: a failed sign-in is recorded (committed)
    # before the refusal is raised, so the service commits (docs/architecture.md).
    with db.session() as session:
        if grant_type == "password":
            if not username or password is None:
                raise _invalid_request("username, password")
            issued = service.password_grant(session, username, password, scope)
        elif grant_type == "client_credentials":
            basic = _basic_credentials(request)
            if basic is not None:
                client_id, client_secret = basic
            if not client_id or client_secret is None:
                raise _invalid_request("client_id, client_secret")
            source = request.client.host if request.client else None
            issued = service.client_credentials_grant(
                session, client_id, client_secret, scope, source
            )
        elif grant_type == "refresh_token":
            if not refresh_token:
                raise _invalid_request("refresh_token")
            issued = service.refresh_grant(session, refresh_token)
        elif not grant_type:
            raise _invalid_request("grant_type")
        else:
            raise OAuthError(
                "不支持的授权类型。", "Unsupported grant_type.", code="unsupported_grant_type"
            )
    return _token_response(issued)


def _token_response(issued: IssuedTokens) -> JSONResponse:
    body = TokenResponse(
        access_token=issued.access_token,
        expires_in=issued.expires_in,
        refresh_token=issued.refresh_token,
        scope=issued.scope,
    ).model_dump(exclude_none=True)
    # RFC 6749 §5.1: token responses must not be cached.
    return JSONResponse(body, headers={"Cache-Control": "no-store", "Pragma": "no-cache"})


@auth.post(
    "/revoke",
    status_code=200,
    response_class=Response,
    responses={
        200: {"description": "Revoked, or no such token of the caller's."},
        **problem_responses(401, 403, 413, 422, 429),
    },
)
def revoke_token(
    db: DatabaseDep,
    service: AuthServiceDep,
    caller: SignedIn,
    token: Annotated[str, Form(max_length=4096)],
    token_type_hint: Annotated[str | None, Form(max_length=64)] = None,
) -> Response:
    """Token revocation (RFC 7009). `token` is one of the caller's refresh tokens or access
    tokens; the login session it belongs to ends: its refresh tokens and every access token
    issued with them are refused (401 `invalid_token`) from the next request on, in every
    server process. `token_type_hint` (`access_token`, `refresh_token`) only says which kind
    to try first. A token that is unknown, expired or not the caller's is answered 200 as
    well, and nothing is revoked. The caller authenticates with its own bearer token (it
    may be the token revoked)."""
    # Its own transaction, as /auth/token: the revocation commits before the answer.
    with db.session() as session:
        service.revoke(session, caller, token, token_type_hint)
    return Response(status_code=200, headers={"Cache-Control": "no-store"})


@auth.get("/me", responses=problem_responses(401, 403))
async def get_me(db: DatabaseDep, caller: SignedIn) -> Me:
    region = None
    if caller.region_id is not None:
        row = await db.read(
            lambda conn: (
                conn.execute(
                    sa.select(
                        region_t.c.id, region_t.c.code, region_t.c.name, region_t.c.level
                    ).where(region_t.c.id == caller.region_id)
                )
                .mappings()
                .one_or_none()
            )
        )
        region = RegionSummary.model_validate(dict(row)) if row else None
    return Me(
        kind=caller.kind,
        id=caller.id,
        username=caller.name if caller.kind == "user" else None,
        client_id=caller.name if caller.kind == "client" else None,
        role=caller.role,
        region=region,
        organization_id=caller.organization_id,
        scopes=sorted(caller.scopes),
    )


@users.get("", responses=problem_responses(400, 401, 403, 422))
async def list_users(
    db: DatabaseDep,
    caller: Admin,
    page: Paging,
) -> Page[UserRead]:
    columns = [
        user_t.c.id,
        user_t.c.username,
        user_t.c.role,
        user_t.c.region_id,
        user_t.c.organization_id,
        user_t.c.active,
        user_t.c.created_at,
        user_t.c.updated_at,
        user_t.c.version,
    ]
    stmt = sa.select(*columns).where(user_t.c.deleted_at.is_(None))
    order = [user_t.c.username, user_t.c.id]
    return await read_page(
        db,
        page,
        Page[UserRead],
        lambda conn: keyset_rows(conn, stmt, page, order, updated_at=user_t.c.updated_at),
        lambda r: (r["username"], r["id"]),
    )
