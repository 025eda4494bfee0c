from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.alert import Alert
from ..models.exit_reason import ExitReason
from ..models.person_category import PersonCategory
from ..models.person_status import PersonStatus
from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.child_profile_read import ChildProfileRead
    from ..models.elder_profile import ElderProfile
    from ..models.woman_profile_read import WomanProfileRead


T = TypeVar("T", bound="PersonRead")


@_attrs_define
class PersonRead:
    """
    Attributes:
        address (None | str):
        age (int): Completed years today (Asia/Shanghai)
        alerts (list[Alert]):
        birth_date (datetime.date):
        category (PersonCategory):
        created_at (datetime.datetime):
        exit_reason (ExitReason | None):
        exited_on (datetime.date | None):
        id (UUID):
        id_number_masked (None | str): The first 6 and the last character; the birth-date and sequence digits stay
            hidden, since birth_date and sex are shown beside it
        left_behind_since (datetime.date):
        name (str):
        phone_masked (None | str):
        region_id (UUID):
        sex (Sex):
        status (PersonStatus):
        updated_at (datetime.datetime):
        version (int):
        child_profile (ChildProfileRead | None | Unset):
        elder_profile (ElderProfile | None | Unset):
        woman_profile (None | Unset | WomanProfileRead):
    """

    address: None | str
    age: int
    alerts: list[Alert]
    birth_date: datetime.date
    category: PersonCategory
    created_at: datetime.datetime
    exit_reason: ExitReason | None
    exited_on: datetime.date | None
    id: UUID
    id_number_masked: None | str
    left_behind_since: datetime.date
    name: str
    phone_masked: None | str
    region_id: UUID
    sex: Sex
    status: PersonStatus
    updated_at: datetime.datetime
    version: int
    child_profile: ChildProfileRead | None | Unset = UNSET
    elder_profile: ElderProfile | None | Unset = UNSET
    woman_profile: None | Unset | WomanProfileRead = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.child_profile_read import ChildProfileRead  # noqa: PLC0415
        from ..models.elder_profile import ElderProfile  # noqa: PLC0415
        from ..models.woman_profile_read import WomanProfileRead  # noqa: PLC0415

        address: None | str
        address = self.address

        age = self.age

        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.value
            alerts.append(alerts_item)

        birth_date = self.birth_date.isoformat()

        category = self.category.value

        created_at = self.created_at.isoformat()

        exit_reason: None | str
        if isinstance(self.exit_reason, ExitReason):
            exit_reason = self.exit_reason.value
        else:
            exit_reason = self.exit_reason

        exited_on: None | str
        if isinstance(self.exited_on, datetime.date):
            exited_on = self.exited_on.isoformat()
        else:
            exited_on = self.exited_on

        id = str(self.id)

        id_number_masked: None | str
        id_number_masked = self.id_number_masked

        left_behind_since = self.left_behind_since.isoformat()

        name = self.name

        phone_masked: None | str
        phone_masked = self.phone_masked

        region_id = str(self.region_id)

        sex = self.sex.value

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        version = self.version

        child_profile: dict[str, Any] | None | Unset
        if isinstance(self.child_profile, Unset):
            child_profile = UNSET
        elif isinstance(self.child_profile, ChildProfileRead):
            child_profile = self.child_profile.to_dict()
        else:
            child_profile = self.child_profile

        elder_profile: dict[str, Any] | None | Unset
        if isinstance(self.elder_profile, Unset):
            elder_profile = UNSET
        elif isinstance(self.elder_profile, ElderProfile):
            elder_profile = self.elder_profile.to_dict()
        else:
            elder_profile = self.elder_profile

        woman_profile: dict[str, Any] | None | Unset
        if isinstance(self.woman_profile, Unset):
            woman_profile = UNSET
        elif isinstance(self.woman_profile, WomanProfileRead):
            woman_profile = self.woman_profile.to_dict()
        else:
            woman_profile = self.woman_profile

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "age": age,
                "alerts": alerts,
                "birth_date": birth_date,
                "category": category,
                "created_at": created_at,
                "exit_reason": exit_reason,
                "exited_on": exited_on,
                "id": id,
                "id_number_masked": id_number_masked,
                "left_behind_since": left_behind_since,
                "name": name,
                "phone_masked": phone_masked,
                "region_id": region_id,
                "sex": sex,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if child_profile is not UNSET:
            field_dict["child_profile"] = child_profile
        if elder_profile is not UNSET:
            field_dict["elder_profile"] = elder_profile
        if woman_profile is not UNSET:
            field_dict["woman_profile"] = woman_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.child_profile_read import ChildProfileRead  # noqa: PLC0415
        from ..models.elder_profile import ElderProfile  # noqa: PLC0415
        from ..models.woman_profile_read import WomanProfileRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        age = d.pop("age")

        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in _alerts:
            alerts_item = Alert(alerts_item_data)

            alerts.append(alerts_item)

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        category = PersonCategory(d.pop("category"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_exit_reason(data: object) -> ExitReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exit_reason_type_0 = ExitReason(data)

                return exit_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExitReason | None, data)

        exit_reason = _parse_exit_reason(d.pop("exit_reason"))

        def _parse_exited_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                exited_on_type_0 = datetime.date.fromisoformat(data)

                return exited_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        exited_on = _parse_exited_on(d.pop("exited_on"))

        id = UUID(d.pop("id"))

        def _parse_id_number_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id_number_masked = _parse_id_number_masked(d.pop("id_number_masked"))

        left_behind_since = datetime.date.fromisoformat(d.pop("left_behind_since"))

        name = d.pop("name")

        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))

        region_id = UUID(d.pop("region_id"))

        sex = Sex(d.pop("sex"))

        status = PersonStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_child_profile(data: object) -> ChildProfileRead | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                child_profile_type_0 = ChildProfileRead.from_dict(data)

                return child_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildProfileRead | None | Unset, data)

        child_profile = _parse_child_profile(d.pop("child_profile", UNSET))

        def _parse_elder_profile(data: object) -> ElderProfile | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                elder_profile_type_0 = ElderProfile.from_dict(data)

                return elder_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ElderProfile | None | Unset, data)

        elder_profile = _parse_elder_profile(d.pop("elder_profile", UNSET))

        def _parse_woman_profile(data: object) -> None | Unset | WomanProfileRead:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                woman_profile_type_0 = WomanProfileRead.from_dict(data)

                return woman_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WomanProfileRead, data)

        woman_profile = _parse_woman_profile(d.pop("woman_profile", UNSET))

        person_read = cls(
            address=address,
            age=age,
            alerts=alerts,
            birth_date=birth_date,
            category=category,
            created_at=created_at,
            exit_reason=exit_reason,
            exited_on=exited_on,
            id=id,
            id_number_masked=id_number_masked,
            left_behind_since=left_behind_since,
            name=name,
            phone_masked=phone_masked,
            region_id=region_id,
            sex=sex,
            status=status,
            updated_at=updated_at,
            version=version,
            child_profile=child_profile,
            elder_profile=elder_profile,
            woman_profile=woman_profile,
        )

        person_read.additional_properties = d
        return person_read

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
