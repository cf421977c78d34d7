"""Starting the window as a user does: the frame with the right tabs first, then the data in it."""

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from bachthong_desktop.core.backup import list_backups
from bachthong_desktop.core.commune_mode import COMMUNE, OFFICE, Mode, set_mode
from bachthong_desktop.core.lock import acquire
from bachthong_desktop.core.session import Session
from bachthong_desktop.ui.app import parse_args
from bachthong_desktop.ui.opening_view import OPENING, OpeningView
from bachthong_desktop.ui.start import Start

from ui.test_damaged_start import damaged_db_with_backup


@pytest.fixture
def start_on(qtbot):
    """Start the window on a database file, as `bachthong-desktop --db F` does."""
    started = []

    def start(path, *more):
        begun = Start(parse_args(["--db", str(path), *more])[0])
        qtbot.addWidget(begun.window)
        started.append(begun)
        return begun

    yield start
    for begun in started:
        begun.window.close()
        begun.close()


def tab_names(tabs) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count())]


def in_mode(db_path, mode):
    session = Session(db_path)
    set_mode(session.db, mode)
    session.close()


def test_a_commune_copy_shows_its_own_tabs_at_once_then_its_values(start_on, qtbot, demo_db):
    in_mode(demo_db, Mode(COMMUNE, "01969"))
    begun = start_on(demo_db, "--period", "2023-H1")
    frame = begun.window.centralWidget()
    assert isinstance(frame, OpeningView) and not begun.window.is_open
    first = tab_names(frame.tabs)
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    window = begun.window
    assert tab_names(window.tabs) == first and len(first) == 4
    assert "Thị trấn Phủ Thông" in window.windowTitle()
    assert window.saver.stored, "the commune's values are in its tabs"


def test_the_office_frame_names_every_tab_before_the_data_is_there(start_on, qtbot, demo_db):
    in_mode(demo_db, Mode(OFFICE))
    begun = start_on(demo_db, "--period", "2023-H1")
    frame = begun.window.centralWidget()
    first = tab_names(frame.tabs)
    assert first[-2:] == ["Các xã gửi báo cáo", "Xem trước, in"] and len(first) == 10
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert tab_names(begun.window.tabs) == first
    # setCentralWidget deletes the frame later (deleteLater): wait for it, do not race it
    qtbot.waitUntil(lambda: not begun.window.findChildren(OpeningView), timeout=5000)
    assert OPENING not in [label.text() for label in begun.window.findChildren(QLabel)]


def test_closing_the_frame_before_it_opens_leaves_the_database_alone(start_on, qtbot, demo_db):
    begun = start_on(demo_db)
    begun.window.close()
    qtbot.wait(600)  # longer than the start waits for a paint
    assert not begun.window.is_open and begun.session is None
    acquire(demo_db, "test").release()  # nobody holds the lock


def test_a_damaged_database_is_restored_in_the_open_frame(start_on, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "ttdn.sqlite3"
    damaged_db_with_backup(path)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.Yes)
    begun = start_on(path, "--period", "2023-H1")
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert len(asked) == 1 and "Khôi phục ngay từ bản sao lưu" in asked[0]
    assert begun.window.figures["rebuttal_turns"].value == 1086


def test_once_open_the_period_box_has_the_focus_and_a_start_backup_follows(start_on, qtbot,
                                                                           demo_db):
    in_mode(demo_db, Mode(OFFICE))
    begun = start_on(demo_db, "--period", "2023-H1")
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert begun.window.focusWidget() is begun.window.top.periods
    assert not list_backups(demo_db)  # not before the data is on the screen
    qtbot.waitUntil(lambda: any("khoi-dong" in p.name for p in list_backups(demo_db)),
                    timeout=10000)


def test_the_saved_size_is_used_even_when_the_quick_look_cannot_read_it(
        start_on, qtbot, demo_db, monkeypatch):
    from bachthong_desktop.core.settings import set_setting
    from bachthong_desktop.core.start_view import GEOMETRY_KEY, StartView
    from bachthong_desktop.ui import start
    from bachthong_desktop.ui.app import build_main_window

    session = Session(demo_db)
    set_mode(session.db, Mode(OFFICE))
    sized = build_main_window(session, "2023-H1", remember=False)
    sized.resize(900, 500)  # the test screen is 800 px wide: restoring may narrow it, not lower it
    set_setting(session.db, GEOMETRY_KEY, bytes(sized.saveGeometry().toBase64()).decode())
    sized.close()
    session.close()
    monkeypatch.setattr(start, "look", lambda path: StartView())  # e.g. an unreadable share
    begun = start_on(demo_db, "--period", "2023-H1")
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert begun.window.height() == 500  # not the first start's 820


def _province_db(path):
    from bachthong_desktop.core.office_setup import set_up_office

    session = Session(path)
    set_mode(session.db, Mode(OFFICE))
    set_up_office(session.db, "19")
    session.close()


def test_a_province_s_frame_never_names_the_communes_alone(start_on, qtbot, new_db_path):
    """The frame reads the office's level: no "Các xã" flashes before "Các xã, phường"."""
    _province_db(new_db_path)
    begun = start_on(new_db_path, "--period", "2026-H1")
    first = tab_names(begun.window.centralWidget().tabs)
    assert first[-2] == "Các xã, phường gửi báo cáo"
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert tab_names(begun.window.tabs) == first


def test_the_frame_remembers_the_returns_tab_of_the_last_period(start_on, qtbot, demo_db):
    """The district's 2023 history after its successor commune was set up: the window last
    showed 2023, so the next frame says "Các xã" as the window will, not the commune's words."""
    from bachthong_desktop.core.office_setup import set_up_office

    session = Session(demo_db)
    set_mode(session.db, Mode(OFFICE))
    set_up_office(session.db, "01969")
    session.close()
    begun = start_on(demo_db, "--period", "2023-H1")
    frame = tab_names(begun.window.centralWidget().tabs)
    assert frame[-2] == "Các thôn, tổ dân phố, bộ phận gửi báo cáo"  # the current office
    qtbot.waitUntil(lambda: begun.window.is_open, timeout=10000)
    assert tab_names(begun.window.tabs)[-2] == "Các xã gửi báo cáo"
    begun.window.close()
    begun.close()  # the lock goes with the program
    again = start_on(demo_db, "--period", "2023-H1")
    assert tab_names(again.window.centralWidget().tabs)[-2] == "Các xã gửi báo cáo"
    qtbot.waitUntil(lambda: again.window.is_open, timeout=10000)
