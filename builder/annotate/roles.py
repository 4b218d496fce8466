"""Annotate stage, unknown entities: the words that say what someone does, which make a name beside them a
person's (`a bus driver`, `deputy spokesperson`, `his late father,`) or, after `of`, whom they work for
(`general manager of …`). `discover` asks these patterns; they hold no state.
"""

from __future__ import annotations

import re

# After a personal name, a comma and what describes a person: an age, "who", "whose", "now 96",
# "a retired diplomat", "an economist at", "CRBC’s representative", "no relation".
ROLE_NOUNS = (r"(?:diplomat|economist|researcher|expert|engineer|historian|veteran|scholar|professor|lecturer|"
              r"analyst|representative|spokes(?:person|man|woman)|official|minister|director|chief|head|member|"
              r"deputy|chairman|chairwoman|teacher|journalist|ambassador|advis[eo]r|officer|executive|president|"
              r"secretary|governor|mayor|envoy|general|consul|commander|founder|student|farmer|businessman|"
              r"businesswoman|entrepreneur|worker|doctor|driver|manager|operator|owner|trader|vendor|pilot|nurse|"
              r"guide|resident|villager|fisherman|craftsman|artisan|chef|coach|athlete|player|artist|singer|"
              r"volunteer|employee|clerk|shopkeeper|retiree|graduate|counsell?or|attach[eé]|delegate|inspector|"
              r"rider|runner|racer|swimmer|rower|climber|boxer|wrestler|skater|diver|jockey|fighter|champion|"
              r"architect|designer|painter|writer|poet|author|translator|interpreter|photographer|reporter|editor|"
              r"curator|conservator|actor|actress|presenter|sailor|seafarer|surveyor|registrar|rector|commissioner|"
              r"accountant|lawyer|judge|monk|priest|father|mother|son|daughter|wife|husband|brother|sister|uncle|"
              r"aunt|grandfather|grandmother|grandson|granddaughter|nephew|niece|widow|"
              r"[a-z]+ologist|[a-z]+ist|[a-z]+ian)s?")
# Whose role it is: a word, or a name of up to five capitalised words (`New Zealand Trade and Enterprise’s`).
_OWNER = r"(?:[A-Z][\w-]*[ \t]+(?:(?:and|of|for|&)[ \t]+)?){0,4}[\w-]+"
# The role's words: after an article or a possessive up to three of any case ("a Spanish hydrologist at"),
# else up to two in lower case ("education counsellor at the embassy").
# (a conjunction opens a clause, not a role: `…, but lawyers say`)
ROLE = (rf"(?:(?:a|an|the|{_OWNER}[’']s)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?"
        rf"|(?:(?!(?:but|and|or|yet|so|while|when|as|though|although)[ \t])[a-z][\w’'-]*[ \t]+){{1,2}}?)?"
        rf"{ROLE_NOUNS}\b")
# `…, said managers from …`: a reporting verb after the comma attributes what came before; it describes no one.
_NOT_ATTRIBUTION = r"(?!(?:said|says|told|added|noted|stressed)(?![\w’'-]))"
# `…, then a young desk officer`, `…, now a retired teacher`: a role held then or now.
_WHEN = r"(?:(?:then|now|once|later|formerly)[ \t]+)?"
ROLE_AFTER = re.compile(rf",[ \t]+{_NOT_ATTRIBUTION}(?:\d{{1,3}},[ \t]+)?{_WHEN}{ROLE}")
# `Souphanh Keomany, who led …`, `Y Bhiam Nie, 52,`, `…, a 19-year-old from …`: a relative clause on a person or
# an age, which vouches for any name (a role only for one a family name opens).
_WHO_OR_AGE = r"\d{1,3},|whom?[ \t]|an?[ \t]+\d{1,3}-year-old(?=[ \t]+(?:from|of|in|who|with)[ \t]|[,.;])"
WHO_OR_AGE = re.compile(rf",[ \t]+(?:{_WHO_OR_AGE})")
DESCRIBED = re.compile(rf",[ \t]+{_NOT_ATTRIBUTION}(?:{_WHO_OR_AGE}|whose[ \t]|now[ \t]+\d|no relation|"
                       rf"(?:\d{{1,3}},[ \t]+)?{_WHEN}{ROLE})")
# A role in lower case just before a name, as briefings and features write it (`deputy spokesperson X`, `the
# retired surveyor X`, `vice foreign minister X`, `director general X of …`): the role noun touches the name.
# An office (`OFFICE_NOUNS`) vouches for any name; another role only for one a family name opens.
OFFICE_NOUNS = frozenset("""
minister ambassador spokesperson spokesman spokeswoman director president chairman chairwoman chairperson consul
governor mayor premier commander envoy secretary admiral colonel registrar rector commissioner
""".split())
LOWER_ROLE = re.compile(
    r"(?<![\w’'-])((?:(?:deputy|vice|chief|senior|retired|former|late|then|acting|assistant|foreign|prime|"
    rf"permanent|executive|defen[cs]e|trade)[ \t]+|ex-)*(?:{ROLE_NOUNS}|surveyor|photographer|reporter|writer|"
    r"author|poet|translator|interpreter|premier|admiral|colonel|captain|actress|actor|presenter|host|"
    r"substitute|midfielder|defender|striker|goalkeeper|architect|conservator|curator|screenwriter|sailor|"
    r"seafarer|council+or|(?P<trade>importer|exporter|buyer|grower|breeder|dealer|broker|supplier|wholesaler))(?:[ \t-]+general)?)[ \t]+$")
# (`secretary-general`; a trade's word names a person touching the name, `Dalian buyer Majia Wenli`, not in
# apposition, where a firm may follow: `The buyer, Yulin Xiangyuan Spice, grinds …`)
# A role in lower case and `of`/`at` before a name without a head word: the name is whom it works for.
EMPLOYER_BEFORE = re.compile(
    r"(?<![\w’'-])(?:director|manager|president|chairman|chairwoman|executive|officer|founder|employee|engineer|"
    r"economist|analyst|representative|office|branch|subsidiary)[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?$")
EMPLOYER_AFTER = re.compile(r"[ \t]*(?:[,.;:(]|$)|[ \t]+(?:and|said|says|told)(?![\w’'-])")  # not `… office of`
THE_LATE = re.compile(r"(?<![\w’'-])(?:the|his|her|their|our)[ \t]+late[ \t]+$", re.IGNORECASE)
