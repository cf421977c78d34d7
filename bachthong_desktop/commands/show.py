"""`bachthong show --period P`: the report's data as readable text, or as JSON."""

from __future__ import annotations

import json

from ..core.aggregate import figures_as_json
from ..core.periods import parse_period
from ..core.readable import describe_report


def arguments(parser) -> None:
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2023-H1, 2023-H2 hoặc 2023")
    parser.add_argument("--json", action="store_true",
                        help="in dạng JSON, theo mã chỉ tiêu, kèm tổng cộng")
    parser.set_defaults(run=run)


def run(session, args) -> int:
    period = parse_period(args.period)
    figures = session.compile(period)
    if args.json:
        data = {"period": period.id, "office": session.office_for(period).code,
                "form": {"code": session.form.code, "version": session.form.version},
                "indicators": figures_as_json(figures, session.form)}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        units = session.units(period)
        print(describe_report(session.form, period, session.office_for(period), units, figures))
    return 0
