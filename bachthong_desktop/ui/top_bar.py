"""The bar above the tabs: who compiles, which period, and starting a new period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QSizePolicy, QWidget)

from ..core import wording
from ..core.drafts import copy_draft, periods_to_start, previous_period
from ..core.issue_watch import banner_text, changes_since, newest_data
from ..core.issued import list_issued
from ..core.periods import parse_period, periods_of_year


ISSUED_STYLE = ("color: #1e6b30; font-weight: bold; border: 1px solid #1e6b30; "
                "border-radius: 3px; padding: 2px 6px; margin-left: 12px;")
CHANGED_STYLE = ("color: #a04000; font-weight: bold; text-align: left; padding: 3px 8px; "
                 "border: 1px solid #a04000; border-radius: 3px; background: #fff4e5;")


def changed_text(changes: list) -> str:
    """The line under the bar: how many entries changed since issuing, the first of them."""
    more = f" và {wording.number(len(changes) - 1)} mục khác" if len(changes) > 1 else ""
    first = changes[0].text if changes else ""
    return (f"SỐ LIỆU ĐÃ SỬA SAU KHI PHÁT HÀNH ({wording.number(len(changes))} mục): {first}"
            f"{more}. Bấm để xem từng mục.")


def period_choices(store, current: str, today: dt.date | None = None) -> list[str]:
    """Periods of last year and this year, plus every period with data, newest first."""
    year = (today or dt.date.today()).year
    ids = {p.id for y in (year - 1, year) for p in periods_of_year(y)}
    ids |= set(store.periods()) | {current}
    return sorted(ids, key=parse_period, reverse=True)


class TopBar(QWidget):
    """Office name, period chooser and "Kỳ mới…"."""

    def __init__(self, window):
        super().__init__()
        self.window_ = window
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.who = who = QLabel(window.unit.name if window.mode.is_commune else
                                (window.unit.header_name or window.unit.name))
        who.setStyleSheet("font-size: 15px; font-weight: bold;")
        row.addWidget(who)
        self.issued = QLabel()
        self.issued.setStyleSheet(ISSUED_STYLE)
        self.issued.hide()
        row.addWidget(self.issued)
        self.changes = []
        self.changed = QPushButton()  # the window puts it under the bar: it never widens it
        self.changed.setStyleSheet(CHANGED_STYLE)
        self.changed.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.changed.clicked.connect(self.show_changes)
        self.changed.hide()
        row.addStretch(1)
        label = QLabel("Kỳ &báo cáo:")
        self.periods = QComboBox()
        self.periods.setMinimumWidth(260)
        label.setBuddy(self.periods)
        self.periods.activated.connect(self._chosen)
        row.addWidget(label)
        row.addWidget(self.periods)
        if window.mode.is_commune:
            send = QPushButton("Xuất tệp gửi cấp trên…")
            send.clicked.connect(self._export)
            row.addWidget(send)
        self.new_button = QPushButton("Kỳ mới…")
        self.new_button.clicked.connect(self.new_period)
        row.addWidget(self.new_button)

    def _export(self) -> None:
        from .window_actions import export_return

        export_return(self.window_)

    def show_office(self, office) -> None:
        """The office of the period shown (each period prints with the names of its time)."""
        self.who.setText(office.header_name or office.name)

    def show_period(self, period_id: str) -> None:
        self.periods.blockSignals(True)
        self.periods.clear()
        for pid in period_choices(self.window_.session.store, period_id):
            self.periods.addItem(parse_period(pid).label, pid)
        self.periods.setCurrentIndex(self.periods.findData(period_id))
        self.periods.blockSignals(False)

    def show_issued(self, period_id: str, figures: dict | None = None) -> None:
        """"Đã phát hành" with the newest issued version's number and date, when there is one;
        beside it, what the period's data changed since (compared when `figures` are given)."""
        db = self.window_.session.db
        versions = list_issued(db, period_id)
        self.issued.setVisible(bool(versions))
        self.changes = []
        if versions:
            self.issued.setText(banner_text(versions[0], len(versions)))
            self.issued.setToolTip("\n".join(v.label for v in versions))
            if figures is not None:
                self.changes = changes_since(newest_data(db, period_id), figures,
                                             self.window_.session.form)
        self.changed.setVisible(bool(self.changes))
        self.changed.setText(changed_text(self.changes))
        self.changed.setToolTip("\n".join(c.text for c in self.changes))

    def show_changes(self) -> None:
        """The entries changed since the issued copy, and what the clerk may do about it."""
        lines = "\n".join(f"- {c.text}" for c in self.changes)
        QMessageBox.information(
            self, "Số liệu đã sửa sau khi phát hành",
            f"Bản đã phát hành không thay đổi. Từ khi phát hành, số liệu của kỳ này đã sửa "
            f"{wording.number(len(self.changes))} mục:\n{lines}\n\nNếu cần gửi số liệu mới, "
            "hãy phát hành lại (bản mới, số và ngày mới); nếu không, sửa lại như bản đã "
            "phát hành.")

    def _chosen(self, index: int) -> None:
        pid = self.periods.itemData(index)
        if pid and pid != self.window_.period and not self.window_.load_period(pid):
            self.show_period(self.window_.period)  # the user went back to fix a value

    def new_period(self) -> None:
        """Offer the periods not yet created (the next one first), a draft, then open it."""
        choices = periods_to_start(self.window_.session.store.periods(), dt.date.today())
        if not choices:
            QMessageBox.information(self, "Kỳ báo cáo mới", "Mọi kỳ đến nay đều đã có. Hãy "
                                    "chọn kỳ cần làm ở ô “Kỳ báo cáo”.")
            return
        labels = [p.label for p in choices]
        choice, ok = QInputDialog.getItem(self, "Kỳ báo cáo mới", "Chọn kỳ báo cáo:", labels,
                                          0, False)
        if ok:
            self.start_period(choices[labels.index(choice)].id, ask=True)

    def start_period(self, period_id: str, ask: bool = True) -> list[str]:
        """Open a period, copying the previous one as a draft when the user agrees."""
        window = self.window_
        window.saver.flush()
        source = previous_period(window.session.store, period_id, window.unit.code)
        copied = []
        if source and (not ask or self._agree(source, period_id)):
            copied = copy_draft(window.session.store, period_id, window.unit.code, source)
        window.load_period(period_id)
        if copied:
            window.statusBar().showMessage(
                f"Đã chép {wording.number(len(copied))} mục từ kỳ {source} làm bản nháp. "
                "Hãy sửa lại cho kỳ mới.",
                15000)
        return copied

    def _agree(self, source: str, target: str) -> bool:
        answer = QMessageBox.question(
            self, "Dùng kỳ trước làm bản nháp?",
            f"Chép phần tình hình chung, các danh sách và nơi nhận của kỳ "
            f"{parse_period(source).label} sang {parse_period(target).label} làm bản nháp? "
            "Chỉ chép vào những mục còn trống; số liệu không được chép.")
        return answer == QMessageBox.Yes
