from enum import StrEnum


class ElderHealth(StrEnum):
    BEDRIDDEN = "bedridden"
    CHRONIC_ILLNESS = "chronic_illness"
    DISABLED = "disabled"
    HEALTHY = "healthy"

    def __str__(self) -> str:
        return str(self.value)
