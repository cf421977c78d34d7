"""What the appendix says of the units that have not reported: their names when they are few,
their number when they are many, and no empty table when none has reported."""

from __future__ import annotations

from ..core import wording

NAMED_UP_TO = 10  # more units than this are counted, not named


def absent_units(missing, total: int, words: dict) -> str:
    """ "Các xã, thị trấn chưa gửi báo cáo: Xã Vi Hương, Xã Tân Tú." and the like."""
    kind = words["appendix_units"][:1].lower() + words["appendix_units"][1:]
    if not missing:
        return ""
    if len(missing) == total:
        return f"Chưa có {kind} nào gửi báo cáo."
    if len(missing) <= NAMED_UP_TO:
        return f"Các {kind} chưa gửi báo cáo: {', '.join(u.name for u in missing)}."
    return f"Còn {wording.number(len(missing))} {kind} chưa gửi báo cáo."
