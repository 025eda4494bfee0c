from enum import StrEnum


class ReferralType(StrEnum):
    DV_REPORT = "dv_report"
    LEGAL_AID_REFERRAL = "legal_aid_referral"
    MANDATORY_REPORT = "mandatory_report"
    REFERRAL = "referral"

    def __str__(self) -> str:
        return str(self.value)
