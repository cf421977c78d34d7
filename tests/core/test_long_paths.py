"""Paths too long to use: one sentence that says so and what to do, never "grant permission"."""

from pathlib import PureWindowsPath

import pytest

from bachthong_desktop.cli import main
from bachthong_desktop.core.db import open_db
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.paths import too_long
from bachthong_desktop.exchange.xlsx_safety import UnsafeFile, check_file

ONEDRIVE = r"C:\Users\Văn thư\OneDrive - UBND xã Phủ Thông\Tài liệu\Zalo Received Files"


def deep(length: int) -> PureWindowsPath:
    """A Windows path of exactly `length` characters, in folders of 40."""
    path = PureWindowsPath(ONEDRIVE)
    while len(str(path)) + 41 < length - 15:
        path = path / ("Báo cáo thông tin đối ngoại năm 2025 " + "x" * 3)
    name = "t" * (length - len(str(path)) - 1 - len(".sqlite3")) + ".sqlite3"
    return path / name


def test_windows_paths_of_260_characters_or_more_are_too_long():
    assert too_long(deep(259)) is None
    said = too_long(deep(260))
    assert said.startswith(f"Đường dẫn “{deep(260)}” dài 260 ký tự, quá giới hạn 259 ký tự")
    assert "C:\\BaoCao" in said and "quyền" not in said
    assert too_long(deep(250), folder=True) and not too_long(deep(247), folder=True)
    assert too_long(str(deep(300)).replace("\\", "/"), platform="linux") is None  # Linux: 4096


def test_a_name_over_255_characters_is_too_long_everywhere(tmp_path):
    said = too_long(tmp_path / ("a" * 256) / "ttdn.sqlite3")
    assert said and "dài 256 ký tự, quá giới hạn 255 ký tự của một tên tệp" in said
    assert too_long(tmp_path / ("a" * 255)) is None


def test_a_database_under_a_name_too_long_is_one_sentence(tmp_path, capsys):
    path = tmp_path / ("Báo cáo " * 40) / "ttdn.sqlite3"
    with pytest.raises(UserError) as raised:
        open_db(path)
    assert "quá giới hạn 255 ký tự" in raised.value.message and "quyền" not in raised.value.message
    assert main(["--db", str(path), "units"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Tên “Báo cáo") and "Traceback" not in err


def test_a_return_under_a_name_too_long_is_one_sentence(tmp_path):
    with pytest.raises(UnsafeFile) as raised:
        check_file(tmp_path / ("x" * 300) / "bao-cao.xlsx")
    assert raised.value.message.startswith("Tệp “bao-cao.xlsx”: tên “xxxx")
    assert "quá giới hạn 255 ký tự" in raised.value.message
