"""`bachthong show` lists what the office's level fills: a province has no district media
centre, so its counts (which `set` refuses there) are not listed; the 2023 district's are."""

from cli_helpers import run


def test_a_province_is_not_shown_the_district_media_centres_counts(capsys, new_db_path):
    db = str(new_db_path)
    assert run(capsys, "--db", db, "units", "office", "19")[0] == 0
    code, out, err = run(capsys, "--db", db, "show", "--period", "2026")
    assert code == 0, err
    assert "[foreign_visitors]" in out and "[tv_news_programs]" not in out
    assert "[local_news]" not in out
    code, _, err = run(capsys, "--db", db, "set", "--period", "2026", "local_news", "5")
    assert code == 1 and "không có ở Tỉnh Thái Nguyên" in err


def test_the_2023_district_is_shown_its_media_centres_counts(capsys, demo_db):
    code, out, _ = run(capsys, "--db", demo_db, "show", "--period", "2023-H1")
    assert code == 0 and "[tv_news_programs]" in out and "[local_news]" in out
