from enum import StrEnum


class WishKind(StrEnum):
    DREAM_COME_TRUE = "dream_come_true"
    MICRO_WISH = "micro_wish"

    def __str__(self) -> str:
        return str(self.value)
