from enum import StrEnum


class RegionKind(StrEnum):
    COMMUNITY = "community"
    RURAL_TOWNSHIP = "rural_township"
    SUBDISTRICT = "subdistrict"
    TOWN = "town"
    VILLAGE = "village"

    def __str__(self) -> str:
        return str(self.value)
