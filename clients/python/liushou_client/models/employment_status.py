from enum import StrEnum


class EmploymentStatus(StrEnum):
    EMPLOYED = "employed"
    FARMING = "farming"
    SELF_EMPLOYED = "self_employed"
    UNEMPLOYED = "unemployed"

    def __str__(self) -> str:
        return str(self.value)
