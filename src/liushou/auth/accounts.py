"""Creating users and partner clients (the CLI's `users create` and `clients create`)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from sqlmodel import Session, select

from liushou.api.resources import audit_write, get_live, get_live_by
from liushou.auth import revocation as _revocation  # noqa: F401 - disabling revokes tokens
from liushou.auth.models import ApiClient, UserAccount
from liushou.auth.passwords import hash_secret
from liushou.auth.principal import Principal
from liushou.auth.roles import ROLE_SCOPES, UNSCOPED_ROLES, Role
from liushou.errors import Conflict, Unprocessable
from liushou.regions.models import Organization, RegionLevel
from liushou.regions.repository import live_region_by_code

# The actor of changes made from the command line.
CLI_PRINCIPAL = Principal(
    kind="system",
    id=uuid.UUID(int=0),
    name="cli",
    role=Role.admin,
    scopes=ROLE_SCOPES[Role.admin],
    region_id=None,
    region_path=None,
    organization_id=None,
)


# Roles whose area is one level of the region tree (docs/domain.md): street staff work for a
# township (街道), a village contact for a village. The others may sit at any level.
_ROLE_LEVELS = {Role.street_staff: RegionLevel.township, Role.village_contact: RegionLevel.village}


def _require_organization(session: Session, organization_id: uuid.UUID) -> None:
    if get_live(session, Organization, organization_id) is None:
        raise Unprocessable("组织不存在。", f"No organization {organization_id}.")


def create_user(
    session: Session,
    username: str,
    role: Role,
    password: str,
    region_code: str | None = None,
    organization_id: uuid.UUID | None = None,
) -> UserAccount:
    if not username or len(username) > 64:
        raise Unprocessable("用户名须为 1–64 个字符。", "A username has 1 to 64 characters.")
    if len(password) < 8:
        raise Unprocessable("密码至少 8 个字符。", "A password has at least 8 characters.")
    if role not in UNSCOPED_ROLES and not region_code:
        raise Unprocessable(
            f"角色 {role.value} 必须指定 --region。", f"Role {role.value} needs --region."
        )
    if role == Role.partner:
        raise Unprocessable(
            "合作单位使用客户端凭据（clients create）。",
            "Partners sign in with client credentials (clients create).",
        )
    region_id = None
    if region_code:
        region = live_region_by_code(session, region_code)
        if region is None:
            raise Unprocessable(f"区划 {region_code} 不存在。", f"No region {region_code}.")
        required = _ROLE_LEVELS.get(role)
        if required is not None and region.level != required:
            raise Unprocessable(
                f"角色 {role.value} 的区划须为 {required.value} 级。",
                f"Role {role.value} works at a {required.value}, not a {region.level.value}.",
            )
        region_id = region.id
    if organization_id is not None:
        _require_organization(session, organization_id)
    if session.exec(select(UserAccount.id).where(UserAccount.username == username)).first():
        raise Conflict(f"用户名 {username} 已存在。", f"Username {username} is taken.")
    user = UserAccount(
        username=username,
        password_hash=hash_secret(password),
        role=role,
        region_id=region_id,
        organization_id=organization_id,
    )
    session.add(user)
    session.flush()
    created = ["username", "role", "region_id", "organization_id"]
    audit_write(
        session, CLI_PRINCIPAL, user, "create", changed_fields=created, resource_type="user"
    )
    return user


@dataclass(frozen=True)
class NewClient:
    client: ApiClient
    secret: str


def create_client(
    session: Session,
    name: str,
    organization_id: uuid.UUID,
    scopes: str | None = None,
    *,
    client_id: str | None = None,
) -> NewClient:
    """A partner client with a fresh secret; ``client_id`` defaults to a random ``cl_...``
    (the demo seed chooses readable ones)."""
    allowed = ROLE_SCOPES[Role.partner]
    granted = set(scopes.split()) if scopes else set(allowed)
    if not granted or not granted <= allowed:
        raise Unprocessable(
            "客户端权限只能是合作单位权限的子集。",
            f"Client scopes must be a non-empty subset of: {' '.join(sorted(allowed))}.",
        )
    _require_organization(session, organization_id)
    secret = secrets.token_urlsafe(32)
    client = ApiClient(
        client_id=client_id or "cl_" + secrets.token_hex(8),
        secret_hash=hash_secret(secret),
        name=name,
        organization_id=organization_id,
        scopes=" ".join(sorted(granted)),
    )
    session.add(client)
    session.flush()
    created = ["client_id", "name", "organization_id", "scopes"]
    audit_write(session, CLI_PRINCIPAL, client, "create", changed_fields=created)
    return NewClient(client, secret)


def disable_user(session: Session, username: str) -> UserAccount:
    """``active`` false: no sign-in, and every token of the user revoked (on the flush,
    liushou.auth.revocation; docs/security.md, "Token revocation")."""
    user = get_live_by(session, UserAccount, username=username)
    if user is None:
        raise Unprocessable(f"用户 {username} 不存在。", f"No user {username}.")
    if user.active:
        user.active = False
        user.version += 1
        session.add(user)
        session.flush()
        audit_write(
            session, CLI_PRINCIPAL, user, "disable", changed_fields=["active"], resource_type="user"
        )
    return user


def disable_client(session: Session, client_id: str) -> ApiClient:
    """``active`` false: no sign-in, and every token of the client revoked (as a user's)."""
    client = get_live_by(session, ApiClient, client_id=client_id)
    if client is None:
        raise Unprocessable(f"客户端 {client_id} 不存在。", f"No client {client_id}.")
    if client.active:
        client.active = False
        client.version += 1
        session.add(client)
        session.flush()
        audit_write(session, CLI_PRINCIPAL, client, "disable", changed_fields=["active"])
    return client
