"""The sentence around a date and the tense of the verb it belongs to: whether a date is told as
done, as to come, or neither. `builder.dates.rules` asks it to pick the year of a year-less date
and the day of a weekday; `builder.dates.publication` asks it which dates bound the publication."""

from __future__ import annotations

import bisect
import functools
import re

# A full stop before a number is an abbreviation's ("Blast Furnace No. 1", "Vol. 2"), not a sentence's end;
# so is a clock's before a lower-case word ("at 5:40 a.m. on Saturday").
_SENTENCE_MARK = re.compile(r"(?<![ap]\.m)\. (?!\d)|(?<=[ap]\.m)\. (?![\da-z])|\? |! |\n|: ")


@functools.lru_cache(maxsize=4)
def _sentence_marks(text: str) -> tuple[list[int], list[int]]:
    """Where each sentence mark of the text starts and ends, in order (marks never overlap)."""
    marks = [m.span() for m in _SENTENCE_MARK.finditer(text)]
    return [start for start, _ in marks], [end for _, end in marks]


def _sentence_start(text: str, pos: int) -> int:
    """Just after the first character of the last mark (". ", "? ", "! ", newline, ": ") ending
    by `pos`; 0 if none. Marks are found once per text (the same text is asked ~30 times)."""
    starts, ends = _sentence_marks(text)
    k = bisect.bisect_right(ends, pos)
    return starts[k - 1] + 1 if k else 0


# A decision, request or promise whose infinitive follows ("voted on March 12 to keep the date of ...",
# "asked the council to delay ..."): what the infinitive names is still to come when it was told.
_INTENTION = (r"(?:agreed|decided|voted|resolved|pledged|vowed|promised|asked|urged|requested|called\s+on)"
              r"\b[^.;:?!]{0,80}?\bto\s+(?!the\b|a\b|an\b|be\s+held\b)[a-z]{3,}\b")
# A forecast is of what is to come: "the station forecasts more storms for Saturday, April 4".
_FORECAST = r"(?:forecasts?|forecasted|predicts?|predicted)"
# What has been fixed for a day ("a hearing … has been set for Friday, May 22"), and a departure told in the present
# ("they leave for Kathmandu on Saturday", "the convoy departs from Lạng Sơn on …"): to come, in a sentence or a clause.
_FIXED_FOR = r"(?:has|have)\s+been\s+(?:scheduled|set|slated|fixed|planned)\s+for"
_DEPARTURE = r"(?<!to\s)(?<!\bwill\s)(?<!the\s)(?<!on\s)(?:leaves?|depart|departs)(?=\s+(?:for|from)\s)"
_FUTURE = re.compile(
    rf"\b(?:{_FIXED_FOR}|{_DEPARTURE}|"
    r"will|shall|(?:is|are)\s+(?:scheduled|set|due|expected|going|slated)\s+to|"
    r"(?:is|are)\s+to(?=\s+(?:be\s+)?[a-z]{3,})|"  # (`the group is to be handed over on Friday, September 25`)
    r"(?:is|are)\s+(?:scheduled|set|due|slated)\s+for|"
    r"(?:is|are)\s+due(?=\s+(?:in|at|on|back|home)\b)|"  # a timetable: `a tour group, which is due back on Sunday, March 8`
    r"(?:scheduled|slated|planned)\s+for|to\s+be\s+held|upcoming|plans?\s+to|this\s+coming|"
    + _FORECAST + r"\b[^.;:?!]{0,60}?\bfor|(?P<intention>" + _INTENTION
    + r"))\b", re.I)


def _future_worded(text: str, pos: int) -> bool:
    """Whether the sentence leading up to `pos` announces something to come (an intention's infinitive
    only in its own clause: no comma and no past verb between it and `pos`, as in "agreed to open …, at
    a meeting which closed on" or "asked him to convey …, recalling their talks of"). Not the day someone said it:
    "… will open on Friday, December 18, the managers said on Tuesday"."""
    if _SAID_WORDS.search(text, max(0, pos - 40), pos) and _SAID_ON.search(text, max(0, pos - 40), pos):
        return False
    for m in _FUTURE.finditer(text, _sentence_start(text, pos), pos):
        if not m["intention"]:
            return True
        if "," not in text[m.end():pos] and not any(t["past"] for t in _TENSE.finditer(text, m.end(), pos)):
            return True
    return False


# A past verb of saying just before a date: the day it was said (`said on Tuesday`, `told reporters on Monday`).
_SAID_WORDS = re.compile(r"said|told|announced|added|confirmed|stated|wrote")  # (a quick look first)
_SAID_ON = re.compile(r"(?<![\w’'-])(?:said|told(?:[ \t]+[a-z]+)?|announced|added|confirmed|stated|wrote)[ \t]+"
                      r"(?:on[ \t]+)?$")


# The tense of the verb a date belongs to. Future: "will", "would", "shall", "is to", "plans to",
# "agreed to hold" (an intention's infinitive); past: "said", "was", a regular past ("approved",
# "signed") or a common irregular one ("met", "began"). A participle used as an adjective is told apart only
# after an article or `and` ("the related meetings") and before `by` ("buses made by"); otherwise
# ("United") the nearest marker decides.
_FUTURE_MARK = (r"will|would|shall|'ll|(?:is|are|was|were)\s+(?:(?:scheduled|set|due|expected|going|slated)\s+to|to)"
                r"|(?:is|are)\s+(?:scheduled|set|due|slated)\s+for"
                rf"|{_FIXED_FOR}"
                # what is due (`the committee, due in June`, `two more vessels due in April`), not what was
                r"|(?<!was\s)(?<!were\s)(?<!\bbe\s)(?<!been\s)due(?=\s+(?:in|on|for)\b)"
                # a timetable: "the train … is due in Hanoi at 5:40 a.m. on Saturday"
                r"|(?:is|are)\s+due(?=\s+(?:in|at|on|back|home)\b|\s*$)"
                # a timetable in the present: "the course … ends on Friday", "the fair coincides with the full moon"
                r"|(?:ends|closes|opens|starts|begins|finishes|resumes|arrives|departs|returns|falls|coincides"
                r"|continues|kicks\s+off|wraps\s+up|takes\s+place|takes\s+effect|comes\s+into\s+force"
                r"|enters\s+into\s+force|expires|(?<!the\s)holds"
                # … and a season's or an event's run: "the harvest, which runs from October to January"
                r"|(?:runs|lasts)(?=\s+(?:from|until|till|through|to|between)\s)"
                # a fixture or a tour in the present: "the fair moves to Hồ Chí Minh City on Tuesday"
                r"|(?<!the\s)(?<!his\s)(?<!her\s)(?<!its\s)(?:moves|travels|heads|goes|flies|sails|tours|plays|faces"
                r"|meets|hosts|visits|turns|premieres|debuts)(?=\s)"
                # … and by more than one: "the two teams meet again on Wednesday" (not `to meet`, `the meet`)
                r"|(?<!to\s)(?<!the\s)(?<!a\s)(?<!\bwill\s)(?:meet|play|face)(?=\s+(?:again\s+)?(?:on|in|at)\s)"
                # … or a journey home by more than one: "the couples fly home on Tuesday"
                r"|(?<!to\s)(?<!\bwill\s)(?:fly|travel|head|sail|return)(?=\s+(?:home|back)\s+(?:on|in)\s)"
                # … or a sale or a service that starts: "tickets go on sale on Wednesday", "the apps go live in May"
                r"|(?<!to\s)(?<!\bwill\s)go(?=\s+(?:on\s+sale|live)\s)"
                rf"|{_DEPARTURE})"
                # what someone can do on a day is still to come: "doctors say they can travel on Saturday" (not a
                # question's `Can …?` nor `Can Tho`)
                # … and what someone could do, unless they could not (`could not sell in March`: a past of its own)
                r"|(?-i:can(?:not)?|could(?!\s+not\b))(?=\s+(?-i:[a-z]))"
                r"|(?:scheduled|slated|planned)\s+for|(?:is|are)\s+planned|to\s+be\s+[a-z]+ed|be\s+held|upcoming"
                # the present passive of a habit or a timetable ("the crop, which is sown from November"): the next one
                r"|(?:is|are)\s+(?:usually\s+|normally\s+|traditionally\s+)?(?:sown|grown|held|harvested|planted"
                r"|celebrated|staged|organised|organized|played|expected)"
                r"|this\s+coming"
                rf"|{_FORECAST}(?=\s[^.;:?!]{{0,60}}?\bfor\s)"
                r"|(?:plans?|planned|agreed|agrees|decided|pledged|vowed|aims?|intends?|intended|hopes?|hoped"
                r"|expects?|expected|promised|wants?|wanted|invited\s+\w+)\s+to"
                # a plan in the present with its object, and what was expected: "the two sides plan a joint camp …
                # in October", "results were expected in October"
                r"|(?<!the\s)(?<!a\s)(?:plans?|planned)(?=\s+(?:a|an|their|its|two|three|more|new|weekly|daily|monthly"
                r"|annual|regular|further)\s)|(?:was|were)\s+expected"
                # what someone expected, named after it: "expected four more by the end of December"
                r"|(?:expects?|expected)(?=\s+(?:a|an|two|three|four|five|six|more|another|further|\d)\s)"
                r"|on\s+track\s+to"  # (`was on track to go live by March`)
                r"|(?:asked|urged|requested|called\s+on|encouraged|persuaded|wanted|wants?|expected|expects?)"
                r"(?:\s+[\w’'-]+){1,3}?\s+to(?=\s+[a-z])")
# (`held every year since 2022`: a habit told by a participle tells no tense)
_PAST_MARK = (r"said|says|was|were|had|did|met|began|begun|held(?![ \t]+(?:every|annually|each|twice))|took|made|gave"
              r"|told|left|came|went|saw|spoke|sent"
              r"|led|paid|won|wrote|brought|sought|became|grew|rose|fell|ran|kept|built|spent|taught|bought|caught"
              r"|fought|sold|felt|found|got|heard|knew|lost|meant|stood|struck|drew|drove|flew|rode|sang|sat|slept"
              r"|stole|swept|wore|ate|fled|dealt|dug|withdrew|oversaw|chose|broke"
              # a regular past, but not an adjective after an article, `and` or a preposition ("the related
              # meetings", "the list of registered plantations")
              # nor a word that only ends like one ("feed", "hundred")
              r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\band )(?<!\bof )(?<!\bfor )(?<!\bwith )(?<!\bfrom )(?<!\bto )"
              r"(?<!\bon )(?<!\bin )(?<!\bat )(?<!\binto )(?<!\babout )(?<!\bover )"  # (`rules on imported units`)
              r"(?<!\bmore )(?<!\bfewer )(?<!\bits )(?<!\btheir )"  # (`more scheduled flights`)
              r"(?!(?:fe|ne|se|spe|bre|inde|cre|we|de|gre|ble|hee|hundr"
              r"|kindr|sacr|nak|wick|rugg|ag|r|b|sh|w|l|f)ed(?![\w’'-]))\w{2,}ed")
# (a past form before `by` is a participle, "buses made by Yutong": a `was` before it is the verb)
_TENSE = re.compile(rf"(?i)(?<![\w’'-])(?:(?P<future>{_FUTURE_MARK})|(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
                    # (a present passive, `are expected`, and an adjective, `newly arrived teachers`, tell no past)
                    rf"(?<!\bis )(?<!\bare )(?<!\bnewly )"
                    rf"(?P<past>{_PAST_MARK})(?![\w’'-])(?![ \t]+by(?![\w’'-])))(?![\w’'-])")
# What may stand between a date and the verb of the subject the date belongs to ("a joint drill on Tuesday
# showed"): the date's own words only.
_DATE_WORDS = re.compile(r"(?i)(?:[ \t]*(?:\d[\d–-]*|[a-z]+day|january|february|march|april|may|june|july|august"
                         r"|september|october|november|december|to|and|–|-))+[ \t]+$")


# What is done "ahead of" something is before it: a date named there is not bound to the verb's tense
# ("met officials ahead of the annual meeting in May" names a meeting still to come in January).
_ANTICIPATION = re.compile(r"(?i)\b(?:ahead\s+of|in\s+the\s+(?:run|lead)-up\s+to|in\s+preparation\s+for|"
                           r"in\s+time\s+for|prepar(?:e|es|ed|ing)(?:\s+[\w’'-]+){0,3}?\s+for)\b")


def _anticipated(text: str, pos: int) -> bool:
    """Whether the date at `pos` names what its sentence's action comes before ("as members prepared for
    a ceremony on Saturday, November 22"): not a day reported as done."""
    return _ANTICIPATION.search(text, _sentence_start(text, pos), pos) is not None


# One bare verb between a future marker and a past form: `would take dried`, `will ship frozen`.
_ONE_VERB = re.compile(r"[ \t]+[a-z]+[ \t]+")
_JOINED_VERB = re.compile(r"[ \t](?:and|or)[ \t]+$")
# A date the reported clause follows: `… in May that the firm would …`.
_THAT_AFTER = re.compile(r"[\w’'.-]+(?:[ \t]+\d{1,2}(?:st|nd|rd|th)?)?,?[ \t]+that(?![\w’'-])")
# A participle with its agent, set off by commas, before a date: `The expansion, approved by the city on Tuesday, will …`
_COMMA_CLOSES = re.compile(r"[^,;:.!?]{1,40},")  # (… `on Tuesday,`: the date's clause closes on a comma)
_PARTICIPLE_WITH_AGENT = re.compile(r",[ \t]+[a-z]{3,}ed[ \t]+by[ \t]+[^,;:.!?]{1,40}?[ \t]+(?:on|in|at)[ \t]+$")
# What a figure is compared with: `up from 15`, `down from 46.5 percent` (then `in` and its month or year).
COMPARED_WITH = r"(?<![\w’'-])(?i:up|down)[ \t]+from[ \t]+[\w.,%$ ]{1,30}?"
# Before a date, what tells it is past whatever the clause's verb: a figure's base (`up from 15 in`), the start of a
# run (`since the … Congress in`), a participle with its agent (`agreed by the two ministries in`; not `to be agreed by`).
_DONE_BEFORE = re.compile(rf"(?i)(?:{COMPARED_WITH}"
                          r"|(?<![\w’'-])since[ \t]+(?:the|its|their|his|her)[ \t][^,;:.!?]{1,60}?"
                          r"|(?<![\w’'-])(?<!\bbe )(?<!\bbeing )[a-z]{3,}ed[ \t]+by[ \t]+[^,;:.!?]{1,60}?)[ \t]+(?:in|on)[ \t]+$")
_CLAUSE_BREAK = re.compile(r"(?:,[ \t]+(?:and|but|while|whereas)|;)[ \t]+")


_REPORTING_VERBS = r"said|says|told|noted|added|stressed|stated|announced|emphasi[sz]ed|affirmed|confirmed"
_REPORTING = re.compile(rf"(?i){_REPORTING_VERBS}")


# What a reported clause follows: a reporting verb, or `that` (`… underlined that the two sides should …`).
_REPORTED = re.compile(rf"(?i){_REPORTING_VERBS}|(?<![\w’'-])that(?![\w’'-])")
_OBLIGATION = re.compile(r"(?i)(?<![\w’'-])(?:should|must)(?![\w’'-])(?!\s+(?:not\s+)?have(?!\w))")


# `before the SEA Games in December`, `before his exam in June`, `after two accidents in April`: the date is of an event
# the action comes before or after, not the action's own.
_BEFORE_EVENT = re.compile(r"(?i)(?<![\w’'-])(before|after)\s+(?:the|his|her|their|its|our|a|an|two|three|four|five"
                           r"|several|\d+)\s+[^.;:?!,“”\"]{0,60}$")


def _clause_end(text: str, pos: int) -> int:
    """The end of the sentence around `pos`, or of the quotation it is in: a reporting verb after the
    quotation (`… before October,” Lei said`) tells when it was said, not the tense of what was said."""
    end = _sentence_end(text, pos)
    closing = text.find("”", pos, end)
    if closing >= 0 and text.find("“", pos, closing) < 0:
        return closing
    straight = text.find('"', pos, end)  # (ASCII copy: inside a quotation when an odd number opened its paragraph)
    if straight >= 0 and text.count('"', text.rfind("\n", 0, pos) + 1, pos) % 2 == 1:
        return straight
    return end


# An intention told in the past: `in March the department invited me to film …`, the invitation's own time.
_PAST_INTENTION = re.compile(r"(?i)(?:invited|agreed|decided|pledged|vowed|promised|planned|hoped|wanted|asked|urged"
                             r"|intended|requested|encouraged|persuaded)(?![\w’'-])")


def _opened_clause_tense(verb: re.Match) -> int:
    """The tense of the verb of a clause a date opens: an intention's past verb is past (what it was made then)."""
    return 1 if verb["future"] and not _PAST_INTENTION.match(verb.group()) else -1


# An occasion named as the next one right before its date: `at its next meeting in October`.
_NEXT_OCCASION = re.compile(r"(?i)(?<![\w’'-])next[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+(?:in|on)[ \t]+$")
# What was reported as to come, in the past of reported speech: `said … the harvest was due in January`, `said the
# gate expected 60 trucks a day in June`.
_REPORTED_PROSPECT = re.compile(r"(?i)(?:was|were)\s+due(?=\s+(?:in|on|for|by)\b)|(?:expected|anticipated)(?![\w’'-])")


# What an intention, a proposal or an invitation told in the past is for, in its own clause, is to come: the
# infinitive of `agreed on Tuesday to run patrols … from January`, the object of `proposed a course for judges …
# in October` or `invited the commanders to Zhanjiang for the review meeting in January` (not the date right after
# the verb, which is when it was made: `proposed in March`; nor a reported clause, `suggested that …`, whose own
# verb tells).
_INTENDS = re.compile(rf"(?i){_INTENTION}[^,.;:?!]*$"
                      r"|(?:proposed|suggested|invited)[ \t]+(?!(?:on|in|at|during|last|this|earlier|that)\b)"
                      r"[^,.;:?!]*?(?<![\w’'-])(?:to|for|a|an|the|joint|new)[ \t][^,.;:?!]*$")


def _intends(text: str, verb: int, pos: int) -> bool:
    """Whether the past verb at `verb`, the last tense marker before `pos`, is an intention, proposal or invitation
    whose clause runs to `pos`."""
    return _INTENDS.match(text, verb, pos) is not None


def _tense(text: str, pos: int, horizon: bool = False) -> int:
    """+1 if the verb the date at `pos` belongs to is future, -1 if past, 0 if untold: the nearest
    tense marker before it in its sentence, or, when the date opens the sentence ("On Friday, the
    minister will ..."), the first one after it; after a reporting verb ("said"), the reported
    clause's own verb when it follows the date (unless the date follows the reporting verb at once:
    "said on Monday that ... would"), or, for a month or a quarter (`horizon`; a weekday
    after a reported clause is as often the day it was said), its "should"/"must" before the date.
    A past verb right after the date is the date's own ("a joint drill on Tuesday showed …"), and with
    no marker before the date in its sentence the first one after it decides."""
    start = _sentence_start(text, pos)
    if _PARTICIPLE_WITH_AGENT.search(text, max(start, pos - 80), pos) and _COMMA_CLOSES.match(text, pos, pos + 41):
        return -1  # the date is the participle's, set off by its commas: what was approved on Tuesday was done
    if _NEXT_OCCASION.search(text, max(start, pos - 40), pos):
        return 1  # the next meeting is to come, whatever the verb that calls for it
    if _DONE_BEFORE.search(text, max(start, pos - 80), pos):
        # `up from 15 in December`, `since the Party Congress in January`, `the plan agreed by both ministries in
        # October`: what a figure is compared with, what something runs since, what was done by someone, is past
        return -1
    before = earlier = None
    for match in _TENSE.finditer(text, start, pos):
        before, earlier = match, before
    if (before is not None and earlier is not None and earlier["future"] and before["past"]
            and before.group().lower().endswith("ed") and _ONE_VERB.fullmatch(text, earlier.end(), before.start())):
        before = earlier  # "would take dried fruit to a fair in October": the past form is an adjective
    if before is not None and before["past"] and _intends(text, before.start(), pos):
        return 1  # `agreed on Tuesday to run patrols from January`, `invited them to Zhanjiang for the review in January`
    event = _BEFORE_EVENT.search(text, before.end(), pos) if before is not None else None
    if event:
        # what a done action came after was done too, and what an action to come is before is to come too; the rest
        # is the nearest
        told = 1 if before["future"] else -1
        return told if (event.group(1).lower() == "after") == (told < 0) else 0
    duty = None if before is not None and before["future"] else _OBLIGATION.search(
        text, before.end() if before else start, pos)
    if duty and (horizon or ("," not in text[duty.end():pos] and not _REPORTED.search(text, start, duty.start()))):
        # `bought last year, … should reach full capacity in June`: a month a duty or forecast names is to come; so
        # is a day a duty stated outright is for (`every pilot must make a test flight on Friday`)
        return 1
    after = _TENSE.search(text, pos, _clause_end(text, pos))
    if (after is not None and after["past"] and _DATE_WORDS.fullmatch(text, pos, after.start())
            and not _JOINED_VERB.search(text, pos, after.start())):
        # "a joint drill on Tuesday showed that …": the verb right after the date is its own (not one `and` joins to
        # the clause before: "… from March and was talking …")
        return -1
    if before is None or not text[start:before.start()].strip():
        # only a preposition or nothing before the date: its clause follows
        lead = text[start:pos].strip(" \n\"“").lower()
        if before is None and lead in ("", "on", "in", "by", "from", "until", "since", "and", "but", "then"):
            clause_end = _clause_end(text, pos)
            after = _TENSE.search(text, pos, clause_end)
            duty = _OBLIGATION.search(text, pos, clause_end)
            if duty and (after is None or duty.start() < after.start()):
                return 1  # `From January, shops must display …`: what the duty starts from is to come
            return 0 if after is None else _opened_clause_tense(after)
    if before is None:
        # no verb before the date in its sentence ("so from January every student will take …"): the first after,
        # an intention's past verb as past (`At its meeting in March, the group agreed to exchange …`: made then)
        return 0 if after is None else _opened_clause_tense(after)
    gap = None
    for gap in _CLAUSE_BREAK.finditer(text, before.end(), pos):  # the last clause break before the date
        pass
    if gap is not None and text[gap.end():pos].strip().lower() in ("", "on", "in", "by", "from", "until", "since"):
        # `opened a service point in September, and in March we will hold …`: a new clause opens with the date
        after = _TENSE.search(text, pos, _sentence_end(text, pos))
        if after is not None:
            return _opened_clause_tense(after)
    if before["past"] and _ANTICIPATION.search(text, before.end(), pos):
        return 0  # the nearest occurrence decides
    if before["past"] and _REPORTED_PROSPECT.match(text, before.start()) and _REPORTED.search(text, start, before.start()):
        return 0  # the future of reported speech, told in its past: what was due or expected is the nearest
    if _REPORTING.fullmatch(before.group()):
        if text[before.end():pos].strip().lower() in ("", "on", "in", "at", "during") or _THAT_AFTER.match(text, pos):
            return -1  # "said on Monday that ...", "told Chinese media in May that …": the date is the saying's
        # "Zhu said the talks on Friday would focus on ...": the reported clause's own verb decides
        after = _TENSE.search(text, pos, _sentence_end(text, pos))
        if after is not None and not _REPORTING.fullmatch(after.group()):
            return 1 if after["future"] else -1
        if horizon and after is None and _OBLIGATION.search(text, before.end(), pos):
            return 1  # "Sun said the group should meet in the second quarter": the reported duty is to come
    return 1 if before["future"] else -1


def _sentence_end(text: str, pos: int) -> int:
    starts, _ = _sentence_marks(text)
    k = bisect.bisect_right(starts, pos)
    return starts[k] if k < len(starts) else len(text)
