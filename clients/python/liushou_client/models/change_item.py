from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.change_op import ChangeOp

if TYPE_CHECKING:
    from ..models.change_item_data_type_0 import ChangeItemDataType0


T = TypeVar("T", bound="ChangeItem")


@_attrs_define
class ChangeItem:
    """
    Attributes:
        changed_at (datetime.datetime):
        data (ChangeItemDataType0 | None): The resource exactly as the caller's GET of it answers now; null for a delete
        id (UUID):
        op (ChangeOp):
        resource_type (str): `person`, `consent`, … (the `types=` names)
        version (int): The version this change wrote
    """

    changed_at: datetime.datetime
    data: ChangeItemDataType0 | None
    id: UUID
    op: ChangeOp
    resource_type: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.change_item_data_type_0 import ChangeItemDataType0  # noqa: PLC0415

        changed_at = self.changed_at.isoformat()

        data: dict[str, Any] | None
        if isinstance(self.data, ChangeItemDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        id = str(self.id)

        op = self.op.value

        resource_type = self.resource_type

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_at": changed_at,
                "data": data,
                "id": id,
                "op": op,
                "resource_type": resource_type,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_item_data_type_0 import ChangeItemDataType0  # noqa: PLC0415

        d = dict(src_dict)
        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        def _parse_data(data: object) -> ChangeItemDataType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = ChangeItemDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeItemDataType0 | None, data)

        data = _parse_data(d.pop("data"))

        id = UUID(d.pop("id"))

        op = ChangeOp(d.pop("op"))

        resource_type = d.pop("resource_type")

        version = d.pop("version")

        change_item = cls(
            changed_at=changed_at,
            data=data,
            id=id,
            op=op,
            resource_type=resource_type,
            version=version,
        )

        change_item.additional_properties = d
        return change_item

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
