"""Annotate stage, unknown entities: which capitalised words of a run are a personal name, by their shape.

`discover` cuts an article's capitalised runs; this module says where a personal name ends such a run and whether
its shape alone makes it one: a Vietnamese family name first, or its middle name Văn or Thị (`Quàng Văn Pọm`), a
pinyin surname and given name after a title (`Huai Jinpeng`), the two-syllable family names Tôn Thất and Tôn Nữ
written without marks. It keeps no state.
"""

from __future__ import annotations

import re

from builder.annotate.heads import (
    _HEAD_OR_TITLE,
    _NOT_NAME_WORDS,
    _PLACE_TAILS,
    _SYLLABLE_WORDS,
    PLACE_HEADS,
    _is_name_word,
    _Word,
)
from builder.annotate.names import (
    ARABIC_PARTICLES,
    CHINESE_FAMILY_NAMES,
    CLAN_NAME,
    COMPOUND_CHINESE_FAMILY_NAMES,
    IRISH_PARTICLES,
    PARTICLES,
    PINYIN_GIVEN,
    PINYIN_SURNAME,
    VIETNAMESE_FAMILY_NAMES,
    joined_surname,
    one_syllable,
    two_syllable_given,
    vietnamese_by_shape,
)
from builder.annotate.person_cues import PLACE_PREPOSITION_BEFORE
from builder.text import fold


def _two_syllable_family(words: list[_Word], i: int) -> bool:
    """`That` in `Ton That Khoa`, `Nu` in `Ton Nu Dieu Huong`: the second syllable of the family name Tôn Thất or
    Tôn Nữ, an English word once its marks are gone."""
    return i > 0 and words[i].capitalised and words[i].key in ("that", "nu") and words[i - 1].key == "ton"


def _double_surname(word: _Word) -> bool:
    """A joined surname ending a name, neither half a word no name has (`Laos-China`, `Hà Nội-Beijing`)."""
    halves = joined_surname(word.text) if "-" in word.text else None
    return bool(halves) and not any(fold(h) in _NOT_NAME_WORDS or fold(h) in _HEAD_OR_TITLE for h in halves)


def name_tail(words: list[_Word]) -> list[_Word]:
    """The name words that end `words` (at most four), a syllable word kept only after a Vietnamese family name."""
    tail: list[_Word] = []
    capitalised = 0  # (a particle is no word of the four: `Maria Helena de Senna Fernandes`)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if capitalised == 4 or not (
                _is_name_word(word) or _two_syllable_family(words, i)
                or (word.key in _SYLLABLE_WORDS and word.capitalised and word.text.isalpha()
                    and not (word.key == "viet" and tail and tail[0].key == "nam"))
                or (word.key in PARTICLES and tail and (tail[0].capitalised or tail[0].key in PARTICLES))  # (`van der`)
                or ((i == len(words) - 1 or tail) and _double_surname(word))  # (`Kassym-Jomart Tokayev`)
                or (_hmong_middle(words, i) and bool(tail))
                or (word.text == "Y" and (len(tail) >= 2 or any(not w.text.isascii() for w in tail)))
                or (word.text == "A" and tail and not tail[0].text.isascii())):
            break  # (Ê Đê `Y Thuôn Êban`, `Y Blong Ktla`; Xơ Đăng `A Blưk`)
        tail.insert(0, word)
        capitalised += word.capitalised and word.text not in ARABIC_PARTICLES  # (`Saeed Humaid Al Mazrouei`)
    while tail and not tail[0].capitalised:
        tail.pop(0)  # (a particle opens no name)
    for i in range(len(tail) - 1, -1, -1):
        if tail[i].key in _SYLLABLE_WORDS and not _is_name_word(tail[i]) and not any(
                w.key in VIETNAMESE_FAMILY_NAMES for w in tail[:i]):
            return tail[i + 1:]
    return tail


def pinyin_name(words: list[_Word], clan: bool = False) -> bool:
    """A surname and a given name in pinyin; with `clan`, the surname may be a clan name of two or three syllables."""
    return (len(words) == 2 and (bool(PINYIN_SURNAME.fullmatch(words[0].key))
                                 or words[0].key in COMPOUND_CHINESE_FAMILY_NAMES
                                 or (clan and bool(CLAN_NAME.fullmatch(words[0].key))))
            and bool(PINYIN_GIVEN.fullmatch(words[1].key)) and words[1].text[1:].islower())


def personal_name(words: list[_Word], bare: bool, titled: bool = False) -> list[_Word] | None:
    """The personal name at the end of `words`: 2-4 name words (a family name first when `bare`).

    `titled`: a title before the words vouches for the name, so a pinyin surname and given name will do for a
    family name, and four name words are all the name's (`Prime Minister Kay Rala Xanana Gusmão`).
    """
    tail = name_tail(words)
    particles = sum(w.text in ARABIC_PARTICLES for w in tail)
    if not bare and (2 <= len(tail) - particles <= 3 or (len(tail) <= 5 and not all(w.capitalised for w in tail))):
        # after a title every name word is the name's: `Secretary-General Kao Kim Hourn`, `Maria Helena de Senna
        # Fernandes`
        return tail
    if len(tail) == 4 and vietnamese_by_shape([w.text for w in tail[1:]]) and tail[0].text.isascii():
        return tail[1:]  # `Consul General in Hong Kong Cao Minh Tuấn`: the place's last word opens no name
    for i in range(len(tail) - 1):
        if i and (tail[i].key in _MIDDLE_NAMES or _hmong_middle(tail, i)) and len(tail) - i + 1 <= 4:
            return tail[i - 1:]  # `Quàng Văn Pọm`: Văn is the middle name of a family name the lists lack
        if family_name(tail[i]) or (pinyin_name(tail[i:]) and (titled or two_syllable_given(tail[i + 1].key))):
            return tail[i:]  # (`Dian Shaoqin`: a surname the lists lack, before a given name of two pinyin syllables)
        if titled and pinyin_name(tail[i:], clan=True) and two_syllable_given(tail[i + 1].key):
            return tail[i:]  # (`importer Niuhulu Minzhe`: a Manchu clan name, vouched for by the role before it)
    if not bare and len(tail) >= 2:
        return tail[-3:] if len(tail) > 3 and not titled else tail
    return None


_MIDDLE_NAMES = ("van", "thi")


def _hmong_middle(words: list[_Word], i: int) -> bool:
    """`A` in `Giàng A Páo`, `Thào A Dua`: a Hmông man's middle name, after a family name of one syllable."""
    return 0 < i < len(words) - 1 and words[i].text == "A" and one_syllable(words[i - 1].text) and words[i - 1].capitalised


def middle_named(words: list[_Word]) -> bool:
    """A Vietnamese full name by its shape: a family name (of one syllable), then the middle name Văn or Thị,
    then one or two given names (`Lò Văn Páo`, `Vi Thị Hồng Nhạn`, `Quàng Văn Pọm`): no cue needed to say it
    is a person's (a Chinese one: `names.chinese_by_shape`)."""
    return (3 <= len(words) <= 4 and (words[1].key in _MIDDLE_NAMES or _hmong_middle(words, 1))
            and all(w.capitalised for w in words)
            and (words[0].key in VIETNAMESE_FAMILY_NAMES or one_syllable(words[0].text))
            # (`Đồng Văn Karst Plateau`: a place named after a district; `Le Van Bay`: Bảy is a given name)
            and not (words[-1].key in _HEAD_OR_TITLE and len(words[-1].key) > 4))


# A thing named after someone: `the training ship Qi Jiguang`, `the Lê Quý Đôn`: the name's shape is no cue then.
THING_BEFORE = re.compile(r"(?:(?<![\w’'-])(?:ship|vessel|frigate|corvette|destroyer|boat|ferry|train|aircraft|plane)"
                           r",?|(?<![\w’'-])(?:street|road|school|prize|award|hall|bridge|temple|pagoda|the))[ \t]+$",
                           re.IGNORECASE)  # (`… street, Quách Hữu Tài keeps`: the comma closed the street's name)
# (`Trần Hưng Đạo and Lê Lợi streets`: two places named after people, the kind said once after both)
_PLACE_AFTER = re.compile(r"(?:[ \t]+and(?:[ \t]+[A-ZÀ-Ỹ][\w’'-]*){1,4})?"
                          r"[ \t]+(?:street|road|avenue|boulevard|ward|commune|district|province|city|town|village|"
                          r"bridge|school|hall|temple|pagoda|market|square|park|lake|theatre|theater|stadium|museum|palace|"
                          r"citadel|tower|shrine|church|gallery|garden|volcano|volcanic|mountain|cave|waterfall)s?"
                          r"(?![\w’'-])", re.IGNORECASE)


def names_a_place(text: str, words: list[_Word]) -> bool:
    """Whether the name is a place's, a lower-case place noun after it somewhere in the text (`the Duyệt Thị Đường
    theatre`, `the Chư Đăng Ya volcanic cone … Chư Đăng Ya received visitors`)."""
    name = text[words[0].start:words[-1].end]
    at = text.find(name)
    while at >= 0:
        if _PLACE_AFTER.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def vietnamese_name_here(text: str, words: list[_Word]) -> bool:
    """`names.vietnamese_by_shape`, but not where a place stands (`in Hồ Chí Minh`, `Lê Thánh Tông street`: places
    and streets bear people's names)."""
    return (vietnamese_by_shape([w.text for w in words])
            and not (words[-1].text.isascii() and words[-1].key in PLACE_HEADS)  # (`Hạ Long Bay`)
            and not PLACE_PREPOSITION_BEFORE.search(text, max(0, words[0].start - 12), words[0].start)
            and not _PLACE_AFTER.match(text, words[-1].end) and not _PLACE_TAILS.match(text, words[-1].end))


def family_name(word: _Word) -> bool:
    """A Vietnamese or Chinese family name, folded."""
    return word.key in VIETNAMESE_FAMILY_NAMES or word.key in CHINESE_FAMILY_NAMES


def could_be_personal_name(words: list[_Word]) -> bool:
    """Whether `personal_name` could return all of `words`: two to four name words (and a particle)."""
    return (2 <= len(words) <= 6 and 2 <= sum(w.capitalised for w in words) <= 4
            and len(name_tail(words)) == len(words))


def particle_short_form(name: str, found: list) -> bool:
    """Whether `name` opens on a particle (`Van der Sluijs`, `Di Benedetto`) and ends the name of a person among the
    discoveries `found` before it: that person, shortened (after an honorific too: `Mr Ó Gallchóir`)."""
    words = name.split()
    if len(words) > 2 and words[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr"):
        words = words[1:]
    if words[0].lower() not in PARTICLES and words[0] not in IRISH_PARTICLES:
        return False  # (`Van der Sluijs`, `Ó Gallchóir`)
    tail = " " + fold(" ".join(words))
    return any(d.type == "person" and fold(d.name).endswith(tail) for d in found)
