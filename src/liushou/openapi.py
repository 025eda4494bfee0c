"""The OpenAPI document as committed: pretty-printed, keys sorted, trailing newline."""

from __future__ import annotations

import json
import secrets

from liushou.config import Settings
from liushou.pii import generate_key


def render_openapi() -> str:
    from liushou.app import create_app

    # The document depends on neither the database nor the keys: an in-memory URL and
    # throw-away keys and secret keep export side-effect free (no database, no development
    # key file).
    app = create_app(
        Settings(
            database_url="sqlite://",
            log_json=False,
            secret_key=secrets.token_urlsafe(32),
            data_key=f"x1:{generate_key()}",
            index_key=f"x2:{generate_key()}",
        )
    )
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
