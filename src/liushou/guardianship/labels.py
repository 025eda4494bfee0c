"""zh-CN labels of the care enums, for `GET /meta/enums` (app drop-downs)."""

from __future__ import annotations

from enum import StrEnum

from liushou.guardianship.models import (
    AssignmentRole,
    CaretakerKind,
    VisitMode,
    VisitNeed,
    VisitRiskLevel,
)

GUARDIANSHIP_LABELS: dict[type[StrEnum], dict[str, str]] = {
    CaretakerKind: {
        "village_cadre": "村(社区)干部",
        "child_director": "儿童主任",
        "volunteer": "志愿者",
        "social_worker": "社工",
        "teacher": "教师",
        "doctor": "医生",
        "police_officer": "民警",
        "lawyer": "律师",
        "other": "其他",
    },
    AssignmentRole: {
        "primary_contact": "包保联系人",
        "companion": "结对陪伴",
        "tutor": "学业辅导",
        "doctor": "签约医生",
    },
    VisitMode: {"home": "入户走访", "phone": "电话", "video": "视频", "school": "到校"},
    VisitNeed: {
        "study": "学习",
        "health": "健康",
        "safety": "安全",
        "psychological": "心理",
        "economic": "经济",
        "legal": "法律",
        "daily_care": "生活照料",
    },
    VisitRiskLevel: {"normal": "正常", "attention": "需关注", "urgent": "紧急"},
}

GUARDIANSHIP_ENUM_NAMES: dict[type[StrEnum], str] = {
    CaretakerKind: "caretaker_kind",
    AssignmentRole: "assignment_role",
    VisitMode: "visit_mode",
    VisitNeed: "visit_need",
    VisitRiskLevel: "visit_risk_level",
}
