"""zh-CN labels of the referral enums, for `GET /meta/enums` (app drop-downs)."""

from __future__ import annotations

from enum import StrEnum

from liushou.referrals.models import LegalBasis, ReferralStatus, ReferralType, Urgency

REFERRAL_LABELS: dict[type[StrEnum], dict[str, str]] = {
    ReferralType: {
        "referral": "转介",
        "mandatory_report": "强制报告",
        "dv_report": "家暴报告",
        "legal_aid_referral": "法律援助转介",
    },
    Urgency: {"normal": "一般", "urgent": "紧急"},
    LegalBasis: {
        "consent": "本人同意",
        "separate_consent": "单独同意",
        "guardian_consent": "监护人同意",
        "statutory_duty": "履行法定职责",
        "emergency": "紧急情况",
    },
    ReferralStatus: {
        "open": "待受理",
        "accepted": "已受理",
        "in_progress": "办理中",
        "resolved": "已办结",
        "declined": "已退回",
        "cancelled": "已撤销",
    },
}

REFERRAL_ENUM_NAMES: dict[type[StrEnum], str] = {
    ReferralType: "referral_type",
    Urgency: "referral_urgency",
    LegalBasis: "referral_legal_basis",
    ReferralStatus: "referral_status",
}
