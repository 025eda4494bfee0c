"""The enumerations of services delivered (docs/services.md); labels for `GET /meta/enums`."""

from __future__ import annotations

from liushou.enums import LabelledEnum


class Program(LabelledEnum):
    """The programme a service type belongs to: the sections of the seed report."""

    education = "education", "四点半课堂"
    wishes = "wishes", "爱心圆梦"
    counseling = "counseling", "心理疏导与健康咨询"
    legal = "legal", "法律服务"
    employment = "employment", "就业帮扶"
    health = "health", "医路相伴"
    companionship = "companionship", "情暖夕阳"
    publicity = "publicity", "宣传倡导"


class WishKind(LabelledEnum):
    micro_wish = "micro_wish", "微心愿"
    dream_come_true = "dream_come_true", "爱心圆梦"


class WishStatus(LabelledEnum):
    open = "open", "待认领"
    claimed = "claimed", "已认领"
    fulfilled = "fulfilled", "已实现"
    cancelled = "cancelled", "已取消"


class DistributionItem(LabelledEnum):
    publicity_leaflet = "publicity_leaflet", "宣传单"
    publicity_bag = "publicity_bag", "宣传袋"
    school_supplies = "school_supplies", "学习用品"
    hotline_card = "hotline_card", "便民找法服务卡"
    other = "other", "其他"
