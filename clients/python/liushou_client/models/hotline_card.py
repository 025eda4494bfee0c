from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.card_advisor import CardAdvisor
    from ..models.card_contact import CardContact
    from ..models.card_township import CardTownship
    from ..models.card_village import CardVillage
    from ..models.hotline import Hotline


T = TypeVar("T", bound="HotlineCard")


@_attrs_define
class HotlineCard:
    """One village's card: its advisor under the contract that covers it today.

    Attributes:
        advisor (CardAdvisor):
        contacts (list[CardContact]): Village or community committee, police station, judicial office and women's
            federation of the village, then of its township
        hotlines (list[Hotline]):
        public_url (str): The public card page, the address the QR code holds
        township (CardTownship | None):
        valid_until (datetime.date): The covering contract's ends_on
        village (CardVillage):
    """

    advisor: CardAdvisor
    contacts: list[CardContact]
    hotlines: list[Hotline]
    public_url: str
    township: CardTownship | None
    valid_until: datetime.date
    village: CardVillage
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.card_township import CardTownship  # noqa: PLC0415

        advisor = self.advisor.to_dict()

        contacts = []
        for contacts_item_data in self.contacts:
            contacts_item = contacts_item_data.to_dict()
            contacts.append(contacts_item)

        hotlines = []
        for hotlines_item_data in self.hotlines:
            hotlines_item = hotlines_item_data.to_dict()
            hotlines.append(hotlines_item)

        public_url = self.public_url

        township: dict[str, Any] | None
        if isinstance(self.township, CardTownship):
            township = self.township.to_dict()
        else:
            township = self.township

        valid_until = self.valid_until.isoformat()

        village = self.village.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "advisor": advisor,
                "contacts": contacts,
                "hotlines": hotlines,
                "public_url": public_url,
                "township": township,
                "valid_until": valid_until,
                "village": village,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.card_advisor import CardAdvisor  # noqa: PLC0415
        from ..models.card_contact import CardContact  # noqa: PLC0415
        from ..models.card_township import CardTownship  # noqa: PLC0415
        from ..models.card_village import CardVillage  # noqa: PLC0415
        from ..models.hotline import Hotline  # noqa: PLC0415

        d = dict(src_dict)
        advisor = CardAdvisor.from_dict(d.pop("advisor"))

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

        public_url = d.pop("public_url")

        def _parse_township(data: object) -> CardTownship | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                township_type_0 = CardTownship.from_dict(data)

                return township_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CardTownship | None, data)

        township = _parse_township(d.pop("township"))

        valid_until = datetime.date.fromisoformat(d.pop("valid_until"))

        village = CardVillage.from_dict(d.pop("village"))

        hotline_card = cls(
            advisor=advisor,
            contacts=contacts,
            hotlines=hotlines,
            public_url=public_url,
            township=township,
            valid_until=valid_until,
            village=village,
        )

        hotline_card.additional_properties = d
        return hotline_card

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
