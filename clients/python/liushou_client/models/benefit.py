from enum import StrEnum


class Benefit(StrEnum):
    DIBAO = "dibao"
    ELDERLY_ALLOWANCE = "elderly_allowance"
    MEDICAL_AID = "medical_aid"
    OTHER = "other"
    TEKUN = "tekun"

    def __str__(self) -> str:
        return str(self.value)
