"""The header's names set as Decree 30 wants them, for Word and the Qt page alike: the issuing
body at 13 pt, or 12 pt where that keeps it in its column, in at most two lines broken between
words that belong together; the rules under it, the motto and the trích yếu measured from the
text above them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import layout
from .text_width import width_mm, wrapped

SIZES = (13.0, 12.0)  # Decree 30: 12-13 pt
RULE_SHARE = 0.4  # Decree 30: a rule a third to a half as long as the text above it
SLACK_MM = 2.0  # what a line keeps free inside its column (Word and Qt justify alike)
# Words a line never ends on: "VÀ / DU LỊCH" breaks a phrase that belongs together
NOT_LAST = {"VÀ", "CỦA", "VỀ", "VỚI", "CHO", "TẠI", "-", "&"}


@dataclass(frozen=True)
class HeaderFit:
    """The header's left column as printed: its size, parent and issuing-body lines, rules."""

    size_pt: float
    parent: str
    issuer_lines: list[str]
    issuer_rule: layout.Rule
    motto_rule: layout.Rule

    def looks(self) -> tuple[str, str]:
        """The looks of the parent body and of the issuing body at this size."""
        return ("header", "header_bold") if self.size_pt >= SIZES[0] else (
            "header_small", "header_bold_small")

    def left_lines(self) -> list[tuple[str, str]]:
        """(look, text) of each line above the issuing body's rule."""
        plain, bold = self.looks()
        return ([(plain, self.parent)] if self.parent else []) + [
            (bold, line) for line in self.issuer_lines]


def _fits(lines: list[str], size: float, bold: bool, column_mm: float) -> bool:
    return all(width_mm(line, size, bold) <= column_mm - SLACK_MM for line in lines)


def _break_rank(words: list[str], at: int) -> int | None:
    """How good a break before words[at] is (lower is better); None where it is not allowed:
    before "VÀ", then after a comma; between other words (which may be the syllables of one
    word, "VĂN / HÓA") only where no phrase break fits at either size."""
    if words[at - 1].upper() in NOT_LAST:
        return None
    if words[at].upper() == "VÀ":
        return 0
    return 1 if words[at - 1].endswith(",") else 2


def two_lines(name: str, size: float, column_mm: float, any_word: bool = False
              ) -> list[str] | None:
    """The name in two lines at its best allowed break that fits, or None."""
    words = name.split()
    options = []
    for at in range(1, len(words)):
        rank = _break_rank(words, at)
        lines = [" ".join(words[:at]), " ".join(words[at:])]
        if rank is not None and (rank < 2 or any_word) and _fits(lines, size, True, column_mm):
            options.append((rank, max(width_mm(x, size, True) for x in lines), lines))
    return min(options)[2] if options else None


def _issuer(parent: str, lines: list[str], column_mm: float) -> tuple[float, list[str]]:
    sizes = [size for size in SIZES if not parent or _fits([parent], size, False, column_mm)]
    for size in sizes or SIZES[-1:]:
        if _fits(lines, size, True, column_mm):
            return size, lines
    for any_word in (False, True):
        for size in sizes if len(lines) == 1 else ():
            if split := two_lines(lines[0], size, column_mm, any_word):
                return size, split
    return SIZES[-1], lines  # longer than any column: Word and Qt wrap it


def fit_header(header) -> HeaderFit:
    """The left column of a document's header (its parent body above the issuing body); the
    rules' widths from the text above them, and the space under the shorter column's rule that
    puts "Số:" on the date's line."""
    column = layout.HEADER_COLUMNS_MM[0]
    size, lines = _issuer(header.parent_body, [x for x in header.issuer_lines if x], column)
    widest = max((width_mm(line, size, True) for line in lines), default=0.0)
    motto = width_mm(header.motto, layout.LOOKS["motto"].size_pt, True)
    fit = HeaderFit(size, header.parent_body, lines,
                    replace(layout.ISSUER_RULE, width_mm=round(RULE_SHARE * widest, 1)),
                    replace(layout.MOTTO_RULE, width_mm=round(motto, 1)))
    left = sum(layout.LOOKS[look].line_pt for look, _ in fit.left_lines())
    right = layout.LOOKS["nation"].line_pt + layout.LOOKS["motto"].line_pt
    return replace(fit, issuer_rule=_lower(fit.issuer_rule, right - left),
                   motto_rule=_lower(fit.motto_rule, left - right))


def _lower(rule: layout.Rule, points: float) -> layout.Rule:
    return replace(rule, after_pt=round(rule.after_pt + max(0.0, points), 1))


def trich_yeu_rule(trich_yeu: str, text_mm: float) -> layout.Rule:
    """The rule under the trích yếu, a share of its longest printed line."""
    return replace(layout.TRICH_YEU_RULE, width_mm=trich_yeu_rule_mm(trich_yeu, text_mm))


def trich_yeu_rule_mm(trich_yeu: str, text_mm: float) -> float:
    """The rule under the trích yếu: a share of its longest printed line."""
    look = layout.LOOKS["trich_yeu"]
    lines = wrapped(trich_yeu, look.size_pt, text_mm - SLACK_MM, look.bold)
    return round(RULE_SHARE * max(width_mm(x, look.size_pt, look.bold) for x in lines), 1)
