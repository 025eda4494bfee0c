"""zh-CN labels of the registry's enums: `GET /meta/enums`, import sheets and exports.

One table, so a label an app shows in a drop-down is the label an import accepts and an
export writes. Labels follow the 2016 national survey form where it has one.
"""

from __future__ import annotations

from enum import StrEnum

from liushou.registry.enums import (
    Alert,
    Benefit,
    ChildHealth,
    ConsentGiver,
    ElderHealth,
    EmploymentStatus,
    ExitReason,
    GuardianshipAssessment,
    GuardianshipType,
    HealthStatus,
    LeftBehindReason,
    LivingArrangement,
    ParentStatus,
    PersonCategory,
    PersonStatus,
    RiskTier,
    SchoolingStatus,
    SelfCare,
    Sex,
    SupportStatus,
)

_HEALTH = {
    "healthy": "健康",
    "disabled": "残疾",
    "seriously_ill": "患病",
    "chronic_illness": "慢性病",
    "bedridden": "卧床",
}

REGISTRY_LABELS: dict[type[StrEnum], dict[str, str]] = {
    PersonCategory: {"child": "留守儿童", "woman": "留守妇女", "elder": "留守老人"},
    Sex: {"male": "男", "female": "女"},
    PersonStatus: {"active": "在册", "exited": "已退出"},
    ExitReason: {
        "aged_out": "年满十六周岁",
        "parents_returned": "父母返乡",
        "spouse_returned": "配偶返乡",
        "children_returned": "子女返乡",
        "migrated_with_parents": "随父母外出",
        "moved_away": "迁出",
        "deceased": "死亡",
        "other": "其他",
    },
    LeftBehindReason: {
        "both_parents_away": "父母双方外出务工",
        "one_away_other_incapable": "一方外出务工另一方无监护能力",
    },
    GuardianshipType: {
        "grandparents": "(外)祖父母监护",
        "relatives": "亲戚朋友监护",
        "entrusted": "委托监护",
        "parent_incapable": "父或母无监护能力",
        "none": "无人监护",
    },
    GuardianshipAssessment: {"good": "较好", "fair": "一般", "poor": "差"},
    ParentStatus: {
        "migrant": "外出务工",
        "at_home": "在家",
        "at_home_incapable": "在家但无监护能力",
        "deceased": "已故",
        "unknown": "不详",
    },
    SchoolingStatus: {
        "not_in_kindergarten": "未入园",
        "kindergarten": "幼儿园",
        "primary": "小学",
        "junior_secondary": "初中",
        "senior_secondary": "高中",
        "vocational": "中职",
        "dropped_out": "辍学",
        "not_in_school": "不在学",
    },
    ChildHealth: {m.value: _HEALTH[m.value] for m in ChildHealth},
    ElderHealth: {m.value: _HEALTH[m.value] for m in ElderHealth},
    HealthStatus: {m.value: _HEALTH[m.value] for m in HealthStatus},
    LivingArrangement: {
        "alone": "独居",
        "with_spouse_only": "与配偶同住(空巢)",
        "with_grandchildren": "与孙辈同住",
        "with_relatives": "与亲属同住",
        "other": "其他",
    },
    SupportStatus: {"adequate": "赡养到位", "insufficient": "赡养不足", "none": "无人赡养"},
    SelfCare: {
        "intact": "能力完好",
        "mild": "轻度失能",
        "moderate": "中度失能",
        "severe": "重度失能",
        "total": "完全失能",
    },
    Benefit: {
        "dibao": "低保",
        "tekun": "特困供养",
        "elderly_allowance": "高龄津贴",
        "medical_aid": "医疗救助",
        "other": "其他",
    },
    RiskTier: {"high": "高风险", "key": "重点", "general": "一般"},
    EmploymentStatus: {
        "employed": "务工",
        "self_employed": "个体经营",
        "farming": "务农",
        "unemployed": "无业",
    },
    Alert: {
        "unattended_child": "无人监护儿童",
        "overdue_visit": "走访逾期",
        "no_primary_contact": "无包保联系人",
    },
    ConsentGiver: {"self": "本人", "guardian": "监护人"},
}

REGISTRY_ENUM_NAMES: dict[type[StrEnum], str] = {
    PersonCategory: "person_category",
    Sex: "sex",
    PersonStatus: "person_status",
    ExitReason: "exit_reason",
    LeftBehindReason: "left_behind_reason",
    GuardianshipType: "guardianship_type",
    GuardianshipAssessment: "guardianship_assessment",
    ParentStatus: "parent_status",
    SchoolingStatus: "schooling_status",
    ChildHealth: "child_health_status",
    ElderHealth: "elder_health_status",
    HealthStatus: "health_status",
    LivingArrangement: "living_arrangement",
    SupportStatus: "support_status",
    SelfCare: "self_care",
    Benefit: "benefit",
    RiskTier: "risk_tier",
    EmploymentStatus: "employment_status",
    Alert: "alert",
    ConsentGiver: "consent_given_by",
}


def label(enum: type[StrEnum], code: str) -> str:
    return REGISTRY_LABELS[enum][code]
