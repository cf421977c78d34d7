"""The PDF is drawn with the font the program carries, even on a machine with no font at all."""

import os
import subprocess
import sys

import pytest

NATIONAL_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def bachthong(*argv, env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", *argv],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def bare_machine(tmp_path):
    """The environment of a machine whose fontconfig knows no font (a fresh Debian root)."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS.format(cache=tmp_path / "fc-cache"))
    return {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}


def test_the_pdf_holds_the_vietnamese_text_in_liberation_serif(tmp_path, bare_machine,
                                                                require_tool):
    require_tool("pdftotext", "poppler-utils")
    require_tool("pdffonts", "poppler-utils")
    db, pdf = tmp_path / "tmp.db", tmp_path / "x.pdf"
    assert bachthong("--db", str(db), "demo", env=bare_machine).returncode == 0
    done = bachthong("--db", str(db), "report", "--period", "2023-H1", "-o", str(pdf),
                     env=bare_machine)
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert NATIONAL_MOTTO in text and "Độc lập - Tự do - Hạnh phúc" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts}
    assert names == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                     "LiberationSerif-BoldItalic"}
    assert all(" yes " in line for line in fonts)  # embedded
