from enum import StrEnum


class WebhookEventType(StrEnum):
    LEGAL_ACTIVITY_CREATED = "legal_activity.created"
    PERSON_CREATED = "person.created"
    PERSON_DELETED = "person.deleted"
    PERSON_UPDATED = "person.updated"
    REFERRAL_CREATED = "referral.created"
    REFERRAL_UPDATED = "referral.updated"
    SERVICE_RECORD_CREATED = "service_record.created"
    VISIT_CREATED = "visit.created"

    def __str__(self) -> str:
        return str(self.value)
