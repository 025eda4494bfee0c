from enum import StrEnum


class VisitMode(StrEnum):
    HOME = "home"
    PHONE = "phone"
    SCHOOL = "school"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
