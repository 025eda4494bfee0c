from enum import StrEnum


class GuardianshipType(StrEnum):
    ENTRUSTED = "entrusted"
    GRANDPARENTS = "grandparents"
    NONE = "none"
    PARENT_INCAPABLE = "parent_incapable"
    RELATIVES = "relatives"

    def __str__(self) -> str:
        return str(self.value)
