from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_item_method import BatchItemMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_item_body_type_0 import BatchItemBodyType0


T = TypeVar("T", bound="BatchItem")


@_attrs_define
class BatchItem:
    """One queued write, as it would be sent alone.

    Attributes:
        method (BatchItemMethod):
        path (str): Below `/api/v1`, as the single request would be sent (a query string may follow): no scheme or host,
            no `..`, not `/api/v1/sync/batch`.
        body (BatchItemBodyType0 | None | Unset): The JSON body; none for a DELETE.
        idempotency_key (None | str | Unset): The `Idempotency-Key` header (a POST's).
        if_match (None | str | Unset): The `If-Match` header: an ETag (`"\\"3\\""`) or the bare version (`"3"`).
    """

    method: BatchItemMethod
    path: str
    body: BatchItemBodyType0 | None | Unset = UNSET
    idempotency_key: None | str | Unset = UNSET
    if_match: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_item_body_type_0 import BatchItemBodyType0  # noqa: PLC0415

        method = self.method.value

        path = self.path

        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, BatchItemBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        idempotency_key: None | str | Unset
        if isinstance(self.idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = self.idempotency_key

        if_match: None | str | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "method": method,
                "path": path,
            }
        )
        if body is not UNSET:
            field_dict["body"] = body
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_item_body_type_0 import BatchItemBodyType0  # noqa: PLC0415

        d = dict(src_dict)
        method = BatchItemMethod(d.pop("method"))

        path = d.pop("path")

        def _parse_body(data: object) -> BatchItemBodyType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = BatchItemBodyType0.from_dict(data)

                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchItemBodyType0 | None | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        def _parse_if_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))

        batch_item = cls(
            method=method,
            path=path,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )

        return batch_item
