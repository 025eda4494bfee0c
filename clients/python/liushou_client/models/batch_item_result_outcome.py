from enum import StrEnum


class BatchItemResultOutcome(StrEnum):
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
