"""The role → scope table against the fixed scope names and role codes (docs/domain.md)."""

from __future__ import annotations

import pytest

from liushou.auth.roles import ALL_SCOPES, ROLE_SCOPES, UNSCOPED_ROLES, Role
from tests.auth.helpers import bearer, login, me

CONTRACT_SCOPES = {
    "registry:read",
    "registry:write",
    "pii:reveal",
    "care:read",
    "care:write",
    "referrals:read",
    "referrals:write",
    "services:read",
    "services:write",
    "legal:read",
    "legal:write",
    "reports:read",
    "audit:read",
    "admin",
}
READ_SCOPES = {s for s in CONTRACT_SCOPES if s.endswith(":read")}
WRITE_SCOPES = {s for s in CONTRACT_SCOPES if s.endswith(":write")}

# What each role "may" (docs/domain.md, "Roles and scope"), as scopes. Referrals belong to care.
EXPECTED = {
    Role.admin: CONTRACT_SCOPES,
    Role.street_staff: {
        "registry:read",
        "registry:write",
        "care:read",
        "care:write",
        "referrals:read",
        "referrals:write",
        "services:read",
        "services:write",
        "legal:read",
        "legal:write",
        "reports:read",
        "pii:reveal",
    },
    Role.village_contact: {
        "registry:read",
        "pii:reveal",
        "care:read",
        "care:write",
        "referrals:read",
        "referrals:write",
        "services:read",
        "services:write",
    },
    Role.volunteer: {"registry:read", "care:read", "care:write", "services:read", "services:write"},
    Role.legal_advisor: {"legal:read", "legal:write", "reports:read"},
    Role.partner: {"referrals:read", "referrals:write", "reports:read"},
    Role.auditor: READ_SCOPES,
}


def test_role_codes_are_the_contracts():
    assert {r.value for r in Role} == {
        "admin",
        "street_staff",
        "village_contact",
        "volunteer",
        "legal_advisor",
        "partner",
        "auditor",
    }


def test_scope_names_are_the_contracts():
    assert ALL_SCOPES == CONTRACT_SCOPES


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_holds_exactly_its_scopes(role):
    assert ROLE_SCOPES[role] == EXPECTED[role]


def test_only_admin_administers_and_only_admin_and_auditor_read_audit():
    assert {r for r, s in ROLE_SCOPES.items() if "admin" in s} == {Role.admin}
    assert {r for r, s in ROLE_SCOPES.items() if "audit:read" in s} == {Role.admin, Role.auditor}


def test_the_auditor_reads_everything_masked_and_writes_nothing():
    auditor = ROLE_SCOPES[Role.auditor]
    assert READ_SCOPES <= auditor
    assert not auditor & WRITE_SCOPES
    assert "pii:reveal" not in auditor and "admin" not in auditor


def test_masked_readers_cannot_reveal_pii():
    for role in (Role.volunteer, Role.legal_advisor, Role.partner, Role.auditor):
        assert "pii:reveal" not in ROLE_SCOPES[role], role


def test_the_legal_advisor_sees_no_registry():
    assert not {"registry:read", "care:read", "pii:reveal"} & ROLE_SCOPES[Role.legal_advisor]


def test_only_admin_and_auditor_see_every_region():
    assert UNSCOPED_ROLES == {Role.admin, Role.auditor}


@pytest.mark.parametrize("who", ["admin", "auditor", "staff", "village", "volunteer", "lawyer"])
def test_a_signed_in_user_gets_its_roles_scopes(client, world, who):
    user = world.users[who]
    body = login(client, user.username)

    assert set(body["scope"].split()) == EXPECTED[user.role]
    assert set(me(client, bearer(body["access_token"])).json()["scopes"]) == EXPECTED[user.role]
