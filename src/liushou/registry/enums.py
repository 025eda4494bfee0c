"""The registry's enumerations (docs/api.md). Values are stable English codes."""

from __future__ import annotations

from enum import StrEnum


class PersonCategory(StrEnum):
    child = "child"
    woman = "woman"
    elder = "elder"


class Sex(StrEnum):
    male = "male"
    female = "female"


class PersonStatus(StrEnum):
    active = "active"
    exited = "exited"


class ExitReason(StrEnum):
    aged_out = "aged_out"
    parents_returned = "parents_returned"
    spouse_returned = "spouse_returned"
    children_returned = "children_returned"
    migrated_with_parents = "migrated_with_parents"
    moved_away = "moved_away"
    deceased = "deceased"
    other = "other"


class LeftBehindReason(StrEnum):
    both_parents_away = "both_parents_away"
    one_away_other_incapable = "one_away_other_incapable"


class GuardianshipType(StrEnum):
    grandparents = "grandparents"
    relatives = "relatives"
    entrusted = "entrusted"
    parent_incapable = "parent_incapable"
    none = "none"  # 无人监护: a legal red flag (未保法 art. 21)


class GuardianshipAssessment(StrEnum):
    good = "good"
    fair = "fair"
    poor = "poor"


class ParentStatus(StrEnum):
    migrant = "migrant"
    at_home = "at_home"
    at_home_incapable = "at_home_incapable"
    deceased = "deceased"
    unknown = "unknown"


class SchoolingStatus(StrEnum):
    not_in_kindergarten = "not_in_kindergarten"
    kindergarten = "kindergarten"
    primary = "primary"
    junior_secondary = "junior_secondary"
    senior_secondary = "senior_secondary"
    vocational = "vocational"
    dropped_out = "dropped_out"
    not_in_school = "not_in_school"


class ChildHealth(StrEnum):
    healthy = "healthy"
    disabled = "disabled"
    seriously_ill = "seriously_ill"


class ElderHealth(StrEnum):
    healthy = "healthy"
    chronic_illness = "chronic_illness"
    disabled = "disabled"
    bedridden = "bedridden"


class HealthStatus(StrEnum):
    """The column behind the `health_status` filter: the union of both profiles' values."""

    healthy = "healthy"
    disabled = "disabled"
    seriously_ill = "seriously_ill"
    chronic_illness = "chronic_illness"
    bedridden = "bedridden"


class LivingArrangement(StrEnum):
    alone = "alone"
    with_spouse_only = "with_spouse_only"
    with_grandchildren = "with_grandchildren"
    with_relatives = "with_relatives"
    other = "other"


class SupportStatus(StrEnum):
    adequate = "adequate"
    insufficient = "insufficient"
    none = "none"


class SelfCare(StrEnum):
    intact = "intact"
    mild = "mild"
    moderate = "moderate"
    severe = "severe"
    total = "total"


class Benefit(StrEnum):
    dibao = "dibao"
    tekun = "tekun"
    elderly_allowance = "elderly_allowance"
    medical_aid = "medical_aid"
    other = "other"


class RiskTier(StrEnum):
    high = "high"
    key = "key"
    general = "general"


class EmploymentStatus(StrEnum):
    employed = "employed"
    self_employed = "self_employed"
    farming = "farming"
    unemployed = "unemployed"


class Alert(StrEnum):
    unattended_child = "unattended_child"
    overdue_visit = "overdue_visit"
    no_primary_contact = "no_primary_contact"


class ConsentGiver(StrEnum):
    self = "self"
    guardian = "guardian"
