"""Access tokens: short-lived HS256 JWTs, verified once and then cached until they expire.

Verifying a JWT costs ~150 µs (measured with bench/); a bounded cache keyed by the token string
removes that cost for a caller's repeat requests without trusting anything unverified. A
cached token is still checked against the revocations this process knows (two dictionary
look-ups; docs/security.md, "Token revocation").
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from collections import OrderedDict
from pathlib import Path

import jwt

from liushou.auth.principal import Principal
from liushou.auth.revocation import Revocations
from liushou.auth.roles import Role
from liushou.config import Settings
from liushou.pii import KeyConfigError, load_or_create_dev_keys

ALGORITHM = "HS256"
ISSUER = "liushou"


class InvalidToken(Exception):
    pass


def signing_secret(settings: Settings) -> str:
    """LIUSHOU_SECRET_KEY; in development without one, this installation's own secret from
    the development key file, generated on first use (see docs/security.md).

    Raises KeyConfigError (a production without a secret, an unreadable key file).
    """
    configured = settings.secret_key.get_secret_value() if settings.secret_key else ""
    if configured.strip():
        return configured
    if settings.environment == "production":
        raise KeyConfigError("LIUSHOU_SECRET_KEY must be set in production")
    return load_or_create_dev_keys(Path(settings.dev_key_file)).secret_key


class _Verified:
    """A verified token: its principal and what its revocation is checked by."""

    __slots__ = ("principal", "expires", "sid", "sub", "org", "iat")

    def __init__(self, principal: Principal, claims: dict[str, object]) -> None:
        self.principal = principal
        self.expires = float(claims["exp"])  # type: ignore[arg-type]
        sid = claims.get("sid")
        self.sid = sid if isinstance(sid, str) else None
        self.sub = str(principal.id)
        self.org = str(principal.organization_id) if principal.organization_id else None
        self.iat = float(claims["iat"])  # type: ignore[arg-type]


class TokenService:
    def __init__(
        self, secret: str, revocations: Revocations | None = None, cache_size: int = 10_000
    ) -> None:
        self._secret = secret
        self.revocations = revocations or Revocations(keep_seconds=86_400)
        self._cache: OrderedDict[str, _Verified] = OrderedDict()
        self._cache_size = cache_size

    def issue(
        self, principal: Principal, ttl_seconds: int, session_id: uuid.UUID | None = None
    ) -> str:
        """An access token of the login session ``session_id`` (its ``sid`` claim: the
        family of the session's refresh tokens); without one, a session of its own (a
        client's token)."""
        now = int(time.time())
        claims = {
            "iss": ISSUER,
            "sub": str(principal.id),
            "kind": principal.kind,
            "name": principal.name,
            "role": principal.role.value,
            "scope": " ".join(sorted(principal.scopes)),
            "rid": str(principal.region_id) if principal.region_id else None,
            "rpath": principal.region_path,
            "org": str(principal.organization_id) if principal.organization_id else None,
            "iat": now,
            "exp": now + ttl_seconds,
            "jti": uuid.uuid4().hex,
            "sid": str(session_id or uuid.uuid4()),
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> Principal:
        """The token's principal; InvalidToken when it is not valid, expired or revoked."""
        verified = self._cache.get(token)
        if verified is None or verified.expires <= time.time():
            if verified is not None:
                self._cache.pop(token, None)
            verified = self._verify(token)
        if self.revocations.is_revoked(verified.sid, verified.sub, verified.org, verified.iat):
            raise InvalidToken("revoked")
        return verified.principal

    def claims(self, token: str) -> dict[str, object] | None:
        """The claims of a token this service signed (expired or not), else None."""
        try:
            return jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"verify_exp": False, "require": ["sub", "iat"]},
            )
        except jwt.PyJWTError:
            return None

    def _verify(self, token: str) -> _Verified:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "sub", "role", "kind", "iat"]},
            )
            principal = Principal(
                kind=claims["kind"],
                id=uuid.UUID(claims["sub"]),
                name=claims.get("name") or "",
                role=Role(claims["role"]),
                scopes=frozenset((claims.get("scope") or "").split()),
                region_id=uuid.UUID(claims["rid"]) if claims.get("rid") else None,
                region_path=claims.get("rpath"),
                organization_id=uuid.UUID(claims["org"]) if claims.get("org") else None,
            )
            verified = _Verified(principal, claims)
        except (jwt.PyJWTError, ValueError, KeyError, TypeError) as exc:
            raise InvalidToken(str(exc)) from exc
        if len(self._cache) >= self._cache_size:
            self._cache.popitem(last=False)
        self._cache[token] = verified
        return verified


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    # Refresh tokens are 256-bit random values: a fast hash is enough (no guessing to slow).
    return hashlib.sha256(token.encode()).hexdigest()
