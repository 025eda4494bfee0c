from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.person_category import PersonCategory
from ..models.sex import Sex
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.child_profile import ChildProfile
    from ..models.elder_profile import ElderProfile
    from ..models.woman_profile import WomanProfile


T = TypeVar("T", bound="PersonCreate")


@_attrs_define
class PersonCreate:
    """
    Attributes:
        category (PersonCategory):
        left_behind_since (datetime.date):
        name (str):
        region_id (UUID): A village or community
        address (None | str | Unset):
        birth_date (datetime.date | None | Unset): Required without id_number
        child_profile (ChildProfile | None | Unset):
        elder_profile (ElderProfile | None | Unset):
        id_number (None | str | Unset):
        phone (None | str | Unset):
        sex (None | Sex | Unset): Required without id_number
        woman_profile (None | Unset | WomanProfile):
    """

    category: PersonCategory
    left_behind_since: datetime.date
    name: str
    region_id: UUID
    address: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    child_profile: ChildProfile | None | Unset = UNSET
    elder_profile: ElderProfile | None | Unset = UNSET
    id_number: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    woman_profile: None | Unset | WomanProfile = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.child_profile import ChildProfile  # noqa: PLC0415
        from ..models.elder_profile import ElderProfile  # noqa: PLC0415
        from ..models.woman_profile import WomanProfile  # noqa: PLC0415

        category = self.category.value

        left_behind_since = self.left_behind_since.isoformat()

        name = self.name

        region_id = str(self.region_id)

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
        elif isinstance(self.child_profile, ChildProfile):
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

        id_number: None | str | Unset
        if isinstance(self.id_number, Unset):
            id_number = UNSET
        else:
            id_number = self.id_number

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

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
        elif isinstance(self.woman_profile, WomanProfile):
            woman_profile = self.woman_profile.to_dict()
        else:
            woman_profile = self.woman_profile

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "category": category,
                "left_behind_since": left_behind_since,
                "name": name,
                "region_id": region_id,
            }
        )
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
        if phone is not UNSET:
            field_dict["phone"] = phone
        if sex is not UNSET:
            field_dict["sex"] = sex
        if woman_profile is not UNSET:
            field_dict["woman_profile"] = woman_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.child_profile import ChildProfile  # noqa: PLC0415
        from ..models.elder_profile import ElderProfile  # noqa: PLC0415
        from ..models.woman_profile import WomanProfile  # noqa: PLC0415

        d = dict(src_dict)
        category = PersonCategory(d.pop("category"))

        left_behind_since = datetime.date.fromisoformat(d.pop("left_behind_since"))

        name = d.pop("name")

        region_id = UUID(d.pop("region_id"))

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

        def _parse_child_profile(data: object) -> ChildProfile | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                child_profile_type_0 = ChildProfile.from_dict(data)

                return child_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildProfile | None | Unset, data)

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

        def _parse_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id_number = _parse_id_number(d.pop("id_number", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

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

        def _parse_woman_profile(data: object) -> None | Unset | WomanProfile:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                woman_profile_type_0 = WomanProfile.from_dict(data)

                return woman_profile_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WomanProfile, data)

        woman_profile = _parse_woman_profile(d.pop("woman_profile", UNSET))

        person_create = cls(
            category=category,
            left_behind_since=left_behind_since,
            name=name,
            region_id=region_id,
            address=address,
            birth_date=birth_date,
            child_profile=child_profile,
            elder_profile=elder_profile,
            id_number=id_number,
            phone=phone,
            sex=sex,
            woman_profile=woman_profile,
        )

        return person_create
