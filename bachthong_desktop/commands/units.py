"""`bachthong units`: the compiling office and its reporting units; find in the national
catalog, set up the office, its header and signer; add and end units."""

from __future__ import annotations

from ..core import catalog, wording
from ..core.errors import UserError
from ..core.numbers import parse_date
from ..core.office_setup import add_own_unit, set_header, set_up_office
from ..core.unit_names import SimilarName
from ..core.units import Unit, end_unit, reporting_units, save_unit
from ..core.wording import date
from . import units_catalog

FIND_LIMIT = 15
HEADER_FLAGS = (  # flag, Unit field, help
    ("--ten-co-quan", "header_name", "tên cơ quan trên văn bản, ví dụ “ỦY BAN NHÂN DÂN XÃ PHỦ THÔNG”"),
    ("--cap-tren", "parent_body", "cơ quan chủ quản ghi phía trên, ví dụ “UBND TỈNH THÁI NGUYÊN” "
                                  "(để trống: \"\")"),
    ("--ten-ngan", "short_name", "tên ngắn dùng trong câu, ví dụ “UBND xã Phủ Thông”"),
    ("--noi", "place", "địa danh ghi ngày tháng, ví dụ “Phủ Thông”"),
    ("--ky-hieu", "doc_issuer_code", "ký hiệu cơ quan trong số văn bản, ví dụ UBND, SVHTTDL"),
    ("--tm", "signer_authority", "dòng thẩm quyền ký, ví dụ “TM. ỦY BAN NHÂN DÂN” (trống: \"\")"),
    ("--kt", "signer_deputy", "dòng ký thay, ví dụ “KT. CHỦ TỊCH” (trống: \"\")"),
    ("--chuc-vu", "signer_title", "chức vụ người ký, ví dụ “PHÓ CHỦ TỊCH”"),
    ("--nguoi-ky", "signer_name", "họ tên người ký"),
)


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
    own = actions.add_parser("own", help="thêm một thôn, tổ dân phố, bộ phận báo cáo cho cơ quan "
                                         "(mã do cơ quan đặt)")
    own.add_argument("name", metavar="TÊN", help="tên đơn vị, ví dụ “Thôn Nà Pài”")
    own.add_argument("--van-them", dest="similar_ok", action="store_true",
                     help="vẫn thêm khi tên chỉ khác một đơn vị đã có ở chỗ thiếu dấu")
    find = actions.add_parser("find", help="tìm đơn vị trong danh mục hành chính từ 01/07/2025")
    find.add_argument("text", metavar="TỪ", nargs="+", help="tên (có dấu hoặc không) hoặc mã")
    office = actions.add_parser("office", help="chọn cơ quan tổng hợp báo cáo từ danh mục")
    office.add_argument("code", metavar="MÃ", help="mã trong danh mục: 2 chữ số cho tỉnh (19: "
                                                   "Thái Nguyên), 5 chữ số cho xã, phường")
    office.add_argument("--tu-ngay", dest="start", metavar="dd/mm/yyyy",
                        help="ngày bắt đầu làm cơ quan tổng hợp (mặc định 01/07/2025)")
    _header_flags(office)
    header = actions.add_parser("header", help="sửa tên cơ quan, cơ quan cấp trên, nơi ghi ngày "
                                               "và người ký của cơ quan hiện tại")
    _header_flags(header)
    units_catalog.add_parser(actions)
    parser.set_defaults(run=run)


def _header_flags(parser) -> None:
    for flag, dest, text in HEADER_FLAGS:
        parser.add_argument(flag, dest=dest, metavar="CHỮ", help=text)


def run(session, args) -> int:
    action = getattr(args, "action", None)
    if action == "add":
        return _add(session, args)
    if action == "end":
        unit = end_unit(session.db, args.code, parse_date(args.end))
        print(f"Đã ghi: {unit.name} ({unit.code}) hết hiệu lực sau ngày {args.end}.")
        return 0
    if action == "own":
        try:
            unit = add_own_unit(session.db, args.name, target=session.office,
                                similar_ok=args.similar_ok)
        except SimilarName as similar:
            raise UserError(f"{similar.message} Nếu là đơn vị khác, hãy chạy lại lệnh với "
                            "--van-them.") from None
        print(f"Đã thêm {unit.name} (mã {unit.code}) báo cáo cho {session.office.name}.")
        return 0
    if action == "find":
        return _find(" ".join(args.text))
    if action == "office":
        return _office(session, args)
    if action == "header":
        return _header(session, args)
    if action == "catalog":
        return units_catalog.run(session, args)
    return _list(session, args)


def _find(text: str) -> int:
    found = catalog.search(text)
    if not found:
        near = catalog.closest_names(text) or catalog.nearest_codes(text)
        hint = "; ".join(f"{u.code} {u.label}" for u in near) or "không có tên nào gần giống"
        raise UserError(f"Không có đơn vị nào tên “{text}” trong danh mục. Gần giống: {hint}. "
                        "Hãy gõ lại tên (có dấu hoặc không dấu).")
    for unit in found[:FIND_LIMIT]:
        print(f"  {unit.code:>5}  {unit.label}")
    if len(found) > FIND_LIMIT:
        print(f"… và {wording.number(len(found) - FIND_LIMIT)} đơn vị khác: hãy gõ thêm một từ của tên "
              "(ví dụ tên tỉnh) để thu hẹp.")
    return 0


def _header_changes(args) -> dict[str, str]:
    return {dest: getattr(args, dest) for _, dest, _ in HEADER_FLAGS
            if getattr(args, dest, None) is not None}


def _office(session, args) -> int:
    start = parse_date(args.start) if args.start else None
    done = set_up_office(session.db, args.code, start)
    office = done.office
    if changes := _header_changes(args):
        office = set_header(session.db, changes, office)
    if done.ended is not None:
        print(f"{done.ended.name} giữ các kỳ báo cáo của mình, hiệu lực đến hết ngày "
              f"{_date(done.ended.valid_to)}.")
    print(f"Máy này tổng hợp báo cáo cho: {office.header_name}, từ ngày "
          f"{_date(office.valid_from)}.")
    if done.units:
        print(f"Các đơn vị báo cáo: {wording.number(len(done.units))} "
              f"{_members(session.form, office)}.")
    _print_header(office)
    return 0


def _members(form, office) -> str:
    """ "xã, phường" or "xã, phường, đặc khu": the level's words from the definition."""
    return form.unit_words(office)["member_kinds"]


def _header(session, args) -> int:
    changes = _header_changes(args)
    if not changes:
        raise UserError("Chưa có gì để sửa. Hãy ghi ít nhất một mục, ví dụ "
                        "--nguoi-ky \"Nguyễn Văn A\" (xem: bachthong units header --help).")
    office = set_header(session.db, changes, session.office)
    print(f"Đã lưu thông tin của {office.name}.")
    _print_header(office)
    return 0


def _print_header(office) -> None:
    lines = [office.parent_body, office.header_name]
    print("Tiêu đề văn bản: " + " / ".join(line for line in lines if line))
    print(f"Nơi ghi ngày tháng: {office.place}, ngày … tháng … năm …")
    signer = " / ".join(x for x in (office.signer_authority, office.signer_deputy,
                                     office.signer_title) if x)
    name = office.signer_name or "(chưa có họ tên: ghi bằng --nguoi-ky \"…\")"
    print(f"Người ký: {signer} / {name}")


def _date(iso: str | None) -> str:
    return date(parse_date(iso)) if iso else "nay"


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
    return f"{_date(unit.valid_from)} → {_date(unit.valid_to)}"


def _list(session, args) -> int:
    on = parse_date(args.on) if args.on else None
    office = session.office
    print(f"Cơ quan tổng hợp: {office.code}  {office.name}  ({_validity(office)})")
    _print_header(office)
    units = reporting_units(session.db, office.code, on)
    print(f"Các đơn vị báo cáo ({wording.number(len(units))}):")
    for unit in units:
        aliases = f" (còn viết: {', '.join(unit.alias_list)})" if unit.alias_list else ""
        print(f"  {unit.code}  {unit.name}{aliases}  [{_validity(unit)}]")
    return 0
