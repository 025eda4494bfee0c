"""Running Alembic from the code (``liushou migrate``, tests, /readyz)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from liushou.config import Settings


def find_alembic_ini() -> Path:
    """alembic.ini in the working directory (the Docker image's /app), else the checkout's."""
    for candidate in (
        Path.cwd() / "alembic.ini",
        Path(__file__).resolve().parents[2] / "alembic.ini",
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("alembic.ini not found in the working directory or the checkout")


def alembic_config(url: str) -> Config:
    ini = find_alembic_ini()
    config = Config(str(ini))
    config.set_main_option("script_location", str(ini.parent / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head", settings: Settings | None = None) -> None:
    """``settings``: whose data key a migration that moves personal data uses (default: the
    environment's)."""
    command.upgrade(_with_settings(alembic_config(url), settings), revision)


def downgrade(url: str, revision: str, settings: Settings | None = None) -> None:
    command.downgrade(_with_settings(alembic_config(url), settings), revision)


def _with_settings(config: Config, settings: Settings | None) -> Config:
    if settings is not None:
        config.attributes["settings"] = settings
    return config


@lru_cache
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def migration_state(engine: Engine) -> tuple[str | None, str | None]:
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current, head_revision()
