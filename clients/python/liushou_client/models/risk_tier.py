from enum import StrEnum


class RiskTier(StrEnum):
    GENERAL = "general"
    HIGH = "high"
    KEY = "key"

    def __str__(self) -> str:
        return str(self.value)
