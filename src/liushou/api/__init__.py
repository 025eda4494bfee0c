"""Shared HTTP mechanics (CONTRACT §1): pagination, ETag/If-Match, idempotency, PUT upserts."""
