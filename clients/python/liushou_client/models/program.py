from enum import StrEnum


class Program(StrEnum):
    COMPANIONSHIP = "companionship"
    COUNSELING = "counseling"
    EDUCATION = "education"
    EMPLOYMENT = "employment"
    HEALTH = "health"
    LEGAL = "legal"
    PUBLICITY = "publicity"
    WISHES = "wishes"

    def __str__(self) -> str:
        return str(self.value)
