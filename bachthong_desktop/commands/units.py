"""`bachthong units`: the compiling office and the units that report to it."""

from __future__ import annotations

import datetime as dt

from ..core.numbers import parse_date


def register(commands) -> None:
    parser = commands.add_parser("units", help="danh sách cơ quan tổng hợp và các đơn vị báo cáo")
    parser.add_argument("--ngay", dest="on", metavar="dd/mm/yyyy",
                        help="chỉ các đơn vị còn hiệu lực vào ngày này")
    parser.set_defaults(run=run)


def _validity(unit) -> str:
    end = unit.valid_to or "nay"
    return f"{unit.valid_from} → {end}"


def run(session, args) -> int:
    on = parse_date(args.on) if args.on else None
    office = session.office
    print(f"Cơ quan tổng hợp: {office.code}  {office.header_name}  ({_validity(office)})")
    print(f"Nơi ghi ngày tháng: {office.place}; người ký: {office.signer_title} {office.signer_name}")
    from ..core.units import reporting_units

    units = reporting_units(session.db, office.code, on)
    print(f"Các đơn vị báo cáo ({len(units)}):")
    for unit in units:
        aliases = f" (còn viết: {', '.join(unit.alias_list)})" if unit.alias_list else ""
        print(f"  {unit.code}  {unit.name}{aliases}  [{_validity(unit)}]")
    return 0
