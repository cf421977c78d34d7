"""After "Phát hành": the form shows the number and date, the period is marked issued, and an
issued version can be saved as a copy, also where the PC has no viewer."""

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui_helpers import editor_of, when_modal


def preview_of(window):
    window.tabs.setCurrentWidget(window.preview_holder)
    return window.preview_holder.ensure_built()


def test_issuing_shows_the_number_and_date_in_the_form_and_marks_the_period(demo_db, opener):
    window = opener.open()
    assert window.top.issued.isHidden()
    preview_of(window).issue_version("125", "05/6/2023", "docx")
    assert editor_of(window, "doc_number").main.text() == "125"
    assert editor_of(window, "doc_date").main.text() == "05/06/2023"
    assert not window.top.issued.isHidden()
    assert "ĐÃ PHÁT HÀNH" in window.top.issued.text() and "125/BC-UBND" in window.top.issued.text()
    opener.reopen()
    assert "125/BC-UBND" in opener.window.top.issued.text()


def test_an_issued_version_is_saved_as_a_copy_exactly_as_issued(demo_db, opener, tmp_path,
                                                                 monkeypatch):
    window = opener.open()
    preview = preview_of(window)
    version = preview.issue_version("125", "05/6/2023", "pdf")
    target = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (str(target), "")))
    assert preview.ask_copy() == target
    from bachthong_desktop.core.issued import open_issued
    assert target.read_bytes() == open_issued(window.session.db, version.id).content


def test_without_a_viewer_the_program_says_so_and_offers_the_copy(demo_db, opener, tmp_path,
                                                                  monkeypatch):
    window = opener.open()
    preview = preview_of(window)
    version = preview.issue_version("125", "05/6/2023", "docx")
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    target = tmp_path / "ban-sao.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (str(target), "")))
    seen = []

    def answer(box):
        seen.append((box.text(), box.button(QMessageBox.Yes).text()))
        box.button(QMessageBox.Yes).click()
    when_modal(QMessageBox, answer)
    preview.open_version(version.id)
    assert "chưa có chương trình mở tệp Word" in seen[0][0]
    assert seen[0][1] == "Lưu bản sao…"
    assert target.read_bytes().startswith(b"PK")


def test_phat_hanh_lists_the_failing_checks_first_and_issues_nothing_when_going_back(demo_db,
                                                                                    opener):
    from bachthong_desktop.core.issued import list_issued
    from bachthong_desktop.ui.dialogs import ChecksDialog

    window = opener.open()
    editor = editor_of(window, "request_subject")
    editor.main.clear()
    editor.main.textEdited.emit("")
    preview = preview_of(window)
    seen = []

    def go_back(dialog):
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.list.setCurrentRow(0)
        dialog.reject()
    when_modal(ChecksDialog, go_back)
    preview.ask_issue()
    assert any("Về việc" in line for line in seen[0])
    assert list_issued(window.session.db, "2023-H1") == []
    assert window.tabs.currentWidget() is window.section_tabs[0]
