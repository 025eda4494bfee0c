from enum import StrEnum


class CaretakerKind(StrEnum):
    CHILD_DIRECTOR = "child_director"
    DOCTOR = "doctor"
    LAWYER = "lawyer"
    OTHER = "other"
    POLICE_OFFICER = "police_officer"
    SOCIAL_WORKER = "social_worker"
    TEACHER = "teacher"
    VILLAGE_CADRE = "village_cadre"
    VOLUNTEER = "volunteer"

    def __str__(self) -> str:
        return str(self.value)
