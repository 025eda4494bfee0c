"""Shared HTTP mechanics: the unit of work, idempotency, the generic write path, pagination,
ETag/If-Match, typed dependencies (see docs/architecture.md)."""
