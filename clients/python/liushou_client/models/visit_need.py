from enum import StrEnum


class VisitNeed(StrEnum):
    DAILY_CARE = "daily_care"
    ECONOMIC = "economic"
    HEALTH = "health"
    LEGAL = "legal"
    PSYCHOLOGICAL = "psychological"
    SAFETY = "safety"
    STUDY = "study"

    def __str__(self) -> str:
        return str(self.value)
