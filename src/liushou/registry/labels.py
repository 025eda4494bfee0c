"""zh-CN labels of the registry's enums by code: `GET /meta/enums`, import sheets and exports.

The labels are declared with the codes (registry/enums.py); this is the look-up table built
from them, so a label an app shows in a drop-down is the label an import accepts and an
export writes.
"""

from __future__ import annotations

from enum import StrEnum

from liushou.registry.enums import REGISTRY_ENUM_NAMES

REGISTRY_LABELS: dict[type[StrEnum], dict[str, str]] = {
    enum: {member.value: member.label_zh for member in enum} for enum in REGISTRY_ENUM_NAMES
}
