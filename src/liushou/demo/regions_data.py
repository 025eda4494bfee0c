"""Demo reference data for ``liushou seed-demo``: region tree and organisations.

Pure data plus two tiny check-character helpers.  Nothing here imports from the rest
of the project, so the seeding code decides how to map it onto its models.

Region tree
-----------
``REGIONS`` lists every node parent-first (province, city, county, the two townships,
then each township's villages and communities), so inserting it in order never hits a
missing parent.  Each node is a ``RegionSeed``:

* ``level``: one of ``LEVEL_PROVINCE``/``LEVEL_CITY``/``LEVEL_COUNTY``/``LEVEL_TOWNSHIP``/
  ``LEVEL_VILLAGE``.  Villages and communities share ``LEVEL_VILLAGE`` and differ by ``kind``.
* ``kind``: ``KIND_COMMUNITY`` (社区, codes ``…001``–``…199``) or ``KIND_VILLAGE``
  (村, codes ``…200``–``…399``) on village-level nodes. ``None`` everywhere else.
* ``code``: the GB/T 2260 six-digit code for province, city and county. The twelve-digit
  统计用区划代码 for townships and below.  A township code is the county code, a
  three-digit township part (001–099 for 街道) and ``000``.  A village code is the
  township's first nine digits and three more.

``VILLAGES_BY_TOWNSHIP`` maps each township code to its village-level nodes.

Sources (as seen through the project's code-search tool)
--------------------------------------------------------
* 山东省 370000, 济宁市 370800 and 济宁高新技术产业开发区 370871 (济宁市 county-level unit) are real.
  370871 appears in several public GB/T 2260 dumps (e.g. county lists with
  ``370871 济宁高新技术产业开发区`` under ``3708``).
* The townships are real: ``dist/streets.csv`` in modood/Administrative-divisions-of-China
  (NBS 统计用区划代码 at the township level, stored version at commit 0b7fd75e; the file does
  not state its release year) lists, under 370871: 370871001 洸河街道, 370871002 柳行街道,
  370871003 接庄街道, 370871004 王因街道, 370871005 黄屯街道.  So 柳行街道 = 370871002000 and
  黄屯街道 = 370871005000.
* None of the indexed datasets had village-level (村/居委会) rows for 370871, so **every
  village/community name and code below is made up**.  They are plausible local-style names
  numbered from 001 (社区) and 201 (村).  金色嘉苑社区 is kept in 黄屯街道 at 370871005001 as the
  brief requires, but its code was not checked against the NBS release either.  Treat all
  village-level rows as demo fixtures, not reference data.

Organisations
-------------
``ORGANIZATIONS`` is a tuple of ``OrganizationSeed``.  ``region_code`` is always a code that
exists in ``REGIONS``.  Every phone number is a synthetic 济宁 (0537) landline in the
``0537-55501xx`` block.  The ``credit_code`` values are **synthetic** 统一社会信用代码 (GB 32100)
whose organisation-code part is ``9999xxxx``, so they do not name real organisations.  They
are built from their first 16 characters by ``_credit_code``, which appends the GB 11714
check (position 9 of the org code) and the GB 32100 check (position 18).  That makes them
valid by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# --------------------------------------------------------------------------- vocabularies

LEVEL_PROVINCE: Final = "province"
LEVEL_CITY: Final = "city"
LEVEL_COUNTY: Final = "county"
LEVEL_TOWNSHIP: Final = "township"
LEVEL_VILLAGE: Final = "village"
LEVELS: Final = (LEVEL_PROVINCE, LEVEL_CITY, LEVEL_COUNTY, LEVEL_TOWNSHIP, LEVEL_VILLAGE)

KIND_COMMUNITY: Final = "community"  # 社区 / 居民委员会, code suffix 001-199
KIND_VILLAGE: Final = "village"  # 村 / 村民委员会, code suffix 200-399
KIND_SUBDISTRICT: Final = "subdistrict"  # 街道, township part 001-099
KINDS: Final = (KIND_COMMUNITY, KIND_VILLAGE, KIND_SUBDISTRICT)

ORG_TYPES: Final = (
    "village_committee",
    "community_committee",
    "street_office",
    "family_planning_association",
    "police_station",
    "judicial_office",
    "womens_federation",
    "youth_league",
    "health_center",
    "school",
    "volunteer_team",
    "law_firm",
    "grassroots_legal_service",
    "social_work_agency",
    "other",
)

NETWORK_EDUCATION_MANAGEMENT: Final = "education_management"
NETWORK_SUPPORT: Final = "support"
NETWORK_RIGHTS_PROTECTION: Final = "rights_protection"
NETWORK_SOCIAL_CARE: Final = "social_care"
NETWORKS: Final = (
    NETWORK_EDUCATION_MANAGEMENT,
    NETWORK_SUPPORT,
    NETWORK_RIGHTS_PROTECTION,
    NETWORK_SOCIAL_CARE,
)


# --------------------------------------------------------------------------- record types


@dataclass(frozen=True, slots=True)
class RegionSeed:
    """One node of the demo region tree (see the module docstring for field rules)."""

    code: str
    name: str
    level: str
    parent_code: str | None
    kind: str | None = None
    full_name: str | None = None  # official long name when ``name`` is a short form


@dataclass(frozen=True, slots=True)
class OrganizationSeed:
    """One demo organisation. ``region_code`` refers to a ``RegionSeed.code``."""

    name: str
    type: str
    networks: tuple[str, ...]
    region_code: str
    phone: str
    credit_code: str | None = None


# --------------------------------------------------------------------------- upper tree (real)

PROVINCE_CODE: Final = "370000"
CITY_CODE: Final = "370800"
COUNTY_CODE: Final = "370871"
HUANGTUN_CODE: Final = "370871005000"  # 黄屯街道 (NBS township part 005)
LIUXING_CODE: Final = "370871002000"  # 柳行街道 (NBS township part 002)

PROVINCE: Final = RegionSeed(PROVINCE_CODE, "山东省", LEVEL_PROVINCE, None)
CITY: Final = RegionSeed(CITY_CODE, "济宁市", LEVEL_CITY, PROVINCE_CODE)
COUNTY: Final = RegionSeed(
    COUNTY_CODE, "济宁高新区", LEVEL_COUNTY, CITY_CODE, full_name="济宁高新技术产业开发区"
)
HUANGTUN: Final = RegionSeed(
    HUANGTUN_CODE, "黄屯街道", LEVEL_TOWNSHIP, COUNTY_CODE, KIND_SUBDISTRICT
)
LIUXING: Final = RegionSeed(LIUXING_CODE, "柳行街道", LEVEL_TOWNSHIP, COUNTY_CODE, KIND_SUBDISTRICT)
TOWNSHIPS: Final = (HUANGTUN, LIUXING)

# --------------------------------------------------------------------------- villages (made up)
# (code, name, kind).  All names/codes below are synthetic demo data, see module docstring.

_HUANGTUN_VILLAGES: Final[tuple[tuple[str, str, str], ...]] = (
    # 社区 001-199
    ("370871005001", "金色嘉苑社区", KIND_COMMUNITY),  # required by the demo scenario
    ("370871005002", "黄屯社区", KIND_COMMUNITY),
    ("370871005003", "嘉和社区", KIND_COMMUNITY),
    ("370871005004", "新兴社区", KIND_COMMUNITY),
    ("370871005005", "颐和社区", KIND_COMMUNITY),
    ("370871005006", "兴业社区", KIND_COMMUNITY),
    ("370871005007", "康居社区", KIND_COMMUNITY),
    ("370871005008", "和顺社区", KIND_COMMUNITY),
    ("370871005009", "锦园社区", KIND_COMMUNITY),
    # 村 200-399
    ("370871005201", "王庄村", KIND_VILLAGE),
    ("370871005202", "李楼村", KIND_VILLAGE),
    ("370871005203", "张营村", KIND_VILLAGE),
    ("370871005204", "刘集村", KIND_VILLAGE),
    ("370871005205", "赵庄村", KIND_VILLAGE),
    ("370871005206", "孙屯村", KIND_VILLAGE),
    ("370871005207", "杨庄村", KIND_VILLAGE),
    ("370871005208", "马庄村", KIND_VILLAGE),
    ("370871005209", "郭楼村", KIND_VILLAGE),
    ("370871005210", "陈营村", KIND_VILLAGE),
    ("370871005211", "周庄村", KIND_VILLAGE),
    ("370871005212", "吴庄村", KIND_VILLAGE),
    ("370871005213", "徐屯村", KIND_VILLAGE),
    ("370871005214", "朱楼村", KIND_VILLAGE),
    ("370871005215", "胡庄村", KIND_VILLAGE),
    ("370871005216", "高庄村", KIND_VILLAGE),
    ("370871005217", "林屯村", KIND_VILLAGE),
    ("370871005218", "何庄村", KIND_VILLAGE),
    ("370871005219", "罗庄村", KIND_VILLAGE),
    ("370871005220", "郑楼村", KIND_VILLAGE),
    ("370871005221", "梁庄村", KIND_VILLAGE),
    ("370871005222", "宋庄村", KIND_VILLAGE),
    ("370871005223", "谢屯村", KIND_VILLAGE),
    ("370871005224", "韩庄村", KIND_VILLAGE),
)

_LIUXING_VILLAGES: Final[tuple[tuple[str, str, str], ...]] = (
    # 社区 001-199
    ("370871002001", "柳行社区", KIND_COMMUNITY),
    ("370871002002", "柳园社区", KIND_COMMUNITY),
    ("370871002003", "翠柳社区", KIND_COMMUNITY),
    ("370871002004", "杏林社区", KIND_COMMUNITY),
    ("370871002005", "科苑社区", KIND_COMMUNITY),
    ("370871002006", "金桥社区", KIND_COMMUNITY),
    ("370871002007", "福源社区", KIND_COMMUNITY),
    ("370871002008", "和谐社区", KIND_COMMUNITY),
    ("370871002009", "书香社区", KIND_COMMUNITY),
    ("370871002010", "同心社区", KIND_COMMUNITY),
    # 村 200-399
    ("370871002201", "前柳行村", KIND_VILLAGE),
    ("370871002202", "后柳行村", KIND_VILLAGE),
    ("370871002203", "东柳行村", KIND_VILLAGE),
    ("370871002204", "西柳行村", KIND_VILLAGE),
    ("370871002205", "许楼村", KIND_VILLAGE),
    ("370871002206", "孟庄村", KIND_VILLAGE),
    ("370871002207", "董庄村", KIND_VILLAGE),
    ("370871002208", "冯屯村", KIND_VILLAGE),
    ("370871002209", "田庄村", KIND_VILLAGE),
    ("370871002210", "彭楼村", KIND_VILLAGE),
    ("370871002211", "曹庄村", KIND_VILLAGE),
    ("370871002212", "姜营村", KIND_VILLAGE),
    ("370871002213", "邵庄村", KIND_VILLAGE),
    ("370871002214", "贾楼村", KIND_VILLAGE),
)

VILLAGES_BY_TOWNSHIP: Final[dict[str, tuple[RegionSeed, ...]]] = {
    township.code: tuple(
        RegionSeed(code, name, LEVEL_VILLAGE, township.code, kind=kind) for code, name, kind in rows
    )
    for township, rows in ((HUANGTUN, _HUANGTUN_VILLAGES), (LIUXING, _LIUXING_VILLAGES))
}

JINSE_JIAYUAN_CODE: Final = "370871005001"  # 金色嘉苑社区

# Parent-first: safe to insert in this order.
REGIONS: Final[tuple[RegionSeed, ...]] = (
    PROVINCE,
    CITY,
    COUNTY,
    *TOWNSHIPS,
    *(v for t in TOWNSHIPS for v in VILLAGES_BY_TOWNSHIP[t.code]),
)

# --------------------------------------------------------------------------- credit codes

CREDIT_CODE_CHARSET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100, no I O S V Z
CREDIT_CODE_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CODE_WEIGHTS: Final = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code


def credit_code_check_char(first17: str) -> str:
    """GB 32100 check character for the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CODE_CHARSET.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def _org_code_check_char(body8: str) -> str:
    """GB 11714 check character (9th char of the organisation code) for 8 body chars."""
    total = sum(int(c, 36) * w for c, w in zip(body8, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def _credit_code(dept_and_category: str, region6: str, org_body8: str) -> str:
    """Assemble an 18-char credit code with both check characters computed."""
    first17 = dept_and_category + region6 + org_body8 + _org_code_check_char(org_body8)
    return first17 + credit_code_check_char(first17)


# Registration-authority + category prefixes (GB 32100 appendix):
#   "31" 司法行政 / 律师执业机构, "51" 民政 / 社会团体, "13" 机构编制 / 群众团体.
# The "9999xxxx" organisation-code bodies mark these as synthetic.
LAW_FIRM_CREDIT_CODE: Final = _credit_code("31", COUNTY_CODE, "99990001")
HUANGTUN_FPA_CREDIT_CODE: Final = _credit_code("51", COUNTY_CODE, "99990002")
HUANGTUN_WF_CREDIT_CODE: Final = _credit_code("13", COUNTY_CODE, "99990003")
LIUXING_WF_CREDIT_CODE: Final = _credit_code("13", COUNTY_CODE, "99990004")

# --------------------------------------------------------------------------- organisations

# 柳行街道's legal advisors (一村一法律顾问, demo/legal.py): the firms that hold the contracts
# (the report names 济宁舜鸿律师事务所; the other two are made up).
LAW_FIRM: Final = "济宁舜鸿律师事务所"
SECOND_LAW_FIRM: Final = "山东鸿正律师事务所"
LIUXING_LEGAL_SERVICE: Final = "柳行法律服务所"


def _committee(code: str, name: str, kind: str, n: int) -> OrganizationSeed:
    """A village's committee (村民委员会 / 居民委员会): the first contact on its hotline card."""
    community = kind == KIND_COMMUNITY
    return OrganizationSeed(
        name + ("居民委员会" if community else "村民委员会"),
        "community_committee" if community else "village_committee",
        (NETWORK_EDUCATION_MANAGEMENT,),
        code,
        f"0537-55501{n:02d}",
    )


# Names the seed looks organisations up by (care, partner clients, referrals).
HUANGTUN_FPA: Final = "黄屯街道计划生育协会"
HUANGTUN_POLICE_STATION: Final = "黄屯派出所"  # partner client demo_police
HUANGTUN_WOMENS_FEDERATION: Final = "黄屯街道妇联"  # partner client demo_womens_federation
HUANGTUN_HEALTH_CENTER: Final = "黄屯街道卫生院"
JINSE_JIAYUAN_VOLUNTEER_TEAM: Final = "金色嘉苑社区志愿者服务队"

ORGANIZATIONS: Final[tuple[OrganizationSeed, ...]] = (
    # 黄屯街道
    OrganizationSeed(
        HUANGTUN_FPA,
        "family_planning_association",
        (NETWORK_SUPPORT, NETWORK_SOCIAL_CARE),
        HUANGTUN_CODE,
        "0537-5550101",
        HUANGTUN_FPA_CREDIT_CODE,
    ),
    OrganizationSeed(
        "黄屯街道办事处",
        "street_office",
        NETWORKS,  # the 办事处 coordinates all four care networks
        HUANGTUN_CODE,
        "0537-5550102",
    ),
    OrganizationSeed(
        HUANGTUN_POLICE_STATION,
        "police_station",
        (NETWORK_RIGHTS_PROTECTION,),
        HUANGTUN_CODE,
        "0537-5550103",
    ),
    OrganizationSeed(
        "黄屯司法所",
        "judicial_office",
        (NETWORK_RIGHTS_PROTECTION,),
        HUANGTUN_CODE,
        "0537-5550104",
    ),
    OrganizationSeed(
        HUANGTUN_WOMENS_FEDERATION,
        "womens_federation",
        (NETWORK_SOCIAL_CARE,),
        HUANGTUN_CODE,
        "0537-5550105",
        HUANGTUN_WF_CREDIT_CODE,
    ),
    OrganizationSeed(
        "共青团黄屯街道工委",
        "youth_league",
        (NETWORK_SOCIAL_CARE,),
        HUANGTUN_CODE,
        "0537-5550106",
    ),
    OrganizationSeed(
        HUANGTUN_HEALTH_CENTER,
        "health_center",
        (NETWORK_SUPPORT,),
        HUANGTUN_CODE,
        "0537-5550107",
    ),
    # 济宁高新区 (county level)
    OrganizationSeed(
        LAW_FIRM,
        "law_firm",
        (NETWORK_RIGHTS_PROTECTION,),
        COUNTY_CODE,
        "0537-5550108",
        LAW_FIRM_CREDIT_CODE,
    ),
    # 金色嘉苑社区
    OrganizationSeed(
        JINSE_JIAYUAN_VOLUNTEER_TEAM,
        "volunteer_team",
        (NETWORK_SUPPORT, NETWORK_SOCIAL_CARE),
        JINSE_JIAYUAN_CODE,
        "0537-5550109",
    ),
    OrganizationSeed(
        "金色嘉苑社区居民委员会",
        "community_committee",
        (NETWORK_EDUCATION_MANAGEMENT,),
        JINSE_JIAYUAN_CODE,
        "0537-5550110",
    ),
    # 柳行街道
    OrganizationSeed(
        "柳行派出所",
        "police_station",
        (NETWORK_RIGHTS_PROTECTION,),
        LIUXING_CODE,
        "0537-5550111",
    ),
    OrganizationSeed(
        "柳行司法所",
        "judicial_office",
        (NETWORK_RIGHTS_PROTECTION,),
        LIUXING_CODE,
        "0537-5550112",
    ),
    OrganizationSeed(
        "柳行街道妇联",
        "womens_federation",
        (NETWORK_SOCIAL_CARE,),
        LIUXING_CODE,
        "0537-5550113",
        LIUXING_WF_CREDIT_CODE,
    ),
    # 柳行街道's committees and legal service providers (demo/legal.py)
    *(
        _committee(code, name, kind, 14 + n)
        for n, (code, name, kind) in enumerate(_LIUXING_VILLAGES)
    ),
    OrganizationSeed(
        SECOND_LAW_FIRM, "law_firm", (NETWORK_RIGHTS_PROTECTION,), COUNTY_CODE, "0537-5550138"
    ),
    OrganizationSeed(
        LIUXING_LEGAL_SERVICE,
        "grassroots_legal_service",
        (NETWORK_RIGHTS_PROTECTION,),
        LIUXING_CODE,
        "0537-5550139",
    ),
)

__all__ = [
    "CITY",
    "CITY_CODE",
    "COUNTY",
    "COUNTY_CODE",
    "CREDIT_CODE_CHARSET",
    "CREDIT_CODE_WEIGHTS",
    "HUANGTUN",
    "HUANGTUN_CODE",
    "HUANGTUN_FPA",
    "HUANGTUN_HEALTH_CENTER",
    "HUANGTUN_POLICE_STATION",
    "HUANGTUN_WOMENS_FEDERATION",
    "JINSE_JIAYUAN_CODE",
    "JINSE_JIAYUAN_VOLUNTEER_TEAM",
    "KINDS",
    "LAW_FIRM",
    "KIND_COMMUNITY",
    "KIND_VILLAGE",
    "LEVELS",
    "LEVEL_CITY",
    "LEVEL_COUNTY",
    "LEVEL_PROVINCE",
    "LEVEL_TOWNSHIP",
    "LEVEL_VILLAGE",
    "LIUXING",
    "LIUXING_CODE",
    "LIUXING_LEGAL_SERVICE",
    "NETWORKS",
    "ORGANIZATIONS",
    "ORG_TYPES",
    "PROVINCE",
    "PROVINCE_CODE",
    "REGIONS",
    "SECOND_LAW_FIRM",
    "TOWNSHIPS",
    "VILLAGES_BY_TOWNSHIP",
    "OrganizationSeed",
    "RegionSeed",
    "credit_code_check_char",
]
