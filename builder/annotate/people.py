"""Annotate stage, people: titles before names and short references.

Full names come from the ruler (`builder.annotate.ruler`). This module decides which
of them are people (`Hồ Chí Minh City` is a place), records the title written
before each name (`Consul General`, `Chinese Ambassador to Việt Nam`), and
resolves short references within the article, as an editor would:

- a Vietnamese person by the last syllable (`PM Chính`, `Long noted`) or, as
  foreign outlets do, by the family name when they speak (`Hoang said`); a
  Chinese person by the surname (`Chairman Zhao`, `Ambassador He`) or, as wire
  copy sometimes does, by the given name (`Wei suggested`); a Malay person by
  the given name (`Johari`, `Haziq`);
- only to people named in full in the same article; when several share the
  short form, to the nearest full mention before it; otherwise not at all;
- a short form that is an English word needs a title (`Ambassador He`, never
  the pronoun `He`) or, for words like `Long`, a reporting verb after it.
"""

from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass

from builder.annotate.misspellings import one_letter_off
from builder.annotate.names import (
    CHINESE_CHARACTER,
    IRISH_PARTICLES,
    LOWER_ARABIC_NAME,
    MALAY_FIRST_NAMES,
    PARTICLES,
    guess_country,
    joined_surname,
    with_particle,
)
from builder.annotate.ruler import RulerMatch
from builder.annotate.spans import SpanSet
from builder.model import Entity, Mention
from builder.text import fold

BURMESE_HONORIFICS = ("U", "Daw")
_HEADS = [
    "Party General Secretary", "General Secretary", "Secretary General", "Party Secretary", "First Secretary",
    "Secretary", "State President", "Vice State President", "Vice President", "President",
    "Deputy Prime Minister", "Prime Minister", "Deputy PM", "PM", "Vice Premier", "Premier",
    "NA Chairman", "NA Chairwoman", "NA Vice Chairman", "Vice Chairman", "Vice Chairwoman",
    "Chairman", "Chairwoman", "Chairperson", "Chair", "Ambassador", "Consul General", "Consul",
    "Deputy Foreign Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
    "Deputy Minister", "Vice Minister", "Minister", "State Councillor", "State Councilor",
    "Director General", "Deputy Director", "Director", "Governor", "Vice Governor", "Mayor",
    "Deputy General Manager", "General Manager", "Manager",
    "Senior Lieutenant General", "Lieutenant General", "Major General", "Brigadier General", "Lieutenant Colonel",
    "Senior Colonel", "Colonel", "Brigadier",
    # police ranks (`Superintendent Akosua Frimpong`, `Detective Sergeant …`)
    "Chief Superintendent", "Assistant Superintendent", "Deputy Superintendent", "Superintendent",
    "Chief Inspector", "Detective Inspector", "Detective Sergeant", "Sergeant", "Detective Constable", "Constable",
    "Lieutenant", "Corporal",
    # (and hyphenated, as Singaporean, Chinese and British copy writes them: `Lieutenant-General Qiu …`)
    "Senior Lieutenant-General", "Lieutenant-General", "Major-General", "Brigadier-General", "Lieutenant-Colonel",
    "Vice-Admiral", "Rear-Admiral",
    # ranks as agencies cut them (`Col Hoang Duc Thinh`, `Lt Gen …`, `Maj-Gen …`)
    "Lt Gen", "Lt-Gen", "Lt. Gen.", "Maj Gen", "Maj-Gen", "Maj. Gen.", "Sr Col", "Sr. Col.", "Col", "Col.",
    "Lt Col", "Lt-Col", "Brig Gen", "Brig-Gen",
    # the state's honorific titles for artists and teachers
    "Meritorious Artist", "People's Artist", "People’s Artist", "Meritorious Teacher", "People's Teacher",
    "People’s Teacher",
    "General", "Rear Admiral", "Vice Admiral", "Admiral", "Spokesperson", "Spokeswoman", "Spokesman", "Comrade", "Professor",
    "Prof.", "Dr.", "Dr", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Madam", "Madame", "Uncle", "Politburo member",
    # academic ranks, in full and as papers cut them (`Assoc Prof Chaiwat …`)
    "Associate Professor", "Assistant Professor", "Assoc Prof", "Assoc. Prof.", "Asst Prof", "Asst. Prof.", "Prof",
    "Secretary-General", "Managing Director", "Minister Counsellor", "Minister Counselor", "Counsellor", "Counselor", "Chief Executive Officer", "Chief Executive", "CEO",
    "Representative", "Senator", "Undersecretary", "Under Secretary", "Assistant Secretary", "Administrator",
    "Commissioner",
    "Deputy Head", "Head", "Commander", "Historian", "Veteran", "Researcher", "Scholar", "State Secretary",
    # what a person does, written before the name (at a sentence's start in capitals)
    "Screenwriter", "Translator", "Novelist", "Writer", "Poet", "Author", "Journalist", "Reporter", "Photographer",
    "Midfielder", "Defender", "Striker", "Goalkeeper", "Substitute", "Captain", "Head Coach", "Coach", "Actress", "Actor",
    "Presenter", "Architect", "Conservator", "Curator", "Economist", "Engineer", "Doctor", "Farmer", "Teacher",
    "Lawyer", "Nurse", "Designer", "Artisan", "Weaver", "Chef", "Pilot", "Judge", "Surgeon", "Rider", "Cyclist",
    "Conductor", "Composer", "Pianist", "Violinist", "Singer", "Dancer",
    "Smallholder", "Grower", "Fisherman", "Fisher", "Trader", "Vendor", "Shopkeeper", "Baker", "Potter", "Painter",
    "Buyer", "Broker", "Dealer",
    "Sculptor", "Calligrapher", "Villager", "Resident", "Volunteer", "Athlete", "Ranger", "Inspector", "Analyst",
    # Malaysian and Bruneian honorifics, never part of the name (`Datuk Azhar Ismail`, `Dayang Hajah Nabilah …`)
    "Datuk Seri", "Datuk", "Dato’ Sri", "Dato' Sri", "Dato’", "Dato'", "Dato", "Datin", "Dayang Hajah", "Dayang",
    "Pengiran", "Awang",
    # monastics
    "Most Venerable", "Venerable", "Abbot",
    # Burmese honorifics (`U Zaw Min Htike`, `Daw Khin Myat`) and Amharic ones (`Ato Dereje Mekonnen`)
    *BURMESE_HONORIFICS, "Ato", "Woizero", "Weizero",
    # West African Muslim honorifics of one who made the pilgrimage (`Alhaji Musa Danladi`, `Hajiya Amina Bello`)
    "Alhaji", "Alhaja", "Hajiya",
    # rulers, with the honorific before them (`His Majesty Sultan Hassanal Bolkiah`)
    "His Majesty Sultan", "His Majesty King", "Her Majesty Queen", "Sultan", "King", "Queen", "Crown Prince",
]
_HEAD = "(?:" + "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True)) + ")"
_NATIONALITY = r"(?:Vietnamese|Chinese|Lao|Cambodian|Thai|Việt Nam(?:’|')s|Vietnam(?:’|')s|China(?:’|')s)"
_MODIFIER = r"(?:late|former|then|new|newly elected|incumbent|outgoing|acting|Permanent|Standing|Executive)"
# "of the Communist Party of China (CPC) Central Committee", "to Việt Nam"
_NAME_WORD = r"(?:[A-ZÀ-Ỹ][\w’'.&-]*|\([A-Z]{2,}\))"
# `Deputy Head of the commission`: an institution named before, referred back to in lower case.
_INSTITUTION_NOUNS = ("commission", "ministry", "committee", "department", "agency", "embassy", "consulate", "office",
                      "board", "council", "party", "university", "institute", "academy", "centre", "center")
_LOWER_INSTITUTION = "the\\s+(?:" + "|".join(_INSTITUTION_NOUNS) + ")"
_COMPLEMENT = (rf"(?:of|to|for|in)\s+(?:{_LOWER_INSTITUTION}|(?:the\s+)?{_NAME_WORD}"
               rf"(?:\s+(?:of|the|for|and|on|{_NAME_WORD}))*?)")
_ONE_TITLE = rf"(?:{_MODIFIER}\s+)?{_HEAD}(?:\s+{_COMPLEMENT})?"
_TITLE_BEFORE = re.compile(
    rf"(?:(?<=\s)|^)((?:{_NATIONALITY}\s+)?{_ONE_TITLE}(?:,?\s+and\s+{_ONE_TITLE})*)\s+$"
)
# A title that touches the name, with no complement: it becomes part of the linked span.
_ADJACENT_TITLE = re.compile(rf"(?:(?<=\s)|^)((?:{_HEAD})(?:\s+and\s+{_HEAD})*)\s+$")
_HEAD_AT_END = re.compile(rf"(?:^|\s){_HEAD}$")
# Every word of a title head, folded: such words are never part of a personal name.
HEAD_WORDS = frozenset(fold(w).strip(".") for h in _HEADS for w in h.split())
# Title words only ever written as abbreviations (`NA Chairman`, `PM`): in lower case (`Li Na`) a name's syllable.
ABBREVIATED_HEAD_WORDS = HEAD_WORDS - frozenset(fold(w).strip(".") for h in _HEADS for w in h.split()
                                                if not w.isupper())
# A title in apposition after a name: `Wang Wen, Director of the Chongqing Foreign Affairs Office,`.
_APPOSITIVE_HEADS = [h for h in _HEADS if len(h) > 3 and not h.endswith(".")] + [
    "member", "head", "deputy head", "chief", "leader", "secretary", "chairman", "director", "envoy",
    "spokesperson", "spokesman", "spokeswoman", "founder", "rector", "editor-in-chief", "president",
    "administrator", "commissioner", "dean", "principal",
]
_APPOSITIVE = re.compile(
    rf",[ \t]+(?!(?:said|says|told|added|noted|stressed)\b)"  # (`…, said Vice Chairman X`: an attribution)
    rf"((?:the[ \t]+)?(?:(?:[A-Z]{{2,}}|{_NATIONALITY})[ \t]+)?(?:{_MODIFIER}[ \t]+)?"
    rf"(?:(?:deputy|vice|assistant|associate)[ \t]+)?(?:{'|'.join(re.escape(h) for h in sorted(set(_APPOSITIVE_HEADS), key=len, reverse=True))})"
    rf"\b(?:[^,.;:()\n“”\"]|\([A-Z]{{2,6}}\)){{0,160}}?)(?=[,.;:)\n]|[ \t]+(?:said|says|noted|stressed|told|added)\b)",
    re.IGNORECASE,
)

# After a name, these make it a place or an institution, not a person.
_NOT_A_PERSON_AFTER = re.compile(
    r"(?:[ \t]+(?:National|Communist|Young|Youth|Political|International|Military|People’s|People's))?"
    r"[ \t]+(?:City|Province|Street|Road|Avenue|Square|Mausoleum|Museum|Trail|Airport|Port|District|"
    r"Ward|Commune|Bridge|Park|University|Academy|Institute|Foundation|Prize|Award|Campaign|Bay|River|Thought|"
    r"Youth|Union|Order|Medal|School|Hospital|Centre|Center)\b"
)
REPORTING_VERB = re.compile(
    r"[ \t]+(?:said|says|noted|stressed|added|told|affirmed|emphasised|emphasized|highlighted|expressed|"
    r"suggested|proposed|called|urged|recalled|underlined|underscored|asked|thanked|welcomed|congratulated|"
    r"described|reiterated|agreed|pointed|briefed|received|met|hailed|praised|reaffirmed|explained|wrote|"
    r"announced|signed|presented|recalled|remembers|warned|replied|answered|gave|laid|led|chaired|opened)\b"
)
# After a short form that is also a common word, what shows it is someone acting or owning:
# a reporting verb, a past-tense verb or auxiliary (`Sơn stopped`, `Long will`), a possessive (`Sơn’s visit`).
# A relative clause on a person (`Sơn, who met …`) says as much.
_ACTS = re.compile(
    REPORTING_VERB.pattern + r"|[ \t]+(?:[a-z]+ed|will|would|has|had|was|also|then|later)\b|[’']s\b|,[ \t]+who\b"
)
# `his late father, ` / `the late ` just before a name: that person has died.
_DECEASED_BEFORE = re.compile(r"(?<![\w’'-])late[ \t]+(?:[a-z’'-]+[ \t]+){0,2}?(?:[a-z’'-]+,[ \t]+)?$")
# `former president Kenji Saitō`, `The company’s ex-chairman, Rashid Al Suwaidi`: a role held once, in lower case.
_FORMER_BEFORE = re.compile(r"(?<![\w’'-])(?:former[ \t]+|then[ \t]+|ex-)(?:[a-z’'-]+[ \t]+){0,2}?"
                            r"(?:[a-z’'-]+,[ \t]+)?$")
_PRONOUNS = {"he", "she", "it", "we", "they", "i", "you", "his", "her", "him"}
# Short forms that alone say too little: English words ("Long", "Do"), and syllables shared by
# so many names that only a title or a reporting verb makes them a reference. (Pronouns such
# as "He" need a title whatever follows: see _PRONOUNS.)
_AMBIGUOUS_SHORT_FORMS = {
    "long", "to", "do", "an", "ha", "la", "may", "bo", "son", "lay", "tan", "hung", "ban", "ho", "hue", "van",
    "nam", "tin", "thin", "chin", "man", "mine", "sun", "gun", "bang", "sang", "ding", "dong", "ping", "fang",
    "tam", "phu", "kim", "lam", "le", "li", "ma", "mai", "lu", "yu", "hu", "wen", "chi", "minh", "tu",
}
# A verb that acts on someone, just before a short form: `thanked Lu for`, `congratulated Song on`.
_ACTED_ON = re.compile(r"(?<![\w’'-])(?:thanked|congratulated|praised|met|told|urged|asked|welcomed|received|"
                       r"invited|presented|accompanied|greeted|briefed|hosted|joined)[ \t]+$")
_QUOTE_CLOSED = re.compile(r"[,.?!]?(?P<mark>[”\"])[ \t]*$")
# A name (with its title) that speaks: `Coach Li Rui said`.
_SPEAKS = re.compile(r"(?:[^\W\d_][\w’'-]*[ \t]+){0,4}?[^\W\d_][\w’'-]*"
                     r"(?:,[^,.;:“”\"\n]{1,60},)?"  # (`Qie Wanqing, who taught the melon classes, said`)
                     + REPORTING_VERB.pattern)
# A word of a name; an apostrophe inside one is the name's (`D'Cruz`, `O’Neill`), a possessive's is not (`Chính’s`).
_WORD = re.compile(r"[^\W\d_]+(?:[’'](?![sS](?![^\W\d_]))[^\W\d_]+)*")
_FORMER = {"late", "former", "then", "ex"}
_SENTENCE_BREAK = re.compile(r"[.!?;:]\s|\n|,\s|—|–")


@dataclass(frozen=True)
class PersonForms:
    """The short forms by which a person may be referred to once named in full."""

    entity: str
    short: frozenset[str]  # folded


# In a Malay or Bruneian name what follows the given name is the father's, or a title: `bin`/`binti`, an `Abdul`
# name, `Pehin` (`Erywan Pehin Yusof` is `Erywan`).
_PATRONYM_WORDS = frozenset({"bin", "binti", "bte", "binte", "abdul", "abd", "pehin"})


# A Chinese given name of two syllables joined, the second in lower case (`Chi-kin`).
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def short_forms(entity: Entity) -> PersonForms:
    """Vietnamese: last syllable; Chinese (surname first): surname and given name; Malay: the given name
    (`Johari Abdul Ghani`: `Johari`; `Muhammad Haziq Rahman`: `Haziq`).

    A two-word name of neither (`Phoxay Vongsouthi`, `Ana Ribeiro`) may be shortened either way: Lao and
    Thai copy keeps the given name (`Phoxay said`), most other copy the family name (`Ribeiro said`).
    """
    # (`Chan Kwok-wai`: a given name romanised syllable by syllable is one word, the name two.)
    words = [fold(w.replace("-", "")) for w in entity.name.split() if _WORD.search(w)]
    forms: set[str] = set()
    if len(words) >= 3 and words[0] in MALAY_FIRST_NAMES:
        forms.add(words[1])  # `Muhammad Haziq Rahman` is `Haziq`: the name before his own is the Prophet's
        if not _PATRONYM_WORDS.intersection(words[1:]):
            forms.add(words[-1])  # … and South Asian copy shortens `Mohammad Imran Qureshi` to his family name
    elif len(words) >= 2 and _PATRONYM_WORDS.intersection(words[1:]):
        forms.add(words[0])  # a Malay name, given name first: `Johari Abdul Ghani` is `Johari`
    elif len(words) >= 2:
        if entity.country == "cn":
            forms.update({words[0], "".join(words[1:])})
        else:
            forms.add(words[-1])
            joined = joined_surname(entity.name.split()[-1])
            if joined:
                forms.update(map(fold, joined))  # `Aldeguer-Roque`: the press writes either half
            elif LOWER_ARABIC_NAME.fullmatch(entity.name.split()[-1]):
                forms.add(fold(entity.name.split()[-1].split("-", 1)[1]))  # `al-Harthi`, opening a sentence `Al-Harthi`
            if len(words) == 2 and entity.country not in ("vn", "cn") and guess_country(entity.name) is None:
                forms.add(words[0])
            elif len(words) == 2 and "-" in entity.name.split()[-1]:
                forms.add(words[0])  # a given name of hyphened syllables follows the family name: `Kim Dong-hyun`
            elif len(words) == 3 and _HYPHENED_GIVEN.fullmatch(entity.name.split()[-1]):
                forms.add(words[1])  # Hong Kong's English name first: `Raymond Yiu Chi-kin` is `Yiu`
            elif (len(words) >= 3 and entity.country not in ("vn", "cn") and guess_country(entity.name) is None
                  and words[-2] not in PARTICLES and len(words[-2]) > 2):  # (not Hmông's `A`: `Thào A Dua`)
                forms.add(words[-2])  # a Spanish name goes by the first of its two family names: `Gutiérrez`
    return PersonForms(entity.id, frozenset(forms))


def title_before(text: str, start: int) -> tuple[str | None, int]:
    """The title written just before `start`: (full title, start of the part to link).

    The linked part is the title only when it touches the name with no
    complement (`Consul General Bùi Nguyễn Long`); otherwise just the name.
    """
    window_start = max(0, start - 240)
    window = text[window_start:start]
    cut = 0
    for m in _SENTENCE_BREAK.finditer(window):
        cut = m.end()
    window = window[cut:]
    offset = window_start + cut
    full = _TITLE_BEFORE.search(window)
    if not full or (full.group(1).rstrip().split()[-1].islower()
                    and full.group(1).rstrip().split()[-1] not in _INSTITUTION_NOUNS):
        # `Director of the Centre for Southeast Asian Studies`: the name is the complement's, not a person's.
        return None, start
    adjacent = _ADJACENT_TITLE.search(window)
    link_start = offset + adjacent.start(1) if adjacent else start
    return full.group(1).strip(), link_start


def title_after(text: str, end: int) -> str | None:
    """The title in apposition just after a name ending at `end`, without its leading `the`."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    title = m.group(1).strip()
    return title[4:] if title.lower().startswith("the ") else title


_UNCASED = re.compile(CHINESE_CHARACTER)


def resolve_people(text: str, full: list[RulerMatch], people: dict[str, Entity], taken: SpanSet) -> list[Mention]:
    """People mentions in `text`: ruler matches of full names plus resolved short references.

    `taken` holds spans already claimed by other entity types; it is extended.
    """
    mentions: list[Mention] = []
    for match in full:
        if match.label != "person" or taken.overlaps(match.start, match.end):
            continue
        if not (text[match.start].isupper() or _UNCASED.match(text[match.start])) or _NOT_A_PERSON_AFTER.match(
                text, match.end):  # (a name in Chinese characters has no capital)
            continue
        mention = _mention(text, match.start, match.end, match.entity, taken)
        mentions.append(mention)
        taken.add(mention.start, mention.end)

    named = {m.entity for m in mentions}
    forms: dict[str, list[str]] = {}
    for entity_id in sorted(named):
        for form in short_forms(people[entity_id]).short:
            forms.setdefault(form, []).append(entity_id)
    family = _family_forms(people, named, forms)
    # The words that can stand for someone named: what `and` joins a short form to (`Kha and Muñoz`).
    someone = set(forms) | set(family) | {fold(people[e].name.split()[0]) for e in named}

    # Every mention so far, full or short, by position: a bare short form goes to whoever of its
    # candidates the text last spoke of (`Rear Admiral Chính said …. Chính added` after a Prime Minister
    # Chính named between them for a past meeting).
    positions = sorted((m.start, m.entity) for m in mentions)
    titles: dict[str, set[str]] = {}
    for m in mentions:
        titles.setdefault(m.entity, set()).update(fold(m.title or "").split())
        if _DECEASED_BEFORE.search(text, max(0, m.start - 60), m.start):
            titles[m.entity].add("late")  # `his late father, Liu Hanqing`
        elif _FORMER_BEFORE.search(text, max(0, m.start - 60), m.start):
            titles[m.entity].add("former")
    for word in _WORD.finditer(text):
        if not word.group(0)[0].isupper():
            continue
        form = fold(word.group(0))
        if taken.overlaps(word.start(), word.end()):
            continue
        if form in forms:
            entity_id = _resolve_short(text, word, forms[form], positions, titles, someone)
        elif form in family and _family_reference(text, word, someone):
            entity_id = family[form]
        elif len(form) >= 5 and REPORTING_VERB.match(text, word.end()):
            entity_id = _misspelt_short_form(text, word, form, forms)
        else:
            continue
        if entity_id is None:
            continue
        mention = _mention(text, with_particle(text, word.start(), word.end(), people[entity_id].name), word.end(),
                           entity_id, taken)
        mentions.append(mention)
        taken.add(mention.start, mention.end)
        insort(positions, (word.start(), entity_id))
    return sorted(mentions, key=lambda m: m.start)


def _misspelt_short_form(text: str, word: re.Match, form: str, forms: dict[str, list[str]]) -> str | None:
    """`Gongxu said` after `Gongxi Yanqing`: a speaker one letter off the one short form of one person named, when
    nothing else fits, is that person misspelt (after a title too: `Mr Trewatha said` after `Gavin Trewartha`)."""
    titled = bool(_HEAD_AT_END.search(text[max(0, word.start() - 40):word.start()].rstrip()))
    if _part_of_longer_name(text, word.start(), word.end(), titled):
        return None
    near = [f for f in forms if one_letter_off(form, f) and max(len(f), len(form)) >= 6]  # (`Banag` for `Banaag`)
    return forms[near[0]][0] if len(near) == 1 and len(forms[near[0]]) == 1 else None


def _family_forms(people: dict[str, Entity], named: set[str], forms: dict[str, list[str]]) -> dict[str, str]:
    """{folded family name: person} for the Vietnamese people named in full whose family name no one
    else named has (as family name or short form): foreign outlets shorten `Hoàng Văn Dũng` to
    `Hoang`, where Vietnamese copy says `Dũng`."""
    families: dict[str, list[str]] = {}
    for entity_id in sorted(named):
        person = people[entity_id]
        words = [fold(w) for w in person.name.split() if _WORD.search(w)]
        if person.country == "vn" and len(words) >= 3:
            families.setdefault(words[0], []).append(entity_id)
    return {form: ids[0] for form, ids in families.items()
            if len(ids) == 1 and form not in forms and form not in _PRONOUNS}


def _family_reference(text: str, word: re.Match, someone: set[str]) -> bool:
    """`Hoang said`, `Mr Hoang`, `Kha’s own novel`, `Kha is the first`, `Kha and Muñoz will read`: a family
    name alone refers to someone where it acts, speaks, owns or stands beside another person, or after a
    title, and never as part of a longer name."""
    start, end = word.span()
    has_title = bool(_HEAD_AT_END.search(text[max(0, start - 40):start].rstrip()))
    if _part_of_longer_name(text, start, end, has_title):
        return False
    return (has_title or bool(_ACTS.match(text, end) or _IS.match(text, end)) or _answer_label(text, start, end)
            or _beside_someone(text, start, end, someone))


_IS = re.compile(r"[ \t]+is\b")
_AND_BEFORE = re.compile(r"([^\W\d_][\w’'-]*)[ \t]+and[ \t]+$")
_AND_AFTER = re.compile(r"[ \t]+and[ \t]+([^\W\d_][\w’'-]*)")


def _beside_someone(text: str, start: int, end: int, someone: set[str]) -> bool:
    """`Kha and Muñoz`, `Mai and Liao`: joined by `and` to a word that stands for someone named."""
    after = _AND_AFTER.match(text, end)
    before = _AND_BEFORE.search(text, max(0, start - 60), start)
    return any(m is not None and m.group(1)[0].isupper() and fold(m.group(1)) in someone for m in (after, before))


def _answer_label(text: str, start: int, end: int) -> bool:
    """`Tan:` opening a line of an interview or briefing: the one who answers."""
    return text[end:end + 1] == ":" and (start == 0 or text[start - 1] == "\n")


def _resolve_short(text: str, word: re.Match, candidates: list[str], positions: list[tuple[int, str]],
                   titles: dict[str, set[str]], someone: set[str]) -> str | None:
    start, end = word.span()
    form = fold(word.group(0))
    head = _HEAD_AT_END.search(text[max(0, start - 40):start].rstrip())
    has_title = bool(head)
    if form in _PRONOUNS and not has_title and not _capitalised_mid_sentence(text, start, end):
        return None
    if (form in _AMBIGUOUS_SHORT_FORMS and not has_title and not _ACTS.match(text, end)
            and word.group(0).isascii() and not _ACTED_ON.search(text, max(0, start - 20), start)
            and not _answer_label(text, start, end) and not _beside_someone(text, start, end, someone - {form})):
        # (written with its marks, `Huệ` is neither `hue` nor `Huế`; after `thanked`, `Lu` is someone thanked)
        return None
    if _part_of_longer_name(text, start, end, has_title):
        return None
    if head and len(candidates) > 1:
        # `Minister Wang` with Wang Yi (Foreign Minister) and Wang Ning (Party Secretary) named: the title decides.
        words = set(fold(head.group(0)).split())
        titled = [c for c in candidates if words <= titles.get(c, set())]
        if len(titled) == 1:
            return titled[0]
    # A short form refers back: the filters below pass one over only for someone the text has already named
    # (`Huang’s granddaughter, Huang Lili,` after `the late Huang Shuzhen` is the teacher's).
    named_before = {entity for pos, entity in positions if pos < start}
    if len(candidates) > 1:
        # The dead say nothing new: `Liu said` after `Liu Mingde, a former consul, … his late father,
        # Liu Hanqing` is the son, former though he is.
        living = [c for c in candidates if "late" not in titles.get(c, set())]
        if living and len(living) < len(candidates) and named_before.intersection(living):
            candidates = living
    if len(candidates) > 1:
        # `Wei said` after `Wei Xiaodong, whose grandfather, the late General Wei Guoqing`: one marked as
        # late, former, then or ex- is not the one the article goes on about, while another fits.
        current = [c for c in candidates if not titles.get(c, set()) & _FORMER]
        if current and len(current) < len(candidates) and named_before.intersection(current):
            candidates = current
    quoted = _QUOTE_CLOSED.search(text, max(0, start - 3), start)
    if quoted is not None and len(candidates) > 1:
        # `“Li Xinyi will remember it,” Li said`: who closes a quotation is its speaker, not someone it names
        opening = text.rfind("“" if quoted["mark"] == "”" else '"', 0, quoted.start())
        if opening >= 0:
            speakers = [entity for pos, entity in positions
                        if pos < opening and entity in candidates and _SPEAKS.match(text, pos)]
            if speakers:
                return speakers[-1]
            positions = [(pos, entity) for pos, entity in positions if not opening <= pos < start]
    before = [entity for pos, entity in positions if pos < start and entity in candidates]
    if before and len(set(before)) > 1 and text[end:end + 1] == ":" and (start == 0 or text[start - 1] == "\n"):
        # `Nhung:` opening an answer in a briefing: the speaker the briefing introduced first of that name,
        # not someone a question just named.
        return before[0]
    if before:
        return before[-1]
    return candidates[0] if len(candidates) == 1 else None


def _capitalised_mid_sentence(text: str, start: int, end: int) -> bool:
    """`…, He stressed,`: a capital no sentence start explains, before a reporting verb, is a surname."""
    before = text[max(0, start - 8):start].rstrip(" \t")
    return bool(before) and before[-1] in ",;" and bool(REPORTING_VERB.match(text, end))


def _part_of_longer_name(text: str, start: int, end: int, has_title: bool) -> bool:
    """`Wang` in `Wang Yi`, `Long` in `Ha Long`, `Xi` in `Xi’an`: another name, not a short reference."""
    if re.match(r"[’'-][^\W\d_]", text[end:end + 2]) and not re.match(r"[’']s(?!\w)", text[end:end + 3]):
        return True
    after = re.match(r"[ \t]+([^\W\d_][\w]*)", text[end:end + 40])
    if after and after.group(1)[0].isupper():
        return True
    if has_title:
        return False
    before = re.search(r"([^\W\d_][\w]*)[ \t]+$", text[max(0, start - 40):start])
    # (`But Lot warned …`: a word that opens a sentence before the name is no part of it, nor is a particle the
    # sentence capitalises, `De Graaf said`, or an Irish one, `Mr Ó Gallchóir`: `with_particle` takes it in)
    return bool(before and before.group(1)[0].isupper() and before.group(1) not in IRISH_PARTICLES and not (
        (before.group(1).lower() in _SENTENCE_OPENERS or before.group(1).lower() in PARTICLES)
        and _OPENS_SENTENCE.search(text[max(0, start - 40):start])))


# (and a preposition opening one: `For Nhạy, the biggest change …`; not `to`, which is Tô written without marks)
_SENTENCE_OPENERS = frozenset("but and yet so then still now also however meanwhile later for with like unlike after "
                              "before from by at under about without among against despite".split())
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?”\n][ \t]*)[A-Z][a-z]+[ \t]+$")


def _mention(text: str, start: int, end: int, entity_id: str, taken: SpanSet) -> Mention:
    title, link_start = title_before(text, start)
    if taken.overlaps(link_start, start):  # the title's words are another entity's link: the name alone
        link_start = start
    # With no title before the name, an apposition after it (`Wang Wen, Director of …,`) is the title.
    return Mention("person", link_start, end, text[link_start:end], entity=entity_id,
                   title=title or title_after(text, end))
