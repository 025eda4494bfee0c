from enum import StrEnum


class Network(StrEnum):
    EDUCATION_MANAGEMENT = "education_management"
    RIGHTS_PROTECTION = "rights_protection"
    SOCIAL_CARE = "social_care"
    SUPPORT = "support"

    def __str__(self) -> str:
        return str(self.value)
