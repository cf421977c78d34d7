"""Around issuing: a doubtful date is asked, the banner reads right, and a change after issuing
is found (what changed, from what to what) while the issued copy never changes."""

import datetime as dt

from bachthong_desktop.core.issue_watch import banner_text, changes_since, date_question, newest_data
from bachthong_desktop.core.issued import list_issued, open_issued
from bachthong_desktop.exchange.export import issue_report

PERIOD = "2023-H1"
TODAY = dt.date(2026, 12, 8)


def test_a_date_after_today_or_after_the_deadline_is_asked():
    due = dt.date(2026, 12, 20)
    assert date_question(dt.date(2026, 12, 5), TODAY, due) is None
    assert date_question(TODAY, TODAY, due) is None
    assert date_question(dt.date(2026, 12, 15), TODAY, due) == (
        "Ngày ban hành 15/12/2026 là ngày sau hôm nay (08/12/2026): vẫn phát hành với ngày này, "
        "hay sửa lại ngày?")
    assert date_question(dt.date(2026, 12, 31), TODAY, due) == (
        "Ngày ban hành 31/12/2026 là ngày sau hôm nay (08/12/2026) và sau hạn gửi báo cáo "
        "(20/12/2026): vẫn phát hành với ngày này, hay sửa lại ngày?")
    assert "sau hạn gửi" in date_question(dt.date(2026, 12, 5), dt.date(2027, 1, 5),
                                          dt.date(2026, 12, 1))


def test_the_banner_says_ngay_once_and_a_blank_day_plainly(demo_session):
    issue_report(demo_session, PERIOD, "docx", "125", dt.date(2023, 6, 5))
    newest = list_issued(demo_session.db, PERIOD)[0]
    assert banner_text(newest) == "ĐÃ PHÁT HÀNH: số 125/BC-UBND ngày 05/6/2023"
    issue_report(demo_session, PERIOD, "docx")
    versions = list_issued(demo_session.db, PERIOD)
    assert len(versions) == 2  # issuing again is a new version
    assert banner_text(versions[0], 2).endswith(": chưa ghi số, chưa ghi ngày (2 bản)")
    assert "ngày ngày" not in banner_text(versions[1])


def test_a_figure_changed_after_issuing_is_named_and_the_copy_stays(demo_session):
    version = issue_report(demo_session, PERIOD, "docx", "125", dt.date(2023, 6, 5))
    data = newest_data(demo_session.db, PERIOD)
    figures = demo_session.compile(PERIOD)
    assert changes_since(data, figures, demo_session.form) == []
    before = figures["rebuttal_turns"].value
    demo_session.store.set(PERIOD, "063", "rebuttal_turns", before + 5)
    changes = changes_since(data, demo_session.compile(PERIOD), demo_session.form)
    assert [c.code for c in changes] == ["rebuttal_turns"]
    assert changes[0].issued == before and changes[0].now == before + 5
    assert changes[0].text.startswith(f"“{demo_session.form.field('rebuttal_turns').label}”: "
                                      f"bản phát hành {before}, nay {before + 5}")
    kept = open_issued(demo_session.db, version.id)
    assert kept.content == version.content and kept.data == version.data
    issue_report(demo_session, PERIOD, "docx", "126", dt.date(2023, 6, 6))
    assert changes_since(newest_data(demo_session.db, PERIOD), demo_session.compile(PERIOD),
                         demo_session.form) == []
    assert newest_data(demo_session.db, "2023-H2") is None
