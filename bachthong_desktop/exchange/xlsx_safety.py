"""Checks a received file must pass before it is read: format, size, bombs, tricks."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..core import wording
from ..core.paths import too_long
from .files import shown_name
from .xlsx_layout import sheet_parts

MAX_FILE_BYTES = 10 * 1024 * 1024         # a return is some 20 KB; 10 MB is far beyond any
MAX_UNCOMPRESSED_BYTES = 60 * 1024 * 1024  # declared total of the zip's parts
MAX_RATIO = 200                             # uncompressed/compressed of one large part
MAX_CELLS = 200_000                         # declared by the sheets' <dimension>
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "Hãy mở tệp bằng Excel hoặc LibreOffice Calc, chọn Lưu thành “Sổ làm việc Excel (.xlsx)” rồi nhập lại."
_ENCODING = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)[\"']")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")


class UnsafeFile(ValueError):
    """A file refused before it is opened; `message` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class SafetyReport:
    """What the checks learnt about a file that passed them, and its XML parts (each read and
    checked once here, then read by the import from memory)."""

    parts: dict[str, bytes] = field(default_factory=dict)  # every .xml and .rels part
    members: frozenset[str] = frozenset()  # the names of all parts of the zip
    # sheet part -> (declared area, its cell count) when larger than MAX_CELLS: the reader
    # looks at what the sheet really holds there (a stray letter far below, or a lie)
    declared: dict[str, tuple[str, int]] = field(default_factory=dict)
    sha256: str = ""


def _refuse(name: str, text: str) -> UnsafeFile:
    return UnsafeFile(f"Tệp “{name}”: {text}")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + ord(ch) - 64
    return n


def _check_ole(name: str, head: bytes, path: Path) -> None:
    """An OLE container is either an encrypted xlsx or an old .xls/.doc."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise _refuse(name, "tệp được đặt mật khẩu nên chương trình không đọc được. Hãy mở tệp, "
                      "bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu và gửi lại.")
    raise _refuse(name, "đây là tệp Excel kiểu cũ (.xls), chương trình chỉ đọc tệp .xlsx. " + SAVE_AS)


def _check_not_zip(name: str, head: bytes) -> None:
    if head.startswith(b"%PDF"):
        raise _refuse(name, "đây là tệp PDF, không phải bảng tính. Hãy gửi tệp Excel (.xlsx) "
                      "của mẫu báo cáo.")
    if b"\x00" not in head and (b"," in head or b";" in head or b"\t" in head):
        raise _refuse(name, "đây là tệp văn bản dạng CSV, không phải tệp Excel. " + SAVE_AS)
    raise _refuse(name, "không phải tệp Excel .xlsx. " + SAVE_AS)


def _check_members(name: str, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    names = set(zf.namelist())
    if "mimetype" in names:
        kind = zf.read("mimetype")[:100]
        if b"spreadsheet" in kind:
            raise _refuse(name, "đây là tệp LibreOffice (.ods), chương trình chỉ đọc tệp .xlsx. "
                          "Hãy mở tệp bằng LibreOffice Calc, chọn Lưu thành định dạng "
                          "“Excel 2007-365 (.xlsx)” rồi nhập lại.")
        raise _refuse(name, "đây là tệp OpenDocument, không phải tệp Excel .xlsx. " + SAVE_AS)
    if "word/document.xml" in names:
        raise _refuse(name, "đây là tệp Word (.docx) được đổi tên, không phải bảng tính. Hãy "
                      "điền số liệu vào mẫu Excel (.xlsx) của cơ quan tổng hợp rồi gửi lại.")
    if "xl/workbook.bin" in names:
        raise _refuse(name, "đây là tệp Excel dạng nhị phân (.xlsb), chương trình chỉ đọc tệp "
                      ".xlsx. " + SAVE_AS)
    if "xl/workbook.xml" not in names:
        raise _refuse(name, "tệp nén này không phải tệp Excel .xlsx. " + SAVE_AS)
    infos = zf.infolist()
    if len({i.filename.casefold() for i in infos}) < len(infos):
        # two parts of one name (Excel does not tell case apart): readers take different ones
        raise _refuse(name, "tệp có hai phần trùng tên, không biết phần nào là số liệu thật "
                      "(tệp bị sửa ngoài Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu "
                      "lại dạng .xlsx rồi gửi lại.")
    return infos


def _check_sizes(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    bomb = any(i.file_size > 1_000_000 and i.file_size > MAX_RATIO * max(i.compress_size, 1)
               for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or bomb:
        raise _refuse(name, "tệp khai báo dung lượng giải nén quá lớn, không phải một báo cáo "
                      "bình thường (có thể là tệp độc hại). Hãy kiểm tra lại tệp nhận được.")


def _entity_trick(name: str) -> UnsafeFile:
    return _refuse(name, "tệp chứa khai báo XML không được phép (có thể là tệp độc hại). Hãy mở "
                   "tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.")


def declared_area(head: bytes) -> tuple[str, int] | None:
    """The area a sheet's <dimension> declares and its cell count, when above MAX_CELLS."""
    dim = _DIMENSION.search(head)
    if dim and dim.group(3):
        cols = _column_number(dim.group(3)) - _column_number(dim.group(1)) + 1
        rows = int(dim.group(4)) - int(dim.group(2)) + 1
        if cols * rows > MAX_CELLS:
            ref = b"%s%s:%s%s" % (dim.group(1), dim.group(2), dim.group(3), dim.group(4))
            return ref.decode(), cols * rows
    return None


def _check_xml_part(name: str, xml: bytes) -> None:
    """Refuse DTDs and entities, and a part in another encoding than UTF-8: the checks here
    and the hidden rows and merges (xlsx_layout) look for tags as UTF-8 bytes, which a
    UTF-16 part hides from them while an XML parser still reads its cells."""
    head = xml[:256].removeprefix(b"\xef\xbb\xbf").lstrip()
    declared = _ENCODING.match(head)
    if head and (not head.startswith(b"<") or b"\x00" in head or (
            declared and declared.group(1).lower() not in (b"utf-8", b"utf8"))):
        raise _refuse(name, "tệp có phần được lưu bằng bảng mã lạ (không phải UTF-8) nên "
                      "chương trình không kiểm tra được. Hãy mở tệp bằng Excel hoặc LibreOffice, "
                      "lưu lại dạng .xlsx rồi gửi lại.")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise _entity_trick(name)


def _sheet_part_names(parts: dict[str, bytes]) -> list[str]:
    """The sheets' parts: those the workbook names, wherever its relationships put them (a
    sheet outside xl/worksheets/ is still a sheet), and any part under xl/worksheets/."""
    named = [part for part, _ in sheet_parts(parts).values() if part in parts]
    return list(dict.fromkeys(named + [p for p in parts if p.startswith("xl/worksheets/")
                                       and p.endswith(".xml")]))


def check_file(path: Path) -> SafetyReport:
    """Raise UnsafeFile with a Vietnamese message unless `path` is a plausible, safe xlsx."""
    path = Path(path)
    name = shown_name(path)
    try:
        size = path.stat().st_size
        if size <= MAX_FILE_BYTES:
            data = path.read_bytes()
            size = len(data)
    except OSError as exc:
        long = too_long(path)
        raise _refuse(name, long[0].lower() + long[1:] if long else
                      f"không đọc được tệp ({exc.strerror}). Hãy kiểm tra tệp còn đó và "
                      "không bị chương trình khác khóa.") from exc
    if size > MAX_FILE_BYTES:
        raise _refuse(name, f"tệp nặng {wording.number(round(size / 1024 / 1024, 1))} MB, lớn hơn "
                      "nhiều so với một báo cáo. Hãy kiểm tra lại có đúng tệp báo cáo không.")
    if size == 0:
        raise _refuse(name, "tệp rỗng. Hãy xin đơn vị gửi lại tệp.")
    head = data[:4096]
    if head.startswith(OLE_MAGIC):
        _check_ole(name, head, path)
    if not head.startswith(b"PK"):
        _check_not_zip(name, head)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = _check_members(name, zf)
            _check_sizes(name, infos)
            report = SafetyReport(sha256=hashlib.sha256(data).hexdigest(),
                                  members=frozenset(i.filename for i in infos))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    report.parts[info.filename] = zf.read(info)
                    _check_xml_part(name, report.parts[info.filename])
            sheets = _sheet_part_names(report.parts)
            report.declared = {p: area for p in sheets
                               if (area := declared_area(report.parts[p][:4096]))}
            return report
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            zlib.error) as exc:
        raise _refuse(name, "tệp bị hỏng (không giải nén được). Hãy xin đơn vị gửi lại tệp, "
                      "hoặc mở bằng Excel/LibreOffice rồi lưu lại dạng .xlsx.") from exc
