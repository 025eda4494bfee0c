from enum import StrEnum


class RegionLevel(StrEnum):
    CITY = "city"
    COUNTY = "county"
    PROVINCE = "province"
    TOWNSHIP = "township"
    VILLAGE = "village"

    def __str__(self) -> str:
        return str(self.value)
