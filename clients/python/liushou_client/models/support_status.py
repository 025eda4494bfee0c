from enum import StrEnum


class SupportStatus(StrEnum):
    ADEQUATE = "adequate"
    INSUFFICIENT = "insufficient"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
