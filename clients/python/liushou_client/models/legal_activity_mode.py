from enum import StrEnum


class LegalActivityMode(StrEnum):
    APPOINTMENT = "appointment"
    ON_SITE = "on_site"
    REMOTE = "remote"

    def __str__(self) -> str:
        return str(self.value)
