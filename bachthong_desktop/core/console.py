"""Lines for a console or a pipe in the code page its reader decodes, Vietnamese kept readable.

A Windows console shows whatever Python writes (it writes Unicode to it). A pipe is read by
cmd or PowerShell 5.1, which decode it in the console's code page ([Console]::OutputEncoding:
437 on an English Windows, 1258 on a Vietnamese one, 65001 after `chcp 65001`), so UTF-8 there
comes out garbled: `setup_streams` writes a pipe in that code page, a file and every other
system in UTF-8. Code page 1258 holds the Vietnamese base letters (ê, ơ, ư, ă, đ) and the five
tone marks as combining characters, but not most precomposed letters: "ế" is written as
"ê" + U+0301, as Windows itself converts it. A mark a code page cannot carry is left out
("Ket qua" in ASCII), "Đ" becomes "D", another letter "?". A windowed program has no console
at all (sys.stdout is None): then nothing is written, the log file has the lines.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from itertools import combinations

UTF8_CODE_PAGE = 65001
FILE_TYPE_PIPE = 3
ATTACH_PARENT_PROCESS = -1
LAST_RESORT = {"Đ": "D", "đ": "d", "–": "-", "—": "-", "“": '"', "”": '"', "‘": "'",
               "’": "'"}  # how Vietnamese is written without its letters and marks


def encodable(text: str, encoding: str) -> str:
    """`text` with each character the encoding lacks decomposed into ones it has."""
    return "".join(_char(ch, encoding) for ch in text)


def _char(ch: str, encoding: str) -> str:
    if _fits(ch, encoding):
        return ch
    letter, *marks = unicodedata.normalize("NFD", ch)
    for size in range(len(marks), -1, -1):  # the most composed letter the code page has
        for inside in combinations(marks, size):
            base = unicodedata.normalize("NFC", letter + "".join(inside))
            if _fits(base, encoding):
                rest = list(marks)
                for mark in inside:
                    rest.remove(mark)
                return base + "".join(m for m in rest if _fits(m, encoding))
    return LAST_RESORT.get(letter, "?")


def _fits(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def vietnamese_errors(encoding: str) -> str:
    """The name of a codecs error handler writing what `encoding` lacks as `encodable` does.

    One per encoding: a code page's codec reports itself as "charmap", not by its name.
    """
    name = f"bachthong-vietnamese-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        def fallback(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeEncodeError):
                raise exc
            return encodable(exc.object[exc.start:exc.end], encoding), exc.end
        codecs.register_error(name, fallback)
    return name


def setup_streams() -> None:
    """sys.stdout and sys.stderr in the encoding their reader decodes (see the module)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = output_encoding(stream)
        if encoding is None or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(encoding=encoding, errors=vietnamese_errors(encoding))
        except (OSError, ValueError, LookupError):  # a detached or replaced stream
            pass


def output_encoding(stream, platform: str | None = None, environ=None, pipe: bool | None = None,
                    code_page=None) -> str | None:
    """The encoding for `stream`: the one PYTHONIOENCODING chose, else UTF-8 but in a pipe
    on Windows, which gets the console's code page.

    `pipe` (is the stream a pipe) and `code_page()` (the console's) are seams for the tests.
    """
    chosen = (os.environ if environ is None else environ).get("PYTHONIOENCODING", "")
    if chosen.split(":")[0]:  # read here: a PyInstaller bundle's Python ignores the variable
        try:
            return codecs.lookup(chosen.split(":")[0]).name
        except LookupError:
            pass
    if (platform or sys.platform) != "win32":
        return "utf-8"
    if not (_is_pipe(stream) if pipe is None else pipe):
        return "utf-8"  # a console (Python writes Unicode to it) or a file
    number = (code_page or _console_code_page)()
    if not number or number == UTF8_CODE_PAGE:
        return "utf-8"
    try:
        return codecs.lookup(f"cp{number}").name
    except LookupError:
        return "utf-8"


def _is_pipe(stream) -> bool:
    """True for a Windows pipe (cmd's `|`, PowerShell's `|` and `>`)."""
    try:
        import ctypes
        import msvcrt

        handle = ctypes.c_void_p(msvcrt.get_osfhandle(stream.fileno()))  # 64 bits, not an int
        return ctypes.windll.kernel32.GetFileType(handle) == FILE_TYPE_PIPE
    except (AttributeError, OSError, ValueError, ImportError):
        return False


def _console_code_page() -> int:
    """The output code page of our console, or of the parent's (the windowed program has none)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32
    number = kernel32.GetConsoleOutputCP()
    if number:  # a console made for us alone (our parent had none) is no reader's: UTF-8
        return number if _shared(kernel32) else 0
    if not kernel32.AttachConsole(ATTACH_PARENT_PROCESS):
        return 0
    try:
        return kernel32.GetConsoleOutputCP()
    finally:
        kernel32.FreeConsole()


def _shared(kernel32) -> bool:
    """True when another process (the shell reading our pipe) is attached to our console."""
    import ctypes

    ids = (ctypes.c_uint32 * 4)()
    return kernel32.GetConsoleProcessList(ids, 4) > 1


def say(line: str, stream=None) -> None:
    """Print a line on `stream` (default: sys.stdout) in its encoding; nothing without one."""
    stream = sys.stdout if stream is None else stream
    if stream is None:
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        print(encodable(line, encoding), file=stream, flush=True)
    except (OSError, ValueError):  # a closed pipe or a detached console
        pass
