from enum import StrEnum


class MeKind(StrEnum):
    CLIENT = "client"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
