from enum import StrEnum


class DuplicateReason(StrEnum):
    SAME_BIRTH_DATE = "same_birth_date"
    SAME_NAME = "same_name"
    SAME_PINYIN = "same_pinyin"
    SAME_TOWNSHIP = "same_township"
    SAME_VILLAGE = "same_village"
    SIMILAR_BIRTH_DATE = "similar_birth_date"
    SIMILAR_PINYIN = "similar_pinyin"

    def __str__(self) -> str:
        return str(self.value)
