"""`bachthong units`: the compiling office and its reporting units; add, end, choose the office."""

from __future__ import annotations

from ..core.errors import UserError
from ..core.numbers import parse_date
from ..core.settings import set_setting
from ..core.units import OFFICE_SETTING, Unit, end_unit, get_unit, reporting_units, save_unit


def arguments(parser) -> None:
    parser.add_argument("--ngay", dest="on", metavar="dd/mm/yyyy",
                        help="chỉ các đơn vị còn hiệu lực vào ngày này")
    actions = parser.add_subparsers(dest="action", metavar="VIỆC", title="Các việc",
                                    parser_class=type(parser))
    add = actions.add_parser("add", help="thêm hoặc sửa một đơn vị báo cáo")
    add.add_argument("code", metavar="MÃ", help="mã đơn vị (ví dụ mã xã theo danh mục quốc gia)")
    add.add_argument("name", metavar="TÊN", help="tên đơn vị, ví dụ “Xã Phủ Thông”")
    add.add_argument("--loai", dest="kind", default="xã", help="loại đơn vị: xã, thị trấn, phường …")
    add.add_argument("--thuoc", dest="parent", help="mã cơ quan tổng hợp (mặc định: cơ quan hiện tại)")
    add.add_argument("--tu-ngay", dest="start", required=True, metavar="dd/mm/yyyy",
                     help="ngày bắt đầu hiệu lực")
    add.add_argument("--den-ngay", dest="end", metavar="dd/mm/yyyy", help="ngày hết hiệu lực")
    end = actions.add_parser("end", help="ghi ngày một đơn vị thôi tồn tại (sáp nhập, giải thể)")
    end.add_argument("code", metavar="MÃ")
    end.add_argument("--den-ngay", dest="end", required=True, metavar="dd/mm/yyyy")
    office = actions.add_parser("office", help="chọn cơ quan tổng hợp báo cáo cho máy này")
    office.add_argument("code", metavar="MÃ")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    action = getattr(args, "action", None)
    if action == "add":
        return _add(session, args)
    if action == "end":
        unit = end_unit(session.db, args.code, parse_date(args.end))
        print(f"Đã ghi: {unit.name} ({unit.code}) hết hiệu lực sau ngày {args.end}.")
        return 0
    if action == "office":
        unit = get_unit(session.db, args.code)
        if not unit.is_office:
            raise UserError(f"“{unit.name}” chưa được khai báo là cơ quan tổng hợp báo cáo "
                            "(thiếu tên trên văn bản, người ký). Hãy khai báo đủ rồi chọn lại.")
        set_setting(session.db, OFFICE_SETTING, unit.code)
        print(f"Máy này tổng hợp báo cáo cho: {unit.header_name}.")
        return 0
    return _list(session, args)


def _add(session, args) -> int:
    start = parse_date(args.start)
    end = parse_date(args.end) if args.end else None
    unit = save_unit(session.db, Unit(
        code=args.code.strip(), name=args.name, kind=args.kind,
        parent_code=args.parent or session.office.code, valid_from=start.isoformat(),
        valid_to=end.isoformat() if end else None))
    print(f"Đã lưu đơn vị {unit.code} {unit.name}, thuộc {unit.parent_code}, "
          f"hiệu lực {_validity(unit)}.")
    return 0


def _validity(unit) -> str:
    end = unit.valid_to or "nay"
    return f"{unit.valid_from} → {end}"


def _list(session, args) -> int:
    on = parse_date(args.on) if args.on else None
    office = session.office
    print(f"Cơ quan tổng hợp: {office.code}  {office.header_name}  ({_validity(office)})")
    print(f"Nơi ghi ngày tháng: {office.place}; người ký: {office.signer_title} {office.signer_name}")
    units = reporting_units(session.db, office.code, on)
    print(f"Các đơn vị báo cáo ({len(units)}):")
    for unit in units:
        aliases = f" (còn viết: {', '.join(unit.alias_list)})" if unit.alias_list else ""
        print(f"  {unit.code}  {unit.name}{aliases}  [{_validity(unit)}]")
    return 0
