"""The user guide quotes the returns tab and its import button as the window names them, at
every level (a clerk looks for the words the guide gives)."""

import re
from pathlib import Path

from bachthong_desktop.core.definition import load_form
from bachthong_desktop.core.units import Unit
from bachthong_desktop.ui.level_texts import LevelTexts

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "huong-dan-su-dung.md"


def window_names() -> set[str]:
    form = load_form()
    texts = [LevelTexts()] + [
        LevelTexts.of(form, Unit(code="x", name="x", kind=form.level_words[key].get("variant_of",
                                                                                       key),
                                 valid_from="2025-07-01", level_word=key))
        for key in form.level_words]
    return {name for t in texts for name in (t.returns_tab, t.import_button)}


def test_the_guide_quotes_the_windows_own_names_of_the_returns_tab_and_button():
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    quoted = re.findall(r"(?:“|\*\*)((?:Các [^”*]+ gửi báo cáo)|(?:Nhập báo cáo của [^”*]+…))"
                        r"(?:”|\*\*)", guide)
    assert len(quoted) >= 6
    assert set(quoted) <= window_names(), set(quoted) - window_names()
