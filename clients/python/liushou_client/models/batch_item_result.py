from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.batch_item_result_outcome import BatchItemResultOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_item_result_body_type_0 import BatchItemResultBodyType0


T = TypeVar("T", bound="BatchItemResult")


@_attrs_define
class BatchItemResult:
    """
    Attributes:
        body (BatchItemResultBodyType0 | None): The answer's JSON body; null for a 204.
        outcome (BatchItemResultOutcome): `applied`: 2xx. `conflict`: 412, `body` is the current resource as the
            caller's GET shows it (its ETag in `etag`). `rejected`: any other status, `body` is the problem; nothing of the
            item was written (a status of 500 or more: retry it).
        status (int): The status the item's own request answered.
        etag (None | str | Unset): The resource's ETag, when the answer has one.
    """

    body: BatchItemResultBodyType0 | None
    outcome: BatchItemResultOutcome
    status: int
    etag: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_result_body_type_0 import BatchItemResultBodyType0  # noqa: PLC0415

        body: dict[str, Any] | None
        if isinstance(self.body, BatchItemResultBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        outcome = self.outcome.value

        status = self.status

        etag: None | str | Unset
        if isinstance(self.etag, Unset):
            etag = UNSET
        else:
            etag = self.etag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "outcome": outcome,
                "status": status,
            }
        )
        if etag is not UNSET:
            field_dict["etag"] = etag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_result_body_type_0 import BatchItemResultBodyType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_body(data: object) -> BatchItemResultBodyType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = BatchItemResultBodyType0.from_dict(data)

                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchItemResultBodyType0 | None, data)

        body = _parse_body(d.pop("body"))

        outcome = BatchItemResultOutcome(d.pop("outcome"))

        status = d.pop("status")

        def _parse_etag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        etag = _parse_etag(d.pop("etag", UNSET))

        batch_item_result = cls(
            body=body,
            outcome=outcome,
            status=status,
            etag=etag,
        )

        batch_item_result.additional_properties = d
        return batch_item_result

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
