from enum import StrEnum


class SchoolingStatus(StrEnum):
    DROPPED_OUT = "dropped_out"
    JUNIOR_SECONDARY = "junior_secondary"
    KINDERGARTEN = "kindergarten"
    NOT_IN_KINDERGARTEN = "not_in_kindergarten"
    NOT_IN_SCHOOL = "not_in_school"
    PRIMARY = "primary"
    SENIOR_SECONDARY = "senior_secondary"
    VOCATIONAL = "vocational"

    def __str__(self) -> str:
        return str(self.value)
