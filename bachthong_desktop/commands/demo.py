"""`bachthong demo`: load the reference data set (2023-H1) into the database."""

from __future__ import annotations

from ..core import wording
from ..core.commune_mode import Mode, OFFICE, get_mode, set_mode
from ..core.demo import DEMO_PERIOD
from ..exchange.demo_returns import load_demo


def arguments(parser) -> None:
    parser.set_defaults(run=run)


def run(session, args) -> int:
    changed = load_demo(session.store)
    if get_mode(session.db) is None:  # the demo is the compiling office's data set
        set_mode(session.db, Mode(OFFICE))
    total = sum(changed.values())
    if total:
        print(f"Đã nạp dữ liệu mẫu kỳ {DEMO_PERIOD}: {wording.number(total)} giá trị của "
              f"{wording.number(len(changed))} đơn vị "
              f"vào {session.db_path}.")
    else:
        print(f"Dữ liệu mẫu kỳ {DEMO_PERIOD} đã có sẵn trong {session.db_path}; không có gì thay đổi.")
    return 0
