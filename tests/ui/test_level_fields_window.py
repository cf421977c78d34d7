"""The window asks an office only for what its level has: a commune or province has no
"Trung tâm VH, TT và TT", so its counts are not asked for (the report leaves them out too)."""

import pytest
from PySide6.QtWidgets import QLabel

from bachthong_desktop.core.office_setup import set_up_office
from bachthong_desktop.core.session import Session

from ui_helpers import WindowOpener

CENTRE_LABEL = "Tin của Trung tâm VH, TT và TT"


@pytest.fixture
def new_opener(qtbot, new_db_path):
    o = WindowOpener(qtbot, new_db_path)
    yield o
    o.close()


def _set_up(path, code):
    session = Session(path)
    set_up_office(session.db, code)
    session.close()


def _shown_labels(window, qtbot):
    """The field names a user sees on the activities tab."""
    tab = next(t for t in window.section_tabs if "local_news" in t.codes)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.built)
    return [w.text() for w in tab.findChildren(QLabel) if w.isVisibleTo(tab) and w.text()]


@pytest.mark.parametrize("code", ["19", "01969"])
def test_a_province_or_commune_is_not_asked_for_the_centre_s_counts(new_opener, new_db_path,
                                                                     qtbot, code):
    _set_up(new_db_path, code)
    labels = _shown_labels(new_opener.open("2026-H1"), qtbot)
    assert not [t for t in labels if "Trung tâm VH" in t or "Trang phát thanh" in t]
    assert any(t.startswith("Tin đăng trên Cổng TTĐT") for t in labels)  # what it has stays


def test_the_fields_follow_the_office_of_the_period(opener, db_path, qtbot):
    """The 2023 district had the centre; its successor commune has none; and back."""
    _set_up(db_path, "01969")
    window = opener.open("2023-H1")
    assert any(t.startswith(CENTRE_LABEL) for t in _shown_labels(window, qtbot))
    assert window.load_period("2026-H1")
    assert not any(t.startswith(CENTRE_LABEL) for t in _shown_labels(window, qtbot))
    assert window.load_period("2023-H1")
    assert any(t.startswith(CENTRE_LABEL) for t in _shown_labels(window, qtbot))
