from enum import StrEnum


class ParentStatus(StrEnum):
    AT_HOME = "at_home"
    AT_HOME_INCAPABLE = "at_home_incapable"
    DECEASED = "deceased"
    MIGRANT = "migrant"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
