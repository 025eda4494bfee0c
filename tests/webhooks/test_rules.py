"""The pure rules: the retry schedule's syntax, the secret's form."""

from __future__ import annotations

import base64

import pytest

from liushou.auth.roles import Role
from liushou.errors import FieldInvalid
from liushou.webhooks.rules import check_events, new_secret, parse_schedule
from tests.conftest import make_settings


def test_the_default_schedule() -> None:
    settings = make_settings("sqlite://")
    assert settings.webhook_retry_delays == (5, 300, 1800, 7200, 18000, 36000, 36000)


def test_schedule_syntax() -> None:
    assert parse_schedule(" 1s, 2m ,1h,1d") == (1, 120, 3600, 86400)
    for bad in ("", "5", "5x", "1s,,2s", "-1s"):
        with pytest.raises(ValueError):
            parse_schedule(bad)
    with pytest.raises(ValueError):
        make_settings("sqlite://", webhook_retry_schedule="soon")


def test_secret_form() -> None:
    one, two = new_secret(), new_secret()
    assert one != two and one.startswith("whsec_")
    assert len(base64.b64decode(one.removeprefix("whsec_"))) == 32


def test_events_are_checked_per_role() -> None:
    assert check_events(["referral.updated", "referral.created"], Role.partner) == [
        "referral.created",
        "referral.updated",
    ]
    with pytest.raises(FieldInvalid) as refused:
        check_events(["person.created"], Role.partner)
    assert refused.value.code == "event_not_allowed"
    assert check_events(["person.deleted", "person.deleted"], Role.admin) == ["person.deleted"]
