"""Where things live: the bundled forms and resources, and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from platformdirs import user_data_dir

APP_NAME = "BachThongTTDN"
DB_ENV = "BACHTHONG_DB"
DATA_ENV = "BACHTHONG_DATA_DIR"


def project_root() -> Path:
    """The folder holding forms/ and resources/ (the bundle folder in a PyInstaller build)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def forms_dir() -> Path:
    return project_root() / "forms"


def resources_dir() -> Path:
    return project_root() / "resources"


def data_dir() -> Path:
    """The user's data folder; BACHTHONG_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path(cli_value: str | os.PathLike | None = None) -> Path:
    """The database: `--db`, else BACHTHONG_DB, else the data folder."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / "bachthong.sqlite3"


def names_ignore_case(platform: str | None = None) -> bool:
    """True where file names differing only in case name one file (Windows, macOS)."""
    return (platform or sys.platform) in ("win32", "darwin")


DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs"}


def is_network_path(path: PurePath, drive_type=None, mounts=None) -> bool:
    """True for a file on a network share: a UNC path, a mapped drive, a network mount.

    `drive_type(root)` (GetDriveTypeW on Windows) and `mounts()` ((mount point, file system)
    pairs, /proc/self/mounts on Linux) are seams for the tests.
    """
    if isinstance(path, PureWindowsPath) or sys.platform == "win32":
        path = PureWindowsPath(path)
        if path.drive.startswith("\\\\"):
            return True  # \\server\share\...
        if not path.drive:
            return False
        return (drive_type or _windows_drive_type)(path.drive + "\\") == DRIVE_REMOTE
    return _mount_type(PurePosixPath(path), mounts or _linux_mounts) in NETWORK_FILESYSTEMS


def _windows_drive_type(root: str) -> int:
    import ctypes

    return ctypes.windll.kernel32.GetDriveTypeW(root)


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return []
    return [(line.split()[1].replace("\\040", " "), line.split()[2]) for line in lines
            if len(line.split()) > 2]


def _mount_type(path: PurePosixPath, mounts) -> str:
    """The file system of the longest mount point above `path`."""
    best, kind = "", ""
    for point, fs_type in mounts():
        if (path == PurePosixPath(point) or PurePosixPath(point) in path.parents) \
                and len(point) > len(best):
            best, kind = point, fs_type
    return kind


CLOUD_ENV = {"OneDrive": "OneDrive", "OneDriveCommercial": "OneDrive",
             "OneDriveConsumer": "OneDrive"}  # set by the OneDrive client on Windows
CLOUD_FOLDERS = {  # a synced folder's own name (lower case) -> the service
    "onedrive": "OneDrive", "dropbox": "Dropbox", "google drive": "Google Drive",
    "googledrive": "Google Drive", "my drive": "Google Drive", "drive của tôi": "Google Drive",
    "icloud drive": "iCloud Drive", "iclouddrive": "iCloud Drive",
}


def cloud_synced(path: PurePath, environ=None) -> str | None:
    """The service ("OneDrive", "Dropbox", ...) whose synced folder holds `path`, or None.

    By the OneDrive variables, then by a folder's name: "OneDrive - Sở VHTTDL" and
    "Dropbox (Công ty)" are the names those clients give business folders.
    """
    environ = os.environ if environ is None else environ
    windows = isinstance(path, PureWindowsPath) or sys.platform == "win32"
    kind = PureWindowsPath if windows else PurePosixPath
    path = kind(path)
    for name, service in CLOUD_ENV.items():
        root = environ.get(name)
        if root and _inside(path, kind(root)):
            return service
    for part in path.parts[:-1]:
        name = part.lower().strip()
        service = CLOUD_FOLDERS.get(name) or CLOUD_FOLDERS.get(name.split(" - ")[0]) \
            or CLOUD_FOLDERS.get(name.split(" (")[0])
        if service:
            return service
    return None


def _inside(path: PurePath, root: PurePath) -> bool:
    """`path` is `root` or below it (ignoring case on Windows)."""
    if isinstance(path, PureWindowsPath):
        path, root = PureWindowsPath(str(path).lower()), PureWindowsPath(str(root).lower())
    return path == root or root in path.parents


def command_line_program() -> str:
    """How the user starts the command line: the full path of bachthong.exe in the bundle."""
    if getattr(sys, "frozen", False):
        exe = Path(sys.executable).with_name("bachthong.exe" if sys.platform == "win32"
                                             else "bachthong")
        return f"\"{exe}\""
    return "bachthong"


MAX_PATH = 260  # a whole path on Windows without long-path support, its closing NUL included
MAX_FOLDER = MAX_PATH - 12  # CreateDirectory leaves room for an 8.3 file name inside
MAX_NAME = 255  # one file or folder name (NTFS, ext4)


def too_long(path: str | os.PathLike, folder: bool = False,
             platform: str | None = None) -> str | None:
    """The sentence to say when `path` is too long to use, in Vietnamese; None when it is not.

    Windows refuses paths of 260 characters or more unless long paths are turned on (and SQLite
    refuses them even then); without this check a clerk reads "grant write permission".
    """
    windows = (platform or sys.platform) == "win32" or isinstance(path, PureWindowsPath)
    text = os.path.abspath(path) if isinstance(path, (str, Path)) else str(path)
    parts = (PureWindowsPath if windows else PurePosixPath)(text).parts
    longest = max(parts, key=len, default="")
    if len(longest) > MAX_NAME:
        return (f"Tên “{longest[:40]}…” dài {len(longest)} ký tự, quá giới hạn {MAX_NAME} ký tự "
                "của một tên tệp hoặc thư mục. Hãy đổi sang tên ngắn hơn rồi thử lại.")
    if windows and len(text) >= (MAX_FOLDER if folder else MAX_PATH):
        return (f"Đường dẫn “{text}” dài {len(text)} ký tự, quá giới hạn "
                f"{(MAX_FOLDER if folder else MAX_PATH) - 1} ký tự của Windows (hay gặp ở các "
                "thư mục sâu của OneDrive, Zalo). Hãy chép tệp sang một thư mục có đường dẫn "
                "ngắn hơn, ví dụ C:\\BaoCao, rồi thử lại.")
    return None


WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}


def file_name_problem(part: str) -> str | None:
    """Why `part` cannot be (part of) a file name on Windows, in Vietnamese; None when it can.

    ":" would write into an NTFS stream, CON or NUL name a device, a trailing dot is dropped.
    """
    bad = sorted({ch for ch in part if ch in WINDOWS_FORBIDDEN or ord(ch) < 32})
    if bad:
        shown = " ".join(f"“{ch}”" if ord(ch) >= 32 else f"mã {ord(ch)}" for ch in bad)
        return f"có ký tự {shown} không dùng được trong tên tệp trên Windows"
    if part.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        return f"“{part}” là tên thiết bị dành riêng của Windows, không dùng được làm tên tệp"
    if part.endswith((".", " ")):
        return "kết thúc bằng dấu chấm hoặc khoảng trắng, Windows sẽ cắt mất"
    return None
