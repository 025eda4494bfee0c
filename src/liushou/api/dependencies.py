"""What a handler takes from the application, as typed dependencies (see docs/architecture.md).

A handler declares ``db: DatabaseDep`` rather than reading ``request.app.state.db``, so a test
can replace any of these with ``app.dependency_overrides[database] = ...``. Each is ``async``
and does no I/O: FastAPI calls it on the event loop, without a threadpool hop.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from liushou import clock
from liushou.config import Settings
from liushou.db import Database
from liushou.registry.person_values import PersonalData


async def database(request: Request) -> Database:
    return request.app.state.db


async def app_settings(request: Request) -> Settings:
    return request.app.state.settings


async def personal_data(request: Request) -> PersonalData:
    """The keys that encrypt and index personal data (see docs/privacy.md)."""
    return request.app.state.personal_data


async def current_day() -> date:
    """Today in Asia/Shanghai (docs/dates.md); ``liushou.clock.today`` by default."""
    return clock.today()


DatabaseDep = Annotated[Database, Depends(database)]
SettingsDep = Annotated[Settings, Depends(app_settings)]
PersonalDataDep = Annotated[PersonalData, Depends(personal_data)]
Today = Annotated[date, Depends(current_day)]
