"""Words as a clerk says them: periods by their names ("6 tháng đầu năm 2023", never
"(2023-H1)") wherever a person reads them, a dry run that says what it would do, and the
Linux print and folder dialogs in Vietnamese."""

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QFileDialog

from bachthong_desktop.cli import main
from bachthong_desktop.core.definition import load_form
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.importer import summary_lines
from bachthong_desktop.ui.language import install_vietnamese


@pytest.fixture
def vietnamese(qapp):
    translator = install_vietnamese(qapp)
    assert translator is not None
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


# (context, English) of what Linux print dialogs and the folder chooser still said in English
ENGLISH_LEFT = [("QPageSetupWidget", "Pages &per sheet:"), ("QPageSetupWidget", "Page &order:"),
                ("QPrintSettingsOutput", "Double Sided Printing"),
                ("QCupsJobWidget", "Job Control"), ("QCupsJobWidget", "Banner Pages"),
                ("QFileDialog", "Directories")]


def test_print_and_folder_dialogs_say_it_in_vietnamese(vietnamese, qtbot):
    for context, english in ENGLISH_LEFT:
        said = QCoreApplication.translate(context, english)
        assert said != english and said.isascii() is False, (context, english, said)
    dialog = QFileDialog(None, "Chọn thư mục")
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    dialog.setFileMode(QFileDialog.Directory)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = {box.itemText(i) for box in dialog.findChildren(QComboBox)
             for i in range(box.count())}
    assert "Thư mục" in kinds and "Directories" not in kinds


def test_the_window_names_periods_as_a_clerk_says_them(opener):
    window = opener.open("2023-H1")
    names = [window.top.periods.itemText(i) for i in range(window.top.periods.count())]
    assert "6 tháng đầu năm 2023" in names
    assert not any("(" in name for name in names), names


def test_the_template_names_its_period_and_still_imports(capsys, db_path, tmp_path):
    folder = tmp_path / "mau"
    assert main(["--db", str(db_path), "template", "--period", "2023", "--all",
                 "-o", str(folder)]) == 0
    path = sorted(folder.glob("*.xlsx"))[0]
    shown = [c.value for row in openpyxl.load_workbook(path)["Báo cáo"].iter_rows(max_row=5)
             for c in row if isinstance(c.value, str)]
    assert "Kỳ báo cáo: năm 2023" in shown, shown
    assert not any("(2023)" in text for text in shown)
    workbook = openpyxl.load_workbook(path)
    fill_return(workbook, load_form(), {"rebuttal_turns": 5})
    workbook.save(path)  # the period is read from the words on the page and the hidden sheet
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", "--dry-run", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Chạy thử, chưa lưu gì: 1 tệp sẽ được lưu." in out, out
    assert "đã lưu" not in out


def test_a_dry_run_summary_says_what_would_be_done():
    assert summary_lines([], dry_run=True)[-1] == "Chạy thử, chưa lưu gì: không có tệp nào."
