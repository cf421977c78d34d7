"""The preview tab: pages as they print, refresh after edits, exports and issued versions."""

from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from bachthong_desktop.ui.preview_tab import DEBOUNCE_MS, PreviewTab

DEBOUNCE_WAIT_MS = DEBOUNCE_MS + 200


@pytest.fixture
def tab(qtbot, demo_session):
    widget = PreviewTab(demo_session, "2023-H1")
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.page_count() > 0, timeout=10000)
    return widget


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: urls.append(url) or True))
    return urls


def test_buttons_a_user_sees(tab):
    texts = {b.text() for b in tab.findChildren(QPushButton)}
    assert {"Xem trước khi in", "In…", "Xuất Word…", "Xuất PDF…",
            "Phát hành bản chính thức…"} <= texts


def test_shows_every_page_of_the_report(tab, tmp_path):
    from bachthong_desktop.ui.printing import write_pdf
    import subprocess

    write_pdf(tab.document(), tmp_path / "r.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True,
                          text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert tab.page_count() == pages


def test_refresh_after_an_edit_shows_the_new_figure(tab, qtbot, demo_session):
    demo_session.store.set("2023-H1", "063", "radio_pages", 9, "typed")
    tab.refresh()
    tab.refresh()
    qtbot.waitUntil(lambda: any("09 trang phát thanh" in p.text for p in tab.document().body),
                    timeout=5000)


def test_export_word_and_pdf(tab, tmp_path):
    word = tab.export_to(tmp_path / "bc.docx")
    assert "BÁO CÁO" in [p.text for p in docx.Document(str(word)).paragraphs]
    assert tab.export_to(tmp_path / "bc.pdf").read_bytes().startswith(b"%PDF")


def test_issue_lists_and_opens_the_frozen_copy(tab, demo_session, opened):
    version = tab.issue_version("125", "05/6/2023", "docx")
    assert tab.versions.count() == 1
    assert "125/BC-UBND" in tab.versions.item(0).text()
    demo_session.store.set("2023-H1", "063", "radio_pages", 9, "typed")
    path = tab.open_version(version.id)
    assert opened and Path(opened[0].toLocalFile()) == path
    text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "06 trang phát thanh" in text  # the issued copy, not today's data


def test_set_period_shows_that_periods_versions(tab):
    tab.issue_version("", "", "pdf")
    assert tab.versions.count() == 1
    tab.set_period("2023-H2")
    assert tab.versions.count() == 0
    assert tab.period_id == "2023-H2"


def test_a_hidden_tab_waits_until_shown(tab, qtbot, demo_session):
    tab.hide()
    demo_session.store.set("2023-H1", "063", "tv_pages", 8, "typed")
    tab.refresh()
    qtbot.wait(DEBOUNCE_WAIT_MS)
    assert tab._dirty
    tab.show()
    qtbot.waitUntil(lambda: any("08 trang truyền hình" in p.text for p in tab.document().body),
                    timeout=5000)


def test_a_version_without_number_says_so(tab):
    tab.issue_version("", "", "docx")
    assert "chưa có số" in tab.versions.item(0).toolTip()
