"""Roles and scopes (docs/domain.md): the one table that maps a role to what it may do."""

from __future__ import annotations

from liushou.enums import LabelledEnum


class Role(LabelledEnum):
    admin = "admin", "系统管理员"
    street_staff = "street_staff", "街道计生协工作人员"
    village_contact = "village_contact", "村联系人(包保人)"
    volunteer = "volunteer", "志愿者"
    legal_advisor = "legal_advisor", "法律顾问"
    partner = "partner", "合作单位"
    auditor = "auditor", "审计员"


SCOPE_DESCRIPTIONS: dict[str, str] = {
    "registry:read": "Read the registry of left-behind persons (masked)",
    "registry:write": "Create and change registry entries",
    "pii:reveal": "Reveal personal data (audited)",
    "care:read": "Read contacts, assignments and visits",
    "care:write": "Record visits and manage assignments",
    "referrals:read": "Read referrals",
    "referrals:write": "Create and move referrals",
    "services:read": "Read services delivered",
    "services:write": "Record services delivered",
    "legal:read": "Read legal-advisor data and hotline cards",
    "legal:write": "Record legal activities and contracts",
    "reports:read": "Read aggregated reports",
    "audit:read": "Read audit events",
    "admin": "Administer users, clients, regions and organizations",
}
ALL_SCOPES = frozenset(SCOPE_DESCRIPTIONS)

ROLE_SCOPES: dict[Role, frozenset[str]] = {
    Role.admin: ALL_SCOPES,
    Role.street_staff: frozenset(
        {
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
        }
    ),
    Role.village_contact: frozenset(
        {
            "registry:read",
            "pii:reveal",
            "care:read",
            "care:write",
            "services:read",
            "services:write",
            "referrals:read",
            "referrals:write",
        }
    ),
    Role.volunteer: frozenset(
        {"registry:read", "care:read", "care:write", "services:read", "services:write"}
    ),
    Role.legal_advisor: frozenset({"legal:read", "legal:write", "reports:read"}),
    Role.partner: frozenset({"referrals:read", "referrals:write", "reports:read"}),
    Role.auditor: frozenset(
        {
            "registry:read",
            "care:read",
            "referrals:read",
            "services:read",
            "legal:read",
            "reports:read",
            "audit:read",
        }
    ),
}

# Roles that see every region; every other role is held to its region subtree.
UNSCOPED_ROLES = frozenset({Role.admin, Role.auditor})

# Roles that read persons and their care data through their region subtree (street staff:
# the township, a village contact: its village). Admin and auditor see everything, a
# volunteer only the persons actively assigned to it, any other role no person.
REGION_READERS = frozenset({Role.street_staff, Role.village_contact})
