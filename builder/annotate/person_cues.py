"""Annotate stage, unknown entities: what else in an article makes a bare capitalised name a person's.

`discover` takes a name for a person's after a title, a role, an apposition or a reporting verb. Wire copy
introduces many people with none of those, and an editor still reads them as people:

- the attribution comes first (`“…,” said Zhao Wei, a grower from …`);
- the article goes on to quote them by one word of the name (`… Phoxay Vongsouthi. Phoxay said …`);
- a byline or an agency's credit line names them (`By …`, `(Reporting by …; Editing by …)`), in capitals too,
  unless it names the paper itself (`By Global Times`);
- a title whose portfolio runs over commas comes before them (`Minister of Education, Youth and Sport …`);
- (a European name keeps its particle in lower case, `Pieter van Dam`: `builder.annotate.names.PARTICLES`).

And a second name given to someone just named (`whom Vietnamese colleagues call …`, `his name is …`) is that
person's, not another's. This module holds those cues; it keeps no state beyond a small cache of which words
act in the last articles read (one scan of an article's reporting verbs, made only when a name needs it).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from builder.annotate.heads import _NOT_NAME_WORDS, PORTFOLIO_WORDS, _is_name_word, _Word
from builder.annotate.names import INITIAL, PARTICLE, PARTICLES
from builder.annotate.people import HEAD_WORDS, REPORTING_VERB, title_after
from builder.annotate.roles import LOWER_ROLE, ROLE, ROLE_AFTER, ROLE_NOUNS, WHO_OR_AGE
from builder.dates import opens_with_dateline, stamped_day, stamped_without_year

if TYPE_CHECKING:
    from builder.annotate.discover import Discovery
    from builder.model import Mention

# `“…,” said …`, `…, said …`: an attribution written before whom it quotes.
# (`told the Global Times`: whom one tells after `the` is an outlet)
_SAID_BEFORE = re.compile(r"[,”\"’][ \t]*(?:said|says|added|noted|asked|explained|recalled|told[ \t]+(?!the[ \t])\w+)[ \t]+$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'-]*)[ \t]+$")
_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-ZÀ-Ỹ]")
# A preposition of place just before a name: `through Tân Thanh`, `in Hồ Chí Minh` (places bear people's names).
# Words after which `to` comes to someone, not somewhere: `according to Mạch Quang Thắng` (a source), `spoke to Lê Hà`.
_TO_SOMEONE = "".join(f"(?<!{word} )" for word in (
    "according spoke speak speaks speaking talked talk talks talking wrote write writes writing explained explains "
    "complained replied listened introduced").split())
PLACE_PREPOSITION_BEFORE = re.compile(
    rf"(?:^|\s)(?:in|at|{_TO_SOMEONE}to|from|near|via|into|across|through|along|outside|inside|around"
    r"|(?:town|city|village|province|district|commune|island|capital|port|region)[ \t]+of)[ \t]+$",
    re.IGNORECASE)  # (`the resort town of Vang Vieng`)


def opens_sentence(text: str, pos: int) -> bool:
    """Whether `pos` stands at a sentence's or a quotation's start (blanks before it skipped)."""
    while pos and text[pos - 1] in " \t":
        pos -= 1
    return not pos or text[pos - 1] in ".!?\n“\""


def attributed_before(text: str, start: int) -> bool:
    """`“…,” said Zhao Wei`: a reporting verb after a quotation or a comma, just before the name."""
    return bool(_SAID_BEFORE.search(text, max(0, start - 24), start))


# A quotation's close just before a name: `“…,” Tunde Bankole said`.
_QUOTE_CLOSED_BEFORE = re.compile(r'[,.?!][”"’][ \t]+$')


def attributed_after_quote(text: str, start: int, end: int) -> bool:
    """`“…,” Tunde Bankole said`: the name between a quotation's close and a reporting verb, who said it, unless
    the text names someone longer with it (`“…,” Nur Aisyah said` after `Nur Aisyah Kamal`: that one, shortened)."""
    return (bool(_QUOTE_CLOSED_BEFORE.search(text, max(0, start - 4), start)) and bool(REPORTING_VERB.match(text, end))
            and not _named_longer(text, text[start:end]))


def _named_longer(text: str, name: str, honorifics: tuple[str, ...] = ()) -> bool:
    """Whether the text names someone with more words than `name` holds: a capitalised word right after it, or
    right before it and not one of `honorifics` (`Nur Aisyah Kamal`, `Huang Jiawei`, not `Pak Suparman`)."""
    escaped = re.escape(name)
    other = rf"(?!(?:{'|'.join(honorifics)})[ \t])" if honorifics else ""
    return re.search(rf"{escaped}[ \t]+[A-ZÀ-Ỹ]|{other}[A-ZÀ-Ỹ][\w’'-]*[ \t]+{escaped}(?![\w’'-])", text) is not None


_AGE_BEFORE = re.compile(r",[ \t]+\d{1,3},[ \t]*$")
_NAME_ENDING = re.compile(r"([^\W\d_][\w’'-]*)$")


_COURTESY_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Madam", "Sir"})


@lru_cache(maxsize=8)
def _acting(text: str) -> dict[str, int]:
    """Each capitalised word standing alone before a reporting verb (`Phoxay said`), with where it last does."""
    acting: dict[str, int] = {}
    for verb in REPORTING_VERB.finditer(text):
        at = verb.end() - len(verb.group().lstrip())
        age = _AGE_BEFORE.search(text, max(0, at - 12), at)
        if age is not None:  # `Haziq, 24, said`: the name before the age
            word = _NAME_ENDING.search(text, max(0, age.start() - 40), age.start())
        else:
            word = _WORD_BEFORE.search(text, max(0, at - 40), at)
        if not word or not word.group(1)[0].isupper():
            continue
        before = _WORD_BEFORE.search(text, max(0, word.start() - 40), word.start())
        touching = before is not None and text[before.end():word.start()].strip(" \t") == ""
        if touching and before.group(1)[0].isupper() and before.group(1).rstrip(".") not in _COURTESY_TITLES:
            continue  # `Hà Giang said`, `Officials said`: a longer name, or a sentence's opening word before it (not `Mr`)
        if touching and before.group(1) in ("the", "a", "an"):
            continue  # (`Food and the Marine said`: a thing; a person's short form takes no article)
        acting[word.group(1)] = word.start()
    return acting


def quoted_later(text: str, first: str, last: str, start: int, end: int) -> bool:
    """Whether the article goes on to quote a two- or three-word name by its first or last word (`Phoxay said`,
    `Zhao said`, `Loan said`), a word no other name in the article ends on (`Đặng Xuân Phong … Phong said`).

    Not a name after a preposition of place (`through Tân Thanh`): a place's syllable may be someone's name.
    """
    if PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
        return False
    acting = _acting(text)
    return any(acting.get(word, -1) > end and not _ends_another_name(text, word, start, end) for word in (first, last))


def _ends_another_name(text: str, word: str, start: int, end: int) -> bool:
    at = text.find(word)
    while at >= 0:
        before = _WORD_BEFORE.search(text, max(0, at - 40), at)
        after = at + len(word)
        if (not start <= at < end and before and before.group(1)[0].isupper() and not text[after:after + 1].isalnum()
                and not _CAPITALISED_AFTER.match(text, after) and before.group(1).rstrip(".") not in _COURTESY_TITLES):
            return True
        at = text.find(word, at + 1)
    return False


# A byline on a line of its own (`By Hoang Thu Trang`, `By An Lê and Minh Phương | March 3, 2025`), or an agency's
# credit line (`(Reporting by … in Hanoi and … in Beijing; Editing by …)`): each names the article's writers.
_BYLINE = re.compile(r"(?m)^(?:(?:Written|Words|Text|Story)[ \t]+by|[Bb]y|BY):?[ \t]+(?P<names>[^|/\n]+?)[ \t]*(?:(?:[|·•/]|[ \t]-[ \t]"  # (`- Correspondent`)
                     r"|[ \t]on[ \t](?=[A-Z][a-z]+\.?[ \t]+\d|\d{1,2}[ \t]+[A-Z][a-z]+)"  # (`By … on October 27, 2026`, `by … on 4 November`)
                     r"|\[(?=[^\]\n]*@)).*)?$")  # (`BY KIM HA-NA [kim.hana@…]`: the writer's address)
_CREDIT = re.compile(r"(?:(?<=\()|(?<=;)[ \t]*|(?<![^\n])|(?<=[ \t]-[ \t])|(?<=\.[ \t]))(?:Additional[ \t]+)?"
                     # (and a translation's source: `(Japanese original by …, Science and Environment News Department)`)
                     r"(?:[Rr]eporting|[Ww]riting|[Ee]dit(?:ing|ed)|[Pp]hotos?|[Cc]ompiled|[Tt]ranslated"
                     r"|[A-Z][a-z]+[ \t]+original)[ \t]+by[ \t]+"
                     # (to a closing `— VNA`, or a full stop before the next credit: `Translated by …. Edited by …`;
                     # an initial's stop stays: `J.P. Ochieng`)
                     r"(?P<names>(?:[^;)\n—.]|\.(?=\w)|(?<=\b[A-Z])\.)+)"
                     # a labelled credit at a line's start: `Reporter: …`, `Editor: … — VNA/VNS`
                     r"|(?:(?m:^)|(?<=\|)[ \t]*)(?i:reporters?|editors?|writers?|translators?|photographers?)[ \t]*:"
                     r"[ \t]*(?P<labelled>[^;|\n—]+?)\.?[ \t]*(?=—|\||$)"  # (`Editor: Ruth Okafor.`)
                     # … or on the outlet's source line: `Source: Shanghai Daily Editor: Miu Jiarui 00:00 UTC+8, …`
                     r"|(?m:^)Source:[^\n]*?[ \t](?i:reporters?|editors?|writers?)[ \t]*:[ \t]*"
                     r"(?P<sourced>[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+){1,3})"
                     # a writer and the outlet on a line of their own: `Lam Bao Chau / Tuoi Tre News — VNS`
                     r"|(?m:^)(?!By[ \t])(?P<slashed>[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+){1,3})(?:[ \t]+[/-][ \t]+|/)"
                     r"(?:The[ \t]+)?[A-Z][^\n/]{2,40}$"  # (`Carmela Cruz - The Philippine Star`, `… Blackwood/Gleaner Writer`)
                     # a closing credit in brackets, as Focus Taiwan signs: `(By Lin Chia-nan and Sam Lee)`
                     r"|(?<=\()By[ \t]+(?P<bracketed>[^()\n]+?)(?=\))"
                     # a by-line after the stamp on its line: `Published on 03/12/2026 - 14:20 By … - Brasília`
                     r"|(?<=\d)[ \t]+By[ \t]+(?P<stamped>[A-ZÀ-Ỹ][^\n—–-]+?)(?=[ \t]+[-–—][ \t]|[ \t]*$)", re.MULTILINE)
# A byline without `By`: the body's first line, a name alone, over the printed date (`Sok Chanthy` over
# `Thursday, 10 April 2025 | 08:45 ICT`).
_NAME_WORD = r"[A-ZÀ-Ỹ][^\W\d_]+(?:-[A-ZÀ-Ỹa-z][^\W\d_]+)?"  # (`Marie-Ève`, `Jae-in`)
_ONE_NAME = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}"
_BARE_BYLINE = re.compile(rf"(?m:^)(?!By[ \t])(?P<names>{_ONE_NAME}(?:[ \t]+and[ \t]+{_ONE_NAME})?)"
                          # (`Ouk Sreymom / Khmer Times`, `Rizki Amalia Putri (The Jakarta Post) | Wed, …`, `Mai Nguyen
                          # and Yuka Sato, Nikkei staff writers`, `Nourhan Fahmy , Monday 26 Oct 2026`, `… - 09 Sep 2026`)
                          r"(?:[ \t]+/[ \t]+[^\n/]{2,40}|[ \t]*\([^)\n]{2,40}\)"
                          r"|,[ \t]+[^\n,]{0,30}?(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?|[Ee]ditors?))?"
                          # (a blank before a comma: a writer's name set apart, not a dateline's `PHNOM PENH, Monday`)
                          r"(?:[ \t]*\n\s*|[ \t]*[|·•][ \t]*|[ \t]+,[ \t]*|[ \t]+[-–—/][ \t]+"  # (`… / TNN / Oct 22`)
                          r"|[ \t]+(?=(?:Published|Updated|Posted)\b))"
                          # (over the outlet's source line: `Source: Shanghai Daily  Editor: …  00:00 UTC+8, 2026-05-21`)
                          r"(?=Source:[^\n]{0,80}?\d{4}"
                          # (`Jakarta | Mon, June 2, 2025`, `Manado ● Tue, …`: the outlet's dateline, a city before the date)
                          r"|(?:[A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+){0,2}[ \t]*[|·•●][ \t]*)?"
                          r"(?:(?:Publication date|Published|Updated|Posted)(?:[ \t]+(?:on|at))?[ \t]*:?[ \t]+)?"
                          r"(?:\d{1,2}[:.]\d\d[ \t]*(?:[AaPp]\.?[Mm]\.?)?,?[ \t]+)?"  # (`Published: 6:00am, 14 Sep 2026`)
                          r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                          r"[a-z]*\.?,?[ \t]+(?:\d|[A-Z][a-z]+[ \t]+\d)|\d{1,4}[ /.-]\d|\d{1,2}[ \t]+[A-Z]))")
_BYLINE_WITHIN = 400  # characters: a bare byline stands over the date, under the title and a standfirst
# (each writer perhaps with where they file from: `Minh Chau Tran in Hanoi and Oliver Brannigan in Beijing`)
_FILED_IN = r"(?:[ \t]+in[ \t]+[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+)?)?"
_NAME_LINE = re.compile(rf"(?m)^(?P<names>{_ONE_NAME}{_FILED_IN}(?:[ \t]+and[ \t]+{_ONE_NAME}{_FILED_IN})?)[ \t]*$")


_FILLED_LINE = re.compile(r"[^\n]*\S[^\n]*")
# A line of one to three words, no more than a page's section or a city (`Cultura`, `São Paulo`).
_SECTION_LINE = re.compile(r"[ \t]*[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+){0,2}[ \t]*")


def _names_over_stamps(text: str) -> list[re.Match]:
    """A writer's name alone on a line over the page's stamp or the story's wire dateline, as the dates
    read them (`Radim Vávra` over `12. 11. 2026 13:40`, `Montserrat Peñalver` over `Zaragoza, Jun 25 (EFE).- …`),
    or over the outlet's name or the writer's post over the stamp (`Kate Houlihan` over `Australian Associated
    Press`, `Harriet Ellwood` over `Home affairs correspondent`), or just under
    a stamp that follows the headline (`28/07/2026 17:10` over `Daniela Ortiz Cárdenas`)."""
    found = []
    for line in _NAME_LINE.finditer(text, 0, _BYLINE_WITHIN):
        above = [over for over in text[:line.start()].splitlines() if over.strip()]
        if above and _NAME_LINE.fullmatch(above[-1]):
            continue  # (`São Paulo` under `Renata Guimarães Lobo`: the writer's city)
        # the lines around it that are not blank: below, the next two; above, all (the headline, the stamp)
        below = [under.group().lstrip() for under in islice(_FILLED_LINE.finditer(text, line.end()), 3)]
        if below and _OUTLET_AND_CITY.fullmatch(below[0]):
            found.append(line)  # `Abena Owusu-Ansah` over `BBC News, Accra`: the writer, the outlet and the city
            continue
        for _ in range(2):  # (the outlet's name, the section or the writer's city between the writer's and the stamp)
            if len(below) > 1 and (below[0].split()[-1].lower() in OUTLET_WORDS | _BYLINE_WORDS  # (`Home affairs correspondent`)
                                   or _SECTION_LINE.fullmatch(below[0])):
                below = below[1:]
        stamp_above = 1 <= len(above) <= 2 and stamped_day(above[-1].strip()) is not None
        if stamp_above or (below and (stamped_day(below[0]) is not None or opens_with_dateline(below[0])
                                      or stamped_without_year(below[0]))):
            found.append(line)
    return found


# The last word of a paper's or an agency's name (`Global Times`, `Jakarta Post`, `Kyodo News`).
OUTLET_WORDS = frozenset("times post news daily herald tribune journal gazette press telegraph express mail review "
                          "weekly online today observer agency inquirer chronicle standard".split())
# An outlet's name and the city the writer files from, on a line under the writer's: `BBC News, Accra`.
_OUTLET_AND_CITY = re.compile(rf"[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){{0,3}}[ \t]+(?i:{'|'.join(sorted(OUTLET_WORDS))}),"
                              r"[ \t]+[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-ZÀ-Ỹ][^\W\d_]+){0,2}[ \t]*")
# Words a byline in capitals gives that are no one's name (`By STAFF REPORTER`).
_BYLINE_WORDS = frozenset("staff reporter reporters correspondent correspondents writer writers desk team bureau "
                          "editor editors news online report".split())


def name_in_capitals(words: list[_Word]) -> bool:
    """`JEROME ABRENICA`, `GAI XIAOYU`, `KIM HA-NA`: a byline's name printed in capitals, two or three words of letters."""
    return 2 <= len(words) <= 3 and all(
        w.text.isupper() and w.text.replace("-", "").isalpha() and len(w.text) > 1 and w.key not in _BYLINE_WORDS
        and w.key not in _NOT_NAME_WORDS and w.key not in HEAD_WORDS for w in words)
_LISTED = re.compile(r"[ \t]*(?:,|\band\b)[ \t]*")
_WHERE = re.compile(r"[ \t]+(?:in|for)[ \t]+\S.*$")  # (`… in Hanoi`, `By … for RFA Vietnamese`)


# A broadcast's caption: a name alone on a line over the speaker's post and whose it is (`Dao Thi Lan Phuong` over
# `Director, VKIST`, `Park Seung-hoon` over `Country Director, KOICA Vietnam`).
_CAPTION = re.compile(rf"(?m)^(?P<names>{_ONE_NAME})[ \t]*\n\s*(?:[A-Z][\w’'-]*[ \t]+){{0,3}}(?P<title>[A-Z][a-z]+),"
                      r"[ \t]+[A-Z][^\n]{1,60}$")


def _captioned(text: str) -> list[re.Match]:
    """The names in `_CAPTION`s whose post ends on a title (`Director`), not on any word (`Hanoi, Vietnam`)."""
    return [m for m in _CAPTION.finditer(text) if m["title"].lower() in HEAD_WORDS]


def credited_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name a byline, a credit line or a caption gives, without where the writer was (`… in
    Hanoi`); the caller says whether each is a personal name."""
    spans = []
    bare = [line for line in _BARE_BYLINE.finditer(text, 0, _BYLINE_WITHIN) if line.start() < _BYLINE_WITHIN]
    bare += [line for line in _names_over_stamps(text) if all(line.start() != b.start() for b in bare)]
    for line in (*bare, *_BYLINE.finditer(text), *_CREDIT.finditer(text), *_captioned(text)):
        group = next((g for g in ("labelled", "sourced", "slashed", "bracketed", "stamped")
                      if g in line.re.groupindex and line[g]),
                     "names")
        at = line.start(group)
        for item in _LISTED.split(line[group]):
            start = text.find(item, at)
            name = _WHERE.sub("", item).strip()
            last = name.split()[-1].lower() if name else ""
            if last in _BYLINE_WORDS or (line.re in (_BARE_BYLINE, _NAME_LINE) and last in OUTLET_WORDS):
                continue  # a desk's credit (`Star Business Report`), an outlet's name over its stamp
            if start >= 0 and name:
                spans.append((start, start + len(name)))
                at = start + len(item)
    return sorted(spans)


# Another name of someone: `whom Vietnamese colleagues call …`, `whom readers know as …`, `known in Việt Nam
# as …`, `by his Vietnamese name, …`, `his name is …`; and `…, the name a teacher gave him`.
_LANGUAGE = r"(?:Vietnamese|Chinese|English|Lao|Khmer|Korean|Japanese|Thai)"
NAMED_BEFORE = re.compile(
    r"(?:(?<!\w)whom\s[^,.;:!?”]{0,40}?\s(?:calls?(?:\s+(?:him|her))?|knows?\s+as)"
    r"|(?<!\w)(?:known|called|nicknamed|written|writes?|read|reads|rendered|spelt|spelled)(?:\s[^,.;:!?”]{0,30}?)?\sas"
    rf"|(?<!\w)(?:his|her)\s+(?:own\s+)?{_LANGUAGE}\s+name,?"
    rf"|(?<!\w)the\s+{_LANGUAGE}\s+(?:reading|rendering|spelling)\s+of\s+(?:his|her)\s+name,?"
    r"|(?<!\w)(?:his|her)\s+(?:\w+\s+)?name\s+(?:is|was|as)"
    r"|,\s+written)"  # (`Zhou Wenbin, written Châu Văn Bân in the court papers,`)
    r"(?:\s+by\s+(?:his|her)\s+(?:\w+\s+)?name,?)?[ \t]+$")
NAMED_AFTER = re.compile(r",?\s+the\s+name\s+(?:that\s+|which\s+)?(?:a|an|the|his|her|their|[A-Z])"
                         rf"|,\s+the\s+{_LANGUAGE}\s+(?:reading|rendering|spelling)(?!\w)")
_NAMED_REACH = 300  # characters back to the person a second name is given to
_FULL_STOP_BETWEEN = re.compile(r"[.!?][ \t\n]")


# The short form a sentence opens with, whose second name the clause after it gives: `Lan, whose name Cao Bằng
# officials write in Vietnamese as …`, `Xu, whom the officers addressed by …`.
_SUBJECT_OF_CLAUSE = re.compile(r"(?:(?<=[.!?”]\s)|(?<=\n)|\A)([A-Z][^\W\d_][\w’'-]*),\s+(?:whose|who|whom)\s")


def person_just_named(text: str, found: list[Discovery], claimed: list[tuple[int, int]], mentions: list[Mention],
                       start: int) -> Discovery | Mention | None:
    """The person named last before `start` (within `_NAMED_REACH`): a proposed one, or a linked mention; when
    the sentence opens on a short form and a clause about it, the person of that short form."""
    subject = _SUBJECT_OF_CLAUSE.search(text, max(0, start - _NAMED_REACH), start)
    if subject is not None and not _FULL_STOP_BETWEEN.search(text, subject.end(), start):
        word = subject.group(1)
        proposed = [d for span, d in zip(claimed, found, strict=True)
                    if d.type == "person" and span[1] <= subject.start() and word in d.name.split()]
        linked = [m for m in mentions if m.type == "person" and m.end <= subject.start() and word in m.text.split()]
        if proposed or linked:
            return proposed[-1] if proposed else linked[-1]
    proposed = next(((span, d) for span, d in zip(reversed(claimed), reversed(found), strict=True)
                     if d.type == "person" and span[1] <= start), None)
    linked = max((m for m in mentions if m.type == "person" and m.end <= start), key=lambda m: m.end, default=None)
    best = max([c for c in ((proposed[0][1], proposed[1]) if proposed else None,
                            (linked.end, linked) if linked else None) if c], key=lambda c: c[0], default=None)
    return best[1] if best and start - best[0] <= _NAMED_REACH else None


# A title whose portfolio runs over commas: `Minister of Education, Youth and Sport Hang Chuon Naron presented …`.
_TITLE_OPENS = re.compile(r"(?<![\w’'-])(?:Minister|Secretary|Director|Chairman|Chairwoman|Chairperson|Governor|"
                          r"Commissioner|President|Head)[ \t]+(?:of|for)[ \t]+[^.;:!?]*$")


def after_portfolio(text: str, run: list[_Word]) -> list[_Word] | None:
    """The name after a title's portfolio that runs over commas (the run holds only its last part): two to
    four name words after the portfolio's last word, when the name speaks or acts."""
    last = max((i for i, w in enumerate(run) if w.key in PORTFOLIO_WORDS), default=None)
    if last is None or not 2 <= len(run) - last - 1 <= 4 or not (REPORTING_VERB.match(text, run[-1].end)
                                                                 or WHO_OR_AGE.match(text, run[-1].end)):
        return None
    name = run[last + 1:]
    if not all(_is_name_word(w) for w in name):
        return None
    if not _TITLE_OPENS.search(text, max(0, run[0].start - 80), run[0].start):
        return None
    return name


# `Its director of exhibitions, Winnie Wong, said …`: a role, then the name between commas, then what they say.
_ROLE_THEN_COMMA = re.compile(rf"(?<![\w’'-])(?:ex-)?{ROLE_NOUNS}(?:[ \t]+(?:of|for|at)[ \t]+[^\W\d_][\w’' -]{{1,30}}"
                              r"|[ \t]+(?:there|here))?,[ \t]*$")
# (`The Chinese coach there, Fa Jinrui, filmed …`; `The company’s ex-chairman, …`; `director for southeast Asia, …`)
_SAYS_AFTER = re.compile(r",[ \t]+(?:said|says|told|added|noted|who|[a-z]{3,}ed)(?![\w’'-])")  # (`…, thanked`)


def named_in_apposition(text: str, start: int, end: int) -> bool:
    """Whether the name from `start` to `end` stands between commas after a role and before what it says."""
    return bool(_SAYS_AFTER.match(text, end)) and bool(_ROLE_THEN_COMMA.search(text, max(0, start - 60), start))


# One name alone, as many Indonesians and Burmese have (`Nurhayati`): told by an age or an indefinite role after it and a
# reporting verb somewhere in the article (`Nurhayati, then a 24-year-old nurse, … Nurhayati said`).
_AGE_AFTER_NAME = re.compile(r"(?<=[a-z]),[ \t]+(?:then[ \t]+|now[ \t]+)?(?:(?:an?[ \t]+)?\d{1,3}(?:-year-old\b|,(?!\d))"
                             rf"|an?[ \t]+(?:[a-z][\w’'-]*[ \t]+){{0,2}}?{ROLE_NOUNS}\b"  # (`Suparno, a farmer in …`)
                             # (`Wiryanto, chairman of the … Cooperative`: an office and whose it is)
                             r"|(?:deputy[ \t]+|vice[ \t]+)?(?:chair(?:man|woman|person)|head|director|president|secretary"
                             r"|leader|founder|owner|manager|chief)[ \t]+of(?![\w’'-])"
                             r"|(?P<who>who)(?![\w’'-]))")  # (`Surabaya exporter Darmoko, who …`: after a role)
_ONE_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?P<name>[A-Z][a-z]{3,})$")
# (`J.W. de Graaf, a hydrogeologist`: the particles between the initials and the name are the name's)
_INITIAL_BEFORE = re.compile(rf"(?<![\w.’'-]){INITIAL}[ \t]+(?:{PARTICLE}[ \t]+)*$")


def single_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each one-word name an age or a role vouches for and the article has speak, where it is first
    aged, or of the two words the article writes it in full (the caller says whether they are a personal name)."""
    spans = []
    for age in _AGE_AFTER_NAME.finditer(text):
        m = _ONE_NAME_BEFORE.search(text, max(0, age.start() - 30), age.start())
        if m is None:
            continue
        name = m["name"]
        initial = _INITIAL_BEFORE.search(text, max(0, m.start() - 20), m.start())
        before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and (before.group(1)[:1].isupper() or before.group(1) in PARTICLES) and not initial:
            continue  # the last word of a longer name (`Actress Nông Thị Diệu Linh, 31,`; `Pieter van der Sluijs, a …`)
        if age["who"] and not LOWER_ROLE.search(text, max(0, m.start() - 60), m.start()):
            continue  # a relative clause vouches for a one-word name only after a role touching it
        speaks = re.compile(rf"(?<![\w’'-]){re.escape(name)}[ \t]+(?:said|says|told|added|recalled|explained)(?![\w’'-])"
                            rf"|(?:said|says|told|added)[ \t]+{re.escape(name)}(?![\w’'-])")
        if not speaks.search(text) or any(text[a:b] == name for a, b in spans):
            continue
        full = re.search(rf"[A-ZÀ-Ỹ][\w’'-]*[ \t]+{re.escape(name)}(?![\w’'-])"
                         rf"|(?<![\w’'-]){re.escape(name)}[ \t]+[A-ZÀ-Ỹ][\w’'-]*", text)
        # the short form of a name the article gives in full (`Rodel Sumagaysay … Sumagaysay, 31, a former driver`):
        # the full name is the one the age and the words vouch for
        if initial or full:
            # `Sh. Narantuya, now a retired geologist,`, `Ramesh K. Iyer, a director`: all of it
            start, end = (initial.start(), m.end()) if initial else full.span()
            while ((before := _WORD_BEFORE.search(text, max(0, start - 40), start)) and before.group(1)[:1].isupper()
                   and not opens_sentence(text, before.start(1))):
                start = before.start(1)  # the whole name (`Le Van Tung`, not `Van Tung`), not a role opening it
            spans.append((start, end))
        else:
            spans.append(m.span("name"))
    for m in _NAMED_ONLY_AS.finditer(text) if "only" in text or "gave" in text else ():  # (a quick look first)
        if not any(a <= m.start("name") < b for a, b in spans):
            spans.append(m.span("name"))
    for m in _ONE_NAME_IN_ROLE_SPEAKS.finditer(text):
        if not _named_longer(text, m["name"], _HONORIFICS) and not any(text[a:b] == m["name"] for a, b in spans):
            spans.append(m.span("name"))  # `Suparman, the Indonesian team’s head coach, said …`
    return sorted(spans)


# The one name a source gives, as copy writes it when a person asks not to be named in full: `who asked to be identified
# only as Minh`, `a man identified only as Zhao K.`, `known only by her first name, Lan`, `gave his name only as Tuan`.
_NAMED_ONLY_AS = re.compile(
    r"(?<![\w’'-])(?:(?:identified|named|known|called)[ \t]+only[ \t]+(?:as|by[ \t]+(?:his|her|their)[ \t]+"
    r"(?:first|given|family)[ \t]+name,?)|gave[ \t]+(?:only[ \t]+)?(?:his|her|their)[ \t]+(?:first[ \t]+|given[ \t]+)?"
    r"name[ \t]+(?:only[ \t]+)?as)[ \t]+(?P<name>[A-ZÀ-Ỹ][^\W\d_]+(?:[ \t]+[A-Z]\.(?![\w.]))?)(?![\w’'-]|[ \t]+[A-ZÀ-Ỹ])")


# Honorifics a one-word name may follow (`Pak Suparman`): they make no longer name of it.
_HONORIFICS = ("Pak", "Bu", "Ibu", "Mr", "Ms", "Mrs", "Dr")
# One word opening a sentence, in apposition to a person's role and speaking right after it: a one-word name (as
# many Indonesians have): `Suparman, the Indonesian team’s head coach, said …`; not a word of a longer name in the
# article (`Huang, a former national champion, said` after `Huang Jiawei`), nor after an initial (`S. Kumaravel`).
_ONE_NAME_IN_ROLE_SPEAKS = re.compile(
    rf"(?:(?<=[.!?”]\s)(?<![\s.][A-Z]\.\s)|(?<=\n)|\A)(?P<name>[A-Z][a-z]{{3,}}),[ \t]+{ROLE}[^,.;:!?]{{0,40}},[ \t]+"
    r"(?:said|says|told|added)(?![\w’'-])")


# Names written in a shape of their own, a person's when they speak, a role follows or one comes before:
# - a given name after the initial of the father's name, joined by its full stop, as Mongolian papers write names
#   (`B.Enkhjargal`, `Ts.Munkhtsetseg`);
# - a nickname in quotation marks between the given and the family name, as Filipino copy writes it (`Rosario "Charo"
#   Magsino`): all of it is the name.
_INITIALLED_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]?\.[A-Z][a-z]{3,}(?![\w’'-]|\.\w)")
_NICKNAMED_NAME = re.compile(r"(?<![\w’'-])[A-Z][a-z]+[ \t]+(?:\"[A-Z][a-z]+\"|“[A-Z][a-z]+”)[ \t]+[A-Z][a-z]+(?![\w’'-])")


def written_apart(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, the name without its nickname or None) of each name in one of those shapes that speaks, has a
    role after it or a role before it."""
    found = []
    initialled = _INITIALLED_NAME.finditer(text) if "." in text else ()  # (a cheap test first: most texts have none)
    for m in (*initialled, *_NICKNAMED_NAME.finditer(text)):
        nicknamed = m.re is _NICKNAMED_NAME
        if (REPORTING_VERB.match(text, m.end()) or ROLE_AFTER.match(text, m.end()) or title_after(text, m.end())
                or (nicknamed and LOWER_ROLE.search(text, max(0, m.start() - 60), m.start()))):
            plain = " ".join(w for w in m.group().split() if w[0] not in "\"“") if nicknamed else None
            found.append((m.start(), m.end(), plain))
    return sorted(found)
