"""The enumerations of the legal-advisor programme (docs/legal.md); labels for
`GET /meta/enums`."""

from __future__ import annotations

from liushou.enums import LabelledEnum


class AdvisorCategory(LabelledEnum):
    full_time = "full_time", "专职律师"
    part_time = "part_time", "兼职律师"
    public_service = "public_service", "公职律师"
    legal_aid = "legal_aid", "法律援助律师"
    grassroots_worker = "grassroots_worker", "基层法律服务工作者"


class ContractStatus(LabelledEnum):
    """Computed from the contract's dates as of a day (legal/coverage.py), never stored."""

    draft = "draft", "未生效"
    active = "active", "履行中"
    expired = "expired", "已到期"
    terminated = "terminated", "已解除"


class LegalActivityType(LabelledEnum):
    consultation = "consultation", "法律咨询"
    publicity = "publicity", "法治宣传"
    lecture = "lecture", "法治讲座"
    mediation = "mediation", "矛盾纠纷调解"
    document_drafting = "document_drafting", "代写法律文书"
    document_review = "document_review", "审查合同文书"
    governance_opinion = "governance_opinion", "村务治理法律意见"
    legal_aid_referral = "legal_aid_referral", "法律援助转介"
    case_representation = "case_representation", "代理案件"
    petition_assistance = "petition_assistance", "协助信访"
    other = "other", "其他"


class LegalActivityMode(LabelledEnum):
    on_site = "on_site", "驻村现场"
    remote = "remote", "电话或网络"
    appointment = "appointment", "预约"
