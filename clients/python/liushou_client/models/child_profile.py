from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.child_health import ChildHealth
from ..models.guardianship_assessment import GuardianshipAssessment
from ..models.guardianship_type import GuardianshipType
from ..models.left_behind_reason import LeftBehindReason
from ..models.parent_status import ParentStatus
from ..models.schooling_status import SchoolingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChildProfile")


@_attrs_define
class ChildProfile:
    """
    Attributes:
        guardianship_type (GuardianshipType):
        left_behind_reason (LeftBehindReason):
        boarding (bool | None | Unset):
        father_status (None | ParentStatus | Unset):
        grade (None | str | Unset):
        guardian_name (None | str | Unset):
        guardian_person_id (None | Unset | UUID):
        guardian_phone (None | str | Unset):
        guardian_relation (None | str | Unset):
        guardianship_assessment (GuardianshipAssessment | None | Unset):
        health_status (ChildHealth | None | Unset):
        mother_status (None | ParentStatus | Unset):
        parents_work_location (None | str | Unset):
        school (None | str | Unset):
        schooling_status (None | SchoolingStatus | Unset):
        special_needs (None | str | Unset):
    """

    guardianship_type: GuardianshipType
    left_behind_reason: LeftBehindReason
    boarding: bool | None | Unset = UNSET
    father_status: None | ParentStatus | Unset = UNSET
    grade: None | str | Unset = UNSET
    guardian_name: None | str | Unset = UNSET
    guardian_person_id: None | Unset | UUID = UNSET
    guardian_phone: None | str | Unset = UNSET
    guardian_relation: None | str | Unset = UNSET
    guardianship_assessment: GuardianshipAssessment | None | Unset = UNSET
    health_status: ChildHealth | None | Unset = UNSET
    mother_status: None | ParentStatus | Unset = UNSET
    parents_work_location: None | str | Unset = UNSET
    school: None | str | Unset = UNSET
    schooling_status: None | SchoolingStatus | Unset = UNSET
    special_needs: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        guardianship_type = self.guardianship_type.value

        left_behind_reason = self.left_behind_reason.value

        boarding: bool | None | Unset
        if isinstance(self.boarding, Unset):
            boarding = UNSET
        else:
            boarding = self.boarding

        father_status: None | str | Unset
        if isinstance(self.father_status, Unset):
            father_status = UNSET
        elif isinstance(self.father_status, ParentStatus):
            father_status = self.father_status.value
        else:
            father_status = self.father_status

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        guardian_name: None | str | Unset
        if isinstance(self.guardian_name, Unset):
            guardian_name = UNSET
        else:
            guardian_name = self.guardian_name

        guardian_person_id: None | str | Unset
        if isinstance(self.guardian_person_id, Unset):
            guardian_person_id = UNSET
        elif isinstance(self.guardian_person_id, UUID):
            guardian_person_id = str(self.guardian_person_id)
        else:
            guardian_person_id = self.guardian_person_id

        guardian_phone: None | str | Unset
        if isinstance(self.guardian_phone, Unset):
            guardian_phone = UNSET
        else:
            guardian_phone = self.guardian_phone

        guardian_relation: None | str | Unset
        if isinstance(self.guardian_relation, Unset):
            guardian_relation = UNSET
        else:
            guardian_relation = self.guardian_relation

        guardianship_assessment: None | str | Unset
        if isinstance(self.guardianship_assessment, Unset):
            guardianship_assessment = UNSET
        elif isinstance(self.guardianship_assessment, GuardianshipAssessment):
            guardianship_assessment = self.guardianship_assessment.value
        else:
            guardianship_assessment = self.guardianship_assessment

        health_status: None | str | Unset
        if isinstance(self.health_status, Unset):
            health_status = UNSET
        elif isinstance(self.health_status, ChildHealth):
            health_status = self.health_status.value
        else:
            health_status = self.health_status

        mother_status: None | str | Unset
        if isinstance(self.mother_status, Unset):
            mother_status = UNSET
        elif isinstance(self.mother_status, ParentStatus):
            mother_status = self.mother_status.value
        else:
            mother_status = self.mother_status

        parents_work_location: None | str | Unset
        if isinstance(self.parents_work_location, Unset):
            parents_work_location = UNSET
        else:
            parents_work_location = self.parents_work_location

        school: None | str | Unset
        if isinstance(self.school, Unset):
            school = UNSET
        else:
            school = self.school

        schooling_status: None | str | Unset
        if isinstance(self.schooling_status, Unset):
            schooling_status = UNSET
        elif isinstance(self.schooling_status, SchoolingStatus):
            schooling_status = self.schooling_status.value
        else:
            schooling_status = self.schooling_status

        special_needs: None | str | Unset
        if isinstance(self.special_needs, Unset):
            special_needs = UNSET
        else:
            special_needs = self.special_needs

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardianship_type": guardianship_type,
                "left_behind_reason": left_behind_reason,
            }
        )
        if boarding is not UNSET:
            field_dict["boarding"] = boarding
        if father_status is not UNSET:
            field_dict["father_status"] = father_status
        if grade is not UNSET:
            field_dict["grade"] = grade
        if guardian_name is not UNSET:
            field_dict["guardian_name"] = guardian_name
        if guardian_person_id is not UNSET:
            field_dict["guardian_person_id"] = guardian_person_id
        if guardian_phone is not UNSET:
            field_dict["guardian_phone"] = guardian_phone
        if guardian_relation is not UNSET:
            field_dict["guardian_relation"] = guardian_relation
        if guardianship_assessment is not UNSET:
            field_dict["guardianship_assessment"] = guardianship_assessment
        if health_status is not UNSET:
            field_dict["health_status"] = health_status
        if mother_status is not UNSET:
            field_dict["mother_status"] = mother_status
        if parents_work_location is not UNSET:
            field_dict["parents_work_location"] = parents_work_location
        if school is not UNSET:
            field_dict["school"] = school
        if schooling_status is not UNSET:
            field_dict["schooling_status"] = schooling_status
        if special_needs is not UNSET:
            field_dict["special_needs"] = special_needs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        guardianship_type = GuardianshipType(d.pop("guardianship_type"))

        left_behind_reason = LeftBehindReason(d.pop("left_behind_reason"))

        def _parse_boarding(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        boarding = _parse_boarding(d.pop("boarding", UNSET))

        def _parse_father_status(data: object) -> None | ParentStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                father_status_type_0 = ParentStatus(data)

                return father_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParentStatus | Unset, data)

        father_status = _parse_father_status(d.pop("father_status", UNSET))

        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        def _parse_guardian_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guardian_name = _parse_guardian_name(d.pop("guardian_name", UNSET))

        def _parse_guardian_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guardian_person_id_type_0 = UUID(data)

                return guardian_person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        guardian_person_id = _parse_guardian_person_id(d.pop("guardian_person_id", UNSET))

        def _parse_guardian_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guardian_phone = _parse_guardian_phone(d.pop("guardian_phone", UNSET))

        def _parse_guardian_relation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        guardian_relation = _parse_guardian_relation(d.pop("guardian_relation", UNSET))

        def _parse_guardianship_assessment(data: object) -> GuardianshipAssessment | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                guardianship_assessment_type_0 = GuardianshipAssessment(data)

                return guardianship_assessment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GuardianshipAssessment | None | Unset, data)

        guardianship_assessment = _parse_guardianship_assessment(d.pop("guardianship_assessment", UNSET))

        def _parse_health_status(data: object) -> ChildHealth | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                health_status_type_0 = ChildHealth(data)

                return health_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChildHealth | None | Unset, data)

        health_status = _parse_health_status(d.pop("health_status", UNSET))

        def _parse_mother_status(data: object) -> None | ParentStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                mother_status_type_0 = ParentStatus(data)

                return mother_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ParentStatus | Unset, data)

        mother_status = _parse_mother_status(d.pop("mother_status", UNSET))

        def _parse_parents_work_location(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parents_work_location = _parse_parents_work_location(d.pop("parents_work_location", UNSET))

        def _parse_school(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school = _parse_school(d.pop("school", UNSET))

        def _parse_schooling_status(data: object) -> None | SchoolingStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                schooling_status_type_0 = SchoolingStatus(data)

                return schooling_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SchoolingStatus | Unset, data)

        schooling_status = _parse_schooling_status(d.pop("schooling_status", UNSET))

        def _parse_special_needs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        special_needs = _parse_special_needs(d.pop("special_needs", UNSET))

        child_profile = cls(
            guardianship_type=guardianship_type,
            left_behind_reason=left_behind_reason,
            boarding=boarding,
            father_status=father_status,
            grade=grade,
            guardian_name=guardian_name,
            guardian_person_id=guardian_person_id,
            guardian_phone=guardian_phone,
            guardian_relation=guardian_relation,
            guardianship_assessment=guardianship_assessment,
            health_status=health_status,
            mother_status=mother_status,
            parents_work_location=parents_work_location,
            school=school,
            schooling_status=schooling_status,
            special_needs=special_needs,
        )

        return child_profile
