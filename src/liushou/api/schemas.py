"""Base classes for request and response bodies."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, ClassVar, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from liushou.validators import MULTI_LINE_PATTERN, SINGLE_LINE_PATTERN, forbidden_character


class MultiLine:
    """Marks a text field that may span lines: ``Annotated[str, ..., MULTI_LINE]``."""

    def __repr__(self) -> str:
        return "MULTI_LINE"


MULTI_LINE = MultiLine()


def _marked_multi_line(annotation: Any) -> bool:
    """Whether MULTI_LINE sits anywhere in a field's type (``LongText | None`` included)."""
    if get_origin(annotation) is Annotated:
        if any(isinstance(m, MultiLine) for m in annotation.__metadata__):
            return True
        return _marked_multi_line(get_args(annotation)[0])
    return any(_marked_multi_line(arg) for arg in get_args(annotation))


def _document_text_rule(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Put the free-text rule into the JSON Schema of every plain string property."""
    multi_line: frozenset[str] = getattr(model, "__multi_line_fields__", frozenset())
    for name, prop in schema.get("properties", {}).items():
        pattern = MULTI_LINE_PATTERN if name in multi_line else SINGLE_LINE_PATTERN
        for candidate in (prop, prop.get("items", {}), *prop.get("anyOf", ())):
            for target in (candidate, candidate.get("items", {})):
                if target.get("type") == "string" and not {"format", "enum", "pattern"} & set(
                    target
                ):
                    target["pattern"] = pattern


class RequestBody(BaseModel):
    """Unknown fields are refused (422), so a typo never silently drops data.

    Every string in a request body, however deep, is held to the free-text rule of
    docs/registry.md ("Text fields"): no control characters, and line breaks and tabs only
    in fields marked MULTI_LINE. One check here, so a new field cannot forget it.
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra=_document_text_rule
    )
    __multi_line_fields__: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.__multi_line_fields__ = frozenset(
            name
            for name, info in cls.model_fields.items()
            if any(isinstance(m, MultiLine) for m in info.metadata)
            or _marked_multi_line(info.annotation)
        )

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        multi_line = info.field_name in cls.__multi_line_fields__
        # The values of free-form objects (a PATCH's profile) are checked leniently here
        # and strictly by the model that later validates them.
        check_text(value, multi_line=multi_line or isinstance(value, Mapping))
        return value


def check_text(value: Any, *, multi_line: bool) -> None:
    """Raise the ``control_character`` error for any string in ``value`` (nested lists and
    objects included, models excepted: they check their own fields)."""
    if isinstance(value, str):
        index = forbidden_character(value, multi_line=multi_line)
        if index is not None:
            raise PydanticCustomError(
                "control_character",
                "Text may not contain control characters{lines} ({point} at {index})",
                {
                    "lines": "" if multi_line else ", tabs or line breaks",
                    "point": f"U+{ord(value[index]):04X}",
                    "index": index,
                },
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_text(key, multi_line=False)
            check_text(item, multi_line=multi_line)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            check_text(item, multi_line=multi_line)


class ResourceRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    version: int
