"""The AppError family and RFC 9457 problem+json rendering.

Every error the service returns goes through :func:`problem_response`: a stable ``code``,
a zh-CN ``title``/``detail`` by default and English when ``Accept-Language`` prefers it.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field
from starlette.requests import Request
from starlette.responses import Response

from liushou.ops.context import current_request_id

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:liushou:problem:"

# code -> (zh title, en title). Titles never change between occurrences (RFC 9457 §3.1.4).
TITLES: dict[str, tuple[str, str]] = {
    "bad_request": ("请求有误", "Bad request"),
    "unauthorized": ("未认证", "Unauthorized"),
    "invalid_token": ("访问令牌无效", "Invalid access token"),
    "forbidden": ("无权访问", "Forbidden"),
    "insufficient_scope": ("权限不足", "Insufficient scope"),
    "not_found": ("资源不存在", "Not found"),
    "method_not_allowed": ("不支持该请求方法", "Method not allowed"),
    "not_acceptable": ("无法提供所请求的格式", "Not acceptable"),
    "conflict": ("资源冲突", "Conflict"),
    "resource_deleted": ("资源已删除", "Resource deleted"),
    "precondition_failed": ("版本已变更", "Precondition failed"),
    "payload_too_large": ("请求体过大", "Payload too large"),
    "unsupported_media_type": ("不支持的内容类型", "Unsupported media type"),
    "validation_error": ("请求数据校验失败", "Validation failed"),
    "malformed_json": ("JSON 格式错误", "Malformed JSON"),
    "invalid_cursor": ("分页游标无效", "Invalid cursor"),
    # the change feed (docs/changes.md)
    "sync_cursor_expired": ("同步游标已过期", "Sync cursor expired"),
    "unknown_type": ("未知的资源类型", "Unknown resource type"),
    "idempotency_key_reused": ("幂等键已用于不同的请求", "Idempotency key reused"),
    "idempotency_key_in_flight": ("相同幂等键的请求正在处理", "Request with this key in flight"),
    "invalid_idempotency_key": ("幂等键无效", "Invalid idempotency key"),
    "invalid_grant": ("授权无效", "Invalid grant"),
    "invalid_client": ("客户端认证失败", "Invalid client"),
    "invalid_request": ("请求参数缺失或有误", "Invalid request"),
    "invalid_scope": ("请求的权限范围无效", "Invalid scope"),
    "unsupported_grant_type": ("不支持的授权类型", "Unsupported grant type"),
    "too_many_attempts": ("尝试次数过多", "Too many attempts"),
    "invalid_region_code": ("区划代码无效", "Invalid region code"),
    "invalid_region_parent": ("上级区划无效", "Invalid parent region"),
    "invalid_region_kind": ("区划类型无效", "Invalid region kind"),
    "duplicate_region_code": ("区划代码已存在", "Region code already exists"),
    "region_in_use": ("区划仍在使用中", "Region in use"),
    "immutable_field": ("字段不可修改", "Field cannot be changed"),
    "invalid_credit_code": ("统一社会信用代码无效", "Invalid unified social credit code"),
    # registry (docs/registry.md)
    "duplicate_person": ("该身份证号已登记", "Person already registered"),
    "not_eligible": ("不符合留守人员条件", "Not eligible"),
    "id_number_format": ("身份证号格式错误", "Invalid ID number format"),
    "id_number_checksum": ("身份证号校验位错误", "Invalid ID number check character"),
    "id_number_birth_date": ("身份证号出生日期无效", "Invalid birth date in ID number"),
    "id_number_mismatch": ("与身份证号不符", "Does not agree with the ID number"),
    "phone_format": ("手机号格式错误", "Invalid mobile number"),
    "invalid_region": ("所属村/社区无效", "Invalid village"),
    "profile_mismatch": ("档案类型与类别不符", "Profile does not match the category"),
    "date_in_future": ("日期不能晚于今天", "Date in the future"),
    "invalid_period": ("起始日期晚于截止日期", "Period starts after it ends"),
    "invalid_date": ("日期无效", "Invalid date"),
    "date_out_of_range": ("日期超出可接受范围", "Date out of range"),
    "already_exited": ("已退出留守名册", "Already exited"),
    "already_active": ("仍在留守名册中", "Already active"),
    "already_withdrawn": ("同意已撤回", "Consent already withdrawn"),
    "guardian_consent_required": ("须由监护人同意", "Guardian's consent required"),
    "guardian_name_required": ("须填写监护人姓名", "Guardian's name required"),
    "reveal_forbidden": ("无权查看个人信息", "Reveal forbidden"),
    "unsupported_with_as_of": ("筛选条件不能与 as_of 同用", "Filter not supported with as_of"),
    "missing_column": ("缺少必填列", "Missing column"),
    "duplicate_column": ("列名重复", "Duplicate column"),
    "empty_file": ("文件没有数据", "Empty file"),
    "too_many_rows": ("数据行过多", "Too many rows"),
    "cell_too_long": ("单元格内容过长", "Cell too long"),
    # referrals (docs/domain.md)
    "consent_required": ("缺少有效的同意", "Consent required"),
    "justification_required": ("须说明理由", "Justification required"),
    "invalid_legal_basis": ("法律依据不适用", "Invalid legal basis"),
    "invalid_organization": ("单位无效", "Invalid organization"),
    "network_mismatch": ("接收单位不属于该网络", "Network mismatch"),
    "invalid_transition": ("不允许的状态变更", "Invalid transition"),
    "person_not_active": ("已不在留守名册中", "Person not on the register"),
    "date_in_past": ("日期不能早于今天", "Date in the past"),
    "partner_cannot_cancel": ("合作单位不能撤销转介", "Partners cannot cancel"),
    "partner_cannot_create": ("合作单位不能发起转介", "Partners cannot create referrals"),
    "referral_not_open": ("转介已受理，不能再修改", "Referral no longer open"),
    # care: caretakers, assignments and visits
    "care_manager_required": ("须由管理员或街道工作人员操作", "Manager role required"),
    "invalid_user": ("账号无效", "Invalid user"),
    "user_already_linked": ("该账号已关联其他联系人", "User already linked"),
    "primary_contact_exists": ("已有主要联系人", "Primary contact exists"),
    "caretaker_out_of_area": ("联系人不在此人所属区域", "Caretaker outside the area"),
    "caretaker_has_assignments": ("联系人仍包保区域外人员", "Caretaker has assignments elsewhere"),
    "caretaker_in_use": ("联系人仍有在岗包保关系", "Caretaker in use"),
    "invalid_caretaker": ("联系人无效", "Invalid caretaker"),
    "caretaker_required": ("须指定联系人", "Caretaker required"),
    "already_assigned": ("已以此角色包保", "Already assigned"),
    "assignment_ended": ("包保关系已结束", "Assignment ended"),
    "not_assigned": ("此人未分配给您", "Not assigned to you"),
    "not_your_caretaker": ("只能以本人联系人身份操作", "Not your caretaker record"),
    "not_your_visit": ("只能修改本人记录的走访", "Not your visit"),
    # services delivered (docs/services.md)
    "invalid_service_type": ("服务类型无效", "Invalid service type"),
    "service_not_for_category": ("服务类型不适用于此类人员", "Service not for this category"),
    "service_type_exists": ("服务类型代码已存在", "Service type code exists"),
    "service_type_seeded": ("预置服务类型不能删除", "Seeded service type cannot be deleted"),
    "managed_by_activity": ("该记录由活动管理", "Managed by an activity"),
    "attendee_not_eligible": ("参加人员不符合条件", "Attendee not eligible"),
    "wish_closed": ("心愿已关闭，不能修改", "Wish closed"),
    "fulfilled_before_claimed": ("实现日期早于认领日期", "Fulfilled before claimed"),
    "invalid_activity": ("活动无效", "Invalid activity"),
    # legal service log (docs/legal.md)
    "invalid_advisor": ("法律顾问无效", "Invalid legal advisor"),
    "not_your_advisor": ("只能以本人身份记录服务台账", "Not your advisor record"),
    "village_not_under_contract": ("该村/社区不在顾问合同范围内", "Village not under contract"),
    "invalid_person": ("人员无效", "Invalid person"),
    "person_outside_village": ("此人不住在该村/社区", "Person outside the village"),
    # legal advisors and contracts (docs/legal.md)
    "legal_manager_required": ("须由管理员或街道工作人员操作", "Manager role required"),
    "invalid_law_firm": ("律师事务所或基层法律服务所无效", "Invalid law firm"),
    "duplicate_license": ("该执业证号已登记", "Licence number already registered"),
    "invalid_advisor_user": ("法律顾问账号无效", "Invalid advisor login"),
    "advisor_user_linked": ("该账号已关联其他法律顾问", "Login already linked to an advisor"),
    "advisor_has_contracts": ("法律顾问仍有未结束的合同", "Advisor has contracts not yet ended"),
    "advisor_inactive": ("法律顾问已停用", "Advisor inactive"),
    "advisor_not_in_firm": ("法律顾问不属于该律师事务所", "Advisor not in this firm"),
    "invalid_contract_dates": ("合同日期无效", "Invalid contract dates"),
    "village_already_covered": ("该村(社区)当期已有法律顾问合同", "Village already covered"),
    "advisor_capacity_exceeded": ("法律顾问服务村(社区)数超出上限", "Advisor capacity exceeded"),
    "contract_outside_area": ("合同含管辖范围外的村(社区)", "Contract reaches outside your area"),
    "contract_has_activities": ("合同已有法律服务台账记录", "Contract has legal activities"),
    # hotline cards and their public page (docs/legal.md)
    "no_active_advisor": ("该村（社区）暂无在岗法律顾问", "No active legal advisor"),
    "rate_limited": ("请求过于频繁", "Too many requests"),
    # mobile sync (docs/sync.md)
    "batch_too_large": ("批量请求项数过多", "Batch too large"),
    "invalid_batch_path": ("批量请求路径无效", "Invalid batch item path"),
    # webhooks (docs/webhooks.md)
    "unknown_event": ("未知的事件", "Unknown event"),
    "event_not_allowed": ("无权订阅该事件", "Event not allowed"),
    "invalid_url": ("URL 无效", "Invalid URL"),
    "url_not_https": ("须使用 https:// 地址", "https:// required"),
    "url_not_public": ("地址不是公网地址", "Address not public"),
    # reports
    "region_required": ("须指定区划", "Region required"),
    "region_out_of_scope": ("区划超出管辖范围", "Region outside the caller's area"),
    "invalid_value": ("数据库无法处理的值", "Value the database cannot handle"),
    "service_unavailable": ("服务暂不可用", "Service unavailable"),
    "busy": ("服务繁忙，请稍后重试", "Busy, retry later"),
    "internal_error": ("服务器内部错误", "Internal server error"),
}


class UntitledErrorCode(UserWarning):
    """An error code with no entry in TITLES. The test suite turns it into an error
    (pyproject filterwarnings), so a code cannot ship without its titles."""


def require_title(code: str) -> None:
    """Warn (fail, under the tests) when ``code`` has no title."""
    if code not in TITLES:
        message = f"error code {code!r} has no title in liushou.errors.TITLES"
        warnings.warn(message, UntitledErrorCode, stacklevel=3)


def prefers_english(request: Request) -> bool:
    """True when Accept-Language ranks English above Chinese (zh-CN is the default)."""
    header = request.headers.get("accept-language")
    if not header:
        return False
    best_lang, best_q = "zh", -1.0
    for part in header.split(","):
        lang, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        lang = lang.strip().lower()
        if (lang.startswith("en") or lang.startswith("zh")) and q > best_q:
            best_lang, best_q = lang[:2], q
    return best_lang == "en"


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    code: str


class Problem(BaseModel):
    """RFC 9457 problem details, as every error of this API is shaped."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(examples=["urn:liushou:problem:not_found"])
    title: str
    status: int
    detail: str | None = None
    code: str = Field(description="Stable snake_case machine code")
    instance: str | None = Field(default=None, description="The request id of this occurrence")
    errors: list[ErrorItem] | None = None


class AppError(Exception):
    """An error with an HTTP status, a stable code and localised text."""

    status = 400
    code = "bad_request"
    detail_zh: str | None = None
    detail_en: str | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A subclass's own code is checked when it is defined: no title, no import.
        super().__init_subclass__(**kwargs)
        if "code" in cls.__dict__ and cls.code not in TITLES:
            raise TypeError(f"{cls.__name__}.code {cls.code!r} has no title in TITLES")

    def __init__(
        self,
        detail_zh: str | None = None,
        detail_en: str | None = None,
        *,
        code: str | None = None,
        status: int | None = None,
        errors: Sequence[Mapping[str, Any]] | None = None,
        headers: Mapping[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail_en or detail_zh or self.code)
        if code is not None:
            require_title(code)
            self.code = code
        if status is not None:
            self.status = status
        self.detail_zh = detail_zh or self.detail_zh
        self.detail_en = detail_en or self.detail_en or self.detail_zh
        self.errors = list(errors) if errors else None
        self.headers = dict(headers or {})
        self.extra = extra


class BadRequest(AppError):
    status, code = 400, "bad_request"


class Unauthorized(AppError):
    status, code = 401, "unauthorized"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.headers.setdefault("WWW-Authenticate", "Bearer")


class Forbidden(AppError):
    status, code = 403, "forbidden"


class NotFound(AppError):
    status, code = 404, "not_found"
    detail_zh, detail_en = (
        "请求的资源不存在或不在您的管辖范围内。",
        "No such resource in your area.",
    )


class Conflict(AppError):
    status, code = 409, "conflict"


class PreconditionFailed(AppError):
    status, code = 412, "precondition_failed"


class Unprocessable(AppError):
    status, code = 422, "validation_error"


def field_error(loc: Sequence[str | int], msg: str, code: str) -> dict[str, Any]:
    return {"loc": list(loc), "msg": msg, "code": code}


class FieldInvalid(Unprocessable):
    """A rule on one field failed: 422 with ``errors`` pointing at the field."""

    def __init__(self, loc: Sequence[str | int], code: str, detail_zh: str, detail_en: str):
        super().__init__(
            detail_zh, detail_en, code=code, errors=[field_error(loc, detail_en, code)]
        )


def unknown_reference(field: str, code: str, what_zh: str, what_en: str) -> FieldInvalid:
    """422 for a body field naming a row that does not exist or that the caller may not see:
    one answer for both, so that an id outside the caller's area is not confirmed
    (docs/privacy.md). ``what_zh``/``what_en`` name the row ("所属组织", "organization")."""
    return FieldInvalid(
        ["body", field], code, f"{what_zh}不存在。", f"The {what_en} does not exist."
    )


def problem_response(
    request: Request,
    status: int,
    code: str,
    detail_zh: str | None = None,
    detail_en: str | None = None,
    *,
    errors: Sequence[Mapping[str, Any]] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    english = prefers_english(request)
    require_title(code)
    zh_title, en_title = TITLES.get(
        code, TITLES["bad_request"] if status < 500 else TITLES["internal_error"]
    )
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + code,
        "title": en_title if english else zh_title,
        "status": status,
        "code": code,
    }
    detail = (detail_en or detail_zh) if english else (detail_zh or detail_en)
    if detail:
        body["detail"] = detail
    request_id = current_request_id()
    if request_id:
        body["instance"] = f"urn:request:{request_id}"
    if errors:
        body["errors"] = list(errors)
    if extra:
        body.update(extra)
    return Response(
        orjson.dumps(body, default=str),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=dict(headers or {}),
    )


def app_error_response(request: Request, exc: AppError) -> Response:
    return problem_response(
        request,
        exc.status,
        exc.code,
        exc.detail_zh,
        exc.detail_en,
        errors=exc.errors,
        headers=exc.headers,
        extra=exc.extra,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entry that documents problem+json error statuses on a route."""
    return {
        status: {
            # Only problem+json: a "model" here would also document application/json.
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": _STATUS_TEXT.get(status, "Error"),
        }
        for status in statuses
    }


_STATUS_TEXT = {
    400: "Bad request",
    401: "Missing or invalid access token",
    403: "Token lacks the scope or role",
    404: "Not found, or outside the caller's region",
    405: "Method not allowed",
    409: "Conflict",
    412: "If-Match does not match the current version",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Validation failed",
    429: "Too many requests",
    500: "Internal error",
    503: "Not ready",
}
