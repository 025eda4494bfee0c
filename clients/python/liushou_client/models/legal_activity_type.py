from enum import StrEnum


class LegalActivityType(StrEnum):
    CASE_REPRESENTATION = "case_representation"
    CONSULTATION = "consultation"
    DOCUMENT_DRAFTING = "document_drafting"
    DOCUMENT_REVIEW = "document_review"
    GOVERNANCE_OPINION = "governance_opinion"
    LECTURE = "lecture"
    LEGAL_AID_REFERRAL = "legal_aid_referral"
    MEDIATION = "mediation"
    OTHER = "other"
    PETITION_ASSISTANCE = "petition_assistance"
    PUBLICITY = "publicity"

    def __str__(self) -> str:
        return str(self.value)
