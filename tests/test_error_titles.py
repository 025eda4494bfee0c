"""Every problem ``code`` the service can return has a zh-CN and an English title.

Two nets: the source is read for every code written as a literal (so a new code fails here
before any test reaches it), and AppError itself warns on an untitled code, which the test
suite turns into an error (pyproject filterwarnings) for the codes computed at run time.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import liushou
from liushou.errors import TITLES, AppError, Conflict, UntitledErrorCode

SRC = Path(liushou.__file__).parent
CODE_SHAPE = re.compile(r"[a-z][a-z0-9_]*")

# Callables that take a top-level problem code as a positional argument, and its position.
POSITIONAL_CODE = {
    "FieldInvalid": 1,
    "problem_response": 2,
    "InvalidIdentifier": 0,
    "InvalidIdNumber": 0,
    "InvalidPhone": 0,
    "CodeProblem": 1,
}


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _strings(node: ast.AST) -> Iterator[str]:
    """String literals in an expression (``"a" if x else "b"`` gives both)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            if CODE_SHAPE.fullmatch(sub.value):
                yield sub.value


def _class_codes(cls: ast.ClassDef) -> Iterator[ast.expr]:
    """Values assigned to ``code`` in a class body (``code = ...``, ``status, code = ...``)."""
    for statement in cls.body:
        if not isinstance(statement, ast.Assign):
            continue
        for target in statement.targets:
            if isinstance(target, ast.Name) and target.id == "code":
                yield statement.value
            elif isinstance(target, ast.Tuple) and isinstance(statement.value, ast.Tuple):
                for name, value in zip(target.elts, statement.value.elts, strict=True):
                    if isinstance(name, ast.Name) and name.id == "code":
                        yield value


def _codes_in(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for value in _class_codes(node):
                yield from ((code, node.lineno) for code in _strings(value))
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg == "code":
                yield from ((code, node.lineno) for code in _strings(keyword.value))
        position = POSITIONAL_CODE.get(_callee(node) or "")
        if position is not None and len(node.args) > position:
            yield from ((code, node.lineno) for code in _strings(node.args[position]))


def source_codes() -> dict[str, list[str]]:
    """Every literal problem code in src/liushou, with where it is written."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for code, line in _codes_in(ast.parse(path.read_text(encoding="utf-8"))):
            found.setdefault(code, []).append(f"{path.relative_to(SRC)}:{line}")
    return found


def test_the_source_scan_sees_the_codes_it_should() -> None:
    codes = source_codes()
    # Written in each of the shapes the scan reads: a keyword, a class attribute, a
    # positional argument, a conditional.
    for code in (
        "invalid_grant",
        "primary_contact_exists",
        "not_found",
        "consent_required",
        "id_number_checksum",
        "invalid_region_code",
        "missing_column",
        "duplicate_column",
    ):
        assert code in codes, code


def test_every_code_in_the_source_has_both_titles() -> None:
    untitled = {code: where for code, where in source_codes().items() if code not in TITLES}
    assert not untitled, f"add these codes to liushou.errors.TITLES: {untitled}"


def test_every_title_is_filled_in_both_languages() -> None:
    for code, (zh, en) in TITLES.items():
        assert CODE_SHAPE.fullmatch(code), code
        assert zh.strip() and en.strip(), code
        assert zh != en, code


def test_an_untitled_code_fails_when_the_error_is_raised() -> None:
    with pytest.raises(UntitledErrorCode):
        Conflict("冲突", "Conflict", code="no_such_code")


def test_a_subclass_with_an_untitled_code_cannot_be_defined() -> None:
    with pytest.raises(TypeError, match="no_such_code"):

        class Untitled(AppError):
            code = "no_such_code"
