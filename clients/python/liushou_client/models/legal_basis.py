from enum import StrEnum


class LegalBasis(StrEnum):
    CONSENT = "consent"
    EMERGENCY = "emergency"
    GUARDIAN_CONSENT = "guardian_consent"
    SEPARATE_CONSENT = "separate_consent"
    STATUTORY_DUTY = "statutory_duty"

    def __str__(self) -> str:
        return str(self.value)
