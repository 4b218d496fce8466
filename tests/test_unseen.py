"""The unseen articles (tests/unseen and tests/fresh…fresh51) and the four held-out ones, built as a publisher builds them
(discovery included) over the registry and over an EMPTY registry, must keep the figures measured in
tests/unseen/RESULTS.md. The floors sit a little below the measured values: a change that drops
below one has made annotation worse on copy nobody tuned for (see tests/unseen_scoring.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from unseen_scoring import CORPORA, score_corpus

# (corpus, empty registry) -> {type: F1 floor}; "published_wrong": most publication dates wrong
FLOORS = {
    ("unseen", False): {"people": 0.96, "mechanisms": 0.92, "organisations": 0.95, "places": 0.88, "dates": 0.96,
                        "published_wrong": 0},
    ("unseen", True): {"people": 0.94, "mechanisms": 0.92, "organisations": 0.92, "places": 0.86, "dates": 0.96,
                       "published_wrong": 0},
    ("heldout", False): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.94, "places": 0.97},
    ("heldout", True): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.93, "places": 0.86},
    # Its first look is in tests/fresh/RESULTS.md; the classes it showed were fixed since (tuned-on now).
    ("fresh", False): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.96, "places": 0.96, "dates": 0.98,
                       "published_wrong": 0},
    ("fresh", True): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.94, "places": 0.94, "dates": 0.98,
                      "published_wrong": 0},
    # First look (the honest figure) in tests/fresh3/RESULTS.md; these floors are after its classes were fixed.
    ("fresh3", False): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.94, "places": 0.92, "dates": 0.96,
                        "published_wrong": 0},
    ("fresh3", True): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.90, "places": 0.87, "dates": 0.96,
                       "published_wrong": 0},
    # First look in tests/fresh4/RESULTS.md (people .840); these floors are after its people and date classes.
    ("fresh4", False): {"people": 0.96, "mechanisms": 0.90, "organisations": 0.86, "places": 0.87, "dates": 0.94,
                        "published_wrong": 0},
    ("fresh4", True): {"people": 0.96, "mechanisms": 0.88, "organisations": 0.82, "places": 0.80, "dates": 0.94,
                       "published_wrong": 0},
    # First look in tests/fresh5/RESULTS.md (people .905, mechanisms .800); floors after its dates, mechanism,
    # people and some organisation classes were fixed (tuned-on now).
    ("fresh5", False): {"people": 0.96, "mechanisms": 0.96, "organisations": 0.89, "places": 0.90, "dates": 0.88,
                        "published_wrong": 0},
    ("fresh5", True): {"people": 0.96, "mechanisms": 0.95, "organisations": 0.86, "places": 0.84, "dates": 0.88,
                       "published_wrong": 0},
    # First look in tests/fresh6/RESULTS.md (nine publication dates wrong); floors after its publication-date class.
    ("fresh6", False): {"people": 0.95, "mechanisms": 0.93, "organisations": 0.85, "places": 0.89, "dates": 0.93,
                        "published_wrong": 0},
    ("fresh6", True): {"people": 0.95, "mechanisms": 0.92, "organisations": 0.82, "places": 0.87, "dates": 0.93,
                       "published_wrong": 0},
    # First look in tests/fresh7/RESULTS.md (people .946, mechanisms .719, six publication dates wrong); floors
    # after its people, mechanism and publication-date classes were fixed (tuned-on now).
    ("fresh7", False): {"people": 0.97, "mechanisms": 0.95, "organisations": 0.82, "places": 0.84, "dates": 0.97,
                        "published_wrong": 0},
    ("fresh7", True): {"people": 0.97, "mechanisms": 0.94, "organisations": 0.82, "places": 0.75, "dates": 0.97,
                       "published_wrong": 0},
    # First look in tests/fresh8/RESULTS.md (people .934, mechanisms .864, dates .918, four publication dates
    # wrong); floors after its publication-date, tense, people and series classes were fixed (tuned-on now).
    ("fresh8", False): {"people": 0.97, "mechanisms": 0.89, "organisations": 0.87, "places": 0.90, "dates": 0.97,
                        "published_wrong": 0},
    ("fresh8", True): {"people": 0.97, "mechanisms": 0.88, "organisations": 0.86, "places": 0.85, "dates": 0.97,
                       "published_wrong": 0},
    # First look in tests/fresh9/RESULTS.md (people .935, mechanisms .895, dates .925, six publication dates
    # wrong); floors after its date-line, people and mechanism classes were fixed (tuned-on now).
    ("fresh9", False): {"people": 0.96, "mechanisms": 0.92, "organisations": 0.85, "places": 0.83, "dates": 0.95,
                        "published_wrong": 0},
    ("fresh9", True): {"people": 0.96, "mechanisms": 0.92, "organisations": 0.86, "places": 0.76, "dates": 0.95,
                       "published_wrong": 0},
    # First look in tests/fresh10/RESULTS.md (people .867, mechanisms .875, dates .852, eight publication dates
    # wrong); floors after its stamp, anniversary, name-shape and framework classes were fixed (tuned-on now).
    ("fresh10", False): {"people": 0.94, "mechanisms": 0.92, "organisations": 0.74, "places": 0.82, "dates": 0.93,
                         "published_wrong": 0},
    ("fresh10", True): {"people": 0.94, "mechanisms": 0.92, "organisations": 0.72, "places": 0.69, "dates": 0.93,
                        "published_wrong": 0},
    # First look in tests/fresh11/RESULTS.md (the build stopped on a proposal with the alias WHO; then people .944,
    # mechanisms .919, dates .890, four publication dates wrong); floors after its classes were fixed.
    ("fresh11", False): {"people": 0.95, "mechanisms": 0.94, "organisations": 0.85, "places": 0.77, "dates": 0.92,
                         "published_wrong": 1},
    ("fresh11", True): {"people": 0.95, "mechanisms": 0.94, "organisations": 0.81, "places": 0.74, "dates": 0.92,
                        "published_wrong": 1},
    # First look in tests/fresh12/RESULTS.md (people .916, mechanisms .892, dates .962, three publication dates
    # wrong); floors after its classes were fixed.
    ("fresh12", False): {"people": 0.95, "mechanisms": 0.94, "organisations": 0.88, "places": 0.86, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh12", True): {"people": 0.95, "mechanisms": 0.94, "organisations": 0.83, "places": 0.80, "dates": 0.95,
                        "published_wrong": 0},
    # First look in tests/fresh13/RESULTS.md (people .969, mechanisms .951, dates .954, one undated feature left
    # without a date); floors after its classes were fixed (that feature is now dated to a month, the gold to
    # the year alone: still counted wrong).
    ("fresh13", False): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.91, "places": 0.85, "dates": 0.97,
                         "published_wrong": 1},
    ("fresh13", True): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.91, "places": 0.81, "dates": 0.97,
                        "published_wrong": 1},
    # First look in tests/fresh14/RESULTS.md (people .956, mechanisms .967, dates .956, one undated feature left
    # without a date); floors after its classes were fixed.
    ("fresh14", False): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.85, "places": 0.85, "dates": 0.98,
                         "published_wrong": 0},
    ("fresh14", True): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.83, "places": 0.80, "dates": 0.98,
                        "published_wrong": 0},
    # First look in tests/fresh15/RESULTS.md (people .914, mechanisms .947, dates .949, two publication dates
    # wrong); floors after its classes were fixed.
    ("fresh15", False): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.80, "places": 0.74, "dates": 0.96,
                         "published_wrong": 0},
    ("fresh15", True): {"people": 0.98, "mechanisms": 0.95, "organisations": 0.78, "places": 0.67, "dates": 0.96,
                        "published_wrong": 0},
    # First look in tests/fresh16/RESULTS.md (people .945, mechanisms .945, dates .940, two publication dates
    # wrong); floors after its classes were fixed.
    ("fresh16", False): {"people": 0.97, "mechanisms": 0.96, "organisations": 0.84, "places": 0.87, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh16", True): {"people": 0.97, "mechanisms": 0.95, "organisations": 0.83, "places": 0.75, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh17/RESULTS.md (people .931, mechanisms .920, dates .965, two publication dates
    # wrong); floors after its classes were fixed.
    ("fresh17", False): {"people": 0.99, "mechanisms": 0.97, "organisations": 0.90, "places": 0.81, "dates": 0.98,
                         "published_wrong": 0},
    ("fresh17", True): {"people": 0.99, "mechanisms": 0.95, "organisations": 0.86, "places": 0.74, "dates": 0.98,
                        "published_wrong": 0},
    # First look in tests/fresh18/RESULTS.md (people .922, mechanisms .904, dates .956, two publication dates
    # wrong); floors after its classes were fixed.
    ("fresh18", False): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.87, "places": 0.81, "dates": 0.98,
                         "published_wrong": 0},
    ("fresh18", True): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.84, "places": 0.75, "dates": 0.98,
                        "published_wrong": 0},
    # First look in tests/fresh19/RESULTS.md (people .936, mechanisms .925, dates .966, three publication dates
    # wrong); floors after its classes were fixed.
    ("fresh19", False): {"people": 0.97, "mechanisms": 0.98, "organisations": 0.88, "places": 0.80, "dates": 0.99,
                         "published_wrong": 0},
    ("fresh19", True): {"people": 0.97, "mechanisms": 0.98, "organisations": 0.86, "places": 0.69, "dates": 0.99,
                        "published_wrong": 0},
    # First look in tests/fresh20/RESULTS.md (people .964, mechanisms .939, dates .934, three publication dates
    # wrong); floors after its classes were fixed (one undated feature still undated).
    ("fresh20", False): {"people": 0.98, "mechanisms": 0.95, "organisations": 0.89, "places": 0.77, "dates": 0.98,
                         "published_wrong": 1},
    ("fresh20", True): {"people": 0.98, "mechanisms": 0.93, "organisations": 0.84, "places": 0.71, "dates": 0.98,
                        "published_wrong": 1},
    # First look in tests/fresh21/RESULTS.md (people .960, mechanisms .857, dates .964, two publication dates
    # wrong); floors after its classes were fixed.
    ("fresh21", False): {"people": 0.97, "mechanisms": 0.93, "organisations": 0.83, "places": 0.83, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh21", True): {"people": 0.97, "mechanisms": 0.93, "organisations": 0.82, "places": 0.75, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh22/RESULTS.md (people .962, mechanisms .759, dates .848, five publication dates
    # wrong); floors after its classes were fixed.
    ("fresh22", False): {"people": 0.96, "mechanisms": 0.83, "organisations": 0.92, "places": 0.87, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh22", True): {"people": 0.96, "mechanisms": 0.83, "organisations": 0.92, "places": 0.81, "dates": 0.95,
                        "published_wrong": 0},
    # First looks in tests/fresh23/RESULTS.md (people .957, mechanisms .889, dates .946, two publication dates
    # wrong) and tests/fresh24/RESULTS.md (.975, .906, .946, one wrong); floors after their classes were fixed.
    ("fresh23", False): {"people": 0.99, "mechanisms": 0.96, "organisations": 0.89, "places": 0.86, "dates": 0.98,
                         "published_wrong": 0},
    ("fresh23", True): {"people": 0.99, "mechanisms": 0.96, "organisations": 0.89, "places": 0.81, "dates": 0.98,
                        "published_wrong": 0},
    ("fresh24", False): {"people": 0.99, "mechanisms": 0.98, "organisations": 0.77, "places": 0.76, "dates": 0.94,
                         "published_wrong": 0},
    ("fresh24", True): {"people": 0.99, "mechanisms": 0.98, "organisations": 0.77, "places": 0.67, "dates": 0.94,
                        "published_wrong": 0},
    # First look in tests/fresh25/RESULTS.md (people .988, mechanisms .913, dates .978, none wrong: every target met);
    # floors after its classes were fixed.
    ("fresh25", False): {"people": 0.99, "mechanisms": 0.93, "organisations": 0.72, "places": 0.83, "dates": 0.99,
                         "published_wrong": 0},
    ("fresh25", True): {"people": 0.99, "mechanisms": 0.93, "organisations": 0.75, "places": 0.74, "dates": 0.99,
                        "published_wrong": 0},
    # First look in tests/fresh26/RESULTS.md (people .971, mechanisms .914, dates .884, two publication dates wrong);
    # floors after its classes were fixed.
    ("fresh26", False): {"people": 0.97, "mechanisms": 0.94, "organisations": 0.81, "places": 0.79, "dates": 0.93,
                         "published_wrong": 0},
    ("fresh26", True): {"people": 0.97, "mechanisms": 0.94, "organisations": 0.78, "places": 0.66, "dates": 0.93,
                        "published_wrong": 0},
    # First look in tests/fresh27/RESULTS.md (people .970, mechanisms .963, dates .933, two publication dates wrong);
    # floors after its classes were fixed.
    ("fresh27", False): {"people": 1.0, "mechanisms": 1.0, "organisations": 0.78, "places": 0.87, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh27", True): {"people": 1.0, "mechanisms": 1.0, "organisations": 0.77, "places": 0.82, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh28/RESULTS.md (people .941, mechanisms .817, dates .911, two publication dates wrong);
    # floors after its classes were fixed.
    ("fresh28", False): {"people": 0.99, "mechanisms": 0.90, "organisations": 0.82, "places": 0.74, "dates": 0.96,
                         "published_wrong": 0},
    ("fresh28", True): {"people": 0.99, "mechanisms": 0.90, "organisations": 0.79, "places": 0.55, "dates": 0.96,
                        "published_wrong": 0},
    # First look in tests/fresh29/RESULTS.md (people .916, mechanisms .778, dates .979, one publication date wrong);
    # floors after its classes were fixed.
    ("fresh29", False): {"people": 0.98, "mechanisms": 0.90, "organisations": 0.76, "places": 0.79, "dates": 0.99,
                         "published_wrong": 0},
    ("fresh29", True): {"people": 0.98, "mechanisms": 0.90, "organisations": 0.73, "places": 0.66, "dates": 0.99,
                        "published_wrong": 0},
    # First look in tests/fresh30/RESULTS.md (people .972, mechanisms .818, dates .905, two publication dates wrong);
    # floors after its classes were fixed.
    ("fresh30", False): {"people": 0.99, "mechanisms": 0.86, "organisations": 0.69, "places": 0.74, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh30", True): {"people": 0.99, "mechanisms": 0.86, "organisations": 0.72, "places": 0.71, "dates": 0.95,
                        "published_wrong": 0},
    # First look in tests/fresh31/RESULTS.md (people 1.000, mechanisms .893, dates .876, one publication date wrong);
    # floors after its classes were fixed.
    ("fresh31", False): {"people": 1.0, "mechanisms": 0.91, "organisations": 0.62, "places": 0.88, "dates": 0.91,
                         "published_wrong": 0},
    ("fresh31", True): {"people": 1.0, "mechanisms": 0.91, "organisations": 0.56, "places": 0.79, "dates": 0.91,
                        "published_wrong": 0},
    # First look in tests/fresh32/RESULTS.md (people .932, mechanisms .867, dates .939, three publication dates wrong);
    # floors after its classes were fixed.
    ("fresh32", False): {"people": 1.0, "mechanisms": 0.92, "organisations": 0.86, "places": 0.70, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh32", True): {"people": 1.0, "mechanisms": 0.92, "organisations": 0.76, "places": 0.61, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh33/RESULTS.md (people .982, mechanisms .929, dates .952, none wrong: every target met);
    # floors after its classes were fixed.
    ("fresh33", False): {"people": 0.99, "mechanisms": 0.92, "organisations": 0.71, "places": 0.76, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh33", True): {"people": 0.99, "mechanisms": 0.92, "organisations": 0.72, "places": 0.63, "dates": 0.95,
                        "published_wrong": 0},
    # First look in tests/fresh34/RESULTS.md (people .995, mechanisms .700, dates .925, one publication date wrong);
    # floors after its classes were fixed.
    ("fresh34", False): {"people": 0.99, "mechanisms": 0.75, "organisations": 0.84, "places": 0.91, "dates": 0.93,
                         "published_wrong": 0},
    ("fresh34", True): {"people": 0.99, "mechanisms": 0.75, "organisations": 0.84, "places": 0.85, "dates": 0.93,
                        "published_wrong": 0},
    # First look in tests/fresh35/RESULTS.md (people .972, mechanisms .930, dates .857, two publication dates wrong);
    # its gold links decades without their article, nine times.
    ("fresh35", False): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.77, "places": 0.85, "dates": 0.91,
                         "published_wrong": 0},
    ("fresh35", True): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.72, "places": 0.76, "dates": 0.91,
                        "published_wrong": 0},
    # First look in tests/fresh36/RESULTS.md (people .969, mechanisms .980, dates .877, three publication dates wrong).
    ("fresh36", False): {"people": 1.0, "mechanisms": 0.98, "organisations": 0.8, "places": 0.73, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh36", True): {"people": 1.0, "mechanisms": 0.98, "organisations": 0.79, "places": 0.66, "dates": 0.98,
                        "published_wrong": 0},
    # First look in tests/fresh37/RESULTS.md (people .968, mechanisms .974, dates .942, three publication dates wrong);
    # its gold links target years with their `by`, and ids an Ê Đê name's prefix apart (`h-lom-mlo`).
    ("fresh37", False): {"people": 0.96, "mechanisms": 0.97, "organisations": 0.78, "places": 0.83, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh37", True): {"people": 0.96, "mechanisms": 0.97, "organisations": 0.78, "places": 0.78, "dates": 0.95,
                        "published_wrong": 0},
    # First look in tests/fresh38/RESULTS.md (people .930, mechanisms .941, dates .883, five publication dates wrong);
    # the two left wrong: TASS's piece names no year, and Deutsche Welle's `02/05/2026` is read day first.
    ("fresh38", False): {"people": 0.99, "mechanisms": 0.96, "organisations": 0.73, "places": 0.75, "dates": 0.92,
                         "published_wrong": 2},
    ("fresh38", True): {"people": 0.99, "mechanisms": 0.96, "organisations": 0.7, "places": 0.71, "dates": 0.92,
                        "published_wrong": 2},
    # First look in tests/fresh39/RESULTS.md: the build stopped (two proposals claiming one form); the floors are the
    # figures with that fixed and nothing else.
    ("fresh39", False): {"people": 0.97, "mechanisms": 0.97, "organisations": 0.81, "places": 0.68, "dates": 0.99,
                         "published_wrong": 0},
    ("fresh39", True): {"people": 0.97, "mechanisms": 0.97, "organisations": 0.77, "places": 0.62, "dates": 0.99,
                        "published_wrong": 0},
    # First look in tests/fresh40/RESULTS.md (people .943, mechanisms .959, dates .962, none wrong); floors after
    # its people, mechanism and date classes were fixed (tuned-on now).
    ("fresh40", False): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.84, "places": 0.87, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh40", True): {"people": 0.98, "mechanisms": 0.97, "organisations": 0.82, "places": 0.85, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh41/RESULTS.md (people .909, mechanisms .957, dates .935, two wrong); floors after its
    # publication-date and people classes were fixed (tuned-on now).
    ("fresh41", False): {"people": 0.95, "mechanisms": 0.95, "organisations": 0.72, "places": 0.77, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh41", True): {"people": 0.95, "mechanisms": 0.94, "organisations": 0.73, "places": 0.72, "dates": 0.97,
                        "published_wrong": 0},
    # First look in tests/fresh42/RESULTS.md (people .944, mechanisms .952, dates .886, two wrong); floors after its
    # publication-date, date, people and mechanism classes were fixed (tuned-on now).
    ("fresh42", False): {"people": 0.97, "mechanisms": 0.96, "organisations": 0.76, "places": 0.75, "dates": 0.94,
                         "published_wrong": 0},
    ("fresh42", True): {"people": 0.97, "mechanisms": 0.96, "organisations": 0.74, "places": 0.67, "dates": 0.94,
                        "published_wrong": 0},
    # First look in tests/fresh43/RESULTS.md (people .927, mechanisms .944, dates .890, four wrong); floors after its
    # publication-date and people classes were fixed (tuned-on now).
    ("fresh43", False): {"people": 0.96, "mechanisms": 0.94, "organisations": 0.73, "places": 0.75, "dates": 0.94,
                         "published_wrong": 0},
    ("fresh43", True): {"people": 0.96, "mechanisms": 0.94, "organisations": 0.73, "places": 0.67, "dates": 0.94,
                        "published_wrong": 0},
    # First look in tests/fresh44/RESULTS.md (people .909, mechanisms .933, dates .900, one wrong); floors after its
    # publication-date, date and people classes were fixed (tuned-on now).
    ("fresh44", False): {"people": 0.93, "mechanisms": 0.93, "organisations": 0.74, "places": 0.79, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh44", True): {"people": 0.93, "mechanisms": 0.95, "organisations": 0.73, "places": 0.74, "dates": 0.95,
                        "published_wrong": 0},
    # First look in tests/fresh45/RESULTS.md (people .912, mechanisms .884, dates .822, six wrong); floors after its
    # publication-date, date, people and mechanism classes were fixed (tuned-on now).
    ("fresh45", False): {"people": 0.98, "mechanisms": 0.90, "organisations": 0.90, "places": 0.86, "dates": 0.91,
                         "published_wrong": 1},
    ("fresh45", True): {"people": 0.98, "mechanisms": 0.89, "organisations": 0.85, "places": 0.78, "dates": 0.91,
                        "published_wrong": 1},
    # First looks in tests/fresh46/RESULTS.md (people .876, mechanisms .902, dates .908, five wrong) and
    # tests/fresh47/RESULTS.md (.970, .860, .863, seven wrong); floors after their publication-date, people and
    # mechanism classes were fixed (tuned-on now). fresh46's organisations: `BRICS` inside the BRICS Astronomy Working
    # Group, found since, is no organisation of its own any more.
    ("fresh46", False): {"people": 0.96, "mechanisms": 0.90, "organisations": 0.89, "places": 0.71, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh46", True): {"people": 0.96, "mechanisms": 0.90, "organisations": 0.89, "places": 0.70, "dates": 0.97,
                        "published_wrong": 0},
    ("fresh47", False): {"people": 0.97, "mechanisms": 0.91, "organisations": 0.78, "places": 0.79, "dates": 0.94,
                         "published_wrong": 1},
    ("fresh47", True): {"people": 0.97, "mechanisms": 0.91, "organisations": 0.77, "places": 0.72, "dates": 0.94,
                        "published_wrong": 1},
    # First looks in tests/fresh48/RESULTS.md (people .908, mechanisms .862, dates .897, three wrong) and
    # tests/fresh49/RESULTS.md (.936, .886, .893, five wrong); floors after their publication-date, people and
    # mechanism classes were fixed (tuned-on now).
    ("fresh48", False): {"people": 0.95, "mechanisms": 0.91, "organisations": 0.81, "places": 0.70, "dates": 0.97,
                         "published_wrong": 0},
    ("fresh48", True): {"people": 0.95, "mechanisms": 0.91, "organisations": 0.79, "places": 0.64, "dates": 0.97,
                        "published_wrong": 0},
    ("fresh49", False): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.70, "places": 0.82, "dates": 0.95,
                         "published_wrong": 1},
    ("fresh49", True): {"people": 0.98, "mechanisms": 0.94, "organisations": 0.70, "places": 0.79, "dates": 0.95,
                        "published_wrong": 1},
    # First looks in tests/fresh50/RESULTS.md (people .967, mechanisms .867, dates .908, five wrong) and
    # tests/fresh51/RESULTS.md (.947, .966, .925, three wrong); floors after their stamp, publication-date, people,
    # fiscal-year and mechanism classes were fixed (tuned-on now).
    ("fresh50", False): {"people": 0.98, "mechanisms": 0.90, "organisations": 0.75, "places": 0.80, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh50", True): {"people": 0.98, "mechanisms": 0.89, "organisations": 0.76, "places": 0.68, "dates": 0.95,
                        "published_wrong": 0},
    ("fresh51", False): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.75, "places": 0.81, "dates": 0.95,
                         "published_wrong": 0},
    ("fresh51", True): {"people": 0.98, "mechanisms": 0.96, "organisations": 0.74, "places": 0.75, "dates": 0.95,
                        "published_wrong": 0},
}
ARTICLES = {"unseen": 24, "heldout": 4, "fresh": 12, "fresh3": 20, "fresh4": 20, "fresh5": 16, "fresh6": 20, "fresh7": 20, "fresh8": 20, "fresh9": 20, "fresh10": 20, "fresh11": 20, "fresh12": 20, "fresh13": 20, "fresh14": 20, "fresh15": 20, "fresh16": 20, "fresh17": 20, "fresh18": 20, "fresh19": 20, "fresh20": 20, "fresh21": 20, "fresh22": 20, "fresh23": 20, "fresh24": 20, "fresh25": 20, "fresh26": 20, "fresh27": 20, "fresh28": 20, "fresh29": 20, "fresh30": 20, "fresh31": 20, "fresh32": 20, "fresh33": 20, "fresh34": 20, "fresh35": 20, "fresh36": 20, "fresh37": 20, "fresh38": 20, "fresh39": 20, "fresh40": 20, "fresh41": 20, "fresh42": 20, "fresh43": 20, "fresh44": 20, "fresh45": 20, "fresh46": 20, "fresh47": 20, "fresh48": 20, "fresh49": 20, "fresh50": 20, "fresh51": 20}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    """Each corpus built once per mode (four small builds, a few seconds in all)."""
    out = {}
    for (name, empty) in FLOORS:
        out[(name, empty)] = score_corpus(CORPORA[name], tmp_path_factory.mktemp(f"{name}-{int(empty)}"), empty)
    return out


@pytest.mark.parametrize("key", list(FLOORS), ids=lambda k: f"{k[0]}-{'empty' if k[1] else 'registry'}")
def test_unseen_articles_keep_their_figures(scores, key):
    result, floors = scores[key], FLOORS[key]
    assert result.articles == ARTICLES[key[0]]
    for section, floor in floors.items():
        if section == "published_wrong":
            assert result.published.wrong <= floor, result.errors()
        else:
            assert result.f1(section) >= floor, f"{section}: F1 {result.f1(section):.3f} < {floor}\n{result.errors()}"


@pytest.mark.parametrize("corpus", ["unseen", "fresh", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12",
                                    "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22",
                                    "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29",
                                    "fresh30", "fresh31", "fresh32", "fresh33", "fresh34",
                                    "fresh35", "fresh36", "fresh37", "fresh38", "fresh39", "fresh40", "fresh41",
                                    "fresh42", "fresh43", "fresh44", "fresh45", "fresh46", "fresh47",
                                    "fresh48", "fresh49", "fresh50", "fresh51"])
def test_unseen_gold_is_consistent_with_its_articles(corpus):
    """The corpus's own checker (it imports nothing of ours) passes on every file."""
    import subprocess
    import sys

    checker = Path(__file__).resolve().parent / "unseen" / "check_gold.py"
    done = subprocess.run([sys.executable, str(checker), f"--root={CORPORA[corpus]}"], capture_output=True,
                          text=True, cwd=checker.parent)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
