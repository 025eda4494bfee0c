from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.person_update_child_profile_type_0 import PersonUpdateChildProfileType0
    from ..models.person_update_elder_profile_type_0 import PersonUpdateElderProfileType0
    from ..models.person_update_woman_profile_type_0 import PersonUpdateWomanProfileType0


T = TypeVar("T", bound="PersonUpdate")


@_attrs_define
class PersonUpdate:
    """Fields to change. A profile given here is merged into the stored one.

    Attributes:
        address (None | str | Unset):
        birth_date (datetime.date | None | Unset):
        child_profile (None | PersonUpdateChildProfileType0 | Unset): Fields of ChildProfile to change
        elder_profile (None | PersonUpdateElderProfileType0 | Unset): Fields of ElderProfile to change
        id_number (None | str | Unset):
        left_behind_since (datetime.date | None | Unset):
        name (None | str | Unset):
        phone (None | str | Unset):
        region_id (None | Unset | UUID):
        sex (None | Sex | Unset):
        woman_profile (None | PersonUpdateWomanProfileType0 | Unset): Fields of WomanProfile to change
    """

    address: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    child_profile: None | PersonUpdateChildProfileType0 | Unset = UNSET
    elder_profile: None | PersonUpdateElderProfileType0 | Unset = UNSET
    id_number: None | str | Unset = UNSET
    left_behind_since: datetime.date | None | Unset = UNSET
    name: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    region_id: None | Unset | UUID = UNSET
    sex: None | Sex | Unset = UNSET
    woman_profile: None | PersonUpdateWomanProfileType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.person_update_child_profile_type_0 import PersonUpdateChildProfileType0  # noqa: PLC0415
        from ..models.person_update_elder_profile_type_0 import PersonUpdateElderProfileType0  # noqa: PLC0415
        from ..models.person_update_woman_profile_type_0 import PersonUpdateWomanProfileType0  # noqa: PLC0415

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        child_profile: dict[str, Any] | None | Unset
        if isinstance(self.child_profile, Unset):
            child_profile = UNSET
        elif isinstance(self.child_profile, PersonUpdateChildProfileType0):
            child_profile = self.child_profile.to_dict()
        else:
            child_profile = self.child_profile

        elder_profile: dict[str, Any] | None | Unset
        if isinstance(self.elder_profile, Unset):
            elder_profile = UNSET
        elif isinstance(self.elder_profile, PersonUpdateElderProfileType0):
            elder_profile = self.elder_profile.to_dict()
        else:
            elder_profile = self.elder_profile

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        left_behind_since: None | str | Unset
        if isinstance(self.left_behind_since, Unset):
            left_behind_since = UNSET
        elif isinstance(self.left_behind_since, datetime.date):
            left_behind_since = self.left_behind_since.isoformat()
        else:
            left_behind_since = self.left_behind_since

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        region_id: None | str | Unset
        if isinstance(self.region_id, Unset):
            region_id = UNSET
        elif isinstance(self.region_id, UUID):
            region_id = str(self.region_id)
        else:
            region_id = self.region_id

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        woman_profile: dict[str, Any] | None | Unset
        if isinstance(self.woman_profile, Unset):
            woman_profile = UNSET
        elif isinstance(self.woman_profile, PersonUpdateWomanProfileType0):
            woman_profile = self.woman_profile.to_dict()
        else:
            woman_profile = self.woman_profile

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if address is not UNSET:
            field_dict["address"] = address
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if child_profile is not UNSET:
            field_dict["child_profile"] = child_profile
        if elder_profile is not UNSET:
            field_dict["elder_profile"] = elder_profile
        if id_number is not UNSET:
            field_dict["id_number"] = id_number
        if left_behind_since is not UNSET:
            field_dict["left_behind_since"] = left_behind_since
        if name is not UNSET:
            field_dict["name"] = name
        if phone is not UNSET:
            field_dict["phone"] = phone
        if region_id is not UNSET:
            field_dict["region_id"] = region_id
        if sex is not UNSET:
            field_dict["sex"] = sex
        if woman_profile is not UNSET:
            field_dict["woman_profile"] = woman_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_update_child_profile_type_0 import PersonUpdateChildProfileType0  # noqa: PLC0415
        from ..models.person_update_elder_profile_type_0 import PersonUpdateElderProfileType0  # noqa: PLC0415
        from ..models.person_update_woman_profile_type_0 import PersonUpdateWomanProfileType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        def _parse_child_profile(data: object) -> None | PersonUpdateChildProfileType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                child_profile_type_0 = PersonUpdateChildProfileType0.from_dict(data)

                return child_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonUpdateChildProfileType0 | Unset, data)

        child_profile = _parse_child_profile(d.pop("child_profile", UNSET))

        def _parse_elder_profile(data: object) -> None | PersonUpdateElderProfileType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                elder_profile_type_0 = PersonUpdateElderProfileType0.from_dict(data)

                return elder_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonUpdateElderProfileType0 | Unset, data)

        elder_profile = _parse_elder_profile(d.pop("elder_profile", UNSET))

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_left_behind_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_behind_since_type_0 = datetime.date.fromisoformat(data)

                return left_behind_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        left_behind_since = _parse_left_behind_since(d.pop("left_behind_since", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_region_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                region_id_type_0 = UUID(data)

                return region_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        region_id = _parse_region_id(d.pop("region_id", UNSET))

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_woman_profile(data: object) -> None | PersonUpdateWomanProfileType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                woman_profile_type_0 = PersonUpdateWomanProfileType0.from_dict(data)

                return woman_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonUpdateWomanProfileType0 | Unset, data)

        woman_profile = _parse_woman_profile(d.pop("woman_profile", UNSET))

        person_update = cls(
            address=address,
            birth_date=birth_date,
            child_profile=child_profile,
            elder_profile=elder_profile,
            id_number=id_number,
            left_behind_since=left_behind_since,
            name=name,
            phone=phone,
            region_id=region_id,
            sex=sex,
            woman_profile=woman_profile,
        )

        return person_update
