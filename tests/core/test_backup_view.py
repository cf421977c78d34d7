"""What each backup holds, and the issued versions a restore would drop."""

from bachthong_desktop.core.backup import backup_now, list_backups
from bachthong_desktop.core.backup_view import backup_summaries, describe_backup, issued_lost
from bachthong_desktop.core.issued import issue


def test_a_backup_says_its_periods_returns_and_issued_versions(demo_session):
    path = backup_now(demo_session, "manual")
    summary = describe_backup(path)
    assert summary.periods == ("2023-H1",) and summary.returns >= 1 and summary.issued == ()
    assert summary.taken is not None
    assert "kỳ: 2023-H1" in summary.label and "0 bản đã phát hành" in summary.label


def test_issuing_backs_up_after_so_the_new_version_can_always_be_restored(demo_session):
    before = set(list_backups(demo_session.db_path))
    issue(demo_session.db, "2023-H1", "063", "docx", b"PK", {}, number="125/BC-UBND",
          doc_date="05/6/2023")
    made = [p for p in list_backups(demo_session.db_path) if p not in before]
    assert any("sau-phat-hanh" in p.name for p in made)
    newest = backup_summaries(demo_session.db_path)[0]
    assert [ref.number for ref in newest.issued] == ["125/BC-UBND"]


def test_the_backup_taken_before_issuing_would_drop_that_version(demo_session):
    issue(demo_session.db, "2023-H1", "063", "docx", b"PK", {}, number="125/BC-UBND",
          doc_date="05/6/2023")
    before_issue = next(s for s in backup_summaries(demo_session.db_path)
                        if "truoc-ban-chinh-thuc" in s.path.name)
    lost = issued_lost(demo_session.db_path, before_issue)
    assert [ref.number for ref in lost] == ["125/BC-UBND"]
    assert "125/BC-UBND" in lost[0].label and "2023-H1" in lost[0].label
    after_issue = backup_summaries(demo_session.db_path)[0]
    assert issued_lost(demo_session.db_path, after_issue) == []
