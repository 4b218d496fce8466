"""Text helpers shared by every stage: diacritic folding and slugs.

`fold` maps each character to exactly one character, so an offset in the
folded text is the same offset in the original: matching runs on folded
text and reports spans of the original, with its diacritics intact.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose under NFD and must be folded by hand.
_SPECIAL = {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "s", "æ": "a", "Æ": "A", "ı": "i",
            "ə": "a", "Ə": "A", "ħ": "h", "Ħ": "H"}  # (Azerbaijani `Məmmədov`, Maltese `Ħamrun`)
UNDECOMPOSED_LETTERS = frozenset(_SPECIAL)  # what a matcher that decomposes letters (Pagefind) cannot fold itself
# Punctuation that has one plain twin; matching treats them alike.
_PUNCT = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
}


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch].lower()
    if ch in _PUNCT:
        return _PUNCT[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0] if decomposed else ch
    folded = base.lower()
    # lower() may lengthen a character (e.g. "İ"); keep the 1:1 mapping.
    return folded if len(folded) == 1 else base


class _FoldTable(dict):
    """`str.translate` table filled on first sight of each character (C-speed folding after that)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase, strip diacritics, plain quotes and dashes; same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_NON_SLUG = re.compile(r"[^a-z0-9]+")
# In a slug a letter may become two, as people spell it without the letter: Kjærsgaard -> kjaersgaard.
_SLUG_SPECIAL = {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}


_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼʻ](?=\w)")  # (and the Uzbek ʻ of `Oʻgʻiloy`)


def slugify(text: str, max_length: int = 80) -> str:
    """`Tô Lâm` -> `to-lam`; `Đổi mới` -> `doi-moi`; `O'Donnell` -> `odonnell` (an apostrophe inside a word joins
    it, as in `People’s` -> `peoples`). Never empty, never cut mid-word."""
    text = _INNER_APOSTROPHE.sub("", unicodedata.normalize("NFKC", text))
    text = "".join(_SLUG_SPECIAL.get(ch) or _SPECIAL.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    slug = _NON_SLUG.sub("-", text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug or "untitled"


_FORM_TOKEN = re.compile(r"\w+|[^\w\s\-'\"]")


def form_tokens(form: str) -> list[str]:
    """Folded tokens of a surface form; spaces, hyphens and quotes only separate them.

    `“3+3” Mechanism` -> ['3', '+', '3', 'mechanism']; `Việt Nam` and `Vietnam`
    share the key `vietnam` (see `form_key`).
    """
    return _FORM_TOKEN.findall(fold(form))


def form_key(form: str) -> str:
    """Two surface forms with the same key are the same form to the matcher."""
    return "".join(form_tokens(form))
