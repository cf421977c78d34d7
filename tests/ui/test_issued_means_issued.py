"""Issued means issued: a doubtful issue date is asked, the banner reads right, and after issuing
the window shows plainly what changed since (a later import too) while the copy stays as issued;
issuing again is a new version."""

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from bachthong_desktop.core.issued import list_issued, open_issued
from bachthong_desktop.ui.issue_dialog import IssueDialog
from bachthong_desktop.ui.screenshots import save_small

from ui_helpers import filled_return, type_text, when_modal

PERIOD = "2023-H1"
SHOTS = "/tmp/unitsui"


def _preview(window):
    window.tabs.setCurrentWidget(window.preview_holder)
    return window.preview_holder.ensure_built()


def _fill(dialog, number: str, day: str) -> None:
    type_text(dialog.number, number)
    type_text(dialog.date, day)


def test_a_date_after_today_and_the_deadline_is_asked_and_can_be_corrected(demo_db, opener):
    window = opener.open()
    preview = _preview(window)
    seen, answers = [], []

    def in_dialog(dialog):
        _fill(dialog, "125", "31/12/2099")
        save_small(dialog, f"{SHOTS}/issue-dialog.png")
        when_modal(QMessageBox, lambda box: (save_small(box, f"{SHOTS}/issue-date-asked.png"),
                                             box.button(QMessageBox.No).click()), seen)
        answers.append(dialog.try_accept())  # "Sửa lại ngày": the dialog stays open
        answers.append(dialog.isVisible())
        dialog.date.clear()
        type_text(dialog.date, "05/6/2023")
        answers.append(dialog.try_accept())  # a date before today and the deadline: no question

    when_modal(IssueDialog, in_dialog)
    preview.ask_issue()
    assert answers == [False, True, True]
    assert seen[0].startswith("Ngày ban hành 31/12/2099 là ngày sau hôm nay (")
    assert "và sau hạn gửi báo cáo (" in seen[0] and seen[0].endswith("hay sửa lại ngày?")
    assert len(seen) == 1
    assert window.top.issued.text() == "ĐÃ PHÁT HÀNH: số 125/BC-UBND ngày 05/6/2023"
    assert list_issued(window.session.db, PERIOD)[0].doc_date == "ngày 05 tháng 6 năm 2023"


def test_an_unreadable_issue_date_keeps_the_dialog_open(qtbot, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    dialog = IssueDialog(due=dt.date(2023, 6, 20), today=dt.date(2026, 12, 8))
    qtbot.addWidget(dialog)
    _fill(dialog, "125", "31/4/2023")
    assert not dialog.try_accept()
    assert told and told[0].startswith("Ngày ban hành không đọc được")


def test_the_window_says_what_changed_after_issuing_until_issued_again(demo_db, opener,
                                                                        tmp_path):
    window = opener.open()
    preview = _preview(window)
    first = preview.issue_version("125", "05/6/2023", "docx")
    top = window.top
    assert top.changed.isHidden()
    before = window.current("rebuttal_turns")
    unit_value = window.session.store.get(PERIOD, "01975", "rebuttal_turns") or 0

    window.tabs.setCurrentWidget(window.returns_holder)
    late = filled_return(window.session, tmp_path, unit="01975", rebuttal_turns=unit_value + 40)
    results = window.returns_tab.import_paths([late])
    assert [r.outcome for r in results] == ["replaced"]
    now = window.current("rebuttal_turns")
    assert now == before + 40
    assert not top.changed.isHidden()
    label = window.session.form.field("rebuttal_turns").label
    lines = top.changed.toolTip().splitlines()  # the late return replaced all of 01975's figures
    assert f"“{label}”: bản phát hành {before}, nay {now}" in lines
    assert top.changed.text().startswith(f"SỐ LIỆU ĐÃ SỬA SAU KHI PHÁT HÀNH ({len(lines)} mục): “")
    save_small(top, f"{SHOTS}/banner-changed.png")
    told = []
    when_modal(QMessageBox, lambda box: (save_small(box, f"{SHOTS}/changes-listed.png"),
                                         box.accept()), told)
    top.changed.click()
    assert "Bản đã phát hành không thay đổi" in told[0] and f"- “{label}”" in told[0]

    kept = open_issued(window.session.db, first.id)  # the issued copy never changes
    assert kept.content == first.content and kept.data == first.data

    preview.issue_version("126", "06/6/2023", "docx")  # issuing again: a new version
    assert [v.number for v in list_issued(window.session.db, PERIOD)] == ["126/BC-UBND",
                                                                          "125/BC-UBND"]
    assert top.changed.isHidden()
    assert top.issued.text() == "ĐÃ PHÁT HÀNH: số 126/BC-UBND ngày 06/6/2023 (2 bản)"
    opener.reopen()
    assert opener.window.top.changed.isHidden()
