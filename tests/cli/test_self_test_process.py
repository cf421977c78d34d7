"""`bachthong self-test` from the sources, in a process of its own: the PDF step and the window
step share one Qt application (a QGuiApplication made for the PDF would abort the window)."""

import os
import subprocess
import sys


def test_the_self_test_passes_in_a_fresh_process(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BACHTHONG_DATA_DIR": str(tmp_path),
           "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "bachthong_desktop.cli", "self-test"],
                          capture_output=True, text=True, encoding="utf-8", timeout=300, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ĐẠT   tệp PDF" in done.stdout and "ĐẠT   cửa sổ chính" in done.stdout
    assert done.stdout.rstrip().endswith("Kết quả: ĐẠT")
    assert "cửa sổ chính: nền tảng Qt “offscreen”" in done.stdout  # says which platform ran
    assert "ĐẠT   biểu tượng của cửa sổ: 16, 24, 32" in done.stdout


def test_on_windows_the_self_test_uses_the_real_platform_unless_told_otherwise():
    from bachthong_desktop.ui.selftest import choose_platform

    windows, linux, told = {}, {}, {"QT_QPA_PLATFORM": "minimal"}
    assert choose_platform(windows, "win32") is None and "QT_QPA_PLATFORM" not in windows
    assert choose_platform(linux, "linux") == "offscreen"
    assert choose_platform(told, "win32") == "minimal" == choose_platform(told, "linux")
