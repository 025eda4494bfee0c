from enum import StrEnum


class ContractStatus(StrEnum):
    ACTIVE = "active"
    DRAFT = "draft"
    EXPIRED = "expired"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
