from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.me_kind import MeKind
from ..models.role import Role
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.region_summary import RegionSummary


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        id (UUID):
        kind (MeKind):
        organization_id (None | UUID):
        region (None | RegionSummary):
        role (Role):
        scopes (list[str]):
        client_id (None | str | Unset):
        username (None | str | Unset):
    """

    id: UUID
    kind: MeKind
    organization_id: None | UUID
    region: None | RegionSummary
    role: Role
    scopes: list[str]
    client_id: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.region_summary import RegionSummary  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        region: dict[str, Any] | None
        if isinstance(self.region, RegionSummary):
            region = self.region.to_dict()
        else:
            region = self.region

        role = self.role.value

        scopes = self.scopes

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "organization_id": organization_id,
                "region": region,
                "role": role,
                "scopes": scopes,
            }
        )
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.region_summary import RegionSummary  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = MeKind(d.pop("kind"))

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        def _parse_region(data: object) -> None | RegionSummary:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                region_type_0 = RegionSummary.from_dict(data)

                return region_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegionSummary, data)

        region = _parse_region(d.pop("region"))

        role = Role(d.pop("role"))

        scopes = cast(list[str], d.pop("scopes"))

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        me = cls(
            id=id,
            kind=kind,
            organization_id=organization_id,
            region=region,
            role=role,
            scopes=scopes,
            client_id=client_id,
            username=username,
        )

        me.additional_properties = d
        return me

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
