"""The guide's section for communes quotes the sentences the report prints of a commune's own
work and of its thôn's, as the definition words them."""

from pathlib import Path

from bachthong_desktop.core.definition import load_form

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "huong-dan-su-dung.md"


def templates() -> str:
    form, words = load_form(), load_form().words_for("xã")
    text = " ".join(b.template for s in form.sections for b in s.blocks)
    for key, word in words.items():
        text = text.replace("{" + key + "}", word)
    return text


def test_the_guide_quotes_the_own_and_the_units_sentences():
    guide = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert "Xã, phường tự lập báo cáo: việc của xã và việc của các thôn" in guide
    printed = templates()
    for quoted in ("Đài truyền thanh xã đã phát được", "Các thôn, tổ dân phố, bộ phận đã thực "
                   "hiện được", "tin, bài trên đài truyền thanh", "(chi tiết tại Phụ lục kèm theo)"):
        assert quoted in guide and quoted in printed, quoted
    assert "không cộng vào nhau" in guide
