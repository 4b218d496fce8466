"""Date grammar, the table: each shape a date is written in, as a regular expression, with the resolver in
`builder.dates.rules` that reads it. `builder.dates.scan` runs them all over a text at once; where matches
overlap the longest wins, then the earlier rule."""

from __future__ import annotations

from builder.dates.fiscal import fiscal_year
from builder.dates.rules import (  # noqa: F401 (the table's words and resolvers)
    _ABBR_MONTH,
    _CONN,
    _Ctx,
    _DASH,
    _DOTTED_MONTH,
    _FOREIGN_MONTH,
    _FOREIGN_WEEKDAY,
    _FULL_MONTH,
    _Found,
    _NUM,
    _RELYEAR,
    _SP,
    _SP0,
    _THE,
    _WEEKDAY,
    _WEEKDAY_CUT,
    _YREF,
    _ago,
    _anniversary_span,
    _bare_month,
    _century,
    _date_range,
    _date_range_of_relative_year,
    _day,
    _day_range,
    _decade,
    _decade_range,
    _dotted_date,
    _from_years,
    _foreign_date,
    _full_date,
    _iso_date,
    _lone_year,
    _month,
    _month_day,
    _month_of_relative_year,
    _month_range,
    _month_third,
    _month_year_shape,
    _months_of_year,
    _next_to,
    _numeric_date,
    _numeric_month,
    _quarter_code,
    _relative_day,
    _relative_month,
    _relative_season,
    _relative_unit,
    _season,
    _split_year,
    _weekday,
    _weekday_date,
    _weekday_of_relative_week,
    _weekend,
    _year,
    _year_fraction,
    _year_range,
    _year_third,
    _yearless_quarter,
)

# --------------------------------------------------------------------------
# The grammar: (pattern, resolver). A group named "span" narrows the mention
# to the date itself when the pattern also matches a leading word.
# --------------------------------------------------------------------------

_WD_MOD = rf"(?:(?i:this{_SP}coming|this{_SP}past|last|next|coming|this|past){_SP})?"
_MDY = rf"{_month('m')}{_SP}{_day('d')},?{_SP}{_year('y')}"
_DMY = rf"{_day('d')}(?:{_SP}|-){_month('m')}(?:,?{_SP}|-){_year('y')}"  # (and a stamp's `06-Nov-2025`)

RULE_TABLE: list[tuple[str, Resolver]] = [
    # ranges
    (rf"(?P<span>{_month('m1')}{_SP}{_day('d1')}{_CONN}{_month('m2')}{_SP}{_day('d2')}{_SP}{_RELYEAR})",
     _date_range_of_relative_year),
    (rf"(?P<span>{_month('m1')}{_SP}{_day('d1')}(?:,?{_SP}{_year('y1')})?{_CONN}"
     rf"{_month('m2')}{_SP}{_day('d2')}(?:,?{_SP}{_year('y2')})?)", _date_range),
    (rf"(?P<span>{_day('d1')}{_SP}{_month('m1')}(?:{_SP}{_year('y1')})?{_CONN}"
     rf"{_day('d2')}{_SP}{_month('m2')}(?:,?{_SP}{_year('y2')})?)", _date_range),
    (rf"{_month('m')}{_SP}{_day('d1')}{_CONN}{_day('d2')}(?:,?{_SP}{_year('y')})?", _day_range),
    (rf"{_day('d1')}{_CONN}{_day('d2')}{_SP}{_month('m')}(?:,?{_SP}{_year('y')})?", _day_range),
    (rf"(?P<span>{_month('m1')}(?:,?{_SP}{_year('y1')})?{_CONN}{_month('m2')}(?:,?{_SP}{_year('y2')}|{_SP}{_RELYEAR})?)",
     _month_range),
    (rf"{_MDY}{_DASH}{_year('y2')}", _anniversary_span),
    (rf"{_DMY}{_DASH}{_year('y2')}", _anniversary_span),
    (rf"(?:(?P<lead>(?i:from|between)){_SP})?(?P<span>{_year('y1')}{_SP}(?P<conn>to|until|till|through|and)"
     rf"{_SP}{_year('y2')})", _from_years),
    # a fiscal year, in the calendar of the country it is told of (`FY26`, `fiscal 2026`, `fiscal year 2025-26`)
    (r"(?<![\w-])[Ff]iscal(?:[ ][Yy]ear)?[ ](?P<y>(?:19|20)\d\d)(?:[-–/](?P<y2>\d\d(?:\d\d)?))?(?![\w%]|[.,]\d)",
     fiscal_year),
    (r"(?<![\w-])FY[ ]?(?P<fy>(?:20)?\d\d)(?:[-–/](?P<y2>\d\d(?:\d\d)?))?(?![\w%]|[.,]\d)", fiscal_year),
    (rf"{_year('y1')}{_DASH}(?P<y2>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)", _year_range),
    # (`the 2025/26 crop`: two years running, split by a slash)
    (rf"{_year('y1')}/(?P<y2>\d{{4}}|\d{{2}})(?![\w/%]|[.,]\d)", _split_year),
    # days
    # (`May 8, last year`)
    (rf"{_month('m')}(?:{_SP}{_day('d')},?)?(?:{_SP}of)?{_SP}{_RELYEAR}", _month_of_relative_year),
    (rf"{_day('d')}{_SP}{_month('m')}(?:{_SP}of)?{_SP}{_RELYEAR}", _month_of_relative_year),
    # "(next) Thursday, November 13": the weekday and its modifier confirm the date, they are not another
    (rf"(?<!\w){_WD_MOD}(?P<wd>{_WEEKDAY}|{_WEEKDAY_CUT}),?{_SP}{_month('m')}{_SP}{_day('d')}(?:,?{_SP}{_year('y')})?",
     _weekday_date),
    (rf"(?<!\w){_WD_MOD}(?P<wd>{_WEEKDAY}|{_WEEKDAY_CUT}),?{_SP}{_day('d')}{_SP}{_month('m')}(?:,?{_SP}{_year('y')})?",
     _weekday_date),
    # (a Vietnamese site's stamp names the weekday in Vietnamese: `Thứ Tư, 21/05/2025`)
    (rf"(?<!\w)(?P<wd>{_WEEKDAY}|{_WEEKDAY_CUT}|Thứ{_SP}(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ{_SP}[Nn]hật),?"
     rf"{_SP}(?P<d>0?[1-9]|[12]\d|3[01])/(?P<mo>0?[1-9]|1[0-2])/(?P<y>1[89]\d\d|2[01]\d\d)(?![\w/])", _numeric_date),
    # (`October 27, 2026, Tuesday`: the weekday after the date, as the Borneo Post prints it, is part of it)
    (rf"{_MDY},{_SP}(?:{_WEEKDAY})(?!\w)", _full_date),
    (_MDY, _full_date),
    # (`June 2/2026`, as the Ethiopian News Agency dates its copy)
    (rf"{_month('m')}{_SP}{_day('d')}/(?P<y>1[89]\d\d|2[01]\d\d)(?![\w/])", _full_date),
    (_DMY, _full_date),
    # (a date line in the language of the outlet a story is reprinted from: `Sábado, 14 de febrero de 2026`)
    (rf"(?<!\w)(?:(?i:{_FOREIGN_WEEKDAY}),?{_SP})?(?P<d>3[01]|[12]\d|0?[1-9])\.?{_SP}(?:de{_SP})?"
     rf"(?P<m>(?i:{_FOREIGN_MONTH}))(?!\w){_SP}(?:de{_SP}|del{_SP})?{_year('y')}", _foreign_date),
    # a stamp's date between dots, or run together (`18.ago.2026`, as Folha prints it; `Jul.14,2026`, as the Hankyoreh does)
    (rf"(?<![\w/.-])(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>(?i:{_DOTTED_MONTH}))\.(?P<y>(?:19|20)\d\d)(?![\w.]|\.\d)",
     _dotted_date),
    (rf"(?<!\w)(?P<m>{_ABBR_MONTH}|{_FULL_MONTH})\.(?P<d>3[01]|[12]\d|0?[1-9]),{_SP0}(?P<y>(?:19|20)\d\d)(?![\w%]|[.,]\d)",
     _full_date),
    (rf"(?<![\w/.-]){_year('y')}-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])", _iso_date),
    # year first with slashes or full stops, as Korean and Japanese agencies print their stamps (`2026/02/12 10:31`,
    # `2026.12.02 14:20`, and unpadded: `2026/8/13 21:48:00`)
    (rf"(?<![\w/.-]){_year('y')}/(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/])", _iso_date),
    (r"(?<![\w/.,-])(?P<y>(?:19|20)\d\d)\.(?P<mo>0[1-9]|1[0-2])\.(?P<d>0[1-9]|[12]\d|3[01])(?![\w.]|\.\d)", _iso_date),
    (r"(?<![\w/.])(?P<d>0?[1-9]|[12]\d|3[01])/(?P<mo>0?[1-9]|1[0-2])/(?P<y>1[89]\d\d|2[01]\d\d)(?![\w/])", _numeric_date),
    # month first, where day first cannot be (`10/17/2024`, as an American stamp prints it)
    (r"(?<![\w/.])(?P<mo>0?[1-9]|1[0-2])/(?P<d>1[3-9]|2\d|3[01])/(?P<y>1[89]\d\d|2[01]\d\d)(?![\w/])", _numeric_date),
    # 22-01-2026 / 22.01.2026: day first with dashes or dots too, as a page's own date line may print it
    (r"(?<![\w/.-])(?P<d>0?[1-9]|[12]\d|3[01])-(?P<mo>0?[1-9]|1[0-2])-(?P<y>1[89]\d\d|2[01]\d\d)(?![\w-])", _numeric_date),
    # (and with a space after each dot, as Czech and Slovak pages print it: `12. 11. 2026`)
    (r"(?<![\w/.-])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<sp>[ ]?)(?P<mo>0?[1-9]|1[0-2])\.(?P=sp)(?P<y>1[89]\d\d|2[01]\d\d)"
     r"(?!\w|\.\d)", _numeric_date),
    (r"(?<![\w/.-])(?P<mo>0?[1-9]|1[0-2])/(?P<y>1[89]\d\d|2[01]\d\d)(?![\w/-])", _numeric_month),
    (rf"{_month('m')}{_SP}{_day('d')}", _month_day),
    (rf"{_day('d')}{_SP}{_month('m')}", _month_day),
    # parts of months and years
    (rf"{_THE}(?P<part>(?i:early|mid|late|(?:beginning|start|middle|end|(?:first|second|latter){_SP}half"
     rf"|(?:first|second|third|fourth|last|final){_SP}week){_SP}of))"
     rf"(?:{_SP0}-{_SP0}|{_SP})(?:{_month('m')}(?:,?{_SP}{_year('y')}|{_SP}(?P<yrel>(?i:last|this|next)){_SP}year(?!\w))?"
     rf"|(?P<mrel>(?i:last|this|next|the)){_SP}month(?!\w))", _month_third),
    (rf"(?<!\w){_THE}(?P<part>(?i:early|mid|late)){_SP0}-?{_SP0}(?P<dec>1[89]\d0|2[01]\d0)s(?!\w)", _decade),
    (rf"(?<![\w'])(?:(?i:the){_SP})?(?P<part>)(?P<dec>1[89]\d0|2[01]\d0)s(?!\w)", _decade),
    (rf"(?<![\w'])(?:(?i:the){_SP})?(?P<dec>1[89]\d0|2[01]\d0)s{_CONN}(?:(?i:the){_SP})?"
     rf"(?P<dec2>1[89]\d0|2[01]\d0)s(?!\w)", _decade_range),
    # (not `the start of last year’s season`: the start is the season's, the year only names it)
    # (not `started a week early this year`: early or late after a span of time says by how much)
    (rf"(?<!\w)(?<!days )(?<!day )(?<!weeks )(?<!week )(?<!months )(?<!month )(?<!years )(?<!year )"
     rf"(?P<part>(?i:early|mid|late)){_SP0}-?{_SP0}{_YREF}(?![’']s(?!\w))", _year_third),
    (rf"(?<!\w){_THE}(?P<part>(?i:beginning|start|middle|end)){_SP}of{_SP}{_YREF}(?![’']s(?!\w))", _year_third),
    (rf"(?<!\w){_THE}(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|last|final|latter|former))"
     rf"{_SP}(?P<unit>(?i:half|quarter)){_SP}of{_SP}{_YREF}", _year_fraction),
    (rf"(?<!\w)(?P<qh>[QH])(?P<n>[1-4])(?:{_SP}of{_SP}|{_SP0}/{_SP0}|{_SP}){_year('y')}", _quarter_code),
    (rf"(?<!\w){_THE}(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th)){_SP}(?i:quarter)(?![\w-])"
     rf"(?!{_SP}of(?!\w))", _yearless_quarter),
    (r"(?<!\w)Q(?P<n>[1-4])(?![\w/-])", _yearless_quarter),
    # (`the December quarter`: a quarter named by its last month, as Australian and New Zealand copy does)
    (rf"(?<!\w){_THE}(?P<last_month>March|June|September|December){_SP}(?i:quarter)(?![\w-])(?!{_SP}of(?!\w))",
     _yearless_quarter),
    # (`the January-March quarter`: a quarter named by its months, as Japanese and Indian copy does)
    (rf"(?<!\w){_THE}(?P<first_month>January|April|July|October)[-–](?P<last_month>March|June|September|December)"
     rf"{_SP}(?i:quarter)(?![\w-])(?!{_SP}of(?!\w))", _yearless_quarter),
    (rf"(?<!\w){_THE}(?P<ord>(?i:first|last))(?:{_SP}(?P<n>{_NUM}))?{_SP}(?P<months>(?i:months?|quarters))"
     rf"(?:{_SP}of{_SP}{_YREF}|(?!\w)(?!{_SP}of(?!\w)))", _months_of_year),
    (rf"(?<!\w){_THE}(?P<season>(?i:spring|summer|autumn|fall|winter))(?:{_SP}of)?{_SP}{_YREF}", _season),
    # months
    (rf"{_month('m')}(?:{_SP}of)?,?{_SP}{_year('y')}", _month_year_shape),
    # (`the ten months to October`, `spent August training`, `planned for May`, `as of June`: a month a span runs
    # to, one spent, one a plan is for, one a count stands at)
    (rf"(?<!\w)(?P<prep>(?i:in|during|since|from|until|till|by|before|after|and|or|to|for|of|as{_SP}of|spent|spend|spends"
     rf"|spending)){_SP}"
     rf"(?P<span>(?P<m>{_FULL_MONTH}))(?!\w)", _bare_month),
    # relative
    (rf"(?<!\w)(?P<mrel>(?i:last|this|next)){_SP}(?P<m>{_FULL_MONTH})(?!\w)(?!,?{_SP}{_year('y')})", _relative_month),
    (rf"(?<!\w)(?:(?i:the){_SP}day{_SP}(?P<beyond>(?i:before|after)){_SP})?"
     r"(?P<w>(?i:yesterday|today|tomorrow))(?!\w)", _relative_day),
    (rf"(?<!\w)(?P<wd>{_WEEKDAY}){_SP}(?:(?i:of){_SP})?(?P<which>(?i:last|this|next)){_SP}week(?!\w)",
     _weekday_of_relative_week),
    (rf"(?<!\w)(?P<mod>(?i:this{_SP}coming|this{_SP}past|last|next|coming|this|past)){_SP}weekend(?!\w)",
     _weekend),
    (rf"(?<!\w)(?P<mod>(?i:this{_SP}coming|this{_SP}past|last|next|coming|this|past)){_SP}"
     rf"(?P<season>spring|summer|autumn|fall|winter)(?!\w)", _relative_season),
    (rf"(?<!\w)(?:(?P<mod>(?i:this{_SP}coming|this{_SP}past|last|next|coming|this|past)){_SP})?"
     rf"(?P<wd>{_WEEKDAY})(?!\w)", _weekday),
    # "later this month": the span is the month; "earlier"/"later" only place the event in it
    (rf"(?<!\w)(?P<which>(?i:last|this|next)){_SP}"
     rf"(?P<unit>year|quarter|month|week)(?!\w)", _relative_unit),
    (rf"(?<!\w)(?P<n>(?i:{_NUM})){_SP}(?P<unit>decade|year|month|week|day)s?{_SP}ago"
     rf"(?:{_SP}(?:(?P<today>(?i:today|to{_SP}the{_SP}day))|(?P<thismonth>(?i:this{_SP}month))))?(?!\w)", _ago),
    # (`the day after the garrison surrendered`: a day told by an event, not one counted from a date)
    (rf"(?<!\w)(?i:the){_SP}(?P<rel>(?i:day{_SP}(?:before|after)(?=[ \t]*[,.;:!?)]|{_SP}(?:and|when|as)(?!\w))"
     rf"|previous{_SP}day|following{_SP}day|next{_SP}day))(?!\w)", _next_to),
    (rf"(?<!\w)(?:(?i:the){_SP}(?P<n>1\d(?:st|nd|rd|th)|2[01](?:st|nd|rd|th)|(?i:eleventh|twelfth|thirteenth|"
     rf"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))|(?P<this>(?i:this)))"
     rf"{_SP}(?i:century)(?!\w)", _century),
    # years
    (_year("y"), _lone_year),
]

