"""Personal data at rest: AES-256-GCM field encryption and HMAC blind indexes (docs/privacy.md).

**Key strings** (``LIUSHOU_DATA_KEY``, ``LIUSHOU_INDEX_KEY``) are comma-separated entries
``kid:key``: ``key`` is 32 random bytes in base64url (padding optional; see
:func:`generate_key`), ``kid`` is 1-16 characters of ``[A-Za-z0-9_-]``. The first entry is
current (it encrypts, or computes indexes); the others only decrypt, so keys can rotate:
put the new key first, re-encrypt stored values in the background (:meth:`FieldCipher.rotate`),
then drop the old key. A lone key without ``kid:`` is read as ``k1:key``.

**Tokens** are ``v1.<kid>.<base64url(nonce || ciphertext || tag)>``, ASCII, so they fit a
plain string column. The nonce is 96 random bits per encryption.

Errors never contain key material or plaintext.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import re
import secrets
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32  # AES-256; also the HMAC-SHA256 key length
NONCE_BYTES = 12  # 96 bits, the size GCM is designed for
TAG_BYTES = 16
TOKEN_VERSION = "v1"
DEFAULT_KEY_ID = "k1"
DEV_KEY_ID = "dev1"  # shows at a glance that a token was sealed with a generated dev key
# The generated signing secret is 32 random bytes in base64url (43 characters).
DEV_SECRET_MIN_CHARS = 43

_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")
_B64URL = re.compile(r"[A-Za-z0-9_-]+")


class PiiError(Exception):
    """Base of this module's errors."""


class KeyConfigError(PiiError):
    """Keys missing, malformed or unsafely stored."""


class DecryptionError(PiiError):
    """A token that is malformed, tampered with, or sealed for other associated data."""


class UnknownKeyId(DecryptionError):
    """A token sealed with a key that is not loaded (retired too early, or another system's)."""


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    secret: bytes = field(repr=False)


def generate_key() -> str:
    """32 random bytes, base64url without padding: the ``key`` part of a key string."""
    return _b64encode(secrets.token_bytes(KEY_BYTES))


def parse_keys(text: str, setting: str = "key") -> tuple[Key, ...]:
    """``"k2:BASE64,k1:BASE64"`` -> keys, current first. ``setting`` names it in errors."""
    keys: list[Key] = []
    for position, entry in enumerate(text.split(","), start=1):
        entry = entry.strip()
        kid, sep, material = entry.partition(":")
        if not sep:
            kid, material = DEFAULT_KEY_ID, entry
        if not _KEY_ID.fullmatch(kid):
            raise KeyConfigError(f"{setting}: entry {position} has an invalid key id")
        secret = _b64decode(material.rstrip("="))
        if secret is None or len(secret) != KEY_BYTES:
            raise KeyConfigError(
                f"{setting}: entry {position} ({kid}) must be {KEY_BYTES} bytes in base64url"
            )
        keys.append(Key(kid, secret))
    ids = [k.id for k in keys]
    if len(set(ids)) != len(ids):
        raise KeyConfigError(f"{setting}: key ids must be unique")
    return tuple(keys)


def _as_keys(keys: str | Sequence[Key], setting: str) -> tuple[Key, ...]:
    parsed = parse_keys(keys, setting) if isinstance(keys, str) else tuple(keys)
    if not parsed:
        raise KeyConfigError(f"{setting}: at least one key is required")
    return parsed


class FieldCipher:
    """AES-256-GCM for single column values.

    ``associated_data`` is authenticated but not stored: pass what identifies the value's
    place, e.g. ``b"person:<uuid>:id_number"``. A token copied into another row or column
    then fails to decrypt instead of silently showing someone else's data. Thread-safe.
    """

    def __init__(self, keys: str | Sequence[Key]) -> None:
        parsed = _as_keys(keys, "data key")
        # One AESGCM per key, built once: reads decrypt on every request.
        self._aeads = {k.id: AESGCM(k.secret) for k in parsed}
        if len(self._aeads) != len(parsed):
            raise KeyConfigError("data key: key ids must be unique")
        self.current_key_id = parsed[0].id
        self._current = self._aeads[self.current_key_id]
        self._prefix = f"{TOKEN_VERSION}.{self.current_key_id}."

    def encrypt(self, plaintext: str, associated_data: bytes) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._current.encrypt(nonce, plaintext.encode(), associated_data)
        return self._prefix + _b64encode(nonce + sealed)

    def decrypt(self, token: str, associated_data: bytes) -> str:
        """Raises :class:`UnknownKeyId` or :class:`DecryptionError`."""
        kid, payload = _split_token(token)
        aead = self._aeads.get(kid)
        if aead is None:
            raise UnknownKeyId(f"token was sealed with key {kid!r}, which is not loaded")
        raw = _b64decode(payload)
        if raw is None or len(raw) < NONCE_BYTES + TAG_BYTES:
            raise DecryptionError("malformed token")
        try:
            plaintext = aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated_data)
        except InvalidTag:
            raise DecryptionError(
                "token was tampered with or sealed for other associated data"
            ) from None
        return plaintext.decode()

    def key_id(self, token: str) -> str:
        """The id of the key that sealed ``token`` (not checked for authenticity)."""
        return _split_token(token)[0]

    def needs_rotation(self, token: str) -> bool:
        return self.key_id(token) != self.current_key_id

    def rotate(self, token: str, associated_data: bytes) -> str:
        """``token`` re-sealed under the current key (for background re-encryption)."""
        return self.encrypt(self.decrypt(token, associated_data), associated_data)


def _split_token(token: str) -> tuple[str, str]:
    version, _, rest = token.partition(".")
    kid, _, payload = rest.partition(".")
    if version != TOKEN_VERSION or not kid or not payload:
        raise DecryptionError("malformed token")
    return kid, payload


class BlindIndex:
    """A keyed hash (HMAC-SHA256) for equality lookups on encrypted values: 64 hex characters.

    It hashes exactly the string given, with no normalisation of its own: pass the canonical
    form (``normalize_id_number``, ``normalize_mobile``) both when storing and when searching,
    or ``x`` and ``X`` will not match. Output is untruncated, so it can back a unique
    constraint. Its key must differ from the encryption key.
    """

    def __init__(self, keys: str | Sequence[Key]) -> None:
        parsed = _as_keys(keys, "index key")
        self.current_key_id = parsed[0].id
        self._secrets = tuple(k.secret for k in parsed)

    def index(self, value: str) -> str:
        """The index under the current key."""
        return hmac.digest(self._secrets[0], value.encode(), "sha256").hex()

    def indexes(self, value: str) -> tuple[str, ...]:
        """The index under every loaded key, current first: lookups while a rotated index
        key is being applied to stored rows."""
        return tuple(hmac.digest(s, value.encode(), "sha256").hex() for s in self._secrets)


# --- development keys and settings -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class DevKeys:
    """One installation's development keys: the two personal-data keys and the token-signing
    secret (see docs/security.md)."""

    data_key: str = field(repr=False)
    index_key: str = field(repr=False)
    secret_key: str = field(repr=False)


def load_or_create_dev_keys(path: Path) -> DevKeys:
    """Development only: read the key file, generating it (mode 0600) on the first run.

    A file written before it held the signing secret gets one added; its data keys stay.
    """
    try:
        stored = _read_dev_key_file(path)
    except FileNotFoundError:
        _write_private_file(path, _new_dev_keys(), replace=False)
        stored = _read_dev_key_file(path)
    if "secret_key" not in stored:
        _write_private_file(path, {**stored, "secret_key": _new_dev_secret()}, replace=True)
        stored = _read_dev_key_file(path)
    return _dev_keys_of(stored, path)


def _new_dev_keys() -> dict[str, str]:
    return {
        "data_key": f"{DEV_KEY_ID}:{generate_key()}",
        "index_key": f"{DEV_KEY_ID}:{generate_key()}",
        "secret_key": _new_dev_secret(),
    }


def _new_dev_secret() -> str:
    return secrets.token_urlsafe(KEY_BYTES)


def _write_private_file(path: Path, content: Mapping[str, object], *, replace: bool) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    body = json.dumps(content, indent=2).encode()
    # Write a private temporary file, then move it into place: the file is 0600 from the
    # moment it exists and readers never see it half-written. A new file is hard-linked, so
    # when two processes start at once the link of the second fails and both use the first
    # one's keys; an existing file is replaced (os.replace is atomic).
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        if replace:
            os.replace(tmp, path)
            return
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        tmp.unlink(missing_ok=True)


def _read_dev_key_file(path: Path) -> dict[str, object]:
    with open(path, "rb") as file:
        # Check the opened file itself, so it cannot be swapped between check and read.
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise KeyConfigError(f"{path} is not a regular file")
        # POSIX permissions only: Windows reports every file as 0o666.
        if os.name == "posix" and info.st_mode & 0o077:
            raise KeyConfigError(
                f"{path} is readable by group or others (mode {stat.S_IMODE(info.st_mode):o}); "
                f"run `chmod 600 {path}` or delete it to generate new keys"
            )
        raw = file.read()
    try:
        data = json.loads(raw)
        parse_keys(data["data_key"], f"{path}: data_key")
        parse_keys(data["index_key"], f"{path}: index_key")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise KeyConfigError(f"{path} is not a valid development key file") from None
    return data


def _dev_keys_of(stored: dict[str, object], path: Path) -> DevKeys:
    secret = stored["secret_key"]
    if not isinstance(secret, str) or len(secret) < DEV_SECRET_MIN_CHARS:
        raise KeyConfigError(f"{path} is not a valid development key file")
    return DevKeys(
        data_key=str(stored["data_key"]), index_key=str(stored["index_key"]), secret_key=secret
    )


class PiiKeys(NamedTuple):
    cipher: FieldCipher
    # Hides tuple.index, which nothing here calls; the name is what callers read.
    index: BlindIndex  # type: ignore[assignment]


def keys_from_settings(
    data_key: str | None, index_key: str | None, production: bool, dev_key_file: Path | str
) -> PiiKeys:
    """The cipher and the blind index from configured key strings.

    Production requires both keys. In development a missing key comes from
    ``dev_key_file``, generated on first use; a configured key always wins.
    Raises :class:`KeyConfigError`.
    """
    data_key = (data_key or "").strip() or None
    index_key = (index_key or "").strip() or None
    if production and (data_key is None or index_key is None):
        missing = [
            name
            for name, value in (("LIUSHOU_DATA_KEY", data_key), ("LIUSHOU_INDEX_KEY", index_key))
            if value is None
        ]
        raise KeyConfigError(f"{' and '.join(missing)} must be set in production")
    if data_key is None or index_key is None:
        dev = load_or_create_dev_keys(Path(dev_key_file))
        data_key = data_key or dev.data_key
        index_key = index_key or dev.index_key
    data_keys = parse_keys(data_key, "LIUSHOU_DATA_KEY")
    index_keys = parse_keys(index_key, "LIUSHOU_INDEX_KEY")
    # One key for both jobs would tie the index's leak (equal values) to the cipher's key.
    if {k.secret for k in data_keys} & {k.secret for k in index_keys}:
        raise KeyConfigError("LIUSHOU_DATA_KEY and LIUSHOU_INDEX_KEY must use different keys")
    return PiiKeys(FieldCipher(data_keys), BlindIndex(index_keys))


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes | None:
    """Strict unpadded base64url, or None: the stdlib silently skips stray characters."""
    if not _B64URL.fullmatch(text):
        return None
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        return None
