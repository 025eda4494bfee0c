from enum import StrEnum


class PersonStatus(StrEnum):
    ACTIVE = "active"
    EXITED = "exited"

    def __str__(self) -> str:
        return str(self.value)
