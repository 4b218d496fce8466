"""Annotate stage, unknown entities: propose the people, mechanisms, organisations and places the registry lacks.

Runs on an article after the registry's names are matched, over the text
*between* linked spans, and recognises the shapes wire copy gives a new name:

- people: a title then a personal name (`Deputy Prime Minister Bùi Thanh Sơn`),
  a personal name then an apposition (`Liu Jianchao, Head of the International
  Department …`), or a personal name then a reporting verb (`Nguyễn Văn Thắng
  said`), or a lower-case role touching the name (`deputy spokesperson …`).
  A bare name must start with a family name (Vietnamese or Chinese); after a
  title any two to four capitalised words that are not institution words will
  do; a name one letter off another in the article is its misspelling
  (`builder.annotate.misspellings`);
- mechanisms, organisations and places: a capitalised name whose head word
  says what it is — `… Initiative`, `… Partnership`, `… Joint Committee`,
  `… Expo`; `Ministry of …`, `… Foreign Affairs Office`, `… Party`;
  `… Province`, `… City`, `… border gate` — and a "3+3"-style format name;
  an abbreviation in brackets after a name (`(CPV)`) becomes its alias;
  mechanisms named in lower case (`builder.annotate.mechanism_phrases`);
- places and outlets the context alone names: the dateline, infrastructure
  with its kind (`the Laos–China railway`), a list before `provinces`, `the
  embassy in …`, `in X on Friday`, a briefing's `Question (AFP):`.

Each proposal is a `Discovery`. `propose_entities` (`builder.annotate.proposals`) merges them across the
archive into `status: discovered` entities; the build writes each as a new
registry page (never over an existing one) and `check` lists them for an
editor to confirm (`status: confirmed`) or reject (`status: rejected`, which
also stops the name being proposed again).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from itertools import chain

from builder.annotate.people import (
    BURMESE_HONORIFICS,
    HEAD_WORDS,
    REPORTING_VERB,
    title_after,
    title_before,
)
from builder.annotate.place_cues import (
    AT_A_MISSION,
    CAPITAL,
    DWELLERS,
    INFRASTRUCTURE,
    IN_OR_TO,
    LIST_GAP,
    NUMBER_AFTER,
    PLACES_AFTER,
    PLACES_BEFORE,
    QUESTION_LABEL,
    SOMEWHERE_BEFORE,
    WHEN_AFTER,
)
from builder.annotate.roles import (
    DESCRIBED,
    EMPLOYER_BEFORE,
    LOWER_ROLE,
    OFFICE_NOUNS,
    ROLE_AFTER,
    ROLE_NOUNS,
    THE_LATE,
    WHO_OR_AGE,
)
from builder.annotate.spans import SpanSet
from builder.model import Article, Mention
from builder.annotate.mechanism_phrases import CALENDAR_WORDS as _CALENDAR_WORDS
from builder.annotate.mechanism_phrases import N_PLUS_N, QUOTED_LABEL, lower_case_mechanism_spans
from builder.annotate.misspellings import fold_misspellings, misspells_someone
from builder.annotate.name_parts import fold_name_parts
from builder.annotate.person_cues import (
    NAMED_AFTER,
    NAMED_BEFORE,
    OUTLET_WORDS,
    PLACE_PREPOSITION_BEFORE,
    after_portfolio,
    attributed_after_quote,
    attributed_before,
    credited_names,
    name_in_capitals,
    named_in_apposition,
    opens_sentence,
    person_just_named,
    quoted_later,
    single_names,
    written_apart,
)
from builder.annotate.personal_names import (
    THING_BEFORE,
    could_be_personal_name,
    family_name,
    middle_named,
    names_a_place,
    name_tail,
    particle_short_form,
    personal_name,
    pinyin_name,
    vietnamese_name_here,
)
from builder.annotate.recurring import SERIES_HEADS, season_series
from builder.annotate.heads import (  # noqa: F401 (PLACE_HEADS: discovery's, re-exported)
    COUNTRIES,
    _HEAD_OR_TITLE,
    _JOINT_ONLY_HEADS,
    _KEYS,
    _NATIONALITIES,
    _NOT_NAME_WORDS,
    _PLACE_TAILS,
    _YEAR_AFTER,
    ORGANISATION_HEADS,
    ORGANISATION_LEADS,
    PLACE_HEADS,
    PORTFOLIO_WORDS,
    _is_name_word,
    _is_proper,
    _key,
    _kind_of,
    _word,
    titled_occasion,
    _Word,
    agent_noun,
    bracketed_abbreviation,
    company_suffix_end,
    fair_named_with_place,
    join_pairs,
    split_at_dash,
)
from builder.annotate.names import (  # noqa: F401 (guess_country: discovery's, re-exported)
    CHINESE_CHARACTER,
    INITIAL,
    LOWER_ARABIC_NAME,
    MALAY_FIRST_NAMES,
    PARTICLE,
    PARTICLES,
    chinese_by_shape,
    guess_country,
    vietnamese_by_shape,
)
from builder.text import fold

# `K.` in `Piyush K. Goyal`, `S.` in `S. Kumaravel`, `J.P. Mokoena`: an initial (`names.INITIAL`) before another
# capitalised word is a name's (not `U.S.`, `S.` in `U.S.`, nor `B.` in `plan B. The …`).
_INITIAL = (rf"(?<![\w.’'-])(?!U\.[SKN]\.|E\.U\.){INITIAL}"
            rf"(?=[ \t]+(?:{PARTICLE}[ \t]+)*(?!(?:The|This|That|These|It|In|On|At|A|An|He|She|They|We|But|And|"
            r"As|If|So)(?![\w’'-]))[A-ZÀ-Ỹ])")
_TOKEN = re.compile(rf"{_INITIAL}|[^\W\d_][\w’'-]*")
# Where runs can be: a word not starting with a-z, then words joined by blanks or a hyphen, each of
# them anything but a plain lower-case word that is not a connector (such a word always ends a run).
# A word (`_TOKEN`) is what is left of a maximal stretch of `[\w’'-]` after its leading digits and marks.
_PLAIN_LOWER = (r"(?!(?:of|for|and|on|the|between|in|to|" + "|".join(PARTICLES) + r")[’'-]*+(?![\w’'-]))"
                r"[a-z][a-z0-9_’'-]*+(?![\w’'-])")
_STRETCH = re.compile(rf"(?:{_INITIAL}|(?<![\w’'-])[\d_’'-]*+(?![a-z])[^\W\d_][\w’'-]*+)"
                      rf"(?:(?:[ \t]+|-)(?:{_INITIAL}|[\d_’'-]*+(?!{_PLAIN_LOWER})[^\W\d_][\w’'-]*+))*")
_CONNECTORS = {"of", "for", "and", "on", "the", "between", "in", "to"}
# Capitalised only because they open a sentence: never the first word of a name.
_LEADING_WORDS = frozenset("""
the a an in on at during for of and to from with by after before since under as this that these those both all its
their our his her meanwhile also according speaking following besides moreover however earlier later last next over
amid through within between upon while when where if but so yet it he she they we there here such other another
""".split())


@dataclass
class Discovery:
    """A name the registry lacks, as one article gives it."""

    type: str  # an ENTITY_KINDS key
    name: str  # as written
    article: str  # article id
    line: int  # 1-based line in the seed's body text
    titles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


def _runs(text: str, taken: list[tuple[int, int]]) -> list[list[_Word]]:
    """Maximal runs of capitalised words (lower-case connectors allowed inside), outside linked spans.

    One pass over the words of the stretches where a run can be (`_STRETCH`, found by the regex
    engine): a run never crosses from one stretch to the next, since what separates them (a plain
    lower-case word, punctuation) would end it. Inside a stretch, a lower-case word that is not a
    connector also ends the run, so it is skipped: the next word kept is then not joined to the run
    (a word stands between them). A word touches a linked span when one of the spans starting
    before the word's end reaches past its start; the words come in order, so the furthest such
    end is kept as the scan goes.
    """
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    last_end = -1
    spans = sorted(taken)
    spans.append((len(text) + 1, -1))  # a sentinel that starts after every word
    next_span, reach = 0, -1  # spans[:next_span] start before the word's end; reach: the furthest they end
    keys = _KEYS
    for m in chain.from_iterable(_TOKEN.finditer(text, *stretch.span()) for stretch in _STRETCH.finditer(text)):
        raw = m.group()
        key = keys.get(raw)  # trailing apostrophes and hyphens change no key
        if key is None:
            key = _key(raw)
        capitalised = raw[0].isupper() or bool(LOWER_ARABIC_NAME.fullmatch(raw))  # (`Saif al-Harthi`)
        if not capitalised and key not in _CONNECTORS and key not in PARTICLES:
            continue
        if raw[-1] in "’'-":
            raw = raw.rstrip("’'-")
        start = m.start()
        end = start + len(raw)
        while spans[next_span][0] < end:
            if spans[next_span][1] > reach:
                reach = spans[next_span][1]
            next_span += 1
        if reach > start or key in _CALENDAR_WORDS:
            runs.append(current)
            current = []
        elif current and (_joins(text[last_end:start]) or (text[last_end:start] in ("’ ", "' ")
                                                            and key in _POSSESSED_HEADS)) \
                and (capitalised or _connects(current, key)):
            current.append(_Word(raw, start, end, key, capitalised))
        else:
            runs.append(current)
            current = [_Word(raw, start, end, key, capitalised)] if capitalised else []
        last_end = end
    runs.append(current)
    trimmed = []
    for part in (p for run in runs if run for q in _split_at_and(run) for r in _split_at_possessive(q)
                 for p in split_at_dash(text, r)):
        # A name neither starts with a sentence's opening word nor ends on a connector. (A family name
        # such words share, `He`, is one only mid-sentence: `the Ambassador, He Wei, said`; so is a place's
        # first syllable, `from Lạng Sơn, An Giang and …`: mid-sentence an article is in lower case.)
        # (`Tô`, with its mark, is no English `To`.)
        while part and (not part[0].capitalised or (part[0].key in _LEADING_WORDS and part[0].text.isascii() and not (
                len(part) > 1 and (family_name(part[0]) or part[0].key == "an"
                                   or (part[0].key == "a" and not part[1].text.isascii()))  # (Xơ Đăng `A Blưk`)
                and _mid_sentence(text, part[0].start)))):
            part = part[1:]
        while part and not part[-1].capitalised:
            part = part[:-1]
        if part:
            trimmed.append(part)
    return trimmed


def _mid_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t“\"'‘")
    return bool(before) and before[-1] not in ".!?:;\n—–"


# `LMC Leaders’ Meeting`, `Economic Leaders’ Week`: a plural possessive inside a meeting's name.
_POSSESSED_HEADS = {"meeting", "week", "summit", "conference", "dialogue", "forum", "retreat"}


def _joins(gap: str) -> bool:
    """What stands between two words of one name: blanks (spaces, tabs), or one hyphen or en dash
    (`Lancang–Mekong Cooperation`, the partners of a mechanism as names write them)."""
    return gap == " " or gap == "-" or gap == "–" or (gap != "" and not gap.strip(" \t"))


def _connects(current: list[_Word], key: str) -> bool:
    """A lower-case word may join a name: `of`, `for`, `and`; `the` only after one of those."""
    if key == "the":
        return not current[-1].capitalised
    if key in PARTICLES:  # `Pieter van Dam`: a particle joins a name, after a capitalised word or another (`van der`)
        return current[-1].capitalised or current[-1].key in PARTICLES
    return key in _CONNECTORS


def _split_at_and(run: list[_Word]) -> list[list[_Word]]:
    """Split where `and` joins two names, not two words of one name.

    `Belt and Road Initiative`, `Ministry of Science and Technology` are one;
    `Central Committee and National Assembly`, `Party and Government`,
    `Ministry of Industry and Ministry of Trade` are two.
    """
    for i, word in enumerate(run[1:-1], start=1):
        if word.key != "and":
            continue
        nxt = run[i + 1]
        following = next((w for w in run[i + 1:] if w.capitalised), nxt)
        if (nxt.key == "the" or nxt.text == "I" or {run[i - 1].key, following.key} & _HEAD_OR_TITLE
                # two people: `Lê Đức Giáp and Lê Hoàng Kiệt`, both named as names are, one opening on a family name
                or (could_be_personal_name(run[:i]) and could_be_personal_name(run[i + 1:])
                    and (family_name(run[0]) or family_name(run[i + 1])))
                or (personal_name(run[:i], bare=True) and any(w.key in _HEAD_OR_TITLE for w in run[i + 1:]))
                # (`Vice President Bế Thị Nhàu and Hesheli Wanru`: a titled name by its shape, then another name)
                or (personal_name(run[:i], bare=True) and could_be_personal_name(run[i + 1:])
                    and any(w.key in _HEAD_OR_TITLE for w in run[:i]))
                or any(w.key in HEAD_WORDS and not (j + 1 < len(run) and run[j + 1].key in ORGANISATION_HEADS)
                       for j, w in enumerate(run[i + 1:i + 5], start=i + 1))  # (not `… Representative Office`)
                or following.key in ORGANISATION_LEADS or following.text.lower() in _NATIONALITIES):
            return [run[:i], *_split_at_and(run[i + 1:])]
    return [run]


def _split_at_possessive(run: list[_Word]) -> list[list[_Word]]:
    """A possessive ends a name when the possessor is a country or a name of its own.

    `Communist Party of China’s Central Committee` is two; `Việt Nam Women’s Union` one.
    """
    for i, word in enumerate(run[:-1]):
        if word.key.endswith("'s") and word.key != "people's":
            possessor = _word(word.text[:-2], word.start, word.end - 2)
            named = [w.text for w in run[i + 1:]]
            if (possessor.text.lower() in _NATIONALITIES or (i == 0 and possessor.key in COUNTRIES)
                    or _kind_of(run[:i] + [possessor], "") is not None
                    or vietnamese_by_shape(named) or chinese_by_shape(named)):  # (`Quảng Ninh’s Vũ Đình Khôi`)
                return [run[:i] + [possessor], *_split_at_possessive(run[i + 1:])]
    last = run[-1] if run else None
    if (last is not None and last.key.endswith("'s") and last.key not in ("people's", "women's") and len(last.text) > 3
            and all(w.capitalised for w in run)):
        # `over Huỳnh Văn Chín’s boatyard`: the name is the possessor's (not `invited Chính to the Forum’s …`)
        return [run[:-1] + [_word(last.text[:-2], last.start, last.end - 2)]]
    return [run]


_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he[ \t]+$")


def _vouched_trailing_name(text: str, run: list[_Word]) -> list[_Word] | None:
    """The personal name that ends `run` after other capitalised words (or `and`), when something vouches for it:
    a title among the words before (`Head of the CPC International Department Liu Jianchao`); a full name that
    speaks (`Minister of Culture, Sports and Tourism Hồ An Phong said`); a name of Văn/Thị shape not described
    after; a role word opening the sentence (`Stroke Vi Thị Ngọc Ánh, 20, …`, `Winger Dinh Cong Thinh scored`);
    a portfolio run over commas (`person_cues.after_portfolio`)."""
    end = run[-1].end
    portfolio = after_portfolio(text, run)
    trailing = personal_name(run, bare=True) or portfolio
    if not trailing or trailing[0].start <= run[0].start:
        return None
    at = run.index(trailing[0])
    if not (run[at - 1].capitalised or run[at - 1].key == "and"):
        return None
    middle = middle_named(trailing)
    if (any(w.key in _HEAD_OR_TITLE for w in run[:at]) or (len(trailing) >= 3 and REPORTING_VERB.match(text, end))
            or (middle and not DESCRIBED.match(text, end))
            or ((middle or len(trailing) >= 3 and family_name(trailing[0])) and at == 1
                and opens_sentence(text, run[0].start))
            or (portfolio is not None and trailing[0] is portfolio[0])):
        return trailing
    return None


_ANOTHER_NAME = "another name"  # a claimed span that is a person's second name, not a proposal of its own


def _line_of(article: Article, offset: int) -> int:
    return article.body.count("\n", 0, offset) + 1


def discover(article: Article, mentions: list[Mention]) -> list[Discovery]:
    """Names in `article` that no mention covers, with their type and what the text says of them."""
    text = article.body
    # A new name may contain a known place or organisation (`Lạng Sơn Provincial People’s Committee`),
    # never a person or a mechanism, and never only part of any linked name.
    taken = [(m.start, m.end) for m in mentions if m.type != "date"]
    breaking = [(m.start, m.end) for m in mentions if m.type in ("person", "mechanism")]
    person_ends = {m.end for m in mentions if m.type == "person"}
    found: list[Discovery] = []
    claimed: list[tuple[int, int]] = []

    linked, linked_spans = SpanSet(taken), set(taken)

    def add(type_: str, start: int, end: int, titles=(), aliases=()) -> None:
        if type_ == "person" and text[end - 2:end + 1] in ("Jr.", "Sr."):
            end += 1  # `Francisco Tiu Laurel Jr.`: the suffix's full stop is the name's
        # Never part of a linked or proposed name; never a known name itself or around a proposed one.
        if any(not (start <= a and b <= end) for a, b in linked.overlapping(start, end)):
            return
        if any(start < b and end > a and not (start <= a and b <= end) for a, b in claimed):
            return
        if (start, end) in linked_spans or any(start <= a and b <= end for a, b in claimed):
            return
        if type_ == "person" and particle_short_form(text[start:end], found):
            return  # `Van der Sluijs said` after `Pieter van der Sluijs`: the one named, shortened
        claimed.append((start, end))
        written = _CHARACTERS_AFTER.match(text, end) if type_ == "person" else None
        if written:  # `Ko Shih-hao (柯世豪)`: the name in Chinese characters is the same person's
            aliases = [*aliases, written.group(1)]
        found.append(Discovery(type_, text[start:end], article.id, _line_of(article, start),
                               [t for t in titles if t], list(aliases)))

    # What the context alone says is a place or an outlet, before the runs claim their words.
    for type_, name_start, name_end in _named_by_context(article, text):
        add(type_, name_start, name_end)
    for name_start, name_end, plain in written_apart(text):
        add("person", name_start, name_end)  # `B.Enkhjargal said`, `Rosario "Charo" Magsino said`
        if plain and found and found[-1].name == text[name_start:name_end]:  # (the nickname's form is an alias)
            found[-1].aliases.append(found[-1].name)
            found[-1].name = plain
    for name_start, name_end in single_names(text):
        words = [_word(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, name_start, name_end)]
        if len(words) == 1 or (len(words) == 2 and text[name_end - 1] == "."):  # (`identified only as Zhao K.`)
            if _is_name_word(words[0]) and not _kind_of(words[:1], text) and words[0].key not in COUNTRIES:
                add("person", name_start, name_end)
        elif could_be_personal_name(words) and not _kind_of(words, text) and not _PLACE_TAILS.match(text, name_end):
            add("person", name_start, name_end)
    for name_start, name_end in credited_names(text):
        words = [_word(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text, name_start, name_end)]
        if text[name_start:name_end] == " ".join(w.text for w in words) and (
                could_be_personal_name(words) or name_in_capitals(words)):
            # (`By Global Times`: a paper credits itself)
            add("organisation" if words[-1].key in OUTLET_WORDS else "person", name_start, name_end)
    runs = join_pairs(text, _runs(text, breaking))
    listed = _listed_places(text, runs)
    # `showed it to Quế in April` after `Đinh Văn Quế`: a given name the article uses is no place's name
    given = {_key(m.text.split()[-1]) for m in mentions if m.type == "person"} | {
        run[-1].key for run in runs if could_be_personal_name(run) and (middle_named(run) or vietnamese_name_here(text, run))}
    queue = deque(runs)
    while queue:
        run = queue.popleft()
        if (run[0].start, run[-1].end) in listed:
            for part in listed[run[0].start, run[-1].end]:
                add("place", part[0].start, part[-1].end)
            continue
        split = _person_before_connector(text, run)
        if split:
            # `Foreign Minister Wang Yi in Xiamen`, `director general Wu Xi of the Department of …`: the name
            # ends at the preposition; what follows it is a name of its own (after `in`, where the person is).
            k, title, name_words = split
            add("person", name_words[0].start, name_words[-1].end, [title])
            rest = run[k + 1:]
            while rest and not rest[0].capitalised:
                rest = rest[1:]
            if rest and run[k].key == "in" and _bare_place_name(rest):
                add("place", rest[0].start, rest[-1].end)
            elif rest and not (run[k].key == "of" and _bare_place_name(rest) and REPORTING_VERB.match(text, rest[-1].end)):
                queue.appendleft(rest)  # (`Judge Chan Kwok-wai of Macau praised …`: the praise is the judge's)
            continue
        if len(run) > 2 and run[0].key in DWELLERS and run[1].key == "in" and _bare_place_name(run[2:]):
            add("place", run[2].start, run[-1].end)  # `Farmers in Luang Namtha` opening a sentence
            continue
        start, end = run[0].start, run[-1].end
        if AT_A_MISSION.search(text, max(0, start - 40), start) and _bare_place_name(run):
            add("place", start, end)  # `the embassy in Beijing`, `the consulates general in Guangzhou`
            continue
        if (_bare_place_name(run) and not (len(run) == 1 and run[0].key.endswith(("ish", "ese")))
                and not middle_named(run) and not (len(run) == 1 and run[0].key in given) and (
                (IN_OR_TO.search(text, max(0, start - 4), start) and WHEN_AFTER.match(text, end))
                or SOMEWHERE_BEFORE.search(text, max(0, start - 40), start))):
            # (`in English on Monday`: a language, named like its people)
            add("place", start, end)  # `will meet in Tây Ninh on Friday`: where and when a thing happens
            continue
        if (could_be_personal_name(run) and (family_name(run[0]) or any(not w.text.isascii() for w in run))
                and (NAMED_BEFORE.search(text, max(0, start - 80), start) or NAMED_AFTER.match(text, end))):
            # `Wu Guoping …, whom Vietnamese colleagues call Ngô Quốc Bình`: another name of the person just named
            named = person_just_named(text, found, claimed, mentions, start)
            if named is not None:
                if isinstance(named, Discovery) and text[start:end] not in named.aliases:
                    named.aliases.append(text[start:end])
                claimed.append((start, end))
                found.append(Discovery(_ANOTHER_NAME, text[start:end], article.id, _line_of(article, start)))
                continue
        # People first: a title, an apposition or a reporting verb vouches for the name.
        inner_title, name_words = _title_inside(text, run)
        if name_words:
            full_title = title_before(text, name_words[0].start)[0] or inner_title
            add("person", name_words[0].start, name_words[-1].end, [full_title, title_after(text, end)])
            continue
        trailing = _vouched_trailing_name(text, run)
        if trailing:
            # (`… Joint Committee in Ha Noi`: after a connector the name is the institution's place.)
            run = run[:run.index(trailing[0])]
            add("person", trailing[0].start, end,
                [text[start:trailing[0].start].strip() if any(w.key in _HEAD_OR_TITLE for w in run) else None])
            while run and not run[-1].capitalised:
                run = run[:-1]
            if not run:
                continue
            start, end = run[0].start, run[-1].end
        if len(run) > 2 and agent_noun(run[0]) and opens_sentence(text, start):
            run, start = run[1:], run[1].start  # `Farmworker Mee Vang, 33, …`: what they do, written as a title
        of_person = _OF_BEFORE.search(text, max(0, start - 6), start)
        if could_be_personal_name(run) and not (of_person and of_person.start() in person_ends):
            # (`… Chan Kwok-wai of Macau praised`: where the person named is from; the praise is theirs)
            title, vouches = _title_or_role_before(text, start, end)
            if title and not vouches and len(run) in (2, 3) and (
                    _PERSON_AFTER.match(text, end)
                    or (_SUBJECT_VERB_AFTER.match(text, end) and any(not w.text.isascii() for w in run))):
                vouches = True  # `Czech economist Jiří Dvořák of Charles University`: a role, then a full name
            # (`In Soc Trang, farmer Thach Thi Sa Ry …`: after a preposition of place a name is the place, whoever follows)
            placed = PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
            appositive = None if placed else title_after(text, end)
            # `“…,” said Zhao Wei`; `Phoxay Vongsouthi …. Phoxay said`: the attribution, or a later quote by a word
            # (`said Chu Dau painters borrowed …`: a name before a noun is that noun's, not the one who speaks)
            cued = len(run) in (2, 3) and not _PLACE_TAILS.match(text, end) and (
                (attributed_before(text, start) and _PERSON_AFTER.match(text, end)) or attributed_after_quote(text, start, end)
                or quoted_later(text, run[0].text, run[-1].text, start, end) or named_in_apposition(text, start, end)
                or (len(run) == 3 and run[0].key in MALAY_FIRST_NAMES  # (`Muhammad Haziq Rahman … Haziq said`)
                    and quoted_later(text, run[1].text, run[1].text, start, end))
                or (_SPEAKS_AFTER.match(text, end) and _countrys(text, start))  # (`Thailand’s Somchai … said`)
                # (`Dewi Rahmawati said` after `Curator Dewi Rachmawati`: the person named before, misspelt)
                or (REPORTING_VERB.match(text, end) and misspells_someone(text[start:end], found, mentions)))
            name = personal_name(run, bare=not (vouches or appositive or cued), titled=bool(title))
            # (after `to` or `in` a name may be a place's, but a place has no age: `went to Hoàng Đức Mạnh, 20,`)
            # (`general manager of Xiantao Qingshui Nonwovens, who visited …`: whom a role works for; the clause is the manager's)
            described = (DESCRIBED.match(text, end) and not title
                         and not _THE_BEFORE.search(text, max(0, start - 5), start)
                         and not EMPLOYER_BEFORE.search(text, max(0, start - 50), start)
                         and (not PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
                              # (`consul general in Hong Kong, who …`: the one who is the consul; `went to Tran
                              # Minh Thong, a Grade 12 student at …`: a place is no student)
                              or _AGED.match(text, end) or _ROLE_ENDS_AFTER.match(text, end)))
            role_first = bool(described) and _ROLE_WORD.fullmatch(run[0].key) is not None  # (`Technician …`)
            if (described and (name is None or name[0].start != start) and not role_first
                    and not (name and chinese_by_shape([w.text for w in name]))):
                # (`Nay Lin Tun, a lorry driver`: a role vouches for every word, not only from a family name on)
                name = personal_name(run, bare=not (ROLE_AFTER.match(text, end) or WHO_OR_AGE.match(text, end))) or name
            if (name and len(run) == 4 and name[0].start != start and (appositive or ROLE_AFTER.match(text, end))
                    and opens_sentence(text, start) and not _ROLE_WORD.fullmatch(run[0].key)):
                name = run  # `María Fernanda Gutiérrez Ochoa, export director of …`: two given names, two family names
            speaks = REPORTING_VERB.match(text, end)
            sayers_in = speaks and _SAYERS_IN.search(text, max(0, start - 40), start)
            if sayers_in and _bare_place_name(run):
                add("place", start, end)  # `processors in Sầm Sơn said`: where those who speak are
                continue
            if name and name[0].start == start and not (title or appositive) and names_a_place(text, name):
                add("place", start, end)  # `the Chư Đăng Ya volcanic cone`: a name the text gives a place is the place's
                continue
            if name and name[0].start == start and (
                    # (`tourists who had been to Phan Thiết asked`: a place's name, then those who were there speak)
                    title or appositive or (speaks and not sayers_in and not placed) or described or cued
                    or middle_named(name)
                    or (not THING_BEFORE.search(text, max(0, start - 24), start)
                        and (chinese_by_shape([w.text for w in name]) or vietnamese_name_here(text, name)))):
                add("person", start, end, [title, appositive])
                continue
            if described and len(run) > 2 and role_first:
                name = personal_name(run[1:], bare=False)  # `Technician Sơn Ngọc Tánh, 27, …`: a title
            if name and described and len(run) > 2 and name[0] is run[1] and (family_name(name[0]) or role_first):
                add("person", name[0].start, end, [run[0].text])  # `Master Lâm Chí Hùng, 62, who …`: a title
                continue
        if titled_occasion(text, run):
            add("mechanism", start, end)  # `the Seafood Directions conference`: the occasion's own title
            continue
        company = company_suffix_end(text, run)
        if company:
            add("organisation", start, company)
            continue
        # Otherwise the whole run, or the part after `of (the)`, named by its head word.
        located = _before_location(run)
        if (len(located) < len(run) and (located[-1].key in ("consul", "consulate") or (
                len(located) > 1 and located[-1].key == "general" and located[-2].key in ("consul", "consulate"))
                or _PLACE_TAILS.match(text, end))
                and _bare_place_name(run[len(located) + 1:])):
            # `Consul General in Kunming`, `Consulate General in Nanning`: a consulate stands in a city (an
            # event `in` a name may be in a country, which is not a place here); `… Hospital in X province`.
            add("place", run[len(located) + 1].start, end)
        for part in map(_before_location, _parts(run)):
            kind = _kind_of(part, text)
            if kind is None and len(part) >= 2 and part[-1].key == "cooperation":
                if (bracketed_abbreviation(text, part[-1].end, part) or _FRAMEWORK_AFTER.match(text, part[-1].end)
                        or (len(part) == 2 and _JOINED_PAIR.fullmatch(part[0].text))):
                    # `Lancang-Mekong Cooperation (LMC)`, `the … Cooperation framework`: a framework by its own name,
                    # or by the pair it joins (`the Lancang-Mekong Cooperation`)
                    kind = "mechanism"
            if kind == "place" and part[-1].key == "region" and NUMBER_AFTER.match(text, part[-1].end):
                # `Military Region 4`, `Naval Region 1`: a command numbered by its region, not the region
                add("organisation", part[0].start, NUMBER_AFTER.match(text, part[-1].end).end())
                break
            if kind:
                part_end = part[-1].end
                year = _YEAR_AFTER.match(text, part_end) if kind == "mechanism" else None
                if year:  # `ASEAN Community Vision 2045`: the year belongs to the name, not to the dates
                    part_end = year.end()
                abbreviation = bracketed_abbreviation(text, part_end, part)
                add(kind, part[0].start, part_end, aliases=[abbreviation] if abbreviation else [])
                break
    for m in N_PLUS_N.finditer(text) if "+" in text else ():
        add("mechanism", m.start(), m.end())
    for m in QUOTED_LABEL.finditer(text):
        add("mechanism", m.start(), m.end())
    names, mechanisms = SpanSet(breaking), {(m.start, m.end) for m in mentions if m.type == "mechanism"}
    for start, end, head_start, head_end in lower_case_mechanism_spans(text):
        # Never around a linked person or mechanism, but for a mechanism opening the name of one of its own
        # bodies (`the <grouping> foreign ministers’ meeting`).
        if all(a == start and b < end and (a, b) in mechanisms for a, b in names.overlapping(start, end)):
            between = _BETWEEN.search(text, head_end, end)
            if between and (start < head_start or between.start() > head_end) and (
                    linked.overlapping(between.end(), end)
                    or any(between.end() <= a and b <= end for a, b in claimed)):
                end = between.start()  # `the youth exchange agreement between Huế and Kyoto`: the parties are named
            elif start < head_start and head_end < end and any(head_end < a and b <= end for a, b in claimed):
                # `the youth exchange programme for <a place proposed>`: the place keeps its name, the words
                # before the head say which programme
                end = head_end
            add("mechanism", start, end)
    found = [d for d in found if d.type != _ANOTHER_NAME]
    found = fold_misspellings(found, text, [m.text for m in mentions if m.type == "person"])
    found = fold_name_parts(found, text)
    return sorted(found, key=lambda d: (d.line, d.name))


# A name in Chinese characters in brackets after its romanisation, as Taiwanese and Hong Kong papers print it.
_CHARACTERS_AFTER = re.compile(rf"[ \t]*[(（]({CHINESE_CHARACTER}{{2,4}})[)）]")
# `processors in Sầm Sơn said`: those in a place speak, the place is no one (the search ends where the name starts).
_SAYERS_IN = re.compile(r"(?<![\w’'-])[a-z]+s[ \t]+(?:in|at|from)[ \t]+\Z")
_AGED = re.compile(r",[ \t]+\d{1,3},")
# A role in apposition that ends where what it is of or at begins (`, a Grade 12 student at …`), not a noun's
# modifier (`, a tourist town`).
_ROLE_ENDS_AFTER = re.compile(rf",[ \t]+(?:(?:then|now)[ \t]+)?an?[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?{ROLE_NOUNS}\b"
                              r"(?=[ \t]+(?:at|from|of|in|for|with|who)(?![\w’'-])|[ \t]*[,.;])")
_ROLE_WORD = re.compile(ROLE_NOUNS)
_JOINED_PAIR = re.compile(r"[A-ZÀ-Ỹ][^\W\d_]+[-–][A-ZÀ-Ỹ][^\W\d_]+")
_OF_BEFORE = re.compile(r"[ \t]+of[ \t]+$")
_SPEAKS_AFTER = re.compile(r"[ \t]+(?:said|says|told|added|noted|explained|stressed)(?![\w’'-])")
_POSSESSOR_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w-]+)[’']s[ \t]+$")


def _countrys(text: str, start: int) -> bool:
    """Whether a country's possessive stands just before `start` (`Cambodia’s …`)."""
    possessor = _POSSESSOR_BEFORE.search(text, max(0, start - 20), start)
    return bool(possessor) and _key(possessor.group(1)) in COUNTRIES
_FRAMEWORK_AFTER = re.compile(r"[ \t]+(?:framework|mechanism)(?![\w’'-])")
_BETWEEN = re.compile(r"[ \t]+between[ \t]+")
_PERSON_AFTER = re.compile(rf"{REPORTING_VERB.pattern}|[ \t]*[,(.;]|[ \t]+(?:of|who|from|at|for)(?![\w’'-])")
# A verb the name is the subject of: after a role, enough for a name written with letters English lacks (`the Danish
# designer Freja Østergaard ran a workshop`), not for English words (`the chess player Harbour Lights won`).
_SUBJECT_VERB_AFTER = re.compile(r"[ \t]+(?:[a-z]+ed|ran|met|went|gave|took|made|led|won|saw|left|came|began|spoke|"
                                 r"wrote|sent|built|held|brought|has|had|is|was|will|would)(?![\w’'-])")
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def _bare_place_name(words: list[_Word]) -> bool:
    """One to three capitalised words naming nothing else: no head, title, nationality or calendar word."""
    return 1 <= len(words) <= 3 and all(
        w.capitalised and w.key not in _HEAD_OR_TITLE and w.key not in _NOT_NAME_WORDS and not w.text.isupper()
        and w.text.lower() not in _NATIONALITIES and w.key not in _LEADING_WORDS for w in words)


def _capitalised_tail(text: str, start: int, end: int) -> int | None:
    """Where the capitalised words that end `text[start:end]`, joined by blanks or dashes, begin; or None."""
    first, pos = None, end
    for m in reversed(list(_WORDS.finditer(text, start, end))):
        if text[m.end():pos].strip(" \t–-") or not m.group()[0].isupper() or _key(m.group()) in _LEADING_WORDS:
            break
        first, pos = m.start(), m.start()
    return first


def _named_by_context(article: Article, text: str) -> list[tuple[str, int, int]]:
    """(type, start, end) of places and outlets the context names: the dateline, infrastructure with its kind,
    a capital, the outlet of a briefing question."""
    found: list[tuple[str, int, int]] = []
    if article.dateline and article.dateline.strip():
        # The dateline is where the story was filed: a place, linked where the text writes it.
        pattern = re.compile(r"(?<![\w’'-])" + r"[ \t]+".join(map(re.escape, article.dateline.split()))
                             + r"(?![\w’'-])", re.IGNORECASE)
        m = next((m for m in pattern.finditer(text) if m.group()[0].isupper() and not m.group().isupper()), None)
        if m:
            found.append(("place", m.start(), m.end()))
    for m in INFRASTRUCTURE.finditer(text):
        first = _capitalised_tail(text, max(0, m.start() - 80), m.start())
        if first is None:
            continue
        names = [w for w in re.split(r"[ \t]*[–-][ \t]*|[ \t]+", text[first:m.start()]) if w]
        if names and not all(w.lower() in _NATIONALITIES for w in names):
            found.append(("place", first, m.end()))
    for m in CAPITAL.finditer(text):
        if m.group().startswith(","):
            first = _capitalised_tail(text, max(0, m.start() - 40), m.start())
            if first is not None:
                found.append(("place", first, m.start()))
        else:
            name = re.match(r"[^\W\d_][\w’'-]*(?:[ \t]+[^\W\d_][\w’'-]*){0,2}", text[m.end():m.end() + 60])
            words = name.group().split() if name else []
            while words and not words[-1][0].isupper():
                words.pop()
            # `in the provincial capital, Chairman of …`: a new clause opening with a title, not the capital's name.
            if words and all(w[0].isupper() for w in words) and _key(words[0]) not in HEAD_WORDS:
                found.append(("place", m.end(), m.end() + len(" ".join(words))))
    for m in QUESTION_LABEL.finditer(text):
        found.append(("organisation", m.start(1), m.end(1)))
    return found


def _listed_places(text: str, runs: list[list[_Word]]) -> dict[tuple[int, int], list[list[_Word]]]:
    """Runs listed before a plural place noun, or after `provinces such as`: their names, by the run's span."""
    listed: dict[tuple[int, int], list[list[_Word]]] = {}
    chain: list[list[_Word]] = []
    for i, run in enumerate(runs):
        chain.append(run)
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        if nxt is not None and LIST_GAP.fullmatch(text, run[-1].end, nxt[0].start):
            continue
        lead = max((j + 1 for j, w in enumerate(chain[0]) if not w.capitalised and w.key != "and"), default=0)
        names = [chain[0][lead:], *chain[1:]]  # `Farmers in Lào Cai and …`: the list starts after the connector
        parts = [p for r in names for p in _and_parts(r)]
        if len(parts) >= 2 and all(map(_listed_name, parts)) and (
                PLACES_AFTER.match(text, chain[-1][-1].end)
                or PLACES_BEFORE.search(text, max(0, names[0][0].start - 40), names[0][0].start)):
            for r, n in zip(chain, names):
                listed[r[0].start, r[-1].end] = _and_parts(n)
        chain = []
    return listed


def _listed_name(words: list[_Word]) -> bool:
    """A name in a list of places: one to three capitalised words, no head, title, date or nationality."""
    return 1 <= len(words) <= 3 and all(w.capitalised and not w.text.isupper() and w.key not in _HEAD_OR_TITLE
                                        and w.key not in _CALENDAR_WORDS for w in words) \
        and not all(w.text.lower() in _NATIONALITIES for w in words) and words[0].key not in _LEADING_WORDS - {"an"}


def _and_parts(run: list[_Word]) -> list[list[_Word]]:
    parts, current = [], []
    for word in run:
        if word.key == "and":
            parts.append(current)
            current = []
        else:
            current.append(word)
    parts.append(current)
    return [p for p in parts if p]


# `… Khampheng Vongsavath and I visited`: whoever the speaker does things with is a person.
# (or the sentence's full stop: `…, said its director, H’Lơm Mlô.`)
_CLOSING_COMMA = re.compile(r"[^\W\d_][\w’'-]*(?:[ \t]+[^\W\d_][\w’'-]*){1,3}(?:,|\.(?=\s|$))")
_AND_I = re.compile(r"[ \t]+and[ \t]+(?:I|we)(?![\w’'-])")


_ROLE_NOUN_AFTER = re.compile(r"[ \t]+[a-z][\w’'-]*(?:[ \t]+[a-z][\w’'-]*)?[ \t]+[A-ZÀ-Ỹ]")


def _title_or_role_before(text: str, start: int, end: int) -> tuple[str | None, bool]:
    """The title before `start`, or a lower-case role touching it; and whether it vouches for any name."""
    title, _ = title_before(text, start)
    if title:
        return title, True
    if text[max(0, start - 2):start] == ", " and _CLOSING_COMMA.match(text, start):
        # `the Chinese Ambassador to Việt Nam, He Wei, said`: the title, then the name in apposition.
        probe = text[max(0, start - 240):start - 2] + " "
        title, _ = title_before(probe, len(probe))
        if title:
            return title, True
        # `A Vietnamese student, Nguyễn Hồng Nhung, was injured`: a lower-case role, then the name.
        role = LOWER_ROLE.search(probe, max(0, len(probe) - 60))
        if role and not role["trade"]:
            return _role_vouching(role.group(1))
    role = LOWER_ROLE.search(text, max(0, start - 60), start)
    if not role and THE_LATE.search(text, max(0, start - 20), start) and not _ROLE_NOUN_AFTER.match(text, end):
        # `the late Yuan Longping`: someone who has died, named by a family name (not `the late Hong Kong shipping
        # magnate …`, where the name says where the one who died was from)
        return "late", False
    if not role:
        return None, False
    return _role_vouching(role.group(1))


def _role_vouching(role: str) -> tuple[str, bool]:
    """A lower-case role, and whether it is an office, which vouches for any name."""
    return role, re.sub(r"[ \t-]+general$", "", role).split()[-1] in OFFICE_NOUNS  # (`secretary-general` too)


def _person_before_connector(text: str, run: list[_Word]) -> tuple[int, str | None, list[_Word]] | None:
    """(where `in`/`of` ends a titled personal name in `run`, or `to` one named by its shape; title; name words) or None."""
    for k in range(2, len(run) - 1):
        if run[k].key not in ("in", "of", "to") or not run[k - 1].capitalised:
            continue
        prefix = run[:k]
        if run[k].key == "to":  # `sent consular officer Nguyễn Thị Kim Oanh to Riga`: where the person went
            if middle_named(prefix) and vietnamese_name_here(text, prefix):
                return k, title_before(text, prefix[0].start)[0], prefix
            continue
        title, names = _title_inside(text, prefix)
        if names and names[-1] is prefix[-1]:
            return k, title_before(text, names[0].start)[0] or title, names
        if could_be_personal_name(prefix):
            title, vouches = _title_or_role_before(text, prefix[0].start, prefix[-1].end)
            # `Czech economist Jiří Dvořák of Charles University`: a role, a full name, then where they work
            vouches = vouches or (title is not None and len(prefix) in (2, 3))
            name = personal_name(prefix, bare=not vouches, titled=True) if title else None
            if title is None and run[k].key == "of" and (len(prefix) >= 3 or pinyin_name(prefix)) and not (
                    prefix[-1].key in _HEAD_OR_TITLE):  # (not `the Đồng Nai College of High Technology`)
                # `Nguyễn Thị Hải Yến of Việt Nam’s Institute …`, `Zhang Wei of …`: a full name a family name opens
                name = personal_name(prefix, bare=True)
            elif title is None and run[k].key == "of" and len(prefix) == 2 and quoted_later(
                    text, prefix[0].text, prefix[1].text, prefix[0].start, prefix[1].end):
                name = prefix  # `Phonsavanh Keomany of the … Center … Phonsavanh said`: the article quotes the name
            if name and name[0] is prefix[0]:
                return k, title, name
    return None


def _title_inside(text: str, run: list[_Word]) -> tuple[str | None, list[_Word] | None]:
    """`Deputy Prime Minister Bùi Thanh Sơn` inside one run: (title, name words)."""
    # The name is the run's last two to four words, all of them name words: look for a title only before those.
    first = len(run) - len(name_tail(run))
    for i in range(max(1, first, len(run) - 4), len(run) - 1):
        head = text[run[0].start:run[i].start]
        title, _ = title_before(head, len(head))
        if title and head.rstrip().endswith(title):
            # Only a title that ends on its head word (`Ambassador`), or one the name then acts after
            # (`Minister of Public Works and Transport Phoxay Vongsouthi said`), vouches for a name
            # without a family name.
            ends_on_head = fold(title.split()[-1]).strip(".") in HEAD_WORDS
            acts = (REPORTING_VERB.match(text, run[-1].end) or _AND_I.match(text, run[-1].end)
                    or quoted_later(text, run[i].text, run[-1].text, run[i].start, run[-1].end))
            name = personal_name(run[i:], bare=not ends_on_head and not acts, titled=True)
            if name and (title in BURMESE_HONORIFICS and not all(w.text.isascii() for w in name)
                         or name[-1].key in ORGANISATION_HEADS):
                continue  # `in U Minh Thượng`: Burmese names are romanised without diacritics; `King Sejong Station`
            if (name and not ends_on_head and len(name) >= 3 and not family_name(name[0]) and not middle_named(name)
                    and fold(title.split()[-1]) not in PORTFOLIO_WORDS):
                # `Secretary for International Development Torbjørn Aasgård`: the complement's last word (not after
                # a whole portfolio: `Minister of Foreign Affairs Ignacio Valdés Araya`)
                name = name[1:]
            if name and name[0].start == run[i].start:
                return title, name
    return None, None


def _before_location(run: list[_Word]) -> list[_Word]:
    """`Việt Nam–China International Trade Fair in Lào Cai`: a name complete on its head word ends before `in`;
    so does a body's complete on its complement (`Steering Committee for … Cooperation in Hà Nội`) before a bare
    place. A document's scope is its title's (`Treaty of Amity and Cooperation in Southeast Asia`), and so is
    a place with an article (`… Cooperation in the Gulf of Tonkin`)."""
    for i, word in enumerate(run[1:-1], start=1):
        if word.key in ("in", "on", "by", "since", "until") and (run[i + 1].key in _CALENDAR_WORDS
                                                                 or run[i + 1].text == "May"):
            return run[:i]  # `… Joint Commission on Economic and Trade Cooperation in May`: when, not part of the name
        if word.key == "in" and (run[i - 1].key in _HEAD_OR_TITLE | _JOINT_ONLY_HEADS | _POSSESSED_HEADS | SERIES_HEADS
                                 or season_series([w.key for w in run[:i]]) or _body_located(run, i)
                                 or fair_named_with_place(run[:i])):
            return run[:i]
        if word.key in ("on", "at") and run[i - 1].key in SERIES_HEADS and run[-1].key in PLACE_HEADS:
            return run[:i]  # `… Rowing Regatta on the Shing Mun River`: where an occasion is held
    return run


# Documents, whose title may say where they apply: `… in Southeast Asia` is part of the name.
_DOCUMENT_HEADS = {"treaty", "agreement", "agreements", "code", "convention", "declaration", "charter", "protocol",
                   "protocols", "memorandum"}


def _body_located(run: list[_Word], i: int) -> bool:
    """Whether `in` at `run[i]`, after the complement of a body's name, says where the body meets: a bare place."""
    head = next((k for k in range(1, i) if run[k].key in ("of", "for", "on")), None)
    return head is not None and run[head - 1].key not in _DOCUMENT_HEADS and _bare_place_name(run[i + 1:])


def _parts(run: list[_Word]) -> list[list[_Word]]:
    """The run, then each tail after a connector: `Director of the Chongqing Foreign Affairs Office`."""
    parts = [run]
    for i, word in enumerate(run[:-1]):
        if not word.capitalised and run[i + 1].capitalised and word.key != "and":
            parts.append(run[i + 1:])
    return parts


