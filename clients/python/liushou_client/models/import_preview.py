from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError


T = TypeVar("T", bound="ImportPreview")


@_attrs_define
class ImportPreview:
    """A dry run: what a real run would do. Nothing was written.

    Attributes:
        error_count (int):
        errors (list[ImportRowError]): At most 1000, in row order
        rows (int): Data rows in the sheet (blank rows not counted)
        to_create (int): Valid rows a real run would register
        unchanged (int): Valid rows whose person is already registered
        valid (int): Rows without errors
        dry_run (bool | Unset):  Default: True.
    """

    error_count: int
    errors: list[ImportRowError]
    rows: int
    to_create: int
    unchanged: int
    valid: int
    dry_run: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_count = self.error_count

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        rows = self.rows

        to_create = self.to_create

        unchanged = self.unchanged

        valid = self.valid

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error_count": error_count,
                "errors": errors,
                "rows": rows,
                "to_create": to_create,
                "unchanged": unchanged,
                "valid": valid,
            }
        )
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        error_count = d.pop("error_count")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportRowError.from_dict(errors_item_data)

            errors.append(errors_item)

        rows = d.pop("rows")

        to_create = d.pop("to_create")

        unchanged = d.pop("unchanged")

        valid = d.pop("valid")

        dry_run = d.pop("dry_run", UNSET)

        import_preview = cls(
            error_count=error_count,
            errors=errors,
            rows=rows,
            to_create=to_create,
            unchanged=unchanged,
            valid=valid,
            dry_run=dry_run,
        )

        import_preview.additional_properties = d
        return import_preview

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
