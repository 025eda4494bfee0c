"""Settings, read once from the environment (prefix ``LIUSHOU_``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from liushou.read_path import HeavyReadQueue
from liushou.webhooks.rules import parse_schedule


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LIUSHOU_", env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    database_url: str = "sqlite:///./liushou.db"
    # Signs access tokens and list cursors. Production requires one (32+ characters);
    # development generates one per installation into dev_key_file (docs/security.md).
    secret_key: SecretStr | None = None

    access_token_ttl_seconds: int = 900
    partner_token_ttl_seconds: int = 600
    refresh_token_ttl_days: int = 30
    login_max_failures: int = 5
    login_failure_window_seconds: int = 900
    # Wrong client secrets are counted per client id and the caller's network, in a short
    # window: a stranger's guesses lock out only the stranger (docs/security.md).
    client_max_failures: int = Field(default=10, ge=1)
    client_failure_window_seconds: int = Field(default=300, ge=1)
    # Look-ups by full ID number (?id_number= on the persons list and the exports) per
    # caller and window: each one probes a number (docs/privacy.md).
    id_number_lookup_max: int = Field(default=30, ge=1)
    id_number_lookup_window_seconds: int = Field(default=3600, ge=1)

    idempotency_ttl_days: int = 7
    # A request whose first attempt has been in flight this long is taken as abandoned.
    idempotency_in_flight_seconds: int = 60

    # Personal data at rest (docs/security.md): AES-GCM keys and the blind-index key, as
    # "kid:base64url" lists (the first key encrypts; the rest still decrypt, for rotation).
    # Development generates both once into dev_key_file (mode 0600), with the signing
    # secret; production refuses.
    data_key: SecretStr | None = None
    index_key: SecretStr | None = None
    dev_key_file: str = ".liushou/dev-keys.json"

    # Eligibility of a left-behind woman (docs/domain.md), in completed years, inclusive.
    woman_min_age: int = 20
    woman_max_age: int = 59

    # Default visit interval of a new assignment, in days (docs/domain.md):
    # by category, an elder by risk tier, and an unattended child (guardianship none) first.
    visit_interval_child_days: int = Field(default=30, ge=1, le=366)
    visit_interval_woman_days: int = Field(default=90, ge=1, le=366)
    visit_interval_elder_high_days: int = Field(default=7, ge=1, le=366)
    visit_interval_elder_key_days: int = Field(default=30, ge=1, le=366)
    visit_interval_elder_general_days: int = Field(default=90, ge=1, le=366)
    visit_interval_unattended_child_days: int = Field(default=1, ge=1, le=366)

    # Default due date of a referral (docs/domain.md), in days after the day it is made.
    referral_due_normal_days: int = Field(default=14, ge=0, le=366)
    referral_due_urgent_days: int = Field(default=1, ge=0, le=366)

    max_body_bytes: int = 1_048_576
    # Imports (POST /imports/...) take a spreadsheet: their own, larger cap, enforced by the
    # same middleware while the body streams in; and a cap on data rows per file.
    max_import_bytes: int = 10 * 1_048_576
    max_import_rows: int = 20_000
    # What an XLSX may unpack to (a 20,000-row template-shaped sheet unpacks to ~16 MB),
    # and the longest cell of any sheet (no column takes more than 1,000 characters).
    # Both are checked before the sheet is parsed: see docs/imports.md.
    max_import_unpacked_bytes: int = 64 * 1_048_576
    max_import_cell_chars: int = 2_000
    # Exports read the register in keyset batches of this many rows (constant memory).
    export_batch_size: int = 500
    # How reads reach the database (docs/performance.md): "fast", the speed path of
    # liushou.read_path, or "plain" SQLAlchemy (the benchmark serves both to show the gap).
    read_path: Literal["fast", "plain"] = "fast"
    # Heavy reads (reports) waiting for a slot, and how long each may wait, before 503 `busy`
    # (docs/performance.md); the wait stays well under a client's timeout.
    heavy_read_queue: int = Field(default=HeavyReadQueue.size, ge=0)
    heavy_read_wait_seconds: float = Field(default=HeavyReadQueue.wait_seconds, gt=0)
    log_level: str = "INFO"
    log_json: bool = True
    # Legal advisors (docs/legal.md): the villages one advisor may cover on any day; the
    # address printed on the hotline cards' QR codes; the public card page's limit per
    # client address and minute.
    advisor_max_villages: int = Field(default=5, ge=1)
    public_base_url: str = "http://localhost:8000"
    public_rate_limit: int = Field(default=60, ge=1)
    # Requests per caller (a user or a client) and minute on every authenticated route,
    # then 429 `rate_limited` (docs/security.md, "Rate limits").
    rate_limit_per_minute: int = Field(default=600, ge=1)
    # The change feed (docs/changes.md): how long changes are kept; an older cursor is 410.
    change_retention_days: int = Field(default=90, ge=1, le=3650)
    # Webhooks (docs/webhooks.md): the delays of the retries after a delivery's first
    # attempt; one attempt's timeout; how often an idle worker looks for due deliveries and
    # how many it sends at once; whether `serve` on SQLite sends them itself.
    webhook_retry_schedule: str = "5s,5m,30m,2h,5h,10h,10h"
    # Each retry's delay spread by up to this fraction either way, at random (docs/webhooks.md).
    webhook_retry_jitter: float = Field(default=0.1, ge=0, le=0.5)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    webhook_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    webhook_batch_size: int = Field(default=50, ge=1, le=1000)
    webhook_in_app: bool = True

    @model_validator(mode="after")
    def _refuse_defaults_in_production(self) -> Settings:
        secret = self.secret_key.get_secret_value().strip() if self.secret_key else ""
        if self.environment == "production" and not secret:
            raise ValueError("LIUSHOU_SECRET_KEY must be set in production")
        if self.environment == "production" and len(secret) < 32:
            raise ValueError("LIUSHOU_SECRET_KEY must be at least 32 characters in production")
        if self.environment == "production" and (self.data_key is None or self.index_key is None):
            raise ValueError("LIUSHOU_DATA_KEY and LIUSHOU_INDEX_KEY must be set in production")
        parse_schedule(self.webhook_retry_schedule)  # ValueError names the bad delay
        if self.woman_min_age > self.woman_max_age:
            raise ValueError("LIUSHOU_WOMAN_MIN_AGE must not exceed LIUSHOU_WOMAN_MAX_AGE")
        return self

    @property
    def webhook_retry_delays(self) -> tuple[float, ...]:
        return parse_schedule(self.webhook_retry_schedule)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
