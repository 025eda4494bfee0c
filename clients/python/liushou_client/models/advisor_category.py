from enum import StrEnum


class AdvisorCategory(StrEnum):
    FULL_TIME = "full_time"
    GRASSROOTS_WORKER = "grassroots_worker"
    LEGAL_AID = "legal_aid"
    PART_TIME = "part_time"
    PUBLIC_SERVICE = "public_service"

    def __str__(self) -> str:
        return str(self.value)
