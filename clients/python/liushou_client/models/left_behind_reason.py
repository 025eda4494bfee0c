from enum import StrEnum


class LeftBehindReason(StrEnum):
    BOTH_PARENTS_AWAY = "both_parents_away"
    ONE_AWAY_OTHER_INCAPABLE = "one_away_other_incapable"

    def __str__(self) -> str:
        return str(self.value)
