from enum import StrEnum


class SelfCare(StrEnum):
    INTACT = "intact"
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
