"""The quick look before the window's frame is painted: right when it can read, harmless when not."""

import datetime as dt
import sqlite3

from bachthong_desktop.core.commune_mode import COMMUNE, OFFICE, Mode, set_mode
from bachthong_desktop.core.settings import set_setting
from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.start_view import (GEOMETRY_KEY, OFFICE_KEY, RETURNS_TITLE_KEY,
                                               OfficeLevel, StartView, look)
from bachthong_desktop.core.units import OFFICE_SETTING


def test_it_reads_the_mode_and_the_window_size_the_database_holds(session):
    set_mode(session.db, Mode(COMMUNE, "01969"))
    set_setting(session.db, GEOMETRY_KEY, "AdnQywADAAA=")
    view = look(session.db_path)
    assert (view.mode, view.geometry) == (Mode(COMMUNE, "01969"), "AdnQywADAAA=")
    set_mode(session.db, Mode(OFFICE))
    assert look(session.db_path).mode == Mode(OFFICE)


def test_before_the_first_start_question_there_is_no_mode(session):
    session.db  # created and migrated, nothing chosen yet
    view = look(session.db_path)
    assert view.mode is None and view.geometry is None


def test_it_changes_nothing_and_creates_nothing(session, tmp_path):
    set_mode(session.db, Mode(OFFICE))
    session.close()
    before = session.db_path.read_bytes()
    look(session.db_path)
    assert session.db_path.read_bytes() == before
    missing = tmp_path / "new" / "ttdn.sqlite3"
    assert look(missing) == StartView()
    assert not missing.parent.exists()


def test_anything_unreadable_gives_the_default_frame(tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    assert look(text) == StartView()
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    assert look(other) == StartView()  # no settings table
    assert look(tmp_path) == StartView()  # a folder


def test_a_database_held_by_a_writer_can_still_be_looked_at(session):
    set_mode(session.db, Mode(OFFICE))
    with session.db.atomic():  # another program in the middle of writing
        set_setting(session.db, "note", "đang ghi")
        assert look(session.db_path).mode == Mode(OFFICE)


def test_uris_of_windows_drives_and_network_shares():
    from pathlib import PureWindowsPath

    from bachthong_desktop.core.start_view import read_only_uri

    assert read_only_uri(PureWindowsPath(r"Z:\Dữ liệu\ttdn.sqlite3")) == (
        "file:///Z:/D%E1%BB%AF%20li%E1%BB%87u/ttdn.sqlite3?mode=ro")
    assert read_only_uri(PureWindowsPath(r"\\may-chu\chung\ttdn.sqlite3")) == (
        "file:////may-chu/chung/ttdn.sqlite3?mode=ro")


def test_a_folder_name_with_spaces_accents_and_uri_signs(tmp_path):
    from bachthong_desktop.core.session import Session

    folder = tmp_path / "Báo cáo #1 ?năm 2023 %20"
    folder.mkdir()
    session = Session(folder / "ttdn.sqlite3")
    set_mode(session.db, Mode(OFFICE))
    session.close()
    assert look(folder / "ttdn.sqlite3").mode == Mode(OFFICE)


def test_it_reads_the_current_office_s_level_for_the_returns_tab(new_session):
    assert look(new_session.db_path) == StartView()  # a new user's database: no office yet
    set_up_office(new_session.db, "22")  # Quảng Ninh, with its special zones
    assert look(new_session.db_path).office == OfficeLevel("tỉnh", "tỉnh có đặc khu")
    set_up_office(new_session.db, "01969", dt.date(2026, 1, 1))  # a later office is current
    assert look(new_session.db_path).office == OfficeLevel("xã", "xã")
    assert OFFICE_KEY == OFFICE_SETTING


def test_it_reads_the_returns_tab_s_last_name(session):
    set_setting(session.db, RETURNS_TITLE_KEY, "Các xã gửi báo cáo")
    view = look(session.db_path)
    assert view.returns_title == "Các xã gửi báo cáo"
    assert view.office == OfficeLevel("huyện", "huyện")  # the 2023 district of the history
