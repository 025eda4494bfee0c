from enum import StrEnum


class WishStatus(StrEnum):
    CANCELLED = "cancelled"
    CLAIMED = "claimed"
    FULFILLED = "fulfilled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
