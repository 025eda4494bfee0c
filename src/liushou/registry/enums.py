"""The registry's enumerations (docs/api.md): stable English codes with their zh-CN labels.

Labels follow the 2016 national survey form where it has one.
"""

from __future__ import annotations

from liushou.enums import LabelledEnum


class PersonCategory(LabelledEnum):
    child = "child", "留守儿童"
    woman = "woman", "留守妇女"
    elder = "elder", "留守老人"


class Sex(LabelledEnum):
    male = "male", "男"
    female = "female", "女"


class PersonStatus(LabelledEnum):
    active = "active", "在册"
    exited = "exited", "已退出"


class ExitReason(LabelledEnum):
    aged_out = "aged_out", "年满十六周岁"
    parents_returned = "parents_returned", "父母返乡"
    spouse_returned = "spouse_returned", "配偶返乡"
    children_returned = "children_returned", "子女返乡"
    migrated_with_parents = "migrated_with_parents", "随父母外出"
    moved_away = "moved_away", "迁出"
    deceased = "deceased", "死亡"
    other = "other", "其他"


class LeftBehindReason(LabelledEnum):
    both_parents_away = "both_parents_away", "父母双方外出务工"
    one_away_other_incapable = "one_away_other_incapable", "一方外出务工另一方无监护能力"


class GuardianshipType(LabelledEnum):
    grandparents = "grandparents", "(外)祖父母监护"
    relatives = "relatives", "亲戚朋友监护"
    entrusted = "entrusted", "委托监护"
    parent_incapable = "parent_incapable", "父或母无监护能力"
    none = "none", "无人监护"  # a legal red flag (未保法 art. 21)


class GuardianshipAssessment(LabelledEnum):
    good = "good", "较好"
    fair = "fair", "一般"
    poor = "poor", "差"


class ParentStatus(LabelledEnum):
    migrant = "migrant", "外出务工"
    at_home = "at_home", "在家"
    at_home_incapable = "at_home_incapable", "在家但无监护能力"
    deceased = "deceased", "已故"
    unknown = "unknown", "不详"


class SchoolingStatus(LabelledEnum):
    not_in_kindergarten = "not_in_kindergarten", "未入园"
    kindergarten = "kindergarten", "幼儿园"
    primary = "primary", "小学"
    junior_secondary = "junior_secondary", "初中"
    senior_secondary = "senior_secondary", "高中"
    vocational = "vocational", "中职"
    dropped_out = "dropped_out", "辍学"
    not_in_school = "not_in_school", "不在学"


class ChildHealth(LabelledEnum):
    healthy = "healthy", "健康"
    disabled = "disabled", "残疾"
    seriously_ill = "seriously_ill", "患病"


class ElderHealth(LabelledEnum):
    healthy = "healthy", "健康"
    chronic_illness = "chronic_illness", "慢性病"
    disabled = "disabled", "残疾"
    bedridden = "bedridden", "卧床"


# The docstring is the OpenAPI description. tests/test_enums.py holds the union to
# both profiles' codes and labels.
class HealthStatus(LabelledEnum):
    """The column behind the `health_status` filter: the union of both profiles' values."""

    healthy = "healthy", "健康"
    disabled = "disabled", "残疾"
    seriously_ill = "seriously_ill", "患病"
    chronic_illness = "chronic_illness", "慢性病"
    bedridden = "bedridden", "卧床"


class LivingArrangement(LabelledEnum):
    alone = "alone", "独居"
    with_spouse_only = "with_spouse_only", "与配偶同住(空巢)"
    with_grandchildren = "with_grandchildren", "与孙辈同住"
    with_relatives = "with_relatives", "与亲属同住"
    other = "other", "其他"


class SupportStatus(LabelledEnum):
    adequate = "adequate", "赡养到位"
    insufficient = "insufficient", "赡养不足"
    none = "none", "无人赡养"


class SelfCare(LabelledEnum):
    intact = "intact", "能力完好"
    mild = "mild", "轻度失能"
    moderate = "moderate", "中度失能"
    severe = "severe", "重度失能"
    total = "total", "完全失能"


class Benefit(LabelledEnum):
    dibao = "dibao", "低保"
    tekun = "tekun", "特困供养"
    elderly_allowance = "elderly_allowance", "高龄津贴"
    medical_aid = "medical_aid", "医疗救助"
    other = "other", "其他"


class RiskTier(LabelledEnum):
    high = "high", "高风险"
    key = "key", "重点"
    general = "general", "一般"


class EmploymentStatus(LabelledEnum):
    employed = "employed", "务工"
    self_employed = "self_employed", "个体经营"
    farming = "farming", "务农"
    unemployed = "unemployed", "无业"


class Alert(LabelledEnum):
    unattended_child = "unattended_child", "无人监护儿童"
    overdue_visit = "overdue_visit", "走访逾期"
    no_primary_contact = "no_primary_contact", "无包保联系人"


class ConsentGiver(LabelledEnum):
    self = "self", "本人"
    guardian = "guardian", "监护人"
