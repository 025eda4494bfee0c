"""The body and the answer of POST /sync/batch (docs/sync.md, "The batch")."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_ITEMS = 100
"""At most this many items in one batch: more is 422 ``batch_too_large``."""

# Header values: visible ASCII and spaces (an If-Match list has spaces), nothing a header
# cannot carry. The Idempotency-Key's own shape is the route's to judge (400).
Outcome = Literal["applied", "conflict", "rejected"]
HeaderValue = Annotated[str, Field(min_length=1, max_length=255, pattern=r"^[\x20-\x7e]+$")]


# Not a RequestBody: the text rule of docs/registry.md applies to ``body`` as the item's own
# route applies it, so a control character rejects that item alone, not the whole batch.
# ``path`` is checked by the batch (invalid_batch_path), the header values by their pattern.
class BatchItem(BaseModel):
    """One queued write, as it would be sent alone."""

    model_config = ConfigDict(extra="forbid")

    method: Literal["PUT", "PATCH", "POST", "DELETE"]
    path: str = Field(
        max_length=2000,
        description="Below `/api/v1`, as the single request would be sent (a query string "
        "may follow): no scheme or host, no `..`, not `/api/v1/sync/batch`.",
        examples=["/api/v1/persons/6f1c2a52-0b5e-4c8e-9d43-1f0f3c1b2a77"],
    )
    if_match: HeaderValue | None = Field(
        None,
        description='The `If-Match` header: an ETag (`"\\"3\\""`) or the bare version (`"3"`).',
    )
    idempotency_key: HeaderValue | None = Field(
        None, description="The `Idempotency-Key` header (a POST's)."
    )
    body: dict[str, Any] | None = Field(None, description="The JSON body; none for a DELETE.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[BatchItem] = Field(
        min_length=1,
        json_schema_extra={"maxItems": MAX_ITEMS},
        description=f"1 to {MAX_ITEMS} writes, run in this order, each in its own transaction.",
    )


class BatchItemResult(BaseModel):
    status: int = Field(description="The status the item's own request answered.")
    outcome: Outcome = Field(
        description="`applied`: 2xx. `conflict`: 412, `body` is the current resource as the "
        "caller's GET shows it (its ETag in `etag`). `rejected`: any other status, `body` is "
        "the problem; nothing of the item was written (a status of 500 or more: retry it)."
    )
    etag: str | None = Field(None, description="The resource's ETag, when the answer has one.")
    body: dict[str, Any] | None = Field(description="The answer's JSON body; null for a 204.")


class BatchResponse(BaseModel):
    items: list[BatchItemResult]
