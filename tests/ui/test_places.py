"""Save dialogs start in Documents; chosen paths are shown the way Windows writes them."""

from pathlib import Path, PureWindowsPath

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from bachthong_desktop.ui.places import documents_folder, shown_path, suggested_file


def test_paths_from_qt_dialogs_are_shown_with_backslashes_on_windows():
    assert shown_path("C:/Users/Văn thư/Documents/bao-cao.docx", PureWindowsPath) == (
        "C:\\Users\\Văn thư\\Documents\\bao-cao.docx")
    assert shown_path("//may-chu/chung/bao-cao.pdf", PureWindowsPath) == (
        "\\\\may-chu\\chung\\bao-cao.pdf")


def test_every_export_starts_in_documents(qapp):
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    assert documents_folder() == Path(documents)
    assert suggested_file("bao-cao.docx") == str(Path(documents) / "bao-cao.docx")


def test_the_report_export_and_the_commune_return_ask_in_the_same_folder(
        qtbot, demo_db, opener, monkeypatch, tmp_path):
    from bachthong_desktop.ui import commune_export, window_actions

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, kind: asked.append(start) or ("", ""))
    window = opener.open()
    window.preview_holder.ensure_built()
    window.preview_tab.ask_export("docx")
    monkeypatch.setattr(commune_export, "default_name", lambda w: "xa.xlsx")
    window_actions.export_return(window)
    assert [Path(a).parent for a in asked] == [documents_folder()] * 2
