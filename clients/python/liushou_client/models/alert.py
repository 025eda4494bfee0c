from enum import StrEnum


class Alert(StrEnum):
    NO_PRIMARY_CONTACT = "no_primary_contact"
    OVERDUE_VISIT = "overdue_visit"
    UNATTENDED_CHILD = "unattended_child"

    def __str__(self) -> str:
        return str(self.value)
