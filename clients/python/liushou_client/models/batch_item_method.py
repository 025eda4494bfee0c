from enum import StrEnum


class BatchItemMethod(StrEnum):
    DELETE = "DELETE"
    PATCH = "PATCH"
    POST = "POST"
    PUT = "PUT"

    def __str__(self) -> str:
        return str(self.value)
