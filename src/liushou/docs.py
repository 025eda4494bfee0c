"""Self-hosted Swagger UI and ReDoc pages, served from vendored assets (no CDN).

Create the app with ``docs_url=None, redoc_url=None`` and call :func:`install_docs`.
The vendored asset versions are recorded in ``static/docs/VERSIONS.txt``.
"""

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static" / "docs"
STATIC_PATH = "/static/docs"
OAUTH2_REDIRECT_PATH = "/docs/oauth2-redirect"

# Without this Swagger UI shows a badge image fetched from validator.swagger.io,
# which also sends the spec URL to that third party.
_SWAGGER_UI_DEFAULTS: dict[str, Any] = {"validatorUrl": None}


def _root_path(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def install_docs(app: FastAPI) -> None:
    """Mount the docs assets and add ``/docs``, ``/docs/oauth2-redirect`` and ``/redoc``.

    Does nothing when the app has no OpenAPI schema (``openapi_url=None``).
    """
    openapi_url = app.openapi_url
    if openapi_url is None:
        return

    app.mount(STATIC_PATH, StaticFiles(directory=STATIC_DIR), name="docs-static")

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui_html(request: Request) -> HTMLResponse:
        root = _root_path(request)
        assets = root + STATIC_PATH
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{assets}/swagger-ui-bundle.js",
            swagger_css_url=f"{assets}/swagger-ui.css",
            swagger_favicon_url=f"{assets}/favicon-32x32.png",
            oauth2_redirect_url=root + OAUTH2_REDIRECT_PATH,
            init_oauth=app.swagger_ui_init_oauth,
            swagger_ui_parameters={**_SWAGGER_UI_DEFAULTS, **(app.swagger_ui_parameters or {})},
        )

    @app.get(OAUTH2_REDIRECT_PATH, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc_html(request: Request) -> HTMLResponse:
        root = _root_path(request)
        assets = root + STATIC_PATH
        return get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{assets}/redoc.standalone.js",
            redoc_favicon_url=f"{assets}/favicon-32x32.png",
            with_google_fonts=False,
        )
