from enum import StrEnum


class LivingArrangement(StrEnum):
    ALONE = "alone"
    OTHER = "other"
    WITH_GRANDCHILDREN = "with_grandchildren"
    WITH_RELATIVES = "with_relatives"
    WITH_SPOUSE_ONLY = "with_spouse_only"

    def __str__(self) -> str:
        return str(self.value)
