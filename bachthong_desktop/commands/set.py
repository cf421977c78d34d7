"""`bachthong set --period KỲ CHỈ_TIÊU GIÁ_TRỊ`: write one of the office's values, as the
window would (the same reading, checks and history), for scripts and tests."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.checks import ERROR
from ..core.errors import UserError
from ..core.periods import parse_period

SOURCE = "dòng lệnh"  # the history's word for a value written by this command


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("code", metavar="CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ rebuttal_turns")
    parser.add_argument("value", metavar="GIÁ_TRỊ", nargs="?",
                        help="giá trị; danh sách: mỗi dòng một ý; để trống (\"\") là xóa")
    parser.add_argument("--tep", metavar="TỆP",
                        help="đọc giá trị từ tệp văn bản (UTF-8); “-” là đọc từ đầu vào chuẩn")
    parser.set_defaults(run=run)


def read_value(args) -> str:
    """The value from the command line, a file or standard input."""
    if args.tep is not None and args.value is not None:
        raise UserError("Hãy ghi giá trị trên dòng lệnh hoặc dùng --tep, không dùng cả hai.")
    if args.tep is None:
        if args.value is None:
            raise UserError("Thiếu giá trị cần ghi. Ví dụ: bachthong set --period 2023-H1 "
                            "rebuttal_turns 1086")
        return args.value
    if args.tep == "-":
        return sys.stdin.read()
    try:
        return Path(args.tep).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Không đọc được tệp “{args.tep}” ({exc}). Hãy kiểm tra tên tệp và "
                        "lưu tệp dạng văn bản UTF-8.") from None


def nested_items(text: str) -> list[dict]:
    """A numbered list with sub-items from lines: a line starting with "-" or "+" (or
    indented) belongs to the item above it."""
    items: list[dict] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if items and (line[:1].isspace() or stripped[:1] in "-+"):
            items[-1]["children"].append(stripped.lstrip("-+ ").strip())
        else:
            items.append({"text": stripped, "children": []})
    return items


def raw_for(field, text: str):
    """What the window's editor would hand over for this text."""
    if field.kind == "table":
        raise UserError(f"“{field.label}” là một bảng: hãy nhập trong cửa sổ chương trình "
                        "hoặc nhập tệp báo cáo của xã.")
    if field.kind == "nested_list":
        return nested_items(text)
    if field.kind in ("list", "longtext"):
        return text
    return text.strip()


def run(session, args) -> int:
    period = parse_period(args.period)
    form = session.form
    if not form.has_field(args.code):
        raise UserError(f"Không có chỉ tiêu mã “{args.code}”. Các mã: "
                        + ", ".join(f.code for f in form.fields) + ".")
    field = form.field(args.code)  # a total of the units' figures: the office's own figure
    office = session.office_for(period)  # the office of that period (2023: the district)
    if form.lacks(field, form.words_of(office)):
        raise UserError(f"“{field.label}” không có ở {office.name}: báo cáo của cấp này không có "
                        "mục đó. Hãy xem các chỉ tiêu trong cửa sổ chương trình.")
    changed = session.store.set(period.id, office.code, field.code,
                                raw_for(field, read_value(args)), SOURCE)
    print(f"Đã ghi “{field.label}” kỳ {period.id}." if changed
          else f"“{field.label}” kỳ {period.id} không đổi.")
    for problem in session.state(period).problems:
        if problem.field == field.code:
            word = "Cần sửa" if problem.level == ERROR else "Cảnh báo"
            print(f"{word}: {problem.label}: {problem.message}", file=sys.stderr)
    return 0
