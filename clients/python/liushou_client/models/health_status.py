from enum import StrEnum


class HealthStatus(StrEnum):
    BEDRIDDEN = "bedridden"
    CHRONIC_ILLNESS = "chronic_illness"
    DISABLED = "disabled"
    HEALTHY = "healthy"
    SERIOUSLY_ILL = "seriously_ill"

    def __str__(self) -> str:
        return str(self.value)
