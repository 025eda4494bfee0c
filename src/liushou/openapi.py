"""The OpenAPI document as committed: pretty-printed, keys sorted, trailing newline."""

from __future__ import annotations

import json

from liushou.config import Settings


def render_openapi() -> str:
    from liushou.app import create_app

    # The document does not depend on the database: an in-memory URL keeps export side-effect free.
    app = create_app(Settings(database_url="sqlite://", log_json=False))
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
