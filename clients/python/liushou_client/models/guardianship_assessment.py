from enum import StrEnum


class GuardianshipAssessment(StrEnum):
    FAIR = "fair"
    GOOD = "good"
    POOR = "poor"

    def __str__(self) -> str:
        return str(self.value)
