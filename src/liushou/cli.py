"""The `liushou` command: serve, migrate, seed-demo, users, clients, openapi, sweep, reports."""

from __future__ import annotations

import ipaddress
import json
import sys
import uuid
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, cast

import typer
from pydantic import ValidationError

from liushou.config import Settings, get_settings
from liushou.errors import AppError

if TYPE_CHECKING:
    from sqlmodel import Session

T = TypeVar("T")

app = typer.Typer(no_args_is_help=True, add_completion=False, help="liushou (留守) service")
users_app = typer.Typer(no_args_is_help=True, help="Staff accounts")
clients_app = typer.Typer(no_args_is_help=True, help="Partner clients (client credentials)")
openapi_app = typer.Typer(no_args_is_help=True, help="The committed OpenAPI contract")
keys_app = typer.Typer(no_args_is_help=True, help="Keys for personal data at rest")
app.add_typer(users_app, name="users")
app.add_typer(keys_app, name="keys")
app.add_typer(clients_app, name="clients")
app.add_typer(openapi_app, name="openapi")
reports_app = typer.Typer(no_args_is_help=True, help="Reports without a server")
app.add_typer(reports_app, name="reports")

OPENAPI_PATH = Path("openapi") / "openapi.json"
# seed-demo's exit status when the database holds data it did not create (scripts/run
# then serves without seeding).
SEED_REFUSED_ON_REAL_DATA = 3


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def _settings() -> Settings:
    """The settings, or a one-line refusal (a ValidationError would echo the inputs: secrets)."""
    try:
        return get_settings()
    except ValidationError as exc:
        problems = [
            (f"LIUSHOU_{str(e['loc'][0]).upper()}: " if e["loc"] else "")
            + e["msg"].removeprefix("Value error, ")
            for e in exc.errors(include_url=False, include_input=False)
        ]
        _fail("error: invalid settings: " + "; ".join(problems), 2)


def _in_session(fn: Callable[[Session], T]) -> T:
    from liushou.db import Database

    db = Database(_settings().database_url)
    try:
        return db.run_in_session(fn)
    except AppError as exc:
        _fail(f"error: {exc.detail_en or exc.code}", 2)
    finally:
        db.dispose()


def is_loopback(host: str) -> bool:
    """Whether binding ``host`` keeps the service on this machine (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def warn_if_development_is_exposed(settings: Settings, host: str) -> bool:
    """Log a warning when development mode binds an address other machines can reach: its
    secret and keys live in a local file and demo accounts may exist (docs/security.md).
    Returns whether it warned."""
    if settings.environment != "development" or is_loopback(host):
        return False
    from liushou.ops.logging import log

    log.warning(
        "development_mode_on_public_address",
        host=host,
        hint="set LIUSHOU_ENVIRONMENT=production with real keys, or bind 127.0.0.1",
    )
    return True


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
) -> None:
    """Serve the API with uvicorn (one worker)."""
    import uvicorn

    from liushou.ops.logging import configure_logging

    settings = _settings()  # refuse to start with bad settings before binding the port
    configure_logging(settings.log_level, settings.log_json)
    warn_if_development_is_exposed(settings, host)
    uvicorn.run(
        "liushou.app:create_app",
        factory=True,
        host=host,
        port=port,
        # asyncio's loop, not uvloop: libuv accepts one connection per loop turn, so a burst of
        # new connections to a busy server waited up to a second for its accept
        # (docs/performance.md, "New connections under load").
        loop="asyncio",
        access_log=False,
        proxy_headers=True,
        server_header=False,
    )


@app.command()
def migrate() -> None:
    """Upgrade the database to the latest migration (alembic upgrade head)."""
    from liushou.migrations import upgrade

    settings = _settings()
    upgrade(settings.database_url, settings=settings)
    typer.echo("database at head")


@app.command("seed-demo")
def seed_demo() -> None:
    """Create the demo regions, organizations, users and register (idempotent).

    Refused in production (exit 2) and on a database holding data the demo did not create
    (exit 3); either way nothing is written.
    """
    from liushou.demo.seed import RefusedInProduction, RefusedOnRealData, refuse_in_production
    from liushou.demo.seed import seed_demo as run
    from liushou.pii import KeyConfigError
    from liushou.registry.person_values import PersonalData

    settings = _settings()
    try:
        refuse_in_production(settings)
        pii = PersonalData.from_settings(settings)
        report = _in_session(lambda session: run(session, settings, pii))
    except (KeyConfigError, RefusedInProduction) as exc:
        _fail(f"error: {exc}", 2)
    except RefusedOnRealData as exc:
        _fail(f"error: {exc}", SEED_REFUSED_ON_REAL_DATA)
    persons = report.persons
    by_category = ", ".join(f"{c} {persons.created[c]}" for c in ("child", "woman", "elder"))
    typer.echo(
        f"regions created: {report.regions_created}, "
        f"organizations created: {report.organizations_created}, "
        f"persons created: {persons.total} ({by_category}; {persons.exited} exited)"
    )
    care = report.care
    typer.echo(
        f"caretakers created: {care.caretakers_created}, "
        f"assignments created: {care.assignments_created}, "
        f"visits created: {care.visits_created}, "
        f"referrals created: {len(report.referrals.created)}"
    )
    services = report.services
    typer.echo(
        f"services programme: activities created: {services.activities_created}, "
        f"service records created: {services.records_created}, "
        f"wishes created: {services.wishes_created}, "
        f"distributions created: {services.distributions_created} "
        f"({services.leaflets} leaflets, {services.bags} bags)"
    )
    legal = report.legal
    typer.echo(
        f"legal advisors created: {legal.advisors_created}, "
        f"contracts created: {legal.contracts_created}, "
        f"legal activities created: {legal.activities_created}"
    )
    typer.echo(f"hotline card (public page): {legal.card_url}")
    _echo_secrets_once(
        report.users_created,
        "demo users (passwords are shown only now):",
        "demo users already exist (passwords were shown when they were created)",
    )
    _echo_secrets_once(
        report.clients_created,
        "demo partner clients (client_id, client_secret; secrets are shown only now):",
        "demo partner clients already exist (secrets were shown when they were created)",
    )


def _echo_secrets_once(created: Mapping[str, str], heading: str, already: str) -> None:
    """The demo's new logins and their secrets, which are stored only hashed: this run is
    the one chance to show them. A re-run creates none and says so."""
    if not created:
        typer.echo(already)
        return
    typer.echo(heading)
    for name, secret in created.items():
        typer.echo(f"  {name}  {secret}")


@users_app.command("create")
def users_create(
    username: Annotated[str, typer.Option()],
    role: Annotated[str, typer.Option(help="admin, street_staff, village_contact, ...")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password")
    ] = False,
    region: Annotated[
        str | None, typer.Option(help="Region code (all roles but admin, auditor)")
    ] = None,
    organization: Annotated[str | None, typer.Option(help="Organization id")] = None,
) -> None:
    """Create a staff user; prints {id, username, role} as JSON."""
    from liushou.auth.accounts import create_user
    from liushou.auth.roles import Role

    if not password_stdin:
        _fail("the password is read from standard input: pass --password-stdin", 2)
    password = sys.stdin.readline().rstrip("\r\n")
    try:
        role_value = Role(role)
        org_id = uuid.UUID(organization) if organization else None
    except ValueError as exc:
        _fail(f"error: {exc}", 2)
    user = _in_session(lambda s: create_user(s, username, role_value, password, region, org_id))
    typer.echo(json.dumps({"id": str(user.id), "username": user.username, "role": user.role.value}))


@clients_app.command("create")
def clients_create(
    name: Annotated[str, typer.Option()],
    organization: Annotated[str, typer.Option(help="Organization id")],
    scopes: Annotated[
        str | None, typer.Option(help="Space-separated subset of the partner's")
    ] = None,
) -> None:
    """Create a partner client; prints {client_id, client_secret} as JSON (secret shown once)."""
    from liushou.auth.accounts import create_client

    try:
        org_id = uuid.UUID(organization)
    except ValueError:
        _fail("error: --organization takes an organization id (UUID)", 2)
    new = _in_session(lambda s: create_client(s, name, org_id, scopes))
    typer.echo(json.dumps({"client_id": new.client.client_id, "client_secret": new.secret}))


@users_app.command("disable")
def users_disable(username: Annotated[str, typer.Option()]) -> None:
    """Disable a staff user: no sign-in, and every token of it refused from now on, in
    every server process (docs/security.md, "Token revocation")."""
    from liushou.auth.accounts import disable_user

    user = _in_session(lambda s: disable_user(s, username))
    typer.echo(json.dumps({"id": str(user.id), "username": user.username, "active": False}))


@clients_app.command("disable")
def clients_disable(client_id: Annotated[str, typer.Option("--client-id")]) -> None:
    """Disable a partner client: no sign-in, and every token of it refused from now on."""
    from liushou.auth.accounts import disable_client

    client = _in_session(lambda s: disable_client(s, client_id))
    typer.echo(json.dumps({"client_id": client.client_id, "active": False}))


@openapi_app.command("export")
def openapi_export(
    check: Annotated[
        bool, typer.Option("--check", help="Fail if the committed file differs")
    ] = False,
    path: Annotated[Path, typer.Option(help="Where the contract lives")] = OPENAPI_PATH,
) -> None:
    """Write the OpenAPI document (sorted keys, 2-space indent), or check it is current."""
    from liushou.openapi import render_openapi

    text = render_openapi()
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            _fail(f"{path} is out of date: run `liushou openapi export`", 1)
        typer.echo(f"{path} is current")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {path}")


@app.command()
def sweep() -> None:
    """Housekeeping that time causes: children turning 16 leave the register (exit aged_out,
    dated on the 16th birthday), expired idempotency keys and old sign-in failures (passwords
    and client secrets) go, and so do the feed's changes older than their retention period."""
    import sqlalchemy as sa
    from sqlalchemy.engine import CursorResult
    from sqlmodel import col

    from liushou import clock
    from liushou.api.models import IdempotencyKey
    from liushou.auth.accounts import CLI_PRINCIPAL
    from liushou.auth.models import LoginFailure
    from liushou.changes import service as changes
    from liushou.registry import service as registry

    settings = _settings()

    def deleted(session: Session, statement: sa.Delete) -> int:
        return cast(CursorResult[Any], session.execute(statement)).rowcount

    def _sweep(session: Session) -> tuple[int, int, int, int]:
        aged_out = registry.age_out(session, CLI_PRINCIPAL, clock.today())
        now = clock.now()
        keys = deleted(
            session, sa.delete(IdempotencyKey).where(col(IdempotencyKey.expires_at) <= now)
        )
        # Passwords and client secrets share the table; keep what either window still counts.
        window = timedelta(
            seconds=max(
                settings.login_failure_window_seconds, settings.client_failure_window_seconds
            )
        )
        failures = deleted(
            session, sa.delete(LoginFailure).where(col(LoginFailure.at) <= now - window)
        )
        pruned = changes.prune(session, now, settings.change_retention_days)
        return aged_out, keys, failures, pruned

    aged_out, keys, failures, pruned = _in_session(_sweep)
    typer.echo(
        json.dumps(
            {
                "persons_aged_out": aged_out,
                "idempotency_keys_removed": keys,
                "login_failures_removed": failures,
                "changes_removed": pruned,
            }
        )
    )


@app.command()
def worker(
    once: Annotated[bool, typer.Option(help="One pass over the due deliveries, then exit")] = False,
) -> None:
    """Send webhook deliveries (docs/webhooks.md, "Worker") until stopped (Ctrl-C or
    SIGTERM). On PostgreSQL several workers may run at once; on SQLite `serve` sends them
    itself, so a worker is needed only without a server."""
    import asyncio
    import signal

    from liushou.db import Database
    from liushou.registry.person_values import PersonalData
    from liushou.webhooks import sender

    settings = _settings()
    db = Database(settings.database_url, settings.read_path)
    pii = PersonalData.from_settings(settings)

    async def _run() -> None:
        if once:
            sent = await sender.deliver_due(db, pii, settings)
            typer.echo(json.dumps({"deliveries_attempted": sent}))
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await sender.run(db, pii, settings, stop)

    try:
        asyncio.run(_run())
    finally:
        db.dispose()


@keys_app.command("generate")
def generate_keys(
    key_id: Annotated[
        str, typer.Option("--id", help="Key id, e.g. k2 for the next rotation")
    ] = "k1",
) -> None:
    """Print a fresh LIUSHOU_DATA_KEY and LIUSHOU_INDEX_KEY (to put into the environment).

    To rotate the data key, prepend the new key: LIUSHOU_DATA_KEY="k2:NEW,k1:OLD".
    """
    from liushou.pii import KeyConfigError, generate_key, parse_keys

    data, index = f"{key_id}:{generate_key()}", f"{key_id}:{generate_key()}"
    try:
        parse_keys(data, "--id")
    except KeyConfigError as exc:
        _fail(f"error: {exc}", 2)
    typer.echo(f"LIUSHOU_DATA_KEY={data}")
    typer.echo(f"LIUSHOU_INDEX_KEY={index}")


class ReportFormat(StrEnum):
    json = "json"
    xlsx = "xlsx"
    csv = "csv"
    text = "text"


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"error: {option} expects a date YYYY-MM-DD, got {value!r}")


@reports_app.command("summary")
def reports_summary(
    region: Annotated[str, typer.Option(help="Region code (12 digits; 6 for a county)")],
    from_: Annotated[
        str | None, typer.Option("--from", help="First day (YYYY-MM-DD); default 1 January")
    ] = None,
    to: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD); default today")] = None,
    format_: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.json,
    output: Annotated[Path | None, typer.Option(help="Write here instead of stdout")] = None,
) -> None:
    """The summary report of a region (GET /reports/summary, docs/reports.md) straight from
    the database, e.g. for a monthly cron job. xlsx is binary: give --output, or redirect
    stdout to a file (refused on a terminal). Exit 1 on an unknown region or a bad period."""
    from liushou.auth.accounts import CLI_PRINCIPAL
    from liushou.db import Database
    from liushou.read_path import AUTOCOMMIT
    from liushou.reports import summary_workbook
    from liushou.reports.narrative import narrative
    from liushou.reports.summary_service import region_by_code, summary

    since, until = _day(from_, "--from"), _day(to, "--to")
    if format_ is ReportFormat.xlsx and output is None and sys.stdout.isatty():
        _fail("error: xlsx is binary: give --output FILE or redirect stdout")
    db = Database(_settings().database_url)
    try:
        # Autocommit, as the app's reads: on SQLite a transaction would take the write lock.
        with db.engine.connect().execution_options(**AUTOCOMMIT) as conn:
            region_id = region_by_code(conn, region)
            if region_id is None:
                _fail(f"error: no region with code {region!r}")
            figures = summary(conn, CLI_PRINCIPAL, region_id, since, until)
    except AppError as exc:
        _fail(f"error: {exc.detail_en or exc.code}")
    finally:
        db.dispose()
    content: bytes = {
        ReportFormat.json: lambda: (
            figures.report.model_dump_json(by_alias=True, indent=2).encode() + b"\n"
        ),
        ReportFormat.xlsx: lambda: summary_workbook.to_xlsx(figures),
        ReportFormat.csv: lambda: summary_workbook.to_csv(figures),
        ReportFormat.text: lambda: (narrative(figures) + "\n").encode(),
    }[format_]()
    if output is not None:
        output.write_bytes(content)
        typer.echo(f"wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()


def main() -> None:
    app()
