"""The returns and preview tabs inside the window: wired to the data-entry tabs."""

from bachthong_desktop.core.demo import DEMO_PERIOD
from bachthong_desktop.ui.embedded import BROKEN, optional_tab

from ui_helpers import editor_of


def test_a_tab_that_fails_to_build_says_so_and_is_logged(qtbot, session, caplog):
    def make_broken_tab():
        from bachthong_desktop.ui import no_such_tab_module  # noqa: F401

    widget = optional_tab(make_broken_tab)
    assert widget.text() == BROKEN
    assert "could not build make_broken_tab" in caplog.text
    assert "no_such_tab_module" in caplog.text  # the error itself is in the log


def test_new_returns_reload_the_communes_totals(demo_db, opener):
    window = opener.open(DEMO_PERIOD)
    returns = window.returns_holder.ensure_built()
    editor = editor_of(window, "rebuttal_turns")
    before = int(editor.main.text())
    window.session.store.set(DEMO_PERIOD, "01969", "rebuttal_turns",
                             window.session.store.get(DEMO_PERIOD, "01969", "rebuttal_turns") + 5)
    returns.returns_changed.emit()
    assert int(editor.main.text()) == before + 5


def test_a_commune_return_dropped_on_the_office_window_reaches_its_totals(opener, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from bachthong_desktop.core.session import Session
    from bachthong_desktop.ui.commune_export import write_return

    from bachthong_desktop.core.units import install_history

    commune = Session(tmp_path / "xa.sqlite3")
    install_history(commune.db)  # a 2023 commune's copy knows the district's units
    commune.store.set("2023-H1", "01969", "rebuttal_turns", 120)
    sent = write_return(commune, "2023-H1", "01969", tmp_path / "phu-thong.xlsx")
    commune.close()

    window = opener.open("2023-H1")
    editor = editor_of(window, "rebuttal_turns")
    assert editor.main.text() == ""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sent))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    # Qt delivers a drop only to the target of a real drag, so the handler is called directly
    window.dropEvent(QDropEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton,
                                Qt.NoModifier))
    assert window.tabs.currentWidget() is window.returns_holder
    assert editor.main.text() == "120"
    assert "Thị trấn Phủ Thông: 120" in editor.main.toolTip()


def test_the_self_test_names_a_tab_that_cannot_open(demo_db, opener, monkeypatch):
    from bachthong_desktop.ui.main_window import MainWindow
    from bachthong_desktop.ui.selftest import _broken_tabs

    window = opener.open(DEMO_PERIOD)
    assert _broken_tabs(window) == []
    monkeypatch.setattr(MainWindow, "_make_preview_tab", lambda self: 1 / 0)
    window = opener.reopen(DEMO_PERIOD)
    assert _broken_tabs(window) == ["“Xem trước, in”"]
