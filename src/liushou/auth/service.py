"""The rules of signing in: grants, refresh rotation, lockout, and their audit trail."""

from __future__ import annotations

import hmac
import ipaddress
import math
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

import sqlalchemy as sa
from fastapi import Request
from sqlalchemy.engine import CursorResult
from sqlmodel import Session, col, select

from liushou import clock
from liushou.api.resources import get_live_by
from liushou.audit import service as audit
from liushou.auth import revocation
from liushou.auth.models import ApiClient, LoginFailure, RefreshToken, UserAccount
from liushou.auth.passwords import verify_secret
from liushou.auth.principal import Principal
from liushou.auth.roles import ROLE_SCOPES, UNSCOPED_ROLES, Role
from liushou.auth.tokens import TokenService, hash_refresh_token, new_refresh_token
from liushou.config import Settings
from liushou.db import Database, Resource
from liushou.errors import AppError
from liushou.regions.models import Organization, Region


class OAuthError(AppError):
    """RFC 6749 §5.2 errors, rendered as problem+json whose code is the OAuth2 error."""

    status = 400


def invalid_grant() -> OAuthError:
    return OAuthError(
        "用户名、密码或刷新令牌无效。",
        "The username, password or refresh token is invalid.",
        code="invalid_grant",
    )


def invalid_client() -> OAuthError:
    return OAuthError(
        "客户端编号或密钥无效。",
        "The client id or secret is invalid.",
        code="invalid_client",
        status=401,
        headers={"WWW-Authenticate": 'Basic realm="liushou"'},
    )


def invalid_scope(requested: set[str]) -> OAuthError:
    return OAuthError(
        f"请求的权限超出账号所有：{' '.join(sorted(requested))}。",
        f"Requested scopes exceed the account's: {' '.join(sorted(requested))}.",
        code="invalid_scope",
    )


@dataclass(frozen=True)
class Throttle:
    """Failed attempts counted under one key in a sliding window (docs/security.md)."""

    key: str  # login_failure.username: a username, or a client's keyed digest
    limit: int
    window: timedelta
    audit_action: str  # what a refusal is audited as
    actor_name: str


def source_network(host: str | None) -> str:
    """The caller's address as client-secret failures are counted: an IPv6 caller by its
    /64 (one subscriber usually holds all of it), anything unreadable as itself."""
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return host or "unknown"
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    scope: str
    refresh_token: str | None = None


class AuthService:
    def __init__(self, settings: Settings, tokens: TokenService, throttle_secret: bytes) -> None:
        self.settings = settings
        self.tokens = tokens
        # Keys the client-failure counters: nobody without it can name (and so fill) one.
        self._throttle_secret = throttle_secret

    # --- principals -----------------------------------------------------------------

    def user_principal(
        self, session: Session, user: UserAccount, scopes: frozenset[str] | None = None
    ) -> Principal:
        region_path = None
        if user.region_id is not None and user.role not in UNSCOPED_ROLES:
            region_path = session.exec(
                select(Region.path).where(Region.id == user.region_id)
            ).one_or_none()
        return Principal(
            kind="user",
            id=user.id,
            name=user.username,
            role=user.role,
            scopes=scopes if scopes is not None else ROLE_SCOPES[user.role],
            region_id=user.region_id,
            region_path=region_path,
            organization_id=user.organization_id,
        )

    def client_principal(
        self, session: Session, client: ApiClient, scopes: frozenset[str]
    ) -> Principal:
        row = session.exec(
            select(Region.id, Region.path)
            .join(Organization, col(Organization.region_id) == col(Region.id))
            .where(Organization.id == client.organization_id)
        ).one_or_none()
        return Principal(
            kind="client",
            id=client.id,
            name=client.client_id,
            role=Role.partner,
            scopes=scopes,
            region_id=row[0] if row else None,
            region_path=row[1] if row else None,
            organization_id=client.organization_id,
        )

    @staticmethod
    def _org_live(session: Session, client: ApiClient) -> bool:
        return (
            session.exec(
                select(Organization.id).where(
                    Organization.id == client.organization_id,
                    col(Organization.deleted_at).is_(None),
                )
            ).first()
            is not None
        )

    @staticmethod
    def _narrow(granted: frozenset[str], requested: str | None) -> frozenset[str]:
        if not requested or not requested.strip():
            return granted
        wanted = set(requested.split())
        if not wanted <= granted:
            raise invalid_scope(wanted - granted)
        return frozenset(wanted)

    # --- grants ---------------------------------------------------------------------

    def password_grant(
        self, session: Session, username: str, password: str, scope: str | None
    ) -> IssuedTokens:
        throttle = self._password_throttle(username)
        attempt = self._record_attempt(session, throttle)
        user = get_live_by(session, UserAccount, username=username)
        ok = self._verify(session, password, user.password_hash if user else None)
        if not ok or user is None or not user.active:
            self._record_refusal(session, throttle, "user", user)
            raise invalid_grant()
        self._forget_attempt(session, attempt)
        scopes = self._narrow(ROLE_SCOPES[user.role], scope)
        principal = self.user_principal(session, user, scopes)
        family = uuid.uuid4()  # the login session: its refresh tokens and the `sid` of its tokens
        refresh = self._new_refresh(session, user.id, family, scopes)
        audit.record(session, principal, "auth.login", resource_type="user", resource_id=user.id)
        session.commit()
        return self._issue(principal, self.settings.access_token_ttl_seconds, refresh, family)

    def client_credentials_grant(
        self,
        session: Session,
        client_id: str,
        client_secret: str,
        scope: str | None,
        source: str | None,
    ) -> IssuedTokens:
        """``source``: the caller's address, which its failures are counted under."""
        throttle = self._client_throttle(client_id, source)
        attempt = self._record_attempt(session, throttle)
        client = get_live_by(session, ApiClient, client_id=client_id)
        ok = self._verify(session, client_secret, client.secret_hash if client else None)
        # A client speaks for its organization: once that is deleted, the client is refused.
        if not ok or client is None or not client.active or not self._org_live(session, client):
            self._record_refusal(session, throttle, "api_client", client)
            raise invalid_client()
        self._forget_attempt(session, attempt)
        scopes = self._narrow(frozenset(client.scopes.split()), scope)
        principal = self.client_principal(session, client, scopes)
        audit.record(
            session,
            principal,
            "auth.client_credentials",
            resource_type="api_client",
            resource_id=client.id,
        )
        session.commit()
        return self._issue(principal, self.settings.partner_token_ttl_seconds, None, None)

    def refresh_grant(self, session: Session, refresh_token: str) -> IssuedTokens:
        now = clock.now()
        stored = session.exec(
            select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(refresh_token))
        ).one_or_none()
        if stored is None or stored.revoked_at is not None or stored.expires_at <= now:
            audit.record(
                session,
                None,
                "auth.refresh",
                outcome="failure",
                resource_type="refresh_token",
                resource_id=stored.id if stored else None,
            )
            session.commit()
            raise invalid_grant()
        # Claim the token atomically: of two racing uses, exactly one wins.
        claim = (
            sa.update(RefreshToken)
            .where(col(RefreshToken.id) == stored.id, col(RefreshToken.used_at).is_(None))
            .values(used_at=now)
        )
        claimed = cast(CursorResult[Any], session.execute(claim)).rowcount
        if claimed != 1:
            # A rotated-out token came back: assume it was stolen and end the whole login,
            # its access tokens too.
            revocation.revoke_session(session, stored.family_id)
            audit.record(
                session,
                None,
                "auth.refresh_reuse",
                outcome="failure",
                resource_type="refresh_token",
                resource_id=stored.id,
                detail={"family_id": str(stored.family_id)},
            )
            session.commit()
            raise invalid_grant()
        user = session.get(UserAccount, stored.user_id)
        if user is None or not user.active or user.deleted_at is not None:
            session.commit()
            raise invalid_grant()
        scopes = frozenset(stored.scopes.split()) & ROLE_SCOPES[user.role]
        principal = self.user_principal(session, user, scopes)
        refresh = self._new_refresh(session, user.id, stored.family_id, scopes)
        audit.record(session, principal, "auth.refresh", resource_type="user", resource_id=user.id)
        session.commit()
        return self._issue(
            principal, self.settings.access_token_ttl_seconds, refresh, stored.family_id
        )

    def revoke(
        self, session: Session, caller: Principal, token: str, hint: str | None
    ) -> uuid.UUID | None:
        """RFC 7009: end the login session ``token`` belongs to (an access token's ``sid``,
        a refresh token's family), if it is one of the caller's own; returns the session
        ended, None for a token unknown, expired or not the caller's (answered alike, 200).
        ``hint`` only chooses which kind is tried first (docs/security.md)."""
        kinds = [self._access_session, self._refresh_session]
        if hint == "refresh_token":
            kinds.reverse()
        for kind in kinds:
            found = kind(session, caller, token)
            if found is not None:
                revocation.revoke_session(session, found)
                audit.record(
                    session,
                    caller,
                    "auth.revoke",
                    resource_type=caller.kind if caller.kind == "user" else "api_client",
                    resource_id=caller.id,
                    detail={"session_id": str(found)},
                )
                session.commit()
                return found
        return None

    def _access_session(self, session: Session, caller: Principal, token: str) -> uuid.UUID | None:
        claims = self.tokens.claims(token)
        if claims is None or claims.get("sub") != str(caller.id):
            return None
        try:
            return uuid.UUID(str(claims.get("sid")))
        except ValueError:
            return None

    @staticmethod
    def _refresh_session(session: Session, caller: Principal, token: str) -> uuid.UUID | None:
        if caller.kind != "user":
            return None
        return session.exec(
            select(RefreshToken.family_id).where(
                RefreshToken.token_hash == hash_refresh_token(token),
                RefreshToken.user_id == caller.id,
            )
        ).first()

    # --- helpers --------------------------------------------------------------------

    def _password_throttle(self, username: str) -> Throttle:
        return Throttle(
            key=username,
            limit=self.settings.login_max_failures,
            window=timedelta(seconds=self.settings.login_failure_window_seconds),
            audit_action="auth.login",
            actor_name=username[:128],
        )

    def _client_throttle(self, client_id: str, source: str | None) -> Throttle:
        # Per client id and caller's network, so a stranger's wrong secrets lock out only
        # the stranger. Keyed, so no username of the password grant can reach the counter,
        # and the table holds no caller address in clear.
        message = f"{client_id}\n{source_network(source)}".encode()
        digest = hmac.new(self._throttle_secret, message, "sha256").hexdigest()
        return Throttle(
            key=f"client:{digest[:48]}",
            limit=self.settings.client_max_failures,
            window=timedelta(seconds=self.settings.client_failure_window_seconds),
            audit_action="auth.client_credentials",
            actor_name=client_id[:128],
        )

    def _record_attempt(self, session: Session, throttle: Throttle) -> LoginFailure:
        """429 if the key is locked out; else the attempt, recorded (committed) as a failure.

        Recorded before the secret is checked, then counted again with every concurrent
        attempt's record: of parallel guesses at most ``limit`` get as far as the check.
        A success deletes the returned record.
        """
        self._refuse_if_locked_out(session, throttle, throttle.limit)
        attempt = LoginFailure(username=throttle.key)
        session.add(attempt)
        session.commit()
        self._refuse_if_locked_out(session, throttle, throttle.limit + 1, release=attempt)
        return attempt

    @staticmethod
    def _record_refusal(
        session: Session, throttle: Throttle, resource_type: str, account: Resource | None
    ) -> None:
        """Audit a refused password or client secret (the account, when there is one) and
        commit: the attempt stays counted against the throttle."""
        audit.record(
            session,
            None,
            throttle.audit_action,
            outcome="failure",
            actor_name=throttle.actor_name,
            resource_type=resource_type,
            resource_id=account.id if account else None,
        )
        session.commit()

    @staticmethod
    def _forget_attempt(session: Session, attempt: LoginFailure) -> None:
        """The secret was right: this attempt is no failure (even if the scope is refused)."""
        session.delete(attempt)
        session.commit()

    @staticmethod
    def _verify(session: Session, secret: str, hashed: str | None) -> bool:
        # The hash check is slow on purpose (argon2): end the transaction first, so no lock
        # (SQLite's write lock) is held while it runs and parallel attempts do not queue.
        session.commit()
        return verify_secret(secret, hashed)

    def _refuse_if_locked_out(
        self,
        session: Session,
        throttle: Throttle,
        limit: int,
        release: LoginFailure | None = None,
    ) -> None:
        """429 once ``limit`` failures sit in the window; ``release`` is dropped on refusal."""
        now = clock.now()
        recent = session.exec(
            select(LoginFailure.at)
            .where(LoginFailure.username == throttle.key, LoginFailure.at > now - throttle.window)
            .order_by(col(LoginFailure.at))
        ).all()
        if len(recent) < limit:
            return
        # Locked until enough failures age out of the window to fall below the limit.
        unlock_at = recent[len(recent) - limit] + throttle.window
        retry_after = max(1, math.ceil((unlock_at - now).total_seconds()))
        if release is not None:
            session.delete(release)
        audit.record(
            session, None, throttle.audit_action, outcome="locked", actor_name=throttle.actor_name
        )
        session.commit()
        raise OAuthError(
            "登录失败次数过多，请稍后再试。",
            "Too many failed sign-in attempts; try again later.",
            code="too_many_attempts",
            status=429,
            headers={"Retry-After": str(retry_after)},
            retry_after=retry_after,
        )

    def _new_refresh(
        self, session: Session, user_id: uuid.UUID, family_id: uuid.UUID, scopes: frozenset[str]
    ) -> str:
        token = new_refresh_token()
        session.add(
            RefreshToken(
                token_hash=hash_refresh_token(token),
                family_id=family_id,
                user_id=user_id,
                scopes=" ".join(sorted(scopes)),
                expires_at=clock.now() + timedelta(days=self.settings.refresh_token_ttl_days),
            )
        )
        return token

    def _issue(
        self, principal: Principal, ttl: int, refresh: str | None, session_id: uuid.UUID | None
    ) -> IssuedTokens:
        return IssuedTokens(
            access_token=self.tokens.issue(principal, ttl, session_id),
            expires_in=ttl,
            scope=" ".join(sorted(principal.scopes)),
            refresh_token=refresh,
        )


async def audit_token_refusal(
    request: Request, reason: str, principal: Principal | None = None, **detail: Any
) -> None:
    """Every refused token or scope leaves a trace (the token itself is never stored)."""
    db: Database = request.app.state.db

    def _record(session: Session) -> None:
        audit.record(
            session,
            principal,
            "auth.scope_refused" if principal else "auth.token_refused",
            outcome="denied" if principal else "failure",
            detail={
                "reason": reason,
                "method": request.method,
                "path": request.url.path[:200],
                **detail,
            },
        )

    await db.write(_record)
