from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    AUDITOR = "auditor"
    LEGAL_ADVISOR = "legal_advisor"
    PARTNER = "partner"
    STREET_STAFF = "street_staff"
    VILLAGE_CONTACT = "village_contact"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
