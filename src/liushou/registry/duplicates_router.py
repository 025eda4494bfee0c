"""GET /persons/duplicate-candidates: who might this new person already be? (docs/registry.md)

Included before the persons router, so ``/persons/{person_id}`` does not capture the path.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, NoReturn

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection

from liushou.api.dependencies import DatabaseDep
from liushou.api.params import Day, SearchText
from liushou.auth.callers import RegistryReader
from liushou.auth.scoping import path_visible
from liushou.errors import AppError, FieldInvalid, problem_responses
from liushou.regions.models import RegionLevel
from liushou.registry import duplicates as dup
from liushou.registry import repository as repo
from liushou.registry.schemas import PersonRead
from liushou.registry.serializers import person_body

# Rows fetched from the database before scoring; the likeliest come first (see the repo).
POOL_SIZE = 500

router = APIRouter(prefix="/persons", tags=["persons"])


class DuplicateCandidate(BaseModel):
    person: PersonRead
    score: float = Field(ge=0, le=1, description="Likelihood that this is the same person")
    reasons: list[dup.DuplicateReason] = Field(description="What agrees, strongest first")


class DuplicateCandidates(BaseModel):
    items: list[DuplicateCandidate]


def _reason_table() -> str:
    return "\n".join(f"- `{r.value}`: {text}" for r, text in dup.REASON_DESCRIPTIONS.items())


DESCRIPTION = f"""\
Likely duplicates, among the persons the caller may see, of a person about to be
registered: call it before `POST /persons`, especially for a person without an ID number.

Names match by characters, by pinyin (同音字: 张伟/章伟, 李娜/李纳; a surname's other
readings count, 单 = shan) and by the usual fuzzy-pinyin confusions; a registered person
whose name matches in none of these ways is never a candidate. Birth date and village then
weigh in: `score` is {dup.NAME_WEIGHTS[dup.DuplicateReason.same_name]} for the same name
alone, {dup.NAME_WEIGHTS[dup.DuplicateReason.same_pinyin]} for the same pinyin,
{dup.NAME_WEIGHTS[dup.DuplicateReason.similar_pinyin]} for a similar one; plus
{dup.BIRTH_WEIGHTS[dup.DuplicateReason.same_birth_date]} for the same birth date
({dup.BIRTH_WEIGHTS[dup.DuplicateReason.similar_birth_date]} for one typing slip away),
plus {dup.PLACE_WEIGHTS[dup.DuplicateReason.same_village]} for the same village
({dup.PLACE_WEIGHTS[dup.DuplicateReason.same_township]} for the same township). When both
birth dates are known and unlike, the name weight is halved. Candidates scoring under
{dup.MIN_SCORE} are left out. Best first; equal scores in id order.

`reasons` codes:
{_reason_table()}

Deleted persons never appear. Exited persons do (with `status: exited` and their
`exit_reason` in `person`): someone coming back is reactivated
(`POST /persons/{{id}}/reactivate`), not registered again. Personal data is masked, as in
`GET /persons`.

`region_id`, when given, must be a village or community the caller's region covers
(otherwise 422 `invalid_region`, the same answer `POST /persons` would give). Volunteers
and other roles that see no persons get an empty list.
"""


@router.get(
    "/duplicate-candidates",
    responses=problem_responses(401, 403, 422),
    description=DESCRIPTION,
    summary="Likely duplicates of a person about to be registered",
)
async def duplicate_candidates(
    db: DatabaseDep,
    caller: RegistryReader,
    name: Annotated[
        SearchText,
        Query(
            min_length=1,
            max_length=100,
            description="The name as it would be registered",
            examples=["张伟"],
        ),
    ],
    birth_date: Annotated[Day | None, Query(description="YYYY-MM-DD")] = None,
    region_id: Annotated[
        uuid.UUID | None, Query(description="The village or community of the new person")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="At most this many candidates")] = 10,
) -> DuplicateCandidates:
    if not dup.normalize_name(name):
        raise FieldInvalid(
            ["query", "name"], "validation_error", "姓名不能为空。", "The name cannot be blank."
        )
    query = dup.Query(name=name.strip(), birth_date=birth_date, region_id=region_id)
    pinyins, initials = dup.fetch_keys(query)

    def fetch(conn: Connection) -> tuple[Any, Any]:
        region = None
        if region_id is not None:
            region = repo.live_region(conn, region_id)
            if (
                region is None
                or region["level"] != RegionLevel.village
                or not path_visible(region["path"], caller, lineage=False)
            ):
                return None, None
        rows = repo.duplicate_pool(
            conn,
            caller,
            name=query.name,
            pinyins=pinyins,
            initials=initials,
            birth_date=birth_date,
            region_id=region_id,
            limit=POOL_SIZE,
        )
        return region, rows

    region, rows = await db.read(fetch)
    if rows is None:
        raise FieldInvalid(
            ["query", "region_id"],
            "invalid_region",
            "所属村/社区不存在或不在您的管辖范围内。",
            "The village does not exist or is outside your region.",
        )
    if region is not None:
        query = dup.Query(query.name, birth_date, region_id, region["path"])
    by_id = {row["id"]: row for row in rows}
    matches = dup.rank(
        query,
        (
            dup.Candidate(
                id=row["id"],
                name=row["name"],
                birth_date=row["birth_date"],
                region_id=row["region_id"],
                region_path=row["region_path"],
            )
            for row in rows
        ),
        limit,
    )
    return DuplicateCandidates.model_validate(
        {
            "items": [
                {
                    "person": person_body(by_id[m.candidate.id]),
                    "score": m.score,
                    "reasons": list(m.reasons),
                }
                for m in matches
            ]
        }
    )


@router.api_route(
    "/duplicate-candidates",
    methods=["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"],
    include_in_schema=False,
    response_model=None,
)
async def duplicate_candidates_other_methods() -> NoReturn:
    """405 with ``Allow: GET``: otherwise ``PUT /persons/{person_id}`` would take the path
    and answer 422 about a malformed person id."""
    raise AppError(
        "该路径只支持 GET 请求。",
        "This path supports GET only.",
        status=405,
        code="method_not_allowed",
        headers={"Allow": "GET"},
    )
