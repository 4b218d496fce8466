"""Annotate stage, unknown entities: the words around a name that say it is a place (`farmers in …`,
`the city of …`, `the embassy in …`, `… provinces`, `… railway`, `in … on Friday`) or, in a briefing,
an outlet (`Question (AFP):`). `discover` asks these patterns; they hold no state and no gazetteer.
"""

from __future__ import annotations

import re

NEAR = re.compile(r"(?<![\w’'-])(?:near|off|around)[ \t]+(?:the[ \t]+)?$")
IN_OR_TO = re.compile(r"(?<![\w’'-])(?:in|to)[ \t]+$")
WHEN_AFTER = re.compile(r"[ \t]+(?:(?:on|in|next|last|this)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)|(?:by|before|until)[ \t]+(?:the[ \t]+(?:end|start|beginning|middle|Lunar)|"
                        r"January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"20\d\d))(?![\w’'-])")
# Who lives or works in a place, or comes to one, before `in`/`at`/`into`: `farmers in Luang Namtha`,
# `will stop in Bắc Ninh`, `crossed into Hekou`; and `the city of Chongzuo`.
DWELLERS = ("farmers", "growers", "residents", "people", "workers", "villagers", "fishermen", "traders", "families",
            "students")
SOMEWHERE_BEFORE = re.compile(
    rf"(?<![\w’'-])(?:(?:{'|'.join(DWELLERS)})"
    r"[ \t]+in|(?:stop|stops|stopped|arrive|arrives|arrived|arriving)[ \t]+(?:in|at)|(?:crossed|cross|crosses)"
    r"[ \t]+into|the[ \t]+(?:[A-Z][a-z]+[ \t]+)?(?:city|province|town|county|district|port[ \t]+city|border[ \t]+town)"
    r"[ \t]+of)[ \t]+$")
NUMBER_AFTER = re.compile(r"[ \t]+\d{1,2}(?![\w.,]\d)\b")
# Missions abroad stand in cities: `the embassy in …`, `the consulates general in …`.
AT_A_MISSION = re.compile(r"(?<![\w’'-])(?:embassy|consulates?(?:[ \t]+general)?)[ \t]+in[ \t]+$")
# A noun for several places after (`Lào Cai and Hà Giang provinces`) or before (`provinces such as …`) a list of names.
PLACES_AFTER = re.compile(r"[ \t]+(?:provinces|cities|districts|prefectures|communes|archipelagoes|islands|"
                          r"border gates)(?![\w’'-])")
PLACES_BEFORE = re.compile(r"(?<![\w’'-])(?:provinces|cities|districts|prefectures|communes)[ \t]+"
                           r"(?:such[ \t]+as|of|including|like)[ \t]+$")
LIST_GAP = re.compile(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+")
# Infrastructure is a place, named with its kind in lower case: `the Laos–China railway`, `Vũng Áng port`.
INFRASTRUCTURE = re.compile(r"[ \t]+(?:railway station|railway|expressway|highway|canal|seaport|port|rail corridor)"
                            r"(?![\w’'-])")
CAPITAL = re.compile(r"(?<![\w’'-])capital(?:[ \t]+city)?,?[ \t]+(?=[^\W\d_])|,[ \t]+the[ \t]+capital[ \t]+of\b")
# A briefing's question labelled with the outlet that asks it: `Question (Reuters):`.
QUESTION_LABEL = re.compile(r"^Question[ \t]*\(([^()\n]{2,40})\):", re.MULTILINE)
