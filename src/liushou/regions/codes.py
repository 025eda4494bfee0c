"""Region code rules (docs/domain.md), as a pure function over code, level, kind and parent.

* province/city/county: GB/T 2260, 6 digits (province ``xx0000``, city ``xxxx00``);
* township: 12 digits ending in ``000``; township part 001–099 街道, 100–199 镇, 200–399 乡;
* village: 12 digits; village part 001–199 社区 (community), 200–399 村 (village);
* a code sits under its parent's prefix (province 2, city 4, county 6, township 9 digits) and a
  parent is of a higher level; townships and villages need a parent, the rest may be roots.
"""

from __future__ import annotations

from dataclasses import dataclass

from liushou.regions.models import RegionKind, RegionLevel

PREFIX_LENGTH = {
    RegionLevel.province: 2,
    RegionLevel.city: 4,
    RegionLevel.county: 6,
    RegionLevel.township: 9,
}
ALLOWED_PARENTS = {
    RegionLevel.province: set(),
    RegionLevel.city: {RegionLevel.province},
    RegionLevel.county: {RegionLevel.province, RegionLevel.city},
    RegionLevel.township: {RegionLevel.city, RegionLevel.county},
    RegionLevel.village: {RegionLevel.township},
}
KIND_RANGES: dict[RegionKind, tuple[RegionLevel, int, int]] = {
    RegionKind.subdistrict: (RegionLevel.township, 1, 99),
    RegionKind.town: (RegionLevel.township, 100, 199),
    RegionKind.rural_township: (RegionLevel.township, 200, 399),
    RegionKind.community: (RegionLevel.village, 1, 199),
    RegionKind.village: (RegionLevel.village, 200, 399),
}


@dataclass(frozen=True)
class CodeProblem:
    field: str
    code: str
    zh: str
    en: str


def check_region(
    code: str,
    level: RegionLevel,
    kind: RegionKind | None,
    parent: tuple[str, RegionLevel] | None,
) -> list[CodeProblem]:
    problems = _check_shape(code, level, kind)
    if problems:
        return problems
    return _check_parent(code, level, parent)


def _bad_code(zh: str, en: str) -> CodeProblem:
    return CodeProblem("code", "invalid_region_code", zh, en)


def _check_shape(code: str, level: RegionLevel, kind: RegionKind | None) -> list[CodeProblem]:
    twelve = level in (RegionLevel.township, RegionLevel.village)
    if not code.isdigit() or len(code) != (12 if twelve else 6):
        n = 12 if twelve else 6
        return [
            _bad_code(
                f"{level.value} 级区划代码应为 {n} 位数字。",
                f"A {level.value} code has {n} digits.",
            )
        ]
    if level == RegionLevel.province and not code.endswith("0000"):
        return [_bad_code("省级代码应以 0000 结尾。", "A province code ends in 0000.")]
    if level == RegionLevel.city and (not code.endswith("00") or code.endswith("0000")):
        return [
            _bad_code(
                "地级代码应以 00 结尾（且不以 0000 结尾）。",
                "A city code ends in 00 (but not 0000).",
            )
        ]
    if level == RegionLevel.county and code.endswith("00"):
        return [_bad_code("县级代码的后两位不能为 00。", "A county code does not end in 00.")]
    if twelve:
        return _check_kind(code, level, kind)
    if kind is not None:
        return [
            CodeProblem(
                "kind",
                "invalid_region_kind",
                "只有乡级和村级区划有类型（kind）。",
                "Only townships and villages have a kind.",
            )
        ]
    return []


def _check_kind(code: str, level: RegionLevel, kind: RegionKind | None) -> list[CodeProblem]:
    allowed = [k for k, (lvl, _, _) in KIND_RANGES.items() if lvl == level]
    if kind is None or kind not in allowed:
        names = ", ".join(k.value for k in allowed)
        return [
            CodeProblem(
                "kind",
                "invalid_region_kind",
                f"{level.value} 级区划须指定类型：{names}。",
                f"A {level.value} needs a kind: {names}.",
            )
        ]
    _, low, high = KIND_RANGES[kind]
    if level == RegionLevel.township:
        if not code.endswith("000"):
            return [_bad_code("乡级代码应以 000 结尾。", "A township code ends in 000.")]
        part = int(code[6:9])
    else:
        part = int(code[9:12])
    if not low <= part <= high:
        label = kind.label_zh
        return [
            _bad_code(
                f"{label}的代码段应在 {low:03d}–{high:03d} 之间，实际为 {part:03d}。",
                f"A {kind.value} code part lies in {low:03d}–{high:03d}, not {part:03d}.",
            )
        ]
    return []


def _check_parent(
    code: str, level: RegionLevel, parent: tuple[str, RegionLevel] | None
) -> list[CodeProblem]:
    if parent is None:
        if level in (RegionLevel.township, RegionLevel.village):
            return [
                CodeProblem(
                    "parent_id",
                    "invalid_region_parent",
                    "乡级和村级区划必须有上级区划。",
                    "A township or village needs a parent region.",
                )
            ]
        return []
    parent_code, parent_level = parent
    if parent_level not in ALLOWED_PARENTS[level]:
        return [
            CodeProblem(
                "parent_id",
                "invalid_region_parent",
                f"{level.value} 级区划不能隶属于 {parent_level.value} 级区划。",
                f"A {level.value} cannot sit under a {parent_level.value}.",
            )
        ]
    prefix = parent_code[: PREFIX_LENGTH[parent_level]]
    if not code.startswith(prefix):
        return [
            _bad_code(
                f"代码应以上级区划的前缀 {prefix} 开头。",
                f"The code must start with its parent's prefix {prefix}.",
            )
        ]
    return []
