from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WishFigures")


@_attrs_define
class WishFigures:
    """
    Attributes:
        fulfilled (int): Wishes fulfilled within the period
        made (int): Wishes created within the period
        open_ (int): Wishes open or claimed on `to`
    """

    fulfilled: int
    made: int
    open_: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fulfilled = self.fulfilled

        made = self.made

        open_ = self.open_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fulfilled": fulfilled,
                "made": made,
                "open": open_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fulfilled = d.pop("fulfilled")

        made = d.pop("made")

        open_ = d.pop("open")

        wish_figures = cls(
            fulfilled=fulfilled,
            made=made,
            open_=open_,
        )

        wish_figures.additional_properties = d
        return wish_figures

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
