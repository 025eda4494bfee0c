"""The feed's cursor: a position in the feed and the instant it vouches for, signed
(docs/changes.md, "Cursors").

``base64url(JSON [txid, id, at])`` + ``.`` + HMAC-SHA256 under the application's cursor
secret, with a label of its own so that a list's cursor is never taken for the feed's. ``at``
(Unix seconds) is a lower bound of the ``changed_at`` of every change after the position:
a cursor whose ``at`` is older than the retention period may have lost changes to pruning
and is refused (410 ``sync_cursor_expired``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from datetime import UTC, datetime
from typing import NamedTuple

import orjson

from liushou.api.pagination import InvalidCursor

_LABEL = b"changes:"


class Position(NamedTuple):
    txid: int
    id: int


# Before every change (PostgreSQL's and SQLite's transaction ids and row ids are >= 0).
START = Position(-1, -1)


class FeedCursor(NamedTuple):
    position: Position
    at: datetime


def _signature(secret: bytes, raw: str) -> str:
    return hmac.new(_LABEL + secret, raw.encode(), hashlib.sha256).hexdigest()[:32]


def encode(secret: bytes, cursor: FeedCursor) -> str:
    payload = [cursor.position.txid, cursor.position.id, int(cursor.at.timestamp())]
    raw = base64.urlsafe_b64encode(orjson.dumps(payload)).decode().rstrip("=")
    return f"{raw}.{_signature(secret, raw)}"


def decode(secret: bytes, token: str) -> FeedCursor:
    """The cursor, or 400 ``invalid_cursor`` for anything this service did not sign."""
    raw, _, signature = token.partition(".")
    if not hmac.compare_digest(signature.encode(), _signature(secret, raw).encode()):
        raise InvalidCursor()
    try:
        txid, row_id, at = orjson.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        if not all(type(v) is int for v in (txid, row_id, at)):
            raise InvalidCursor()
        return FeedCursor(Position(txid, row_id), datetime.fromtimestamp(at, UTC))
    except (ValueError, TypeError, OverflowError, OSError, binascii.Error) as exc:
        raise InvalidCursor() from exc
