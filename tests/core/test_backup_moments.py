"""Backups are made before the moments that change much: an import, and issuing a final version."""

from sqlite_utils import Database

from bachthong_desktop.core.backup import list_backups
from bachthong_desktop.core.demo import demo_dir
from bachthong_desktop.core.issued import issue
from bachthong_desktop.exchange.importer import import_files

RETURN = "bao-cao-ttdn_2023-H1_01969_thi-tran-phu-thong.xlsx"


def test_an_import_is_preceded_by_a_backup_without_its_values(session, db_path):
    import_files(session.store, [demo_dir() / "returns" / RETURN])
    backups = [p for p in list_backups(db_path) if "truoc-nhap" in p.name]
    assert len(backups) == 1
    assert Database(backups[0])["report_values"].count == 0
    assert session.store.get("2023-H1", "01969", "rebuttal_turns") == 120


def test_a_dry_run_makes_no_backup(session, db_path):
    import_files(session.store, [demo_dir() / "returns" / RETURN], dry_run=True)
    assert not [p for p in list_backups(db_path) if "truoc-nhap" in p.name]


def test_issuing_a_final_version_is_preceded_by_a_backup(session, db_path):
    issue(session.db, "2023-H1", "063", "docx", b"PK fake", {"x": 1}, number="12")
    assert [p for p in list_backups(db_path) if "truoc-ban-chinh-thuc" in p.name]
