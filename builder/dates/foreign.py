"""Dates in the languages of the outlets a story is reprinted from: the month and weekday names of Spanish,
Portuguese, French, Italian and German as their pages print them, for the date grammar (`builder.dates.grammar`)."""

from __future__ import annotations

# A date in the language of the outlet a story is reprinted from, as its page prints it (`Sábado, 14 de febrero de
# 2026`, `14 de fevereiro de 2026`, `samedi 14 février 2026`, `14. Februar 2026`): Spanish, Portuguese, French,
# Italian and German month names (those English writes too, `August`, are the English rules'), and the weekdays
# that may stand before the day.
FOREIGN_MONTHS = {name: i for i, names in enumerate([
    "enero janeiro janvier gennaio januar", "febrero fevereiro février febbraio februar",
    "marzo março mars märz", "abril avril aprile", "mayo maio mai maggio", "junio junho juin giugno juni",
    "julio julho juillet luglio juli", "agosto août", "septiembre setiembre setembro septembre settembre",
    "octubre outubro octobre ottobre oktober", "noviembre novembro novembre", "diciembre dezembro décembre dicembre dezember",
], start=1) for name in names.split()}
FOREIGN_WEEKDAY = ("lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira"
                   "|quinta-feira|sexta-feira|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì"
                   "|mercoledì|giovedì|venerdì|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
                   "|sonntag")
FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
# Those languages' months cut short where English would not cut them so, as a page's stamp prints them between
# dots (`18.ago.2026`, as Folha does).
FOREIGN_MONTH_CUTS = {name: i for i, names in enumerate([
    "ene gen janv", "fev févr", "mär", "abr avr", "mai mag", "giu", "lug juil", "ago aoû", "set sett", "out ott okt",
    "", "dez dic déc",
], start=1) for name in names.split()}
