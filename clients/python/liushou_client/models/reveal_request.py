from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RevealRequest")


@_attrs_define
class RevealRequest:
    """
    Attributes:
        purpose (str):
    """

    purpose: str

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "purpose": purpose,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purpose = d.pop("purpose")

        reveal_request = cls(
            purpose=purpose,
        )

        return reveal_request
