"""The columns of the person import sheet, and the spellings its cells may use.

``COLUMNS`` is the one catalogue of the sheet: the import reads by it, and the templates
(``registry/templates.py``) and exports (``registry/exports.py``) are built from it.
``ALIASES`` and :func:`label_table` map what a village sheet writes in a cell (the zh labels
of ``GET /meta/enums``, the codes, a few common variants) to enum codes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from liushou.enums import LabelledEnum
from liushou.registry import enums
from liushou.registry.schemas import PROFILE_FIELD

CHILD = frozenset({enums.PersonCategory.child})
WOMAN = frozenset({enums.PersonCategory.woman})
ELDER = frozenset({enums.PersonCategory.elder})
ALL = frozenset(enums.PersonCategory)


@dataclass(frozen=True)
class Column:
    """One column of the sheet: its header, the field it fills and how a cell is read.

    ``kind``: text, id_number, region_code, date, enum, bool, list (enum codes), tags (free
    text list), int, phone. ``categories``: who the column applies to (profile columns).
    ``enum``: the enum of an enum/list column, or one per category (健康状况).
    """

    header: str
    field: str
    kind: str = "text"
    enum: type[LabelledEnum] | Mapping[enums.PersonCategory, type[LabelledEnum]] | None = None
    categories: frozenset[enums.PersonCategory] = ALL
    required: bool = False  # the column must be present
    needed_by: frozenset[enums.PersonCategory] = frozenset()  # the cell must be filled for these
    note: str = ""
    profile: bool = False

    def enum_for(self, category: enums.PersonCategory | None) -> type[LabelledEnum] | None:
        if isinstance(self.enum, Mapping):
            return self.enum.get(category) if category is not None else None
        return self.enum

    def all_enums(self) -> list[type[LabelledEnum]]:
        if isinstance(self.enum, Mapping):
            return list(dict.fromkeys(self.enum.values()))
        return [self.enum] if self.enum is not None else []


def _p(header: str, name: str, categories: frozenset[enums.PersonCategory], **kw: Any) -> Column:
    return Column(header, name, categories=categories, profile=True, **kw)


COLUMNS: tuple[Column, ...] = (
    Column("姓名", "name", required=True, needed_by=ALL, note="最多 100 个字符"),
    Column(
        "身份证号",
        "id_number",
        "id_number",
        required=True,
        note="18 位，末位可为 X；尚未登记户口的儿童可留空，此时须填性别和出生日期。"
        "Excel 中请设为文本格式，否则后几位会变成 0",
    ),
    Column("类别", "category", "enum", enums.PersonCategory, required=True, needed_by=ALL),
    Column(
        "村/社区代码",
        "region_code",
        "region_code",
        required=True,
        needed_by=ALL,
        note="12 位统计用区划代码，须是您有权登记的村或社区",
    ),
    Column(
        "留守开始日期",
        "left_behind_since",
        "date",
        required=True,
        needed_by=ALL,
        note="YYYY-MM-DD（也接受 2024/3/1、2024年3月1日），不能晚于今天",
    ),
    Column("性别", "sex", "enum", enums.Sex, note="有身份证号时可不填（由号码推出，填写则须一致）"),
    Column("出生日期", "birth_date", "date", note="有身份证号时可不填（须与号码一致）"),
    Column("联系电话", "phone", "phone", note="大陆手机号；+86、空格、连字符会被去掉"),
    Column("住址", "address", note="最多 200 个字符"),
    # child_profile
    _p(
        "留守原因",
        "left_behind_reason",
        CHILD,
        kind="enum",
        enum=enums.LeftBehindReason,
        needed_by=CHILD,
    ),
    _p(
        "监护类型",
        "guardianship_type",
        CHILD,
        kind="enum",
        enum=enums.GuardianshipType,
        needed_by=CHILD,
    ),
    _p(
        "监护评估", "guardianship_assessment", CHILD, kind="enum", enum=enums.GuardianshipAssessment
    ),
    _p("监护人姓名", "guardian_name", CHILD),
    _p("监护人关系", "guardian_relation", CHILD, note="如 祖父、外婆、姑姑"),
    _p("监护人电话", "guardian_phone", CHILD, kind="phone"),
    _p("父亲状况", "father_status", CHILD, kind="enum", enum=enums.ParentStatus),
    _p("母亲状况", "mother_status", CHILD, kind="enum", enum=enums.ParentStatus),
    _p("父母务工地点", "parents_work_location", CHILD, note="如 浙江省宁波市"),
    _p("就读学校", "school", CHILD),
    _p("年级", "grade", CHILD),
    _p("就学状态", "schooling_status", CHILD, kind="enum", enum=enums.SchoolingStatus),
    _p("是否寄宿", "boarding", CHILD, kind="bool", note="是 / 否"),
    _p(
        "健康状况",
        "health_status",
        CHILD | ELDER,
        kind="enum",
        enum={
            enums.PersonCategory.child: enums.ChildHealth,
            enums.PersonCategory.elder: enums.ElderHealth,
        },
    ),
    _p("特殊需求", "special_needs", CHILD, note="最多 1000 个字符"),
    # elder_profile
    _p(
        "居住状况",
        "living_arrangement",
        ELDER,
        kind="enum",
        enum=enums.LivingArrangement,
        needed_by=ELDER,
    ),
    _p("赡养状况", "support_status", ELDER, kind="enum", enum=enums.SupportStatus),
    _p("失能等级", "self_care", ELDER, kind="enum", enum=enums.SelfCare),
    _p("享受待遇", "benefits", ELDER, kind="list", enum=enums.Benefit, note="可填多项，用顿号分隔"),
    _p("风险等级", "risk_tier", ELDER, kind="enum", enum=enums.RiskTier, note="不填为 一般"),
    _p("子女务工地点", "children_work_location", ELDER),
    # woman_profile
    _p("配偶外出时间", "spouse_away_since", WOMAN, kind="date"),
    _p("配偶务工地点", "spouse_work_location", WOMAN),
    _p("就业状况", "employment_status", WOMAN, kind="enum", enum=enums.EmploymentStatus),
    _p("培训意向", "training_interests", WOMAN, kind="tags", note="可填多项，用顿号分隔"),
    _p("子女数", "children_count", WOMAN, kind="int", note="0–20"),
    _p("健康备注", "health_notes", WOMAN, note="最多 1000 个字符"),
)
BY_HEADER = {c.header: c for c in COLUMNS}
REQUIRED_HEADERS = [c.header for c in COLUMNS if c.required]


def _field_headers() -> dict[str, str]:
    """PersonCreate field paths ("child_profile.guardian_phone") to column headers."""
    mapping = {"region_id": "村/社区代码"}
    for c in COLUMNS:
        if not c.profile:
            mapping[c.field] = c.header
            continue
        for category in c.categories:
            mapping[f"{PROFILE_FIELD[category]}.{c.field}"] = c.header
    return mapping


FIELD_HEADERS = _field_headers()


def normalize_header(text: Any) -> str:
    """``' 姓名* '`` → ``姓名``; full-width forms (（）／) fold to ASCII (NFKC)."""
    folded = unicodedata.normalize("NFKC", str(text or ""))
    folded = "".join(folded.split()).removesuffix("(必填)").rstrip("*")
    return folded


# Headers as typed: NFKC folds "（外）" but not a header written with full-width slash.
HEADER_LOOKUP = {normalize_header(c.header): c.header for c in COLUMNS}


def _label_table(enum: type[LabelledEnum]) -> dict[str, str]:
    """Accepted spellings of an enum's members (zh label, code, a few aliases) → code."""
    table: dict[str, str] = {}
    for member in enum:
        table[fold(member.value)] = member.value
        table[fold(member.label_zh)] = member.value
    for alias, code in ALIASES.get(enum, {}).items():
        table[fold(alias)] = code
    return table


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


# Spellings village sheets use besides the labels of GET /meta/enums.
ALIASES: dict[type[LabelledEnum], dict[str, str]] = {
    enums.PersonCategory: {"儿童": "child", "妇女": "woman", "老人": "elder"},
    enums.Sex: {"男性": "male", "女性": "female"},
    enums.GuardianshipType: {
        "祖父母监护": "grandparents",
        "外祖父母监护": "grandparents",
        "祖辈监护": "grandparents",
        "亲属监护": "relatives",
        "亲戚监护": "relatives",
        "委托他人监护": "entrusted",
        "受委托监护": "entrusted",
        "单亲监护": "parent_incapable",
    },
    enums.LeftBehindReason: {
        "父母均外出": "both_parents_away",
        "父母双方外出": "both_parents_away",
        "一方外出另一方无监护能力": "one_away_other_incapable",
    },
    enums.LivingArrangement: {"空巢": "with_spouse_only", "与配偶同住": "with_spouse_only"},
    enums.SchoolingStatus: {"学前": "kindergarten", "中专": "vocational", "职高": "vocational"},
    enums.ChildHealth: {"重病": "seriously_ill", "患重病": "seriously_ill"},
    enums.RiskTier: {"高": "high", "高风险类": "high", "重点类": "key", "一般类": "general"},
    enums.Benefit: {"特困": "tekun", "五保": "tekun"},
}
_TABLES: dict[type[LabelledEnum], dict[str, str]] = {}


def label_table(enum: type[LabelledEnum]) -> dict[str, str]:
    table = _TABLES.get(enum)
    if table is None:
        table = _TABLES[enum] = _label_table(enum)
    return table
