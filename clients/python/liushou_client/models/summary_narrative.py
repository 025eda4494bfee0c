from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SummaryNarrative")


@_attrs_define
class SummaryNarrative:
    """
    Attributes:
        from_ (datetime.date):
        region_id (UUID):
        text (str): A zh-CN 工作简报 paragraph written from the figures
        to (datetime.date):
    """

    from_: datetime.date
    region_id: UUID
    text: str
    to: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        region_id = str(self.region_id)

        text = self.text

        to = self.to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "region_id": region_id,
                "text": text,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        region_id = UUID(d.pop("region_id"))

        text = d.pop("text")

        to = datetime.date.fromisoformat(d.pop("to"))

        summary_narrative = cls(
            from_=from_,
            region_id=region_id,
            text=text,
            to=to,
        )

        summary_narrative.additional_properties = d
        return summary_narrative

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
