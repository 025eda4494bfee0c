from enum import StrEnum


class ExitReason(StrEnum):
    AGED_OUT = "aged_out"
    CHILDREN_RETURNED = "children_returned"
    DECEASED = "deceased"
    MIGRATED_WITH_PARENTS = "migrated_with_parents"
    MOVED_AWAY = "moved_away"
    OTHER = "other"
    PARENTS_RETURNED = "parents_returned"
    SPOUSE_RETURNED = "spouse_returned"

    def __str__(self) -> str:
        return str(self.value)
