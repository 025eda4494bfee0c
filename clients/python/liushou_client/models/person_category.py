from enum import StrEnum


class PersonCategory(StrEnum):
    CHILD = "child"
    ELDER = "elder"
    WOMAN = "woman"

    def __str__(self) -> str:
        return str(self.value)
