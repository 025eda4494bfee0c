from enum import StrEnum


class DistributionItem(StrEnum):
    HOTLINE_CARD = "hotline_card"
    OTHER = "other"
    PUBLICITY_BAG = "publicity_bag"
    PUBLICITY_LEAFLET = "publicity_leaflet"
    SCHOOL_SUPPLIES = "school_supplies"

    def __str__(self) -> str:
        return str(self.value)
