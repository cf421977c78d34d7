"""One layout, read by both renderers; the Word path never loads Qt."""

import subprocess
import sys

from bachthong_desktop.exchange import layout
from bachthong_desktop.exchange.docx_styles import style_name

WORD_WITHOUT_QT = """
import sys
from bachthong_desktop.cli import main
db, out = sys.argv[1], sys.argv[2]
assert main(["--db", db, "demo"]) == 0
assert main(["--db", db, "report", "--period", "2023-H1", "-o", out]) == 0
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken")))
print("QT:" + ",".join(loaded))
"""


def test_the_word_file_is_written_without_loading_qt(tmp_path):
    done = subprocess.run([sys.executable, "-c", WORD_WITHOUT_QT, str(tmp_path / "db.sqlite3"),
                           str(tmp_path / "bao-cao.docx")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "QT:\n" in done.stdout, done.stdout
    assert (tmp_path / "bao-cao.docx").stat().st_size > 10_000


def test_every_look_of_the_layout_is_a_word_style(demo_session):
    import io

    import docx
    from docx.shared import Pt

    from bachthong_desktop.exchange.document import document_for
    from bachthong_desktop.exchange.docx_writer import docx_bytes

    word = docx.Document(io.BytesIO(docx_bytes(document_for(demo_session, "2023-H1"))))
    for key, look in layout.LOOKS.items():
        style = word.styles[style_name(key)]
        assert style.font.size == Pt(look.size_pt), key
        assert bool(style.font.bold) == look.bold and bool(style.font.italic) == look.italic
        assert style.paragraph_format.space_before == Pt(look.before_pt), key


def test_the_layout_module_imports_neither_qt_nor_python_docx():
    source = (layout.__file__ and open(layout.__file__, encoding="utf-8").read())
    assert "PySide6" not in source and "import docx" not in source
