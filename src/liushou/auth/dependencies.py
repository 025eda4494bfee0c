"""The dependency every protected route declares through ``Security(..., scopes=[...])``.

It is ``async`` and touches no database on the happy path: the principal comes from the
(cached) token alone, so authentication never costs a threadpool hop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request, Security
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlowPassword, OAuthFlows
from fastapi.security import OAuth2, SecurityScopes

from liushou.api.responses import API_PREFIX
from liushou.auth.principal import Principal
from liushou.auth.roles import SCOPE_DESCRIPTIONS, Role
from liushou.auth.service import AuthService, audit_token_refusal
from liushou.auth.tokens import InvalidToken, TokenService
from liushou.errors import AppError, NotFound, Unauthorized
from liushou.rate_limits.limiter import CallerRateLimit, Verdict

TOKEN_URL = f"{API_PREFIX}/auth/token"

oauth2_scheme = OAuth2(
    flows=OAuthFlows(
        password=OAuthFlowPassword(tokenUrl=TOKEN_URL, scopes=SCOPE_DESCRIPTIONS),
        clientCredentials=OAuthFlowClientCredentials(tokenUrl=TOKEN_URL, scopes=SCOPE_DESCRIPTIONS),
    ),
    scheme_name="OAuth2",
    description="Staff sign in with a password; partner systems with client credentials.",
    auto_error=False,
)


class InsufficientScope(AppError):
    status, code = 403, "insufficient_scope"


class RateLimited(AppError):
    status, code = 429, "rate_limited"

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(
            f"请求过于频繁：每分钟最多 {verdict.limit} 次，请 {verdict.reset} 秒后再试。",
            f"Too many requests: at most {verdict.limit} a minute; retry in {verdict.reset} s.",
            headers={"Retry-After": str(verdict.reset)},
            retry_after=verdict.reset,
        )


async def current_principal(
    security_scopes: SecurityScopes,
    request: Request,
    authorization: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    scheme, _, token = (authorization or "").partition(" ")
    if not token or scheme.lower() != "bearer":
        raise Unauthorized("缺少访问令牌。", "An access token is required.")
    try:
        tokens: TokenService = request.app.state.tokens
        principal = tokens.verify(token.strip())
    except InvalidToken:
        await audit_token_refusal(request, "invalid_token")
        raise Unauthorized(
            "访问令牌无效或已过期。",
            "The access token is invalid or expired.",
            code="invalid_token",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    request.state.principal = principal
    # The caller's limit (docs/security.md, "Rate limits"); the middleware sends the
    # RateLimit-* headers of the verdict with whatever the route answers.
    limit: CallerRateLimit = request.app.state.rate_limit
    verdict = limit.hit(principal.caller_key)
    request.state.rate_limit = verdict
    if not verdict.allowed:
        raise RateLimited(verdict)
    missing = [s for s in security_scopes.scopes if s not in principal.scopes]
    if missing:
        await audit_token_refusal(request, "insufficient_scope", principal, missing=missing)
        raise InsufficientScope(
            f"缺少权限：{' '.join(missing)}。",
            f"Missing scope: {' '.join(missing)}.",
            headers={
                "WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{security_scopes.scope_str}"'
            },
        )
    return principal


async def _caller_of_one_person(
    security_scopes: SecurityScopes,
    request: Request,
    authorization: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    """``current_principal`` for the routes of one registry person: a partner, which never
    reads the registry, gets 404 as for an unknown id (docs/privacy.md), so that it cannot even
    learn which ids exist. The refused scope is still audited."""
    try:
        return await current_principal(security_scopes, request, authorization)
    except InsufficientScope:
        if request.state.principal.role == Role.partner:
            raise NotFound() from None
        raise


def requires_for_one_person(*scopes: str) -> Any:
    """``requires`` for ``/persons/{person_id}...``: 404 rather than 403 for partners."""
    return Security(_caller_of_one_person, scopes=list(scopes))


def requires(*scopes: str) -> Any:
    """``caller: Annotated[Principal, requires("registry:read")]`` in a route signature (the
    dependency's marker, typed Any as FastAPI's ``Security`` is)."""
    return Security(current_principal, scopes=list(scopes))


Authenticated = Annotated[Principal, Security(current_principal)]


async def auth_service(request: Request) -> AuthService:
    return request.app.state.auth


AuthServiceDep = Annotated[AuthService, Depends(auth_service)]
"""Sign-in, tokens and their throttles (see docs/security.md)."""
