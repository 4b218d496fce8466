"""Annotate stage, unknown entities: mechanisms named in lower case by what they do.

`discover` proposes, besides capitalised names, the mechanisms wire copy names in lower case:
`the joint working group on border trade`, `the two navies’ annual consultations`, `a new round of
talks on …`, `the intergovernmental committee between A and B`, a channel (`the fisheries hotline`), a meeting,
exchange or joint exercise the words before it say recurs (`their annual high-level meeting`, `the next border
defence exchange`, `their annual joint oil-spill response exercise`) or held by one office's holders of a named
grouping (`the ASEAN foreign ministers’ retreat`, with a
bracketed abbreviation inside: `the Greater Mekong Subregion (GMS) transport forum`), a quoted label with its
head noun (`the “Diamond Hexagon” framework`), a shared programme (`the joint research programme on …`), whose
document a plural possessive says (`the two countries’ air transport agreement`), and a document the text says
was signed under its title (`signed a memorandum of understanding on student exchange`) or names a place for
(`a code of conduct in the South China Sea`). A name never crosses a sentence's full stop. This module finds
their spans.
"""

from __future__ import annotations

import re

from builder.annotate.recurring import recurs_after

CALENDAR_WORDS = frozenset("""
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())

# Holders of one office, whose meeting or group (`the ASEAN foreign ministers’ retreat`) is a standing one.
_OFFICE_HOLDERS = r"(?:ministers|leaders|parliamentarians|legislators|governors|mayors|chairpersons|secretaries)"
# A corridor its two ends agree on: `the Kunming–Hải Phòng economic corridor`, `the Shanghai–Rotterdam green
# corridor`.
_CORRIDOR = r"(?:(?:economic|green|shipping|transport|trade|logistics)[ \t]+){1,2}corridor"
# Mechanisms named in lower case by what they do (`the working group on agricultural trade`, `the
# two defence ministries’ annual consultations`, `the railway cooperation committee`): a head noun of
# the mechanism vocabulary, with words before it that say which one (not only `annual`, `first` …)
# or a complement after it (`on …`, `for …`, `of …`, `between …`), after the definite article or a
# possessive. Indefinite (`a protocol on …`) and bare anaphoric (`the committee`) phrases are not names.
_LOWER_HEAD = re.compile(
    r"(?<![\w’'-])(?:working group|working committee|"
    r"(?:joint|steering|cooperation|coordination|intergovernmental)(?:[ \t]+[a-z]+){0,2}?[ \t]+(?:sub-?)?(?:committee|commission)|"
    r"joint(?:[ \t]+[a-z]+){0,2}?[ \t]+(?:task[ \t]+force|investigation[ \t]+team)|"
    r"joint platform|platform|consultations?|talks|negotiations|dialogue|forum|mechanism|workshop|seminar|"
    r"agreement|arrangement|treaty|protocol|memorandum(?:[ \t]+of[ \t]+understanding)?|(?:currency[ \t]+)?swap|"
    r"partnership|action plan|plan|code of conduct|" + _CORRIDOR
    + r"|(?:economic )?(?:development )?belt|programme|program|"
    r"community with a shared future|hotline(?![ \t]+(?:working|mechanism|group|committee|agreement))|"
    rf"{_OFFICE_HOLDERS}[’']s?[ \t]+(?:meeting|retreat|group)|meeting|conference|exchanges?|exercises?|drills?|"
    r"summit|fair|expo)"
    r"(?![\w’'-])")
# Heads that name a mechanism only after a pair of names (`Kunming–Hải Phòng economic corridor`,
# `Laos–China community with a shared future`), which makes even `a …` particular.
_PAIR_HEADS = re.compile(_CORRIDOR + r"|(?:economic )?(?:development )?belt|community with a shared future"
                         r"|(?:currency[ \t]+)?swap")  # (`the China-Vietnam currency swap`)
# A fair held by a pair of parties (`the Cao Bằng–Guangxi border trade fair`) is their standing fair.
_PAIR_FAIRS = {"fair", "expo"}
_NAME_PAIR = re.compile(r"[A-Z][\w’'.]*(?:[ \t]+[A-Z][\w’'.]*)*[ \t]*[-–][ \t]*[A-Z]")
# `the “Diamond Hexagon” cooperation framework`: a quoted capitalised label named with its head noun.
QUOTED_LABEL = re.compile(r"[“\"][A-Z][\w’' -]{1,40}[”\"](?:[ \t]+[a-z]+){0,3}?[ \t]+"
                           r"(?:framework|mechanism|dialogue|initiative|strategy|format|partnership)(?![\w’'-])")
# `the “2+2” strategic dialogue`; `ASEAN+3`, a grouping and its partners (not `GMT+7`, nor the opening of a body's name,
# `ASEAN+3 Macroeconomic Research Office`)
N_PLUS_N = re.compile(r"[“\"']?\d\+\d[”\"']?(?:[ \t]+[a-z]+){0,4}?[ \t]+(?:mechanism|dialogue|format|framework|talks)\b"
                      r"|(?<![\w+])(?!GMT|UTC)[A-Z]{2,8}\+\d(?![\w+])(?![ \t]+[A-Z])")
# A document, not a standing body: an ordinal before it makes it one of several (`the first exchange agreement`).
_DOCUMENT_HEADS = {"agreement", "arrangement", "treaty", "protocol", "action plan", "code of conduct", "memorandum",
                   "memorandum of understanding"}
# Common nouns that lower-case words before them only describe (`the data agreement`, `the same digital
# platform`, `a regional power trade forum`): a name needs what it is about (`on …`), a proper name or
# whose it is.
_COMMON_HEADS = {"agreement", "arrangement", "treaty", "protocol", "platform", "forum", "workshop", "seminar", "partnership", "memorandum",
                 "memorandum of understanding", "programme", "program", "plan"}
# A programme or a plan is a cooperation mechanism when the words before it say it is shared (`the joint training
# programme on …`, `the youth exchange programme between …`, `the health cooperation plan`); a programme of a
# visit or a course, or a plan of works, is not.
_PROGRAMME_HEADS = {"programme", "program", "plan"}
_SHARED_WORDS = {"joint", "exchange", "exchanges", "cooperation", "mutual", "bilateral", "partnership", "friendship",
                 "twinning"}
# What two sides do together, which with what it is about says which programme (not `joint`: a joint degree).
_EXCHANGED = _SHARED_WORDS - {"joint", "mutual", "bilateral"}
# `… signed a memorandum of understanding on training cooperation`, `sold citrus under a protocol on phytosanitary
# requirements`: a document the text says was signed, or that trade is done under, is the one signed, whose subject
# is given like its title (bare, without an article); `a protocol on the export of …` describes one.
_SIGNED_BEFORE = re.compile(r"(?<![\w’'-])(?:signed|inked|concluded|under)[ \t]+$")
_BARE_SUBJECT = re.compile(r"[ \t]+(?:on|for|of)[ \t]+(?!(?:the|a|an|its|their|this|that|these|those)(?![\w’'-]))"
                           r"(?!(?:cooperation|collaboration|partnership)(?![\w’'-])[ \t]*(?:[.,;:]|$))")  # (not a bare `on cooperation`)
# `the malaria control agreement that Kon Tum signed with Ratanakiri`, `the health cooperation agreement it signed
# with …`, `the … agreement signed by the two provinces`: a document the text says its parties signed is that one.
_NAMED_PARTY = r"(?:the[ \t]+)?[A-Z][\w’'-]*(?:[ \t]+(?:of|for|the|[A-Z][\w’'-]*)){0,6}"  # (`China’s Ministry of …`)
_SIGNED_WITH = r"(?:signed|inked|concluded)[ \t]+(?:by|with|between|in|last|on)"  # (`… signed by the two provinces`)
_SIGNED_BY_NAMED = re.compile(rf"[ \t]+(?:(?:(?:that|which)[ \t]+)?(?:{_NAMED_PARTY}|it|they|we"
                              r"|the[ \t]+two[ \t]+[a-z]+|both[ \t]+sides)"
                              rf"(?:[ \t]*(?:and|,)[ \t]+{_NAMED_PARTY})?"
                              r"[ \t]+(?:had[ \t]+|have[ \t]+|has[ \t]+)?(?:signed|inked|concluded)"
                              rf"|{_SIGNED_WITH})(?![\w’'-])")
# `a memorandum of understanding on science communication that the club and the museum signed last year`, `a protocol
# on … signed with China's customs`, `a protocol on … took effect`: the document the text says was signed or in force.
_SIGNED_AFTER = re.compile(r"[^.;:!?]{0,80}?[ \t](?:(?:that|which)[ \t][^.;:!?]{0,60}?(?:signed|inked|concluded)"
                           rf"|{_SIGNED_WITH}"
                           r"|took[ \t]+effect|came[ \t]+into[ \t]+force|entered[ \t]+into[ \t]+force)(?![\w’'-])")
# `a code of conduct in the East Sea`: a complement naming a place or a party makes even `a …` particular.
_PROPER_IN = re.compile(r"[ \t]+[a-z]+[ \t]+(?:the[ \t]+)?[A-Z]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth", re.I)
# Words before a head that do not say which mechanism it is.
_GENERIC_MODIFIERS = frozenset("""
annual regular current new first second third fourth fifth sixth next last latest upcoming previous same special
existing relevant proposed planned recent future whole entire other such each every two three both bilateral
""".split())
_DEFINITE = {"the", "their", "its", "our"}
_PHRASE_STOP = frozenset("""
in at to by with from since during under over into through within after before until as which that who whose when
where while and or but is are was were will would has have had be been being can could should may might must said
says say set held signed agreed opened launched also not than then so if on for of between the a an its their this
these those there here it they he she we alongside including among against toward towards via amid like about upon
across behind beyond without because following per behalf own
""".split()) | CALENDAR_WORDS | {"may"}
# The fields a shared plan or agreement covers, listed before it: `culture, sports and ` (up to the last field).
_FIELD_LIST = re.compile(r"(?<![\w’'-])[a-z]+(?:,[ \t]+[a-z]+)*,?[ \t]+and[ \t]+$")
# Whose a mechanism is, just before what it is for: `the two countries’ `.
_WHOSE_BEFORE = re.compile(r"(?<![\w’'-])[a-z]+s[’'][ \t]+$")
# `… with the institute` (a party), `… with Vietnam` (a party it names).
_WITH_PARTY = re.compile(r"[ \t]+with[ \t]+(?:the[ \t]+)?[\w’'-]")
_WITH_NAMED = re.compile(r"[ \t]+with[ \t]+(?:the[ \t]+)?[A-Z]")
_GAP_BEFORE = re.compile(r"(?:[ \t]+|[ \t]*[-–][ \t]*)$")
_WORD_BEFORE = re.compile(r"(?:\([A-Z][A-Za-z]{1,7}\)|[\w’'.-]+)$")  # (`… Subregion (GMS) transport forum`)
_WORD_AFTER = re.compile(r"([ \t]+|[ \t]*[-–][ \t]*)([^\W_][\w’'.-]*)")


# Meetings and exchanges, mechanisms only when they recur (`_series_span`), and a meeting of one office's holders.
_SERIES_HEADS = {"meeting", "exchange", "exchanges", "conference"}
# Exercises and drills, mechanisms only when they recur and are held together (`their annual joint oil-spill
# response exercise`); a country's own drill is not.
_DRILL_HEADS = {"exercise", "exercises", "drill", "drills"}
_RECURRING_HEADS = _SERIES_HEADS | _DRILL_HEADS
_BRIEFING_WORDS = {"press", "news", "video"}
_OFFICE_HOLDERS_HEAD = re.compile(_OFFICE_HOLDERS + r"[’']")
_RECURS = re.compile(r"annual|yearly|biennial|regular|next|\d+(?:st|nd|rd|th)")
_NOT_IN_SERIES_NAME = re.compile(r"next|upcoming|coming|last|latest|previous|this|\d+(?:st|nd|rd|th)|first|second|"
                                 r"third|fourth|fifth|sixth")
# Words that say how a meeting is held or by how many sides, not which meeting it is.
_FORMAT_WORDS = {"plenary", "trilateral", "multilateral", "tripartite", "extraordinary", "special", "emergency",
                 "closing", "opening", "general", "informal", "formal", "preparatory", "online", "virtual"}
# `the joint committee for several years`: a stretch of time, not what the mechanism is for.
_SPAN_WORDS = frozenset("several many some years decades months weeks days".split())
_ROUND_OF = re.compile(r"(?<![\w’'-])(?:round|rounds|session|sessions)[ \t]+$")
# `between the two countries`, `between both sides`: the parties not named, a description; `between the two
# foreign ministries` says which.
_NAMED_BETWEEN = re.compile(r"[ \t]+between[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+){0,3}?[A-Z][^,.;:!?]*?[ \t]+and[ \t]+"
                            r"(?:the[ \t]+)?(?:[a-z]+[ \t]+){0,3}?[A-Z]")
_BARE_BETWEEN = re.compile(r"[ \t]+between[ \t]+(?:the[ \t]+two|both)[ \t]+[\w’'-]+")


def _shared(modifiers: list[tuple[int, str]]) -> bool:
    """Whether the words before a head say it is shared (`cooperation`, `exchange`, `joint` …)."""
    return bool(_SHARED_WORDS.intersection(w.lower() for _, w in modifiers))


def lower_case_mechanisms(text: str) -> list[tuple[int, int]]:
    """Spans of mechanisms named in lower case: (start, end), without the article."""
    return [(start, end) for start, end, _, _ in lower_case_mechanism_spans(text)]


def lower_case_mechanism_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, head start, head end) of mechanisms named in lower case: before the head the words that say
    which one (`joint research`), after it its complement (`on bronze drums`)."""
    found = []
    for m in _LOWER_HEAD.finditer(text):
        head = m.group()
        pos, modifiers, determiner = m.start(), [], None
        while len(modifiers) < 8:  # `the Việt Nam–China youth football exchange programme`
            # (Searched in a window: from the text's start, each step would cost the whole text before it.)
            gap = _GAP_BEFORE.search(text, max(0, pos - 20), pos)
            word = gap and _WORD_BEFORE.search(text, max(0, gap.start() - 60), gap.start())
            if not word:
                break
            if word.group().endswith(".") and "." not in word.group()[:-1]:
                break  # `… with the publisher Jieli. Last year’s seminar`: a name never crosses a full stop
            w = word.group().strip(".")
            lw = w.lower()
            if lw in _DEFINITE or (w[:1].isupper() and lw.endswith(("’s", "'s"))):
                determiner = lw
                break
            if lw.endswith(("s’", "s'")) and (head in _COMMON_HEADS or head in _RECURRING_HEADS):
                determiner = "whose"  # `the two countries’ air services agreement`: whose it is says which
                break
            if lw.endswith(("’s", "'s")):
                if head in _DOCUMENT_HEADS and _shared(modifiers) and (
                        _WITH_PARTY.match(text, m.end())):
                    determiner = "whose"  # `the park’s research cooperation agreement with the institute`: theirs
                break  # `the centre’s hotline`, `the ministry’s …`: one body's own service, not a shared mechanism
            if lw in ("a", "an") and (_PAIR_HEADS.fullmatch(head) or (head in _DOCUMENT_HEADS and (
                    ((_SIGNED_BEFORE.search(text, max(0, word.start() - 12), word.start())
                      or _SIGNED_AFTER.match(text, m.end()))
                     and _BARE_SUBJECT.match(text, m.end()))
                    or _PROPER_IN.match(text, m.end(), m.end() + 24)))):
                determiner = lw  # `signed a memorandum of understanding on training cooperation`
                break
            if lw == "and":
                fields = _FIELD_LIST.search(text, max(0, pos - 80), pos)
                if fields and (_shared(modifiers) or _WHOSE_BEFORE.search(text, max(0, fields.start() - 40),
                                                                          fields.start())):
                    # `the culture, sports and tourism cooperation plan`: the fields it covers, listed; `the two
                    # countries’ search and rescue memorandum`: what it is for, right after whose it is
                    modifiers.insert(0, (fields.start(), fields.group().strip()))
                    pos = fields.start()
                    continue
            if (lw in ("a", "an") and head in _DOCUMENT_HEADS and _shared(modifiers)
                    and _SIGNED_BY_NAMED.match(text, m.end())):
                determiner = lw  # `a sericulture cooperation agreement signed by the two sides`: the one they signed
                break
            if lw == "of" and not modifiers and _ROUND_OF.search(text, max(0, word.start() - 20), word.start()):
                determiner = lw  # `a new round of talks on …`: one sitting of a standing mechanism
                break
            if lw in _PHRASE_STOP:
                break
            modifiers.insert(0, (word.start(), w))
            pos = word.start()
        if determiner is None:
            continue
        if head in _DRILL_HEADS and "joint" not in (w.lower() for _, w in modifiers):
            continue
        if any(w.lower() in ("family", "household") for _, w in modifiers):
            continue  # `the Huỳnh family workshop`: a family's own, where it works, not a shared mechanism
        if head in _PAIR_FAIRS:
            if determiner == "the" and modifiers and _NAME_PAIR.match(text, modifiers[0][0], m.start()):
                found.append((modifiers[0][0], m.end(), m.start(), m.end()))
            continue
        if head == "summit":
            start = _grouping_start(text, modifiers)
            if start is not None and determiner != "a":
                found.append((start, m.end(), m.start(), m.end()))
            continue
        if head in _RECURRING_HEADS or _OFFICE_HOLDERS_HEAD.match(head):
            span = _series_span(modifiers, head, recurs_after(text, m.end()))
            if span is not None:
                found.append((span, m.end(), m.start(), m.end()))
            continue
        # `its annual consultation with Vietnam`: a standing exchange with a party it names (before `annual` goes)
        standing_with = (head in ("consultation", "consultations", "dialogue") and bool(modifiers)
                         and modifiers[0][1].lower() in ("annual", "yearly", "biennial", "regular")
                         and _WITH_NAMED.match(text, m.end()))
        standing_start = modifiers[0][0] if modifiers else m.start()
        # Leading ordinals and generic adjectives are not part of the name.
        while modifiers and (modifiers[0][1].lower() in _GENERIC_MODIFIERS or modifiers[0][1][0].isdigit()
                             or modifiers[0][1].lower().endswith("-level")):
            if head in _DOCUMENT_HEADS and _ORDINAL.fullmatch(modifiers[0][1]):
                modifiers = None  # (a year or a span of years, `the 2021–2025 action plan`, says which one)
                break
            modifiers = modifiers[1:]
        if modifiers is None:
            continue
        if _PAIR_HEADS.fullmatch(head) and not (modifiers and _NAME_PAIR.search(text, modifiers[0][0], m.start())):
            continue
        specific = [w for _, w in modifiers if w.lower() not in _GENERIC_MODIFIERS]
        if head == "hotline" and not specific and not _NAMED_BETWEEN.match(text, m.end()):
            # `the hotline between the two ministries`: a channel; `the fisheries hotline` names one, and so does
            # `the hotline between the An Giang border guard and the Kampot police`, by the two it joins
            continue
        if head.endswith(("committee", "commission")) and " " in head and head.split()[1:-1]:
            specific.append(head)  # `the joint land border committee`: the words inside say which
        end = _complement_end(text, m.end(), head)
        if end is None and not specific:
            if standing_with:
                found.append((standing_start, m.end(), m.start(), m.end()))
            continue
        shared = head in _PROGRAMME_HEADS and len(specific) >= 2 and _EXCHANGED.intersection(w.lower() for w in specific)
        # (`a sericulture cooperation agreement signed by …`: an indefinite one only when shared, not `a purchase
        # agreement`)
        signed = (head in _DOCUMENT_HEADS and specific and _SIGNED_BY_NAMED.match(text, m.end())
                  and (determiner == "the" or _SHARED_WORDS.intersection(w.lower() for w in specific)))
        if (end is None and head in _COMMON_HEADS and determiner in ("the", "a", "an", "our")
                and not any(w[:1].isupper() for w in specific) and not (shared and determiner == "the") and not signed):
            # (`their twinning agreement`, `Laos’s power partnership`: whose says which; `the young scientists
            # exchange programme`: what is exchanged, and by whom, says which)
            continue
        if head in _PROGRAMME_HEADS and not _SHARED_WORDS.intersection(
                w.lower() for w in specific + (text[m.end():end].split() if end else [])):
            # `the programme of the visit`, `the training programme for officials`; not `the plan for religious
            # exchanges`, which says it is shared
            continue
        if (end is not None and not specific and " " not in head
                and _BARE_BETWEEN.fullmatch(text, m.end(), end)):
            continue  # `the agreement between the two countries`: a description
        if head in ("talks", "negotiations") and (end is None or re.match(r"[ \t]+\w+[ \t]+(?:the|a|an)\b",
                                                                          text[m.end():m.end() + 20])):
            continue  # `the talks in Beijing`, `talks on the sidelines`: one meeting, not a standing mechanism
        start = modifiers[0][0] if modifiers else m.start()
        if specific and not end and modifiers and modifiers[0][1] != specific[0]:
            start = next(s for s, w in modifiers if w == specific[0])
        found.append((start, end or m.end(), m.start(), m.end()))
    return found


# A grouping by its abbreviation (`ASEAN`, `APEC`, `G20`, `ASEAN-GCC`), whose summits recur; not a country's (`US`).
_GROUPING = re.compile(r"(?!(?:US|UK|UAE|DPRK|ROK|PRC|UN)(?![A-Z0-9]))[A-Z][A-Z0-9]{1,7}(?:-[A-Z][\w]*)*")


def _grouping_start(text: str, modifiers: list[tuple[int, str]]) -> int | None:
    """Where `the ASEAN summit`, `the China–ASEAN summit` starts: the capitalised word before the head, and those
    a dash joins to it, when one of them is a grouping's abbreviation or they are three parties or more (`the
    China–Japan–ROK summit`: a trilateral grouping's); None otherwise (`the Hà Nội summit`, `the bilateral summit`,
    `the China–Việt Nam summit`, and `the ASEAN Plus Three summit`, whose name is a name of its own)."""
    if not modifiers or not modifiers[-1][1][:1].isupper():
        return None
    i = len(modifiers) - 1
    while i and modifiers[i - 1][1][:1].isupper() and text[modifiers[i - 1][0] + len(modifiers[i - 1][1]):
                                                         modifiers[i][0]].strip(" \t") in ("-", "–"):
        i -= 1
    joined = modifiers[i:]
    return modifiers[i][0] if len(joined) >= 3 or any(_GROUPING.fullmatch(w) for _, w in joined) else None


def _series_span(modifiers: list[tuple[int, str]], head: str, told_to_recur: bool = False) -> int | None:
    """Where a meeting or exchange that recurs starts (`annual high-level meeting`), or None if it may not.

    A meeting or an exchange is a standing mechanism when the words before it say it recurs (`annual`,
    `next`, `20th`) and which one it is (`high-level`, `border defence friendship`); a meeting of one office's
    holders (`foreign ministers’ meeting`) when whose it is is named (`the ASEAN …`, `the Lancang-Mekong
    Cooperation …`). `next` and an ordinal are not part of the name; `annual` is.
    """
    words = [w.lower() for _, w in modifiers]
    if _OFFICE_HOLDERS_HEAD.match(head):
        capitalised = [i for i, (_, w) in enumerate(modifiers) if w[:1].isupper()]
        return modifiers[capitalised[0]][0] if capitalised else None
    if not told_to_recur and not any(_RECURS.fullmatch(w) for w in words):
        return None  # (`…, which is held every two years`: `told_to_recur`)
    if head == "conference" and _BRIEFING_WORDS.intersection(words):
        return None  # `the regular press conference`: a briefing, however often held
    kept = [(s, w) for s, w in modifiers if not _NOT_IN_SERIES_NAME.fullmatch(w.lower())]
    if not any(w.lower() not in _GENERIC_MODIFIERS and w.lower() not in _FORMAT_WORDS for _, w in kept):
        return None  # `the annual meeting`, `the next plenary meeting`: which one is not said
    return kept[0][0]


# Verbs that end a complement: `… for fresh jackfruit took effect`, `… for farmers met`.
_VERBS_AFTER = frozenset("""took takes came comes entered enters met meets began begins made makes gave gives went goes
allows lets requires covers sets runs""".split())
_DETERMINED = re.compile(r"[ \t]+(?:the|a|an|its|their|this|that|these|those|each|every|all|\d)(?![\w’'-])")


_RELATIVE_TIME = {"next", "last", "this", "early", "late", "later"}
_TIME_UNIT_AFTER = re.compile(r"[ \t]+(?:this[ \t]+)?(?:year|month|week|quarter|spring|summer|autumn|winter)"
                              r"(?![\w’'-])")


def _complement_end(text: str, pos: int, head: str) -> int | None:
    """Where `on agricultural trade`, `between Lạng Sơn and Guangxi` after a head ends; None if there is none."""
    preps = ("in", "on", "for") if head == "code of conduct" else ("on", "for", "of", "between")
    prep = re.match(r"[ \t]+(" + "|".join(preps) + r")(?![\w’'-])", text[pos:pos + 12])
    if not prep:
        return None
    pos += prep.end()
    words: list[str] = []
    end = None
    while len(words) < 9:
        word = _WORD_AFTER.match(text, pos)
        if not word:
            break
        w = word.group(2).rstrip(".")
        lw = w.lower()
        if lw == "the" and (not words or words[-1].lower() in ("and", "of")):
            pass
        elif lw == "and" and words and (prep.group(1) == "between"
                                        or not re.match(r"[ \t]+(?:the|a|an)(?![\w’'-])", text[word.end():])):
            pass
        elif lw == "of" and words:
            pass
        elif (lw == "for" and words and prep.group(1) == "on" and "for" not in (w.lower() for w in words)
              and not _DETERMINED.match(text, word.end())):
            pass  # `protocol on phytosanitary requirements for fresh mangosteen`: what the requirements are for
        elif lw in _RELATIVE_TIME and _TIME_UNIT_AFTER.match(text, word.start(2) + len(w)):
            break  # `the joint committee on trade next year`: when, not what about
        elif (lw in _PHRASE_STOP or lw in _SPAN_WORDS or lw in _VERBS_AFTER
              or (lw.endswith("ed") and not lw.endswith("eed") and len(lw) > 3 and not w[0].isupper() and "-" not in w)
              or w[0].isdigit()):  # (`sea-related`: a compound adjective, not a verb; `seed`, `red`: no verbs)
            break
        else:
            end = word.start(2) + len(w)
        words.append(w)
        pos = word.start(2) + len(w)
    return end
