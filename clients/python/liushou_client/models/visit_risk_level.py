from enum import StrEnum


class VisitRiskLevel(StrEnum):
    ATTENTION = "attention"
    NORMAL = "normal"
    URGENT = "urgent"

    def __str__(self) -> str:
        return str(self.value)
