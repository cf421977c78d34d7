"""Small dialogs: first-start mode, problems before printing, user guide, about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QRadioButton,
                               QTextBrowser, QVBoxLayout)

from ..core import wording
from .. import __version__
from ..core.backup import backups_dir
from ..core.checks import ERROR, Problem
from ..core.commune_mode import COMMUNE, OFFICE, Mode
from ..core.logs import log_dir
from ..core.paths import project_root
from .level_texts import LevelTexts

GUIDE = "docs/huong-dan-su-dung.md"


class ModeDialog(QDialog):
    """At first start: does this copy serve the compiling office or one commune?"""

    def __init__(self, office_name: str, units: list, parent=None,
                 texts: LevelTexts = LevelTexts()):
        super().__init__(parent)
        self.setWindowTitle("Chọn cách dùng chương trình")
        column = QVBoxLayout(self)
        column.addWidget(QLabel("Máy này dùng chương trình để làm gì? (chỉ hỏi một lần)"))
        self.office = QRadioButton(f"Tổng hợp báo cáo của {office_name} "
                                   f"(nhận báo cáo của {texts.members})")
        self.commune = QRadioButton(f"Lập báo cáo của một {texts.member} để gửi lên cấp trên:")
        self.office.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.office, self.commune):
            group.addButton(button)
            column.addWidget(button)
        self.units = QComboBox()
        for unit in units:
            self.units.addItem(unit.name, unit.code)
        self.units.setEnabled(False)
        self.commune.setEnabled(bool(units))
        self.commune.toggled.connect(self.units.setEnabled)
        column.addWidget(self.units)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.accepted.connect(self.accept)
        column.addWidget(buttons)

    def mode(self) -> Mode:
        if self.commune.isChecked() and self.units.currentData():
            return Mode(COMMUNE, self.units.currentData())
        return Mode(OFFICE)

    @classmethod
    def ask(cls, office_name: str, units: list, parent=None,
            texts: LevelTexts = LevelTexts()) -> Mode:
        dialog = cls(office_name, units, parent, texts)
        dialog.exec()
        return dialog.mode()


def ok_cancel(dialog: QDialog, ok_text: str, on_ok) -> QDialogButtonBox:
    """The dialog's OK button, named `ok_text` and calling `on_ok`, beside "Hủy"."""
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def question_box(parent, title: str, text: str, yes: str, no: str) -> QMessageBox:
    """A yes/no question whose buttons say what they do (No is the default)."""
    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.button(QMessageBox.Yes).setText(yes)
    box.button(QMessageBox.No).setText(no)
    box.setDefaultButton(QMessageBox.No)
    return box


def ask(parent, title: str, text: str, yes: str, no: str) -> bool:
    """Ask a yes/no question; True for `yes`."""
    return question_box(parent, title, text, yes, no).exec() == QMessageBox.Yes


class ChecksDialog(QDialog):
    """Everything to look at before printing; the user may print anyway."""

    GO_TO = QDialog.DialogCode.Accepted.value + 1  # a line double-clicked: go to that field

    def __init__(self, problems: list[Problem], parent=None, doing: str = "in",
                 anyway: bool = True):
        super().__init__(parent)
        self.setWindowTitle(f"Kiểm tra trước khi {doing}")
        self.resize(720, 420)
        column = QVBoxLayout(self)
        errors = sum(1 for p in problems if p.level == ERROR)
        refused = "" if anyway else f" Chưa {doing} được khi còn chỗ cần sửa."
        column.addWidget(QLabel(f"Có {wording.number(errors)} chỗ cần sửa và "
                                f"{wording.number(len(problems) - errors)} chỗ nên "
                                f"xem lại.{refused} Bấm đúp vào một dòng để đến chỗ đó."))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for p in problems:
            mark = "Cần sửa" if p.level == ERROR else "Xem lại"
            item = QListWidgetItem(f"[{mark}] {p.label}: {p.message}")
            item.setData(Qt.UserRole, p.field)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda item: self.done(self.GO_TO))
        column.addWidget(self.list)
        buttons = QDialogButtonBox()
        if anyway:
            buttons.addButton(f"Vẫn {doing}", QDialogButtonBox.AcceptRole)
        buttons.addButton("Quay lại sửa", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def chosen_field(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None


def guide_path():
    return project_root() / GUIDE


def show_guide(parent=None) -> QDialog:
    """The user guide (Markdown) in a browser window."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Hướng dẫn sử dụng")
    dialog.resize(860, 680)
    browser = GuideBrowser()
    browser.setOpenExternalLinks(True)
    path = guide_path()
    browser.setSearchPaths([str(path.parent)])
    try:
        browser.setMarkdown(path.read_text(encoding="utf-8"))
    except OSError:
        browser.setPlainText(f"Không tìm thấy tệp hướng dẫn {path}. Hãy cài lại chương trình.")
    QVBoxLayout(dialog).addWidget(browser)
    dialog.browser = browser
    dialog.show()
    return dialog


class GuideBrowser(QTextBrowser):
    """Shows the guide; screenshots fit its width instead of scrolling sideways."""

    PICTURE_WIDTH = 780

    def loadResource(self, kind, url):
        data = super().loadResource(kind, url)
        if kind != QTextDocument.ImageResource or data is None:
            return data
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        if image.width() > self.PICTURE_WIDTH:
            image = image.scaledToWidth(self.PICTURE_WIDTH, Qt.SmoothTransformation)
        return image


def about_text(db_path) -> str:
    return (f"<b>Báo cáo công tác thông tin đối ngoại</b><br>Phiên bản {__version__}<br><br>"
            f"Cơ sở dữ liệu: {db_path}<br>Thư mục sao lưu: {backups_dir(db_path)}<br>"
            f"Nhật ký lỗi: {log_dir()}")


def show_about(db_path, parent=None) -> None:
    QMessageBox.about(parent, "Giới thiệu", about_text(db_path))
