from enum import StrEnum


class ChildHealth(StrEnum):
    DISABLED = "disabled"
    HEALTHY = "healthy"
    SERIOUSLY_ILL = "seriously_ill"

    def __str__(self) -> str:
        return str(self.value)
