"""Password and client-secret hashing (argon2id through pwdlib)."""

from __future__ import annotations

from pwdlib import PasswordHash

_hasher = PasswordHash.recommended()
# Verified against when the username is unknown, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("liushou-timing-equaliser")


def hash_secret(secret: str) -> str:
    return _hasher.hash(secret)


def verify_secret(secret: str, hashed: str | None) -> bool:
    if hashed is None:
        _hasher.verify(secret, _DUMMY_HASH)
        return False
    return _hasher.verify(secret, hashed)
