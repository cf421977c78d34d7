"""Output through a pipe in code page 1258 (Vietnamese Windows), in ASCII, or with no console."""

import io
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bachthong_desktop.core.console import encodable, say

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxy"
              "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
LETTERS = VIETNAMESE + VIETNAMESE.upper()


@given(st.text(alphabet=LETTERS + " .,:;“”-0123456789", max_size=60))
def test_every_vietnamese_text_survives_code_page_1258(text):
    written = encodable(text, "cp1258").encode("cp1258")
    assert unicodedata.normalize("NFC", written.decode("cp1258")) == text


def test_the_self_test_verdict_in_cp1258_and_in_ascii():
    assert encodable("Kết quả: ĐẠT", "cp1258").encode("cp1258") == (
        b"K\xea\xect qua\xd2: \xd0A\xf2T")  # ê + acute, a + hook, A + dot below
    assert encodable("Kết quả: ĐẠT", "ascii") == "Ket qua: DAT"  # Đ as Vietnamese writes it bare


def test_say_writes_in_the_streams_code_page():
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1258")
    say("Cơ sở dữ liệu “ttdn.sqlite3” đã được sao lưu.", stream)
    stream.flush()
    text = unicodedata.normalize("NFC", raw.getvalue().decode("cp1258"))
    assert text == "Cơ sở dữ liệu “ttdn.sqlite3” đã được sao lưu.\n"


def test_without_a_console_nothing_is_written_and_nothing_fails(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    say("Kết quả: ĐẠT")


@pytest.mark.parametrize("encoding", ["cp1258", "utf-8", "cp1252"])
def test_the_self_test_lines_with_no_console_or_any_code_page(monkeypatch, encoding, tmp_path):
    from bachthong_desktop.ui import selftest

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding))
    selftest._say("  ĐẠT   tệp Word (.docx): 12 KB")
    sys.stdout.flush()
    assert "T   t" in raw.getvalue().decode(encoding)
    monkeypatch.setattr(sys, "stdout", None)
    selftest._say("  ĐẠT   tệp PDF")


def test_a_pipe_on_windows_is_written_in_the_consoles_code_page():
    from bachthong_desktop.core.console import output_encoding

    def windows(pipe, page, **environ):
        return output_encoding(None, "win32", environ, pipe, lambda: page)
    assert windows(True, 437) == "cp437"  # English Windows: PowerShell 5.1 decodes in 437
    assert windows(True, 1258) == "cp1258"  # Vietnamese Windows
    assert windows(True, 65001) == windows(True, 0) == "utf-8"  # chcp 65001; no console at all
    assert windows(False, 437) == "utf-8"  # the console itself, or a file
    chosen = io.TextIOWrapper(io.BytesIO(), encoding="cp1258")
    assert output_encoding(chosen, "win32", {"PYTHONIOENCODING": "cp1258"}, True,
                           lambda: 437) == "cp1258"  # the caller chose
    ignored = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")  # a bundle's Python ignores it
    assert output_encoding(ignored, "win32", {"PYTHONIOENCODING": "utf-8:replace"}, True,
                           lambda: 437) == "utf-8"
    assert windows(True, 99999) == "utf-8"  # a code page Python does not know
    assert output_encoding(None, "linux", {}, True, lambda: 437) == "utf-8"


@pytest.mark.parametrize("encoding, expected", [
    ("cp1258", "Kết quả: ĐẠT – Xã Sĩ Bình"), ("cp437", "Kêt qua: DAT - Xa Si Bình"),
    ("cp1252", "Kêt qua: DAT – Xã Si Bình")])
def test_every_print_through_a_reconfigured_stream_keeps_what_the_code_page_can(
        monkeypatch, encoding, expected):
    from bachthong_desktop.core import console

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))
    monkeypatch.setattr(console, "output_encoding", lambda stream: encoding)
    console.setup_streams()
    print("Kết quả: ĐẠT – Xã Sĩ Bình")  # a plain print, not say(): every command's output
    sys.stdout.flush()
    assert unicodedata.normalize("NFC", raw.getvalue().decode(encoding)) == expected + "\n"
