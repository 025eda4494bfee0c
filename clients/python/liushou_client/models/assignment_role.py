from enum import StrEnum


class AssignmentRole(StrEnum):
    COMPANION = "companion"
    DOCTOR = "doctor"
    PRIMARY_CONTACT = "primary_contact"
    TUTOR = "tutor"

    def __str__(self) -> str:
        return str(self.value)
