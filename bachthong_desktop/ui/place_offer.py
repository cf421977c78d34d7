"""Beside the office's place of the date line: the full form offered for a unit that looks named
after a person or a historic event, with Decree 30's rule said (core/place_names.py decides)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ..core.place_names import RULE, full_form_offer, named_after


class PlaceOffer(QWidget):
    """A line under the place field: the rule, and a button that writes the full name there
    when the name looks like a person's or an event's. It offers; the clerk decides."""

    def __init__(self, place: QLineEdit, unit: Callable[[], tuple[str, str] | None], parent=None):
        super().__init__(parent)
        self.place, self.unit = place, unit
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.use = QPushButton()
        self.use.clicked.connect(self._use_full)
        row.addWidget(self.note, 1)
        row.addWidget(self.use)
        place.setToolTip(RULE)
        place.textChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Offer the full form when it applies to the unit shown and is not written yet."""
        unit = self.unit()
        full = full_form_offer(*unit, self.place.text()) if unit else None
        self.setVisible(full is not None)
        if full is None:
            return
        kind, name = unit
        # short beside the field; the whole rule in its tooltip and the place field's
        self.note.setText(f"Có vẻ đặt theo tên {named_after(kind, name)}: Nghị định 30 ghi đủ "
                          f"“{full}, ngày …”.")
        self.note.setToolTip(RULE)
        self.use.setText(f"Ghi “{full}”")

    def _use_full(self) -> None:
        unit = self.unit()
        full = full_form_offer(*unit, self.place.text()) if unit else None
        if full:
            self.place.setText(full)
