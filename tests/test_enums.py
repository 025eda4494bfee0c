"""Enums declare each code with its zh-CN label (liushou/enums.py)."""

from __future__ import annotations

import pytest

from liushou.enums import LabelledEnum
from liushou.registry.enums import ChildHealth, ElderHealth, HealthStatus


def test_a_member_is_its_code_and_carries_its_label() -> None:
    class Colour(LabelledEnum):
        red = "red", "红"

    assert Colour("red") is Colour.red
    assert Colour.red == "red" and Colour.red.value == "red" and str(Colour.red) == "red"
    assert Colour.red.label_zh == "红"


def test_a_member_without_a_label_is_refused() -> None:
    with pytest.raises(TypeError, match="without a zh-CN label"):

        class Colour(LabelledEnum):
            red = "red"


def test_health_status_is_both_profiles_health_values_with_their_labels() -> None:
    child = {m.value: m.label_zh for m in ChildHealth}
    elder = {m.value: m.label_zh for m in ElderHealth}
    # A value both profiles use has the same label in each.
    assert all(elder[code] == label for code, label in child.items() if code in elder)
    assert {m.value: m.label_zh for m in HealthStatus} == child | elder
