"""`liushou seed-demo`: the demo regions, organizations, one user per role and a synthetic
register of 黄屯街道 (demo/persons.py). Idempotent: a second run creates nothing."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field

from sqlmodel import Session, select

from liushou.auth.accounts import CLI_PRINCIPAL, create_user
from liushou.auth.models import UserAccount
from liushou.auth.roles import Role
from liushou.config import Settings
from liushou.demo import regions_data as data
from liushou.demo.persons import DemoVillage, PersonsReport, seed_persons
from liushou.regions import service as regions
from liushou.regions.models import Network, Organization, OrganizationType, Region
from liushou.regions.schemas import OrganizationCreate, RegionCreate
from liushou.registry.service import PersonalData

# (username, role, region code) — partners use client credentials, not users.
DEMO_USERS = (
    ("demo_admin", Role.admin, None),
    ("demo_staff", Role.street_staff, data.HUANGTUN_CODE),
    ("demo_village", Role.village_contact, data.JINSE_JIAYUAN_CODE),
    ("demo_volunteer", Role.volunteer, data.JINSE_JIAYUAN_CODE),
    ("demo_lawyer", Role.legal_advisor, data.COUNTY_CODE),
    ("demo_auditor", Role.auditor, None),
)


@dataclass
class SeedReport:
    regions_created: int = 0
    organizations_created: int = 0
    users_created: dict[str, str] | None = None  # username -> password, shown once
    persons: PersonsReport = field(default_factory=PersonsReport)


def seed_demo(session: Session, settings: Settings, pii: PersonalData | None = None) -> SeedReport:
    report = SeedReport(users_created={})
    region_ids: dict[str, uuid.UUID] = {}
    for seed in data.REGIONS:
        existing = session.exec(
            select(Region).where(Region.code == seed.code, Region.deleted_at.is_(None))
        ).one_or_none()
        if existing is None:
            parent_id = region_ids.get(seed.parent_code) if seed.parent_code else None
            existing = regions.create_region(
                session,
                CLI_PRINCIPAL,
                RegionCreate(
                    code=seed.code,
                    name=seed.name,
                    level=seed.level,
                    kind=seed.kind,
                    parent_id=parent_id,
                ),
            )
            report.regions_created += 1
        region_ids[seed.code] = existing.id
    for org in data.ORGANIZATIONS:
        region_id = region_ids[org.region_code]
        exists = session.exec(
            select(Organization.id).where(
                Organization.name == org.name,
                Organization.region_id == region_id,
                Organization.deleted_at.is_(None),
            )
        ).first()
        if exists is None:
            regions.create_organization(
                session,
                CLI_PRINCIPAL,
                OrganizationCreate(
                    name=org.name,
                    type=OrganizationType(org.type),
                    networks=[Network(n) for n in org.networks],
                    region_id=region_id,
                    phone=org.phone,
                    credit_code=org.credit_code,
                ),
            )
            report.organizations_created += 1
    for username, role, region_code in DEMO_USERS:
        taken = session.exec(select(UserAccount.id).where(UserAccount.username == username)).first()
        if taken is None:
            password = secrets.token_urlsafe(12)
            create_user(session, username, role, password, region_code)
            report.users_created[username] = password
    villages = [
        DemoVillage(region_ids[v.code], v.name, v.kind == data.KIND_COMMUNITY)
        for v in data.VILLAGES_BY_TOWNSHIP[data.HUANGTUN_CODE]
    ]
    report.persons = seed_persons(session, settings, villages, pii)
    return report
