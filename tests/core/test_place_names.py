"""The place of the date line (Decree 30): a unit named after a number in full by itself; a name
that looks like a person's or an event's only offered the full form."""

import pytest

from bachthong_desktop.core.catalog import CatalogUnit
from bachthong_desktop.core.office_setup import office_defaults
from bachthong_desktop.core.place_names import (default_place, full_form_offer, is_number_name,
                                                named_after)


def test_a_unit_named_after_a_number_is_set_up_with_its_full_name():
    ward = CatalogUnit("99999", "Phường 12", "phường", "79", "Thành phố Hồ Chí Minh")
    assert office_defaults(ward)["place"] == "Phường 12"
    assert default_place("xã", "Xã Phủ Thông") == "Phủ Thông"
    assert default_place("phường", "Phường Hà Giang 2") == "Hà Giang 2"  # a name with a number
    assert is_number_name("phường", "Phường  12") and not is_number_name("phường", "Phường Hà Giang 2")


@pytest.mark.parametrize("kind, name, after", [
    ("phường", "Phường Phan Đình Phùng", "một người"),
    ("phường", "Phường Trần Hưng Đạo", "một người"),
    ("phường", "Phường Ngô Quyền", "một người"),
    ("phường", "Phường Quyết Thắng", "một sự kiện lịch sử"),
    ("phường", "Phường Điện Biên Phủ", "một sự kiện lịch sử"),
    ("xã", "Xã Phủ Thông", None),
    ("phường", "Phường Hoàng Mai", None),  # a family name, but two words: a place
    ("phường", "Phường Đức Xuân", None),
])
def test_a_name_after_a_person_or_an_event_is_recognised_as_likely(kind, name, after):
    assert named_after(kind, name) == after


def test_the_full_form_is_offered_until_it_is_written():
    assert full_form_offer("phường", "Phường Phan Đình Phùng", "Phan Đình Phùng") == \
        "Phường Phan Đình Phùng"
    assert full_form_offer("phường", "Phường Phan Đình Phùng", "phường phan đình phùng") is None
    assert full_form_offer("xã", "Xã Phủ Thông", "Phủ Thông") is None
