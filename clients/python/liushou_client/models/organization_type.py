from enum import StrEnum


class OrganizationType(StrEnum):
    COMMUNITY_COMMITTEE = "community_committee"
    FAMILY_PLANNING_ASSOCIATION = "family_planning_association"
    GRASSROOTS_LEGAL_SERVICE = "grassroots_legal_service"
    HEALTH_CENTER = "health_center"
    JUDICIAL_OFFICE = "judicial_office"
    LAW_FIRM = "law_firm"
    OTHER = "other"
    POLICE_STATION = "police_station"
    SCHOOL = "school"
    SOCIAL_WORK_AGENCY = "social_work_agency"
    STREET_OFFICE = "street_office"
    VILLAGE_COMMITTEE = "village_committee"
    VOLUNTEER_TEAM = "volunteer_team"
    WOMENS_FEDERATION = "womens_federation"
    YOUTH_LEAGUE = "youth_league"

    def __str__(self) -> str:
        return str(self.value)
