from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex

if TYPE_CHECKING:
    from ..models.village import Village


T = TypeVar("T", bound="ReferralPerson")


@_attrs_define
class ReferralPerson:
    """The person in the minimum form every referral reader gets (PIPL art. 6): never an ID
    number, an address or a profile.

        Attributes:
            age (int): Completed years today (Asia/Shanghai)
            id (UUID):
            name (str):
            phone_masked (None | str):
            sex (Sex):
            village (Village):
    """

    age: int
    id: UUID
    name: str
    phone_masked: None | str
    sex: Sex
    village: Village
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        age = self.age

        id = str(self.id)

        name = self.name

        phone_masked: None | str
        phone_masked = self.phone_masked

        sex = self.sex.value

        village = self.village.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "age": age,
                "id": id,
                "name": name,
                "phone_masked": phone_masked,
                "sex": sex,
                "village": village,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.village import Village  # noqa: PLC0415

        d = dict(src_dict)
        age = d.pop("age")

        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_phone_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_masked = _parse_phone_masked(d.pop("phone_masked"))

        sex = Sex(d.pop("sex"))

        village = Village.from_dict(d.pop("village"))

        referral_person = cls(
            age=age,
            id=id,
            name=name,
            phone_masked=phone_masked,
            sex=sex,
            village=village,
        )

        referral_person.additional_properties = d
        return referral_person

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
