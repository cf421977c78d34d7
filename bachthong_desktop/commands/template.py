"""`bachthong template`: the Excel return template for one unit, or for all of them."""

from __future__ import annotations

from pathlib import Path

from ..core import wording
from ..core.errors import UsageError, UserError
from ..core.paths import too_long
from ..core.periods import parse_period
from ..core.units import find_unit
from ..exchange.xlsx_template import TemplateInfo, template_file_name, write_template


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--unit", metavar="MÃ", help="mã (hoặc tên) của đơn vị báo cáo")
    which.add_argument("--all", action="store_true", help="một tệp cho mỗi đơn vị báo cáo")
    parser.add_argument("-o", "--output", required=True, metavar="ĐƯỜNG_DẪN",
                        help="tệp .xlsx (với --unit) hoặc thư mục (với --all)")
    parser.set_defaults(run=run)


def _write(session, unit, period, target: Path) -> Path:
    try:
        return write_template(TemplateInfo(unit, period, session.form), target)
    except OSError as exc:
        raise UserError(too_long(target) or f"Không ghi được tệp {target}: {exc.strerror}. Hãy "
                        "chọn thư mục khác hoặc đóng tệp đang mở trong Excel.") from exc


def run(session, args) -> int:
    period = parse_period(args.period)
    out = Path(args.output)
    if args.all:
        out.mkdir(parents=True, exist_ok=True)
        units = session.units(period)
        if not units:
            office = session.office_for(period)
            raise UserError(f"{office.name} không có đơn vị nào báo cáo kỳ {period.id}: cơ quan tự "
                            "lập báo cáo của mình, không cần mẫu. Thêm thôn, bộ phận báo cáo bằng "
                            "lệnh: bachthong units own TÊN; gửi số liệu lên cấp trên bằng lệnh: "
                            f"bachthong send --period {period.id} -o TỆP.xlsx")
        for unit in units:
            print(_write(session, unit, period, out / template_file_name(period, unit, session.form)))
        print(f"Đã tạo {wording.number(len(units))} mẫu báo cáo kỳ {period.id} trong {out}.")
        return 0
    unit = find_unit(session.db, args.unit, session.office_for(period).code, period.cutoff_end)
    if unit is None:
        raise UserError(f"Không có đơn vị “{args.unit}” báo cáo kỳ {period.id}. Xem danh sách "
                        "bằng lệnh: bachthong units")
    if out.suffix.lower() != ".xlsx" and not out.is_dir():
        raise UsageError(f"Tên tệp “{out.name}” phải có đuôi .xlsx.")
    print(f"Đã tạo mẫu báo cáo của {unit.name}, kỳ {period.id}: "
          f"{_write(session, unit, period, out)}")
    return 0
