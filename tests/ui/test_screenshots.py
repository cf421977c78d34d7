"""`--screenshots DIR --screen WxH`: every tab and the standard dialogs, none larger than the
screen."""

import pytest
from PySide6.QtGui import QImage

from bachthong_desktop.core.errors import UserError
from bachthong_desktop.ui.app import save_screenshots, screen_size

DIALOGS = {"hop-thoai-mo-tep-nhap-bao-cao-cua-xa", "hop-thoai-luu-tep-xuat-word", "hop-thoai-in",
           "hop-thoai-xem-truoc-khi-in", "cau-hoi-co-khong", "chon-ngay-tren-lich",
           "hop-thoai-sao-luu", "hop-thoai-khoi-phuc"}


def test_every_tab_and_dialog_is_pictured_within_the_screen(demo_db, opener, tmp_path):
    window = opener.open()
    saved = save_screenshots(window, tmp_path, screen_size("1024x768"))
    names = {p.stem for p in saved}
    assert DIALOGS <= names
    assert "01-thong-tin-van-ban" in names and "10-xem-truoc-in" in names
    for path in saved:
        image = QImage(str(path))
        assert 0 < image.width() <= 1024 and 0 < image.height() <= 768, path.name


def test_a_screen_size_is_read_or_refused_in_vietnamese():
    assert screen_size("1366x768") == (1366, 768)
    with pytest.raises(UserError, match="RỘNGxCAO"):
        screen_size("to")


def test_a_communes_copy_pictures_its_own_tabs_and_dialogs(demo_db, opener, tmp_path):
    from bachthong_desktop.core.commune_mode import COMMUNE, Mode

    window = opener.open(mode=Mode(COMMUNE, "01975"))
    names = {p.stem for p in save_screenshots(window, tmp_path, screen_size("1024x768"))}
    assert {"hop-thoai-luu-tep-gui-huyen", "cau-hoi-co-khong", "hop-thoai-sao-luu",
            "hop-thoai-khoi-phuc"} <= names
    assert "hop-thoai-xem-truoc-khi-in" not in names
