"""A return's unit code read across catalog releases: the code where both releases give it to the
same unit, else the unit's name within its province, else refused naming both releases.

A template or return says from which release its code is (`catalog_release` in `_meta`; none:
2025.10.1). Cao Bằng's 01537 is Xã Vinh Quý in 2025.10.1 and Xã Lý Quốc in 2026.9.0, so a
code alone from another release may name another commune.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import catalog
from ..core.catalog_changes import name_of, same_unit
from .xlsx_import import ReturnError


@dataclass(frozen=True)
class Releases:
    """The release of the file and of the receiving office, and the file's own name of its unit."""

    file: str
    office: str
    file_name: str
    unit_name: str = ""

    @property
    def differ(self) -> bool:
        return self.file != self.office


def is_national(code: str) -> bool:
    """A catalog code (5 digits: commune, ward; 2: province), not a commune's own "01969-01"."""
    return code.isdigit() and len(code) in (2, 5)


def office_code(code: str, releases: Releases) -> tuple[str, str | None]:
    """The code in the office's release of the unit the file's code names, and a note if read
    by name; ReturnError where neither the code nor the name is certain."""
    if not releases.differ or not is_national(code):
        return code, None
    if releases.file not in catalog.RELEASES:
        return _unknown_release(code, releases)
    theirs = catalog.lookup(code, releases.file)
    ours = catalog.lookup(code, releases.office)
    if theirs is not None and ours is not None and same_unit(theirs, ours):
        return code, None
    found = [] if theirs is None else [
        u for u in catalog.all_units(releases.office)
        if u.province_code == theirs.province_code and same_unit(u, theirs)]
    if len(found) != 1:
        raise _refused(code, theirs.name if theirs else releases.unit_name, releases)
    return found[0].code, (
        f"Tệp làm theo danh mục đơn vị hành chính bản {releases.file}, cơ quan theo bản "
        f"{releases.office}: mã {code} của tệp là {theirs.name}, trong danh mục của cơ quan "
        f"là mã {found[0].code}; đã nhận theo tên đơn vị trong {theirs.province_name}.")


def _unknown_release(code: str, releases: Releases) -> tuple[str, str | None]:
    """A release this program has no snapshot of: the code stands only with the same name."""
    ours = catalog.lookup(code, releases.office)
    if ours is not None and releases.unit_name and name_of(ours.name) == name_of(
            releases.unit_name):
        return code, (f"Tệp làm theo danh mục bản {releases.file} (chương trình chưa có bản "
                      f"này): đã nhận theo mã {code}, cùng tên {ours.name}.")
    raise _refused(code, releases.unit_name, releases)


def _refused(code: str, name: str, releases: Releases) -> ReturnError:
    who = f"{name} (mã {code})" if name else f"mã {code}"
    return ReturnError(
        f"Tệp “{releases.file_name}” làm theo danh mục đơn vị hành chính bản {releases.file}, "
        f"cơ quan theo bản {releases.office}: đơn vị {who} của tệp không xác định chắc chắn "
        f"được trong bản {releases.office} (mã khác nhau giữa hai bản, tên không khớp). Không "
        "nhập. Hãy cập nhật danh mục của cơ quan (Tệp > Thông tin cơ quan…) hoặc xin đơn vị "
        "điền mẫu báo cáo do cơ quan gửi rồi gửi lại.")
