from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_advisor import CardAdvisor
    from ..models.card_contact import CardContact
    from ..models.card_village import CardVillage
    from ..models.hotline import Hotline


T = TypeVar("T", bound="PublicCard")


@_attrs_define
class PublicCard:
    """What the public page shows: no login, never any registry data. ``advisor`` and
    ``valid_until`` are null when no contract covers the village today.

        Attributes:
            advisor (CardAdvisor | None):
            contacts (list[CardContact]):
            hotlines (list[Hotline]):
            valid_until (datetime.date | None): The covering contract's ends_on
            village (CardVillage):
    """

    advisor: CardAdvisor | None
    contacts: list[CardContact]
    hotlines: list[Hotline]
    valid_until: datetime.date | None
    village: CardVillage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_advisor import CardAdvisor  # noqa: PLC0415

        advisor: dict[str, Any] | None
        if isinstance(self.advisor, CardAdvisor):
            advisor = self.advisor.to_dict()
        else:
            advisor = self.advisor

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        hotlines = []
        for hotlines_item_data in self.hotlines:
            hotlines_item = hotlines_item_data.to_dict()
            hotlines.append(hotlines_item)

        valid_until: None | str
        if isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        village = self.village.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor": advisor,
                "contacts": contacts,
                "hotlines": hotlines,
                "valid_until": valid_until,
                "village": village,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_advisor import CardAdvisor  # noqa: PLC0415
        from ..models.card_contact import CardContact  # noqa: PLC0415
        from ..models.card_village import CardVillage  # noqa: PLC0415
        from ..models.hotline import Hotline  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_advisor(data: object) -> CardAdvisor | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                advisor_type_0 = CardAdvisor.from_dict(data)

                return advisor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardAdvisor | None, data)

        advisor = _parse_advisor(d.pop("advisor"))

        contacts = []
        _contacts = d.pop("contacts")
        for contacts_item_data in _contacts:
            contacts_item = CardContact.from_dict(contacts_item_data)

            contacts.append(contacts_item)

        hotlines = []
        _hotlines = d.pop("hotlines")
        for hotlines_item_data in _hotlines:
            hotlines_item = Hotline.from_dict(hotlines_item_data)

            hotlines.append(hotlines_item)

        def _parse_valid_until(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))

        village = CardVillage.from_dict(d.pop("village"))

        public_card = cls(
            advisor=advisor,
            contacts=contacts,
            hotlines=hotlines,
            valid_until=valid_until,
            village=village,
        )

        public_card.additional_properties = d
        return public_card

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
