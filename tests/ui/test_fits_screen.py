"""The window fits small screens: its first size, every section in sight, nothing jumps."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from bachthong_desktop.ui.main_window import FRAME_ALLOWANCE, fitted_size

from ui_helpers import editor_of, type_text


def test_the_first_size_is_made_to_fit_the_free_screen(opener):
    window = opener.open()
    free = window.screen().availableGeometry().size()
    assert window.height() <= free.height() - FRAME_ALLOWANCE[1]
    # this test screen is 800 wide, under the 1024 the window is made for: its least width
    assert window.width() <= max(free.width() - FRAME_ALLOWANCE[0], window.minimumSizeHint().width())
    assert window.minimumSizeHint().width() <= 1024 - FRAME_ALLOWANCE[0]
    assert fitted_size(QSize(1280, 820), QSize(1366, 728)) == QSize(1280, 680)
    assert fitted_size(QSize(1280, 820), QSize(1920, 1040)) == QSize(1280, 820)


def test_every_section_is_in_sight_on_a_1024_by_768_screen(opener):
    window = opener.open()
    window.resize(1024 - FRAME_ALLOWANCE[0], 768 - FRAME_ALLOWANCE[1])
    QApplication.processEvents()
    names = window.section_names
    assert names.count() == window.tabs.count() == 10
    seen = names.viewport().rect()
    for row in range(names.count()):
        assert seen.contains(names.visualItemRect(names.item(row))), names.item(row).text()
    names.setCurrentRow(8)  # "Các xã gửi báo cáo"
    assert window.tabs.currentIndex() == 8
    window.tabs.setCurrentIndex(2)
    assert names.currentRow() == 2


def test_a_message_appearing_under_a_field_does_not_move_the_page(opener):
    window = opener.open()
    window.resize(1000, 700)
    tab = window.section_tabs[5]
    window.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    rows = list(tab.rows.values())
    below = rows[-1]
    before = below.mapTo(tab.widget(), below.rect().topLeft()).y()
    type_text(editor_of(window, "local_news").main, "1,5")
    QApplication.processEvents()
    assert "số nguyên" in tab.rows["local_news"].problem.text()
    assert below.mapTo(tab.widget(), below.rect().topLeft()).y() == before
    editor_of(window, "local_news").main.clear()


def test_no_field_label_is_cut(opener):
    from PySide6.QtWidgets import QLabel, QLineEdit

    window = opener.open()
    window.resize(1024 - FRAME_ALLOWANCE[0], 768 - FRAME_ALLOWANCE[1])
    for tab in window.section_tabs:
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        for edit in tab.findChildren(QLineEdit):
            hint = edit.placeholderText()
            if hint and edit.isVisible():
                room = edit.width() - 12
                assert edit.fontMetrics().horizontalAdvance(hint) <= room, hint
        for label in tab.findChildren(QLabel):
            if label.isVisible() and label.text() and not label.wordWrap():
                assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width() + 1
