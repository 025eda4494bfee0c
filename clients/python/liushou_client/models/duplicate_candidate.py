from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.duplicate_reason import DuplicateReason

if TYPE_CHECKING:
    from ..models.person_read import PersonRead


T = TypeVar("T", bound="DuplicateCandidate")


@_attrs_define
class DuplicateCandidate:
    """
    Attributes:
        person (PersonRead):
        reasons (list[DuplicateReason]): What agrees, strongest first
        score (float): Likelihood that this is the same person
    """

    person: PersonRead
    reasons: list[DuplicateReason]
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person = self.person.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.value
            reasons.append(reasons_item)

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person": person,
                "reasons": reasons,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.person_read import PersonRead  # noqa: PLC0415

        d = dict(src_dict)
        person = PersonRead.from_dict(d.pop("person"))

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = DuplicateReason(reasons_item_data)

            reasons.append(reasons_item)

        score = d.pop("score")

        duplicate_candidate = cls(
            person=person,
            reasons=reasons,
            score=score,
        )

        duplicate_candidate.additional_properties = d
        return duplicate_candidate

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
