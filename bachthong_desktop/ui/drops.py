"""What a drag onto the window brings: files on the disk, or things that are not files yet.

An attachment dragged out of Outlook (or a file out of a web page) comes as a "virtual file": a
name (Windows' FileGroupDescriptorW, Qt gives it under the mime type below) and contents on
request, but no path. Refusing it silently leaves a clerk waiting, so it is named and the
clerk is told to save it to a folder first.
"""

from __future__ import annotations

import struct
from pathlib import Path

WINDOWS_MIME = 'application/x-qt-windows-mime;value="{}"'
DESCRIPTORS = (("FileGroupDescriptorW", 520, "utf-16-le"), ("FileGroupDescriptor", 260, "mbcs"))
NAME_OFFSET = 72  # FILEDESCRIPTOR: flags, clsid, size, point, attributes, 3 times, 2 sizes


def dropped_files(mime) -> list[Path]:
    """The files and folders dropped (the import says which it cannot read, and why)."""
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


def not_files(mime) -> list[str]:
    """The names of what was dropped without a file on the disk (Outlook attachments, links)."""
    for format_name, name_bytes, encoding in DESCRIPTORS:
        data = bytes(mime.data(WINDOWS_MIME.format(format_name)))
        if data:
            return descriptor_names(data, name_bytes, encoding)
    return [u.fileName() or u.toString() for u in mime.urls() if not u.isLocalFile()]


def descriptor_names(data: bytes, name_bytes: int = 520, encoding: str = "utf-16-le") -> list[str]:
    """The file names of a FILEGROUPDESCRIPTOR(W): a count, then one fixed record a file."""
    if len(data) < 4:
        return []
    size = NAME_OFFSET + name_bytes
    count = struct.unpack_from("<I", data)[0]
    names = []
    for index in range(min(count, (len(data) - 4) // size)):
        start = 4 + index * size + NAME_OFFSET
        raw = data[start:start + name_bytes]
        try:
            text = raw.decode(encoding, errors="replace")
        except LookupError:  # "mbcs" exists only on Windows
            text = raw.decode("cp1252", errors="replace")
        names.append(text.split("\0", 1)[0] or "(không tên)")
    return names


def save_first_message(names: list[str]) -> str:
    """The sentence for a drop that brings no file."""
    shown = ", ".join(f"“{n}”" for n in names[:3]) + (" …" if len(names) > 3 else "")
    return (f"{shown or 'Thứ vừa kéo vào'} chưa phải là tệp trên máy (tệp đính kèm kéo thẳng từ "
            "thư điện tử như Outlook, hoặc từ trang web) nên chương trình không đọc được. Hãy lưu "
            "tệp đính kèm vào một thư mục trước (bấm chuột phải vào tệp đính kèm > Lưu thành / "
            "Save As), rồi kéo tệp đã lưu từ thư mục đó vào đây.")


def refuse_not_files(parent, mime) -> bool:
    """A drop without a file on the disk (an Outlook attachment): say to save it first."""
    from PySide6.QtWidgets import QMessageBox

    names = not_files(mime)
    if not names:
        return False
    QMessageBox.information(parent, "Nhập báo cáo", save_first_message(names))
    return True
