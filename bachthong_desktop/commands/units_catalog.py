"""`bachthong units catalog [--apply]`: the national catalog's release of the office, and what a
newer release changes for it (listed first; applied only with --apply and the user's answers)."""

from __future__ import annotations

from ..core import catalog
from ..core.catalog_changes import plan_update
from ..core.catalog_update import KEEP_NAME, apply_update
from ..core.errors import UserError
from ..core.numbers import parse_date

def add_parser(actions) -> None:
    parser = actions.add_parser("catalog", help="bản danh mục đơn vị hành chính của cơ quan; "
                                                "xem và cập nhật lên bản mới")
    parser.add_argument("--apply", action="store_true", help="cập nhật (mặc định chỉ liệt kê)")
    parser.add_argument("--doi-ten", dest="renames", action="append", default=[],
                        metavar="MÃ=dd/mm/yyyy", help="xác nhận đổi tên một đơn vị từ ngày đó")
    parser.add_argument("--giu-ten", dest="keeps", action="append", default=[], metavar="MÃ",
                        help="giữ tên cũ của một đơn vị mà danh mục mới ghi tên khác")


def _answers(args) -> dict:
    answers = {code.strip(): KEEP_NAME for code in args.keeps}
    for item in args.renames:
        code, sep, day = item.partition("=")
        if not sep:
            raise UserError(f"“{item}”: hãy ghi mã và ngày đổi tên, ví dụ --doi-ten 01537=01/01/2026.")
        answers[code.strip()] = parse_date(day)
    return answers


def print_plan(plan) -> None:
    if plan.before_catalog:
        print(f"Cơ quan: {plan.office.name} ({plan.office.code}), trước ngày 01/07/2025: không "
              "dùng danh mục đơn vị hành chính từ ngày đó, không có gì để cập nhật.")
        return
    print(f"Cơ quan: {plan.office.name} ({plan.office.code}), danh mục bản {plan.from_release}.")
    if plan.up_to_date:
        print(f"Đã là bản mới nhất chương trình có ({catalog.CURRENT_RELEASE}).")
        return
    print(f"Bản mới: {plan.to_release}; {len(plan.changes)} thay đổi cho cơ quan này.")
    for line in plan.lines():
        print(line)


def run(session, args) -> int:
    plan = plan_update(session.db, office=session.office)
    print_plan(plan)
    if not args.apply or plan.up_to_date:
        if not plan.up_to_date:
            print("Chưa thay đổi gì. Cập nhật: bachthong units catalog --apply")
        return 0
    notes = apply_update(session.db, plan, _answers(args))
    print(f"Đã cập nhật danh mục lên bản {plan.to_release} ({len(notes)} ghi chú, có sao lưu "
          "trước khi cập nhật).")
    return 0
