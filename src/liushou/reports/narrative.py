"""The summary as a zh-CN 工作简报 paragraph (GET /reports/summary/narrative, `--format text`).

Written by code from the figures, never by hand: it names the region and the period and
states every non-zero figure of ``registry.total``, of ``services`` and of ``legal``, each as
its own number; a zero figure is left out (never "0次"), and a section with nothing to say
is left out whole.
"""

from __future__ import annotations

from datetime import date

from liushou.legal.enums import LegalActivityType
from liushou.reports.summary_schemas import LegalFigures, RegistryCounts, ServiceFigures
from liushou.reports.summary_service import Summary
from liushou.services.enums import Program

# Types whose figure reads better as persons helped than as times served.
_PERSON_SHAPES = {"job_placement": "帮助{persons}人就业"}

# The legal activity types by their zh-CN labels (法律咨询, 法治宣传 …: GET /meta/enums).
LEGAL_ACTIVITY_LABELS = LegalActivityType.labels()
# "其他" alone does not say what was done.
_LEGAL_WORDS = {LegalActivityType.other.value: "其他法律服务"}


def period_zh(since: date, until: date) -> str:
    """2026年1月1日至12月7日 (the year once when both days share it)."""
    first = f"{since.year}年{since.month}月{since.day}日"
    if since == until:
        return first
    last = f"{until.month}月{until.day}日"
    if since.year != until.year:
        last = f"{until.year}年{last}"
    return f"{first}至{last}"


def _registry(total: RegistryCounts) -> str | None:
    parts = []
    if total.active:
        parts.append(f"在册留守人员{total.active}名")
    if total.new:
        parts.append(f"新增{total.new}名")
    if total.exited:
        parts.append(f"退出{total.exited}名")
    return "，".join(parts) + "。" if parts else None


def _service_phrase(service: ServiceFigures, unit: str) -> tuple[bool, str]:
    """(whether it joins the programme's 提供… list, the phrase)."""
    shape = _PERSON_SHAPES.get(service.service_type)
    if shape is not None:
        return False, shape.format(persons=service.persons)
    return True, f"{service.name_zh}{service.quantity}{unit}"


def _services(services: list[ServiceFigures], units: dict[str, str]) -> str | None:
    """One clause per programme, in the programmes' order: 法律服务方面，提供法律政策咨询58次、
    利益维权35次；就业帮扶方面，提供技能培训8次，帮助25人就业。"""
    clauses = []
    for program in Program:
        listed, alone = [], []
        for service in services:
            if service.program != program.value or not service.quantity:
                continue
            joins, phrase = _service_phrase(service, units.get(service.service_type, "次"))
            if joins:
                listed.append(phrase)
            elif service.persons:
                alone.append(phrase)
        phrases = (["提供" + "、".join(listed)] if listed else []) + alone
        if phrases:
            clauses.append(f"{program.label_zh}方面，" + "，".join(phrases))
    return "；".join(clauses) + "。" if clauses else None


def _legal(legal: LegalFigures) -> str | None:
    parts = []
    done = [f"法律咨询{legal.consultations}次"] if legal.consultations else []
    done += [
        f"{_LEGAL_WORDS.get(kind, label)}{legal.activities[kind]}次"
        for kind, label in LEGAL_ACTIVITY_LABELS.items()
        if legal.activities.get(kind) and kind != LegalActivityType.consultation.value
    ]
    if done:
        parts.append("法律顾问开展" + "、".join(done))
    if legal.onsite_minutes:
        parts.append(f"驻村服务{legal.onsite_minutes}分钟")
    villages = []
    if legal.villages:
        villages.append(f"辖区共有村（社区）{legal.villages}个")
    if legal.villages_with_advisor:
        villages.append(f"已配备法律顾问的{legal.villages_with_advisor}个")
    if legal.villages_without_advisor:
        villages.append(f"尚未配备法律顾问的{legal.villages_without_advisor}个")
    if villages:
        parts.append("，".join(villages))
    return "；".join(parts) + "。" if parts else None


def narrative(figures: Summary) -> str:
    report = figures.report
    opening = f"{figures.region_name}{period_zh(report.from_, report.to)}工作简报："
    sentences = [
        s
        for s in (
            _registry(report.registry.total),
            _services(report.services, figures.units),
            _legal(report.legal),
        )
        if s
    ]
    if not sentences:
        return opening + "本期暂无登记、服务和法律服务数据。"
    return opening + "".join(sentences)
