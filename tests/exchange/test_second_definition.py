"""A second, small report definition (tests/forms/mini.toml) drives the tabs, the Excel
return, its import and the document with no change to the code."""

from pathlib import Path

import pytest

from bachthong_desktop.core.definition import load_form_file, parse_form
from bachthong_desktop.core.errors import UserError
from bachthong_desktop.core.periods import parse_period
from bachthong_desktop.core.store import Store
from bachthong_desktop.exchange.document import NBSP, document_for
from bachthong_desktop.exchange.importer import import_file
from bachthong_desktop.exchange.xlsx_fill import fill_return
from bachthong_desktop.exchange.xlsx_template import TemplateInfo, build_template

MINI = Path(__file__).parents[1] / "forms" / "mini.toml"


@pytest.fixture
def mini(session):
    """The session working on the mini definition instead of the bundled one."""
    form = load_form_file(MINI)
    session.__dict__["form"] = form
    session.__dict__["store"] = Store(session.db, form)
    return session


def text_of(doc) -> str:
    return "\n".join(doc.paragraphs_text()).replace(NBSP, " ")


def returned(mini, unit, values, tmp_path):
    """A commune's return of the mini definition, filled and imported as the district would."""
    wb = build_template(TemplateInfo(unit, parse_period("2023-H2"), mini.form))
    fill_return(wb, mini.form, values)
    path = tmp_path / f"{unit.code}.xlsx"
    wb.save(path)
    result = import_file(mini.store, path, period="2023-H2")
    assert result.ok, result.message
    return result


def test_the_tabs_are_built_from_the_mini_definition(mini, qtbot):
    from bachthong_desktop.ui.section_tab import SectionTab

    tabs = []
    for section, fields in mini.form.tab_sections(commune=False):
        tab = SectionTab(section.tab, fields)
        qtbot.addWidget(tab)
        tab.ensure_built()
        tabs.append(tab)
    assert [t.title for t in tabs] == ["Văn bản", "Kết quả"]
    assert set(tabs[0].editors) == {f.code for f in mini.form.sections[0].fields}
    assert set(tabs[1].rows) == {"meetings", "plan_done", "visits", "notes"}
    assert "plan_done" not in tabs[1].editors  # the communes' answers: shown, not typed here
    commune = [t for s, f in mini.form.tab_sections(commune=True) for t in [s.tab]]
    assert commune == ["Kết quả"]


def test_template_import_and_document_of_the_mini_definition(mini, tmp_path):
    units = mini.units("2023-H2")
    returned(mini, units[0], {"meetings": 4, "plan_done": True,
                              "visits": [{"name": "Hữu nghị", "places": "Xã Vi Hương"}]}, tmp_path)
    returned(mini, units[1], {"meetings": 3, "plan_done": False}, tmp_path)
    assert mini.compile("2023-H2")["meetings"].value == 7
    doc = document_for(mini, "2023-H2")
    text = text_of(doc)
    assert doc.trich_yeu.replace(NBSP, " ") == "Kết quả thử nghiệm 6 tháng cuối năm 2023"
    assert doc.body[0].text.startswith("UBND huyện Bạch Thông báo cáo kết quả thử nghiệm")
    assert ("Từ 15/6/2023 đến nay, các xã tổ chức được 7 buổi họp dân; 1 trong 2 xã đã báo "
            "cáo có kế hoạch, 12 xã chưa báo cáo.") in text
    assert "- Đoàn Hữu nghị đến xã Vi Hương" in text
    assert "II. GHI CHÚ\nKhông có ghi chú trong kỳ." in text
    assert doc.recipients.items == ["Lưu: VT."]
    assert doc.appendix.columns[2] == "Buổi họp dân (buổi)"
    assert doc.appendix.totals[0][2] == "7"


def test_every_unit_answered_gives_the_share_of_all(mini, tmp_path):
    for unit in mini.units("2023-H2"):
        mini.store.set_many("2023-H2", unit.code, {"meetings": 0, "plan_done": True}, "typed")
    text = text_of(document_for(mini, "2023-H2"))
    assert "Từ 15/6/2023 đến nay, 100 % các xã có kế hoạch." in text


def raw_mini() -> dict:
    import tomllib

    return tomllib.loads(MINI.read_text(encoding="utf-8"))


@pytest.mark.parametrize("change, named", [
    (lambda raw: raw["document"].pop("opening"), "document: missing key 'opening'"),
    (lambda raw: raw["sections"][1]["fields"][2].pop("merge_key"),
     "field visits: aggregate merge_list needs merge_key"),
    (lambda raw: raw["sections"][1]["blocks"][1].update(templat="x"),
     "sections[1].blocks[1]: unknown key 'templat'"),
    (lambda raw: raw["document"]["roles"].pop("date"), "document.roles: missing role 'date'"),
    (lambda raw: raw["sections"][1]["blocks"][1].update(template="{meetings:>3} buổi"),
     "must pad with digits"),
    (lambda raw: raw["sections"][0]["fields"][0].pop("label"),
     "sections[0].fields[0]: missing key 'label'"),
])
def test_a_definition_is_checked_whole_and_names_the_key(change, named):
    raw = raw_mini()
    change(raw)
    with pytest.raises(ValueError, match=named.replace("[", r"\[").replace("]", r"\]")):
        parse_form(raw)


def test_a_broken_definition_file_is_a_vietnamese_message_naming_the_key(tmp_path):
    path = tmp_path / "hong.toml"
    path.write_text(MINI.read_text(encoding="utf-8").replace('opening = "', 'mo_dau = "'),
                    encoding="utf-8")
    with pytest.raises(UserError, match="có lỗi.*missing key 'opening'.*unknown key 'mo_dau'"):
        load_form_file(path)
