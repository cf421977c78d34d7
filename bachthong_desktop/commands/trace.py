"""`bachthong trace --period P CODE`: where each part of a total came from."""

from __future__ import annotations

from ..core import wording
from ..core.errors import UserError
from ..core.periods import parse_period
from ..core.returns import trace


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("code", metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ rebuttal_turns")
    parser.set_defaults(run=run)


def value_text(field, value) -> str:
    """A value as trace prints it: the house's wording; a table by its rows' names."""
    if field.kind == "table" and isinstance(value, list):
        return "; ".join(str(r.get(field.merge_key or "name") or "") for r in value)
    return wording.value(field.kind, value)


def run(session, args) -> int:
    period = parse_period(args.period)
    if not session.form.has_field(args.code):
        raise UserError(f"Không có chỉ tiêu mã “{args.code}”. Các mã: "
                        + ", ".join(f.code for f in session.form.unit_fields()) + ".")
    f = session.form.field(args.code)
    figure = session.compile(period)[f.code]
    summed = figure.units_value if figure.own else figure.value  # the units' total
    total = "(chưa có)" if summed is None else value_text(f, summed)
    if f.aggregate == "share_yes" and figure.value is not None:
        total = f"{wording.share(figure.value)} số đơn vị trả lời “Có”"
    print(f"{f.label} ({f.code}), kỳ {period.id}: {total}")
    if figure.own and figure.value is not None:
        print(f"  Số của chính cơ quan (in ở câu riêng, không cộng vào tổng): "
              f"{value_text(f, figure.value)}")
    if figure.overridden:
        print("  Huyện đã ghi đè tổng này bằng số tự nhập.")
    elif figure.office_value is not None and f.from_office:
        print(f"  Huyện tự nhập: {value_text(f, figure.office_value)}")
    rows = trace(session.store, period.id, f.code, session.units(period))
    for row in rows:
        where = (f"tệp “{row.file_name}”, trang “{row.sheet}”, ô {row.cell}" if row.file_name
                 else f"nhập trực tiếp ({row.source})")
        print(f"  {row.unit_code} {row.unit_name}: {value_text(f, row.value)} — {where}")
    if not rows:
        print("  Chưa có xã nào báo cáo chỉ tiêu này.")
    return 0
