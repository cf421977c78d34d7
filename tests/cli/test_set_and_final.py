"""`bachthong set` writes as the window does; `report` warns on failing checks and still
writes a draft; `--final` refuses while a check fails."""

import io
import sys

import docx

from bachthong_desktop.core.issued import list_issued
from bachthong_desktop.core.session import Session

from cli_helpers import run


def stored(db, code, period="2023-H1"):
    session = Session(db)
    try:
        return session.store.get(period, session.office.code, code), \
            session.store.history(period, session.office.code)[-1].source
    finally:
        session.close()


def test_set_writes_a_count_with_its_source(capsys, demo_db):
    code, out, err = run(capsys, "--db", demo_db, "set", "--period", "2023-H1", "tv_pages", "1.086")
    assert code == 0, err
    assert "Đã ghi “Trang truyền hình địa phương”" in out
    assert stored(demo_db, "tv_pages") == (1086, "dòng lệnh")


def test_set_a_bad_value_exits_1_with_the_windows_message(capsys, demo_db):
    code, out, err = run(capsys, "--db", demo_db, "set", "--period", "2023-H1", "tv_pages", "12,5")
    assert code == 1
    assert "Trang truyền hình địa phương: “12,5” là số thập phân" in err
    assert stored(demo_db, "tv_pages")[0] == 6


def test_set_a_list_one_item_per_line_from_standard_input(capsys, demo_db, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Ý thứ nhất\n\nÝ thứ hai *đậm*\n"))
    code, _, err = run(capsys, "--db", demo_db, "set", "--period", "2023-H1", "limitations",
                       "--tep", "-")
    assert code == 0, err
    assert stored(demo_db, "limitations")[0] == ["Ý thứ nhất", "Ý thứ hai *đậm*"]


def test_set_a_nested_list_from_a_file(capsys, demo_db, tmp_path):
    path = tmp_path / "phuong-huong.txt"
    path.write_text("Tiếp tục tuyên truyền\n- trên Cổng TTĐT\n- trên Đài truyền thanh\nRà soát\n",
                    encoding="utf-8")
    code, _, err = run(capsys, "--db", demo_db, "set", "--period", "2023-H1", "directions",
                       "--tep", str(path))
    assert code == 0, err
    assert stored(demo_db, "directions")[0] == [
        {"text": "Tiếp tục tuyên truyền", "children": ["trên Cổng TTĐT", "trên Đài truyền thanh"]},
        {"text": "Rà soát", "children": []}]


def test_set_an_unknown_code_names_the_codes(capsys, demo_db):
    code, _, err = run(capsys, "--db", demo_db, "set", "--period", "2023-H1", "nope", "1")
    assert code == 1 and "Không có chỉ tiêu mã “nope”" in err and "tv_pages" in err


def test_an_empty_period_is_written_as_a_draft_with_warnings(capsys, db_path, tmp_path):
    target = tmp_path / "nhap.docx"
    code, out, err = run(capsys, "--db", str(db_path), "report", "--period", "2023-H2", "-o",
                         str(target))
    assert code == 0, err
    assert "Cảnh báo: báo cáo còn" in err and "- Nơi nhận: Chưa nhập" in err
    assert "- Số văn bản yêu cầu báo cáo: Chưa nhập" in err
    assert target.exists() and "Đã ghi báo cáo" in out


def test_final_is_refused_while_a_check_fails_and_nothing_is_written(capsys, db_path, tmp_path):
    target = tmp_path / "chinh-thuc.docx"
    code, _, err = run(capsys, "--db", str(db_path), "report", "--period", "2023-H2", "-o",
                       str(target), "--final")
    assert code == 1
    assert "Chưa phát hành được bản chính thức" in err and "Nơi nhận" in err
    assert not target.exists()
    session = Session(db_path)
    assert list_issued(session.db, "2023-H2") == []
    session.close()


def test_an_issue_date_before_the_request_letter_is_refused(capsys, demo_db, tmp_path):
    target = tmp_path / "chinh-thuc.docx"
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                       str(target), "--final", "--so", "5", "--ngay", "20/5/2023")
    assert code == 1
    assert "Ngày ban hành 20/5/2023 đứng trước ngày của văn bản yêu cầu báo cáo (26/5/2023)" in err
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                       str(target), "--final", "--so", "5", "--ngay", "05/6/2023")
    assert code == 0, err
    assert "Số: 05/BC-UBND" in docx.Document(str(target)).tables[0].rows[0].cells[0].text


def test_set_refuses_a_figure_the_period_s_office_does_not_report(capsys, new_db_path):
    db = str(new_db_path)
    assert run(capsys, "--db", db, "units", "office", "01969")[0] == 0
    code, out, err = run(capsys, "--db", db, "set", "--period", "2026-H1", "local_news", "5")
    assert code == 1 and "Đã ghi" not in out
    assert "không có ở" in err and "Xã Phủ Thông" in err
    session = Session(db)
    try:
        assert session.store.get("2026-H1", "01969", "local_news") is None
    finally:
        session.close()


def test_an_issue_date_after_today_or_the_deadline_is_pointed_out(capsys, demo_db, tmp_path):
    target = tmp_path / "chinh-thuc.docx"
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                       str(target), "--final", "--so", "5", "--ngay", "05/6/2023")
    assert code == 0, err
    assert "Lưu ý" not in err
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2023-H1", "-o",
                       str(target), "--final", "--so", "6", "--ngay", "31/12/2099")
    assert code == 0, err
    assert "Lưu ý: Ngày ban hành 31/12/2099 là ngày sau hôm nay (" in err
    assert "và sau hạn gửi báo cáo (" in err
