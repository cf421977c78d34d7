"""Save each edit as it is made (short debounce), with undo and redo through the store."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.errors import UserError
from ..core.numbers import NumberError
from ..core.store import TYPED, Store
from ..core.values import coerce, to_json
from .editors import Editor

DEBOUNCE_MS = 400
log = logging.getLogger(__name__)


class SetValue(QUndoCommand):
    """One saved change of one field; undo writes the old value back."""

    def __init__(self, saver: "EditSaver", code: str, old: Any, new: Any):
        super().__init__(f"Sửa “{saver.editors[code].field.label}”")
        self.saver, self.code, self.old, self.new = saver, code, old, new
        self.first = True

    def redo(self) -> None:
        self.saver.write(self.code, self.new, reload=not self.first)
        self.first = False

    def undo(self) -> None:
        self.saver.write(self.code, self.old, reload=True)


class EditSaver(QObject):
    """Watches editors of one (period, unit); writes their values to the store."""

    saved = Signal(list)       # codes written (an edit, an undo or a redo)
    problem = Signal(str, str)  # code, message ("" when the problem is gone)
    reloaded = Signal(str)     # an undo or redo changed what an editor shows

    def __init__(self, store: Store, undo: QUndoStack, parent=None):
        super().__init__(parent)
        self.store, self.undo = store, undo
        self.period = self.unit = None
        self.editors: dict[str, Editor] = {}
        self.stored: dict[str, Any] = {}
        self.dirty: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.flush)

    def watch(self, editor: Editor) -> None:
        self.editors[editor.field.code] = editor
        editor.edited.connect(lambda code=editor.field.code: self.mark(code))

    def start(self, period: str, unit: str) -> dict[str, Any]:
        """Load the stored values of a report into the editors; forget undo of the last one."""
        self.flush()
        self.period, self.unit = period, unit
        self.undo.clear()
        self.dirty.clear()
        self.stored = self.store.values(period, unit)
        for code, editor in self.editors.items():
            editor.load(self.stored.get(code))
        return self.stored

    def mark(self, code: str) -> None:
        """An edit: it is checked at once (red while it does not read), saved shortly."""
        self.dirty.add(code)
        self.timer.start()
        self._check(code)

    def _check(self, code: str) -> bool:
        """Mark an editor red (and say why) while its value does not read; True when it does."""
        editor = self.editors[code]
        try:
            coerce(editor.field, editor.value())
        except (NumberError, UserError) as exc:
            message = getattr(exc, "message", str(exc))
            editor.set_problem(message)
            self.problem.emit(code, message)
            return False
        editor.set_problem(None)
        self.problem.emit(code, "")
        return True

    def flush(self) -> list[str]:
        """Save every pending edit now; the codes saved."""
        self.timer.stop()
        done = []
        for code in sorted(self.dirty):
            if self._save(code):
                done.append(code)
        self.dirty.clear()
        return done

    def _save(self, code: str) -> bool:
        if not self._check(code):
            return False
        editor = self.editors[code]
        new = coerce(editor.field, editor.value())
        old = self.stored.get(code)
        if to_json(old) == to_json(new):
            return False
        self.undo.push(SetValue(self, code, old, new))
        return True

    def write(self, code: str, value: Any, reload: bool) -> None:
        """Store one value (the undo commands call this), and show it when asked."""
        self.store.set(self.period, self.unit, code, value, TYPED)
        self.stored[code] = value
        if reload:
            self.editors[code].load(value)
            self.editors[code].set_problem(None)
            self.reloaded.emit(code)
        log.debug("saved %s %s %s", self.period, self.unit, code)
        self.saved.emit([code])

    def unreadable(self) -> dict[str, tuple[str, str]]:
        """Values typed that do not read, so are not saved: code -> (text as typed, why)."""
        out = {}
        for code, editor in self.editors.items():
            typed = editor.typed_text()
            if typed is None:
                continue
            try:
                coerce(editor.field, editor.value())
            except (NumberError, UserError) as exc:
                out[code] = (typed, getattr(exc, "message", str(exc)))
        return out

    def pending_texts(self) -> dict[str, str]:
        """Code -> the text as typed, for every value not saved because it does not read."""
        return {code: typed for code, (typed, _) in self.unreadable().items()}
