"""Date grammar, lone numbers: when a four-digit number is a year ("in 2022", "the 1982 United Nations
Convention", "SCO Summit 2025") and when it is a count, an amount or a document's number ("2000 tourists",
"USD 2000", "Decree No. 12/2023"). `builder.dates.rules` asks it before it reads a lone number as a year."""

from __future__ import annotations

import re

from builder.dates.tense import _sentence_start

# Words after which a bare four-digit number reads as a year.
YEAR_CUES = {
    "in", "since", "until", "till", "by", "of", "from", "to", "before", "after", "during",
    "between", "and", "or", "year", "early", "mid", "late", "through", "throughout", "circa", "for",
}
# Cues that also introduce quantities ("a total of 2000", "up to 2000").
WEAK_YEAR_CUES = {"of", "to", "and", "or", "from", "between", "by", "for"}
QUANTITY_HEADS = {"total", "number", "sum", "population", "capacity", "average", "maximum",
                  "minimum", "up", "least", "than"}
# Capitalised words that take a number, not a year, after them.
NUMBERED_NAMES = {"No", "No.", "Number", "Article", "Clause", "Decree", "Item", "Page", "Room",
                  "Route", "Flight", "Highway", "Chapter", "Section", "Point", "Km", "Lot"}
CURRENCIES = {"usd", "us$", "vnd", "vnđ", "eur", "cny", "rmb", "yuan", "yen", "dollars", "dong",
              "euros", "$", "€", "£", "¥", "%", "percent", "per"}
UNITS = {
    "km", "kilometres", "kilometers", "m", "metres", "meters", "kg", "tonnes", "tons", "ha",
    "hectares", "people", "persons", "tourists", "visitors", "students", "workers", "projects",
    "units", "cases", "households", "enterprises", "companies", "firms", "members", "delegates",
    "participants", "jobs", "items", "products", "vehicles", "containers", "times", "hours",
    "minutes", "days", "years", "months", "weeks", "billion", "million", "thousand", "trillion",
}
# Words ending in "s" that are not plural nouns.
S_WORDS = {"was", "is", "has", "as", "its", "his", "this", "thus", "always", "besides",
           "towards", "across", "unless", "plus", "whereas", "versus", "does", "us"}


def _word_before(text: str, pos: int, skip: int = 0) -> str:
    """The whitespace-delimited token before `pos` (skip=1: the one before that)."""
    tokens = text[max(0, pos - 80):pos].split()
    return tokens[-1 - skip] if len(tokens) > skip else ""


def _word_after(text: str, pos: int) -> str:
    tokens = text[pos:pos + 40].split()
    if not tokens or not text[pos:pos + 1].isspace():
        return text[pos:pos + 1]  # punctuation glued to the match, or nothing
    return tokens[0]


def _looks_like_quantity(word: str, weak_cue: bool) -> bool:
    """Whether the word after a number makes it a count ("2000 tourists"), not a year."""
    w = word.strip(".,;:!?)’”'\"").lower()
    if w in CURRENCIES or w in UNITS:
        return True
    plural = len(w) > 3 and w.endswith("s") and w.isalpha() and w not in S_WORDS
    return weak_cue and plural and word[:1].islower()


# Words after "the <number>" that show the number is a noun itself ("of the 2000 they hired"), not a year before one.
_NOT_A_NOUN = frozenset("""they we he she it you i who which that of in on at to for from with by and or but were was
are is had have has will would could""".split())
# A clause a year may open ("… that 2025 marked …"; `and` and `since` are cues of their own), and the verbs that
# then make it the clause's subject.
_CLAUSE_OPENERS = frozenset({"that", "but", "because", "while", "when", "as", "although"})
_SUBJECT_VERBS = ("was", "is", "saw", "marked", "marks", "will", "has", "had")
_REPORTED_BY = frozenset({"said", "says", "noted", "added", "expects", "expected", "believes", "believed"})


_DETERMINERS = frozenset({"the", "a", "its", "their", "his", "her", "our"})
_AGAINST = frozenset({"on", "over", "against", "with"})
_MEASURES = frozenset({"percent", "cent", "compared", "comparison", "points"})


_AS_A_DEADLINE = re.compile(r"[ \t]+as[ \t]+(?:the|a|an|its|their)[ \t]+(?:[\w-]+[ \t]+)?"
                            r"(?:deadline|target|goal|date|year|cut-off)(?![\w’'-])")


_WHEN_AFTER = re.compile(r",[ \t]+when(?![\w’'-])")


def _year_in_context(text: str, start: int, end: int) -> bool:
    """Whether a four-digit number stands where a year is expected."""
    before = text[max(0, start - 80):start].split()  # as _word_before(text, start) and (.., 1)
    # an opening quotation mark or bracket does not hide the cue: "“In 2006 we ..."
    prev, prev2 = ((before[-1] if before else "").lstrip("“‘\"'(["), (before[-2] if len(before) > 1 else ""))
    nxt = _word_after(text, end)
    cue = prev.lower()
    if cue in CURRENCIES or re.fullmatch(r"[\d.,]+", prev) or prev in NUMBERED_NAMES:
        return False
    if _looks_like_quantity(nxt, weak_cue=cue in WEAK_YEAR_CUES or cue in _DETERMINERS):
        return False
    if cue == "to" and prev2[:1].isupper() and prev2.isalpha() and prev2.lower() not in YEAR_CUES:
        return False  # the end of a plan's name: "the … Development Strategy to 2030"
    if _AS_A_DEADLINE.match(text, end) and 1900 <= int(text[start:end]) <= 2100:
        return True  # `has set 2028 as the deadline for …`
    if prev2.lower() in ("a", "an") and cue.isalpha() and _WHEN_AFTER.match(text, end) and 1900 <= int(text[start:end]) <= 2100:
        return True  # `after a difficult 2023, when the EU rejected …`: a year described, and a `when` clause on it
    if cue in YEAR_CUES:
        if cue in WEAK_YEAR_CUES and prev2.lower() in QUANTITY_HEADS:
            # `the total of 2000`; but `double its capacity by 2030, which …` is a deadline: nothing measured follows
            return cue == "by" and (not nxt or nxt[:1] in ",.;:") and 1990 <= int(text[start:end]) <= 2100
        return True
    if cue == "as" and prev2.lower() in ("early", "late", "soon", "recently"):
        return True  # "as early as 2026", "as recently as 2018"
    if cue in _AGAINST and (prev2.lower() in _MEASURES or prev2.endswith("%")):
        return True  # a change measured against a year: "up 28 percent on 2024", "compared with 2019"
    if text[start - 1:start] == "(" and text[end:end + 1] in ("),"):
        return True
    if cue in _DETERMINERS:
        # "the 1982 United Nations Convention", "the 2024 intake", "a 2024 memorandum", "its 2030 target" (a count was
        # turned away above: "the 1500 workers")
        noun = nxt.rstrip(".,;:!?")
        return nxt[:1].isupper() or (1900 <= int(text[start:end]) <= 2100 and noun.isalpha()
                                     and noun.lower() not in _NOT_A_NOUN)
    if prev[:1].isupper() and prev.isalpha() and _sentence_start(text, start) < start - len(prev) - 1:
        return True  # a name with a year: "SCO Summit 2025"
    if _sentence_start(text, start) >= start - 1 or cue in _CLAUSE_OPENERS:  # "2024 was ...", "… that 2025 marked …"
        return nxt in _SUBJECT_VERBS or (nxt == "," and cue not in _CLAUSE_OPENERS)
    if cue in _REPORTED_BY and 1950 <= int(text[start:end]) <= 2100:
        return nxt in _SUBJECT_VERBS  # `… said 2025 had been the wettest year`: a reported clause the year opens
    return False
