"""The rules of distributions (materials handed out: 宣传单, 宣传袋, 学习用品, 便民找法服务卡)
(docs/services.md, "Distributions").

* A distribution belongs to a region inside the caller's area (an admin's: any); its
  ``region_path`` is copied from the region when it is written, and scopes every read
  (a region's parent never changes, so the copy never goes stale).
* ``distributed_on`` is not in the future (services.rules.check_not_future).
* ``activity_id``, when given, names a live activity the caller may see (its region inside
  the caller's area); otherwise 422 ``invalid_activity``.

Functions flush; routers commit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlmodel import Session

from liushou.api import resources
from liushou.auth.principal import Principal
from liushou.auth.scoping import path_visible
from liushou.errors import NotFound, unknown_reference
from liushou.regions.references import region_in_area
from liushou.services import rules
from liushou.services.distributions_schemas import DistributionCreate, DistributionUpdate
from liushou.services.models import Activity, Distribution

REQUIRED = ("region_id", "distributed_on", "item", "quantity")


def _check_activity(session: Session, caller: Principal, activity_id: uuid.UUID) -> None:
    """A live activity the caller may see (read from the table directly)."""
    activity = resources.get_live(session, Activity, activity_id)
    if activity is None or not path_visible(activity.region_path, caller, lineage=False):
        raise unknown_reference("activity_id", "invalid_activity", "活动", "activity")


def _values(session: Session, caller: Principal, data: dict[str, Any]) -> dict[str, Any]:
    """Every column of a distribution from a complete description, checked."""
    region = region_in_area(session, caller, data["region_id"])
    rules.check_not_future(data["distributed_on"], "distributed_on")
    if data.get("activity_id") is not None:
        _check_activity(session, caller, data["activity_id"])
    return {
        "region_id": region.id,
        "region_path": region.path,
        "distributed_on": data["distributed_on"],
        "item": data["item"],
        "quantity": data["quantity"],
        "households": data.get("households"),
        "activity_id": data.get("activity_id"),
        "note": data.get("note") or None,
    }


def writable(_: Session, caller: Principal) -> Callable[[Distribution], Distribution]:
    """A distribution outside the caller's area is 404, as an unknown id."""

    def check(row: Distribution) -> Distribution:
        if not path_visible(row.region_path, caller, lineage=False):
            raise NotFound()
        return row

    return check


def create_distribution(
    session: Session,
    caller: Principal,
    data: DistributionCreate,
    distribution_id: uuid.UUID | None = None,
) -> Distribution:
    values = _values(session, caller, data.model_dump())
    row = Distribution.model_validate({**values, "id": distribution_id or uuid.uuid4()})
    resources.add_created(session, row)
    resources.audit_write(
        session, caller, row, "create", changed_fields=resources.given_fields(data)
    )
    return row


def _update(session: Session, caller: Principal, row: Distribution, values: dict[str, Any]) -> None:
    changed = resources.apply_changes(row, values)
    if changed:
        session.flush()
        public = sorted({"region_id" if n == "region_path" else n for n in changed})
        resources.audit_write(session, caller, row, "update", changed_fields=public)


def replace_distribution(
    session: Session, caller: Principal, row: Distribution, data: DistributionCreate
) -> None:
    """PUT on an existing distribution: every field (a new id: :func:`create_distribution`)."""
    _update(session, caller, row, _values(session, caller, data.model_dump()))


def update_distribution(
    session: Session,
    caller: Principal,
    row: Distribution,
    patch: DistributionUpdate,
) -> Distribution:
    given = resources.patched(patch, REQUIRED)
    current = {
        "region_id": row.region_id,
        "distributed_on": row.distributed_on,
        "item": row.item,
        "quantity": row.quantity,
        "households": row.households,
        "activity_id": row.activity_id,
        "note": row.note,
    }
    merged = {**current, **given}
    # A date or an activity left as it was is not checked again (an old record stays
    # editable after its activity was deleted).
    values = _values_for_change(session, caller, merged, given)
    _update(session, caller, row, values)
    return row


def _values_for_change(
    session: Session, caller: Principal, merged: dict[str, Any], given: dict[str, Any]
) -> dict[str, Any]:
    region = region_in_area(session, caller, merged["region_id"])
    if "distributed_on" in given:
        rules.check_not_future(merged["distributed_on"], "distributed_on")
    if given.get("activity_id") is not None:
        _check_activity(session, caller, merged["activity_id"])
    return {
        **{k: merged[k] for k in ("distributed_on", "item", "quantity", "households")},
        "activity_id": merged["activity_id"],
        "note": merged["note"] or None,
        "region_id": region.id,
        "region_path": region.path,
    }


def delete_distribution(
    session: Session, caller: Principal, distribution_id: uuid.UUID, if_match: str | None
) -> None:
    row = resources.for_change(
        session, Distribution, distribution_id, if_match, writable(session, caller)
    )
    resources.soft_delete(row, if_match)
    resources.audit_write(session, caller, row, "delete")
