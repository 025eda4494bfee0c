from enum import StrEnum


class ConsentGiver(StrEnum):
    GUARDIAN = "guardian"
    SELF = "self"

    def __str__(self) -> str:
        return str(self.value)
