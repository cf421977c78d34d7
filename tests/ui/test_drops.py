"""A drag that brings no file (an Outlook attachment, a link): named, and the clerk is told to
save it to a folder first; nothing silent."""

import struct

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.ui.drops import WINDOWS_MIME, descriptor_names, not_files

from ui_helpers import when_modal


def descriptor(*names: str, wide: bool = True) -> bytes:
    """A FILEGROUPDESCRIPTOR(W) as Outlook puts it on the drag: a count, then 592-byte records."""
    width = 520 if wide else 260
    records = b""
    for name in names:
        raw = name.encode("utf-16-le" if wide else "cp1252")
        records += b"\x01\x00\x00\x00" + b"\0" * 68 + raw + b"\0" * (width - len(raw))
    return struct.pack("<I", len(names)) + records


def outlook_drag(*names: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(WINDOWS_MIME.format("FileGroupDescriptorW"), QByteArray(descriptor(*names)))
    mime.setData(WINDOWS_MIME.format("FileContents"), QByteArray(b"PK\x03\x04"))
    return mime


def test_the_names_of_outlook_attachments_are_read_from_the_descriptor():
    assert descriptor_names(descriptor("Báo cáo xã Sĩ Bình.xlsx", "b.xlsx")) == [
        "Báo cáo xã Sĩ Bình.xlsx", "b.xlsx"]
    assert descriptor_names(descriptor("bao cao.xlsx", wide=False), 260, "cp1252") == [
        "bao cao.xlsx"]
    assert descriptor_names(b"") == [] and descriptor_names(descriptor("a.xlsx")[:300]) == []
    assert not_files(outlook_drag("Báo cáo.xlsx")) == ["Báo cáo.xlsx"]
    link = QMimeData()
    link.setUrls([QUrl("https://chat.zalo.me/files/bao-cao.xlsx")])
    assert not_files(link) == ["bao-cao.xlsx"]


def test_an_outlook_attachment_dropped_on_the_window_says_to_save_it_first(demo_db, opener):
    window = opener.open()
    mime = outlook_drag("Báo cáo xã Sĩ Bình.xlsx")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()  # the drop is let through, so it can be answered
    seen = []
    when_modal(QMessageBox, lambda box: box.accept(), seen)
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert "“Báo cáo xã Sĩ Bình.xlsx” chưa phải là tệp trên máy" in seen[0]
    assert "Hãy lưu tệp đính kèm vào một thư mục trước" in seen[0]


def test_the_same_on_the_returns_tab(demo_db, opener):
    window = opener.open()
    tab = window.returns_holder.ensure_built()
    seen = []
    when_modal(QMessageBox, lambda box: box.accept(), seen)
    mime = outlook_drag("a.xlsx", "b.xlsx")  # held: the event does not keep it alive
    tab.dropEvent(QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert seen and seen[0].startswith("“a.xlsx”, “b.xlsx” chưa phải là tệp trên máy")
