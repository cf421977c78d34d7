"""Report situations a clerk meets, built in a real database: the demo, an empty second half,
an all-zero second half, a year with long narrative, a province with its 92 communes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from bachthong_desktop.core.units import end_unit, reporting_units, save_unit
from bachthong_desktop.exchange.demo_returns import load_demo

NARRATIVE = ("Trong năm 2023, với sự chỉ đạo sát sao của UBND tỉnh, Huyện ủy, sự vào cuộc của "
             "chính quyền từ huyện đến cơ sở, công tác thông tin đối ngoại được triển khai đồng "
             "bộ; các cơ quan, đơn vị đã phối hợp chặt chẽ trong việc cung cấp thông tin, tuyên "
             "truyền về hình ảnh, con người, lịch sử, văn hóa của các dân tộc trên địa bàn. ")


def counts(session, reporters: str) -> list[str]:
    return [f.code for f in session.form.fields if f.kind == "count" and reporters in f.reporters]


def demo(session) -> str:
    load_demo(session.store)
    return "2023-H1"


def empty_second_half(session) -> str:
    return "2023-H2"


def zero_second_half(session) -> str:
    """Every count 0, every commune answered "no plan": the office typed nothing else."""
    period, store, office = "2023-H2", session.store, session.office.code
    store.set_many(period, office, {code: 0 for code in counts(session, "office")}, "typed")
    for unit in session.units(period):
        values = {code: 0 for code in counts(session, "units")}
        store.set_many(period, unit.code, {**values, "plan_issued": False}, "typed")
    return period


def long_year(session) -> str:
    """The demo's entries and returns copied to the whole year, with long narrative."""
    load_demo(session.store)
    store, office = session.store, session.office.code
    for unit_code in store.units_with_values("2023-H1"):
        store.set_many("2023", unit_code, store.values("2023-H1", unit_code), "typed")
    long_text = "\n".join(NARRATIVE * 4 for _ in range(6))
    store.set_many("2023", office, {"general_situation": long_text, "strengths": long_text,
                                    "limitations": [NARRATIVE * 2] * 8}, "typed")
    return "2023"


def province_92(session) -> str:
    """The office with 92 communes and wards (the old 14 ended), each with its return."""
    office = session.office
    first = reporting_units(session.db, office.code)[0]
    for unit in reporting_units(session.db, office.code):
        end_unit(session.db, unit.code, dt.date(2023, 6, 30))
    for i in range(1, 93):
        save_unit(session.db, replace(first, code=f"9{i:04d}", name=f"Xã Thử Nghiệm Số {i}",
                                      aliases="[]", valid_from="2023-07-01", valid_to=None))
    period = "2023-H2"
    for n, unit in enumerate(session.units(period)):
        values = {code: (n * 7 + k) % 40 for k, code in enumerate(counts(session, "units"))}
        session.store.set_many(period, unit.code, {**values, "plan_issued": n % 3 != 0}, "typed")
    return period


VARIANTS = {"demo": demo, "empty_second_half": empty_second_half,
            "zero_second_half": zero_second_half, "long_year": long_year,
            "province_92": province_92}
