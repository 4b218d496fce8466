"""Annotate stage: what personal names look like — family names, pinyin, and the country a name's spelling suggests.

Shared by `people` (short forms by country, with a European name's particle) and `discover` (which
capitalised words make a person).
"""

from __future__ import annotations

import re

from builder.text import fold

# Family names, folded. A bare capitalised pair is a person only if it starts with one.
VIETNAMESE_FAMILY_NAMES = frozenset("""
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly luong to dinh truong lam mai dao cao
ha chu doan trinh vuong kieu quach thai ton giang tang luu nong lo khuat ta trieu phung nghiem thach hua diep
kim lai ong tong quan than hau vi cu mac banh ninh ung chau tieu khong hong la van
phi luc khuc cung dam giap au bach be kha lac nham
mach thieu chung lieu mau vien sam khieu tiet
""".split())
CHINESE_FAMILY_NAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai jia ding wei xue ye yan du dai xia zhong fu
shen shi cheng lu su ren fan fang yao tan liao zou xiong jin qin kong bai cui kang mao qiu hou shao meng long
wan duan lei qian yin yi chang wen qiao lai gong hao qi mo geng xing niu ge hong pang zhan yue bi chai nie
xin zuo he hua ji gu tao mu ou ouyang rao gan kuang bian cen jiao xiang guan huo ran
shang weng zang zha lan teng
""".split())
# The compound family names of the Hundred Family Surnames (`Ouyang`, `Sima`, `Zhuge`), and `Dugu`, written as one
# word: none a place's or an English word, so a given name of one or two syllables after one makes a name.
COMPOUND_CHINESE_FAMILY_NAMES = frozenset("""
moqi sima shangguan ouyang xiahou zhuge wenren dongfang helian huangfu yuchi gongyang tantai gongye zongzheng puyang
chunyu shanyu taishu shentu gongsun zhongsun xuanyuan linghu zhongli yuwen zhangsun murong xianyu lvqiu luqiu situ
sikong qiguan sikou zhangdu ziju zhuansun duanmu wuma gongxi qidiao yuezheng rangsi gongliang tuoba jiagu zaifu
guliang jinchu yanfa ruyan tuqin duangan baili dongguo nanmen huyan guihai yangshe weisheng yueshuai goukang kuanghou
youqin liangqiu zuoqiu dongmen ximen shangmou boshang nangong qiaoda nianai yangtong diwu yanfu dugu
""".split())
CHINESE_FAMILY_NAMES = CHINESE_FAMILY_NAMES | COMPOUND_CHINESE_FAMILY_NAMES
# A Chinese character (CJK Unified Ideographs and Extension A), as a name written in characters is made of.
CHINESE_CHARACTER = r"[\u3400-\u4dbf\u4e00-\u9fff]"
# Names that open many Malay names, the person's own following: `Muhammad Haziq …`, `Nur Aina …`, `Siti …`.
MALAY_FIRST_NAMES = frozenset({"muhammad", "mohammad", "mohamed", "mohd", "muhd", "ahmad", "nur", "nurul", "siti"})
# Chinese family names as Cantonese, Hokkien and Teochew speakers romanise them (Hong Kong, Macau, Singapore,
# Malaysia): `Leong Chi Keong`, `Gan Kim Yong`, `Lee Hsien Loong` are written family name first.
SOUTHERN_CHINESE_FAMILY_NAMES = frozenset("""
leong leung cheung chan wong tan lim lee ng goh teo yeo koh chua lau chow yeung tsang kwok fung mak tse yip
chong choi chu kwan lo tam tong tsui wan yau siu poon gan khoo ooi quek seah sim toh
kuok iong ieong lei sou lou chao cheong kou vong fong mok sio tou chui leng kam pun
cheah yap loke ong teh tay liew soh wee heng chee phang
""".split())

# One pinyin syllable, and a Chinese given name of one or two: `Huai Jinpeng` after a title is a Chinese name
# even when its family name is a rare one.
_PINYIN_SYLLABLE = (r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iong|iang|uang|iao|ian|uai|uan|ong|ang|eng|ing|ai|ei|ao|"
                    r"ou|an|en|in|un|er|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v)")
PINYIN_SURNAME = re.compile(_PINYIN_SYLLABLE)
PINYIN_GIVEN = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}")
# A Manchu or Mongol clan name as pinyin writes it, two or three syllables in one word (`Niuhulu`, `Hesheli`, `Majia`).
CLAN_NAME = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{2,3}}")
# Two syllables, the second opening on a consonant (`Jian-hua`, `Shao-qing`): Vietnamese syllables such as `Tuan`
# (`tu-an`) or `Hoai` (`ho-ai`) read as pinyin only with a bare vowel.
_TWO_SYLLABLE_GIVEN = re.compile(rf"{_PINYIN_SYLLABLE}(?=[bpmfdtnlgkhjqxrzcsyw]){_PINYIN_SYLLABLE}")


def two_syllable_given(key: str) -> bool:
    """`shaoqin`: a folded given name of two pinyin syllables, the second opening on a consonant."""
    return bool(_TWO_SYLLABLE_GIVEN.fullmatch(key))


def chinese_by_shape(words: list[str]) -> bool:
    """A Chinese full name by its shape alone, as `Wang Zihan` or `Huang Yuxin` (the words as written): a common
    family name, then a given name of two pinyin syllables written as one word. Neither a Vietnamese place
    (`Long Biên`, `Cao Bằng`: marks, or a syllable pinyin lacks) nor `Hong Kong` (one syllable) has it."""
    return (len(words) == 2 and all(w.isascii() and w[:1].isupper() and w[1:].islower() for w in words)
            and words[0].lower() in CHINESE_FAMILY_NAMES and bool(
                (PINYIN_GIVEN if words[0].lower() in COMPOUND_CHINESE_FAMILY_NAMES else _TWO_SYLLABLE_GIVEN)
                .fullmatch(words[1].lower())))


def one_syllable(word: str) -> bool:
    """A word that could be one Vietnamese syllable: letters only, no capital after the first, at most seven."""
    return word.isalpha() and word[1:].islower() and len(word) <= 7


def vietnamese_by_shape(words: list[str]) -> bool:
    """A Vietnamese full name by its shape alone (`Trần Minh Đức`, `Phí Quang Trạch`; the words as written): three
    or four syllables, a family name first, written with the language's marks."""
    return (3 <= len(words) <= 4 and fold(words[0]) in VIETNAMESE_FAMILY_NAMES and all(map(one_syllable, words))
            and any(not w.isascii() for w in words))


# A surname of two family names joined, as Spanish, Portuguese and Filipino names have (`Aldeguer-Roque`).
_JOINED = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")


def joined_surname(word: str) -> tuple[str, str] | None:
    """The halves of two names joined by a hyphen, each capitalised (`Aldeguer-Roque`, `Côté-Lacroix`, and a French
    given name, `Jean-François`), or None (`Dong-hyun`, `Hà Nội-Beijing` is two words)."""
    m = _JOINED.fullmatch(word)
    return m.groups() if m and all(h[:1].isupper() and h[1:].islower() for h in m.groups()) else None
# A name's initial: one capital and a dot, two written together (`J.P.`), or a Mongolian patronymic's two letters (`Sh.`).
INITIAL = r"(?:[A-Z]\.(?:[A-Z]\.)?|(?:Sh|Ch|Zh|Ts|Kh)\.)"
# Lower-case particles inside European personal names: `Pieter van Dam`, `Anne de Groot`, `Karl von Trotha`.
PARTICLES = frozenset({"de", "van", "von", "der", "den", "du", "da", "di", "ter", "bin", "binti", "dos", "das", "del", "la",
                       "della"})
PARTICLE = "(?:" + "|".join(sorted(PARTICLES)) + ")"  # one of them, as a pattern
# Capitalised ones of Arabic names, before a space or joined by a hyphen: `Al Mazrouei`, `Al-Suhaimi`, `Abdel-Rahim`.
ARABIC_PARTICLES = frozenset({"Al", "El", "Abdel", "Abdul", "Abu"})
# … and of Irish ones, before a space: `Seán Ó Gallchóir`, `Aoife Ní Bhriain`.
IRISH_PARTICLES = frozenset({"Ó", "Ní", "Nic", "Ua"})
# `al-Harthi`, `el-Sayed`: an Arabic family name with its article in lower case, as English copy writes it.
LOWER_ARABIC_NAME = re.compile(r"(?:al|el)-[A-Z][a-z]+")
_PARTICLE_BEFORE = re.compile(r"([^\W\d_]+)([ \t]+|-)$")


def with_particle(text: str, start: int, end: int, name: str) -> int:
    """Where a short form starts once the particle the full name writes before it is taken in (`de Groot said`,
    `Al-Suhaimi said`), or the first half of a joined surname (`Varga-Lindqvist said`)."""
    particle = _PARTICLE_BEFORE.search(text, max(0, start - 16), start)
    if particle and (particle.group(1) in PARTICLES or particle.group(1) in ARABIC_PARTICLES
                     or particle.group(1) in IRISH_PARTICLES
                     or (particle.group(2) == "-" and particle.group(1)[:1].isupper())) and (
            f" {text[particle.start():end]}" in name or (particle.group(1) in ARABIC_PARTICLES and particle.group(2) == "-"
                                                         and f" {text[particle.start():end]}".lower() in name.lower())):
        # (`Al-Harthi said` after `Saif al-Harthi`: the article in capitals opening a sentence)
        return with_particle(text, particle.start(), end, name)  # (`van der Sluijs`: one particle after another)
    if particle and particle.group(1).lower() in PARTICLES and particle.group(2) != "-" and (
            f" {text[particle.start():end]}".lower() in name.lower()):
        return particle.start()  # (`Van der Sluijs said`: opening a sentence, the first particle in capitals)
    return start


# Letters only Vietnamese writes (not `á`, `ê` or `ô`, which Spanish, Portuguese and French names have too): a name
# marked only with those others is no Vietnamese name unless a Vietnamese family name opens it (`María Fernanda
# Gutiérrez Ochoa`, `Marc-André Côté`).
_VIETNAMESE_ONLY = frozenset("ăằắẳẵặầấẩẫậđềếểễệồốổỗộơờớởỡợưừứửữựảẻỉỏủỷạẹịọụỵẽĩũỹỳ")


def guess_country(name: str) -> str | None:
    """`vn` for a Vietnamese name, `cn` for a Chinese one, from spelling and family name; else None."""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
    if not words:
        return None
    marked = {ch.lower() for ch in name if ch.isalpha() and fold(ch) != ch.lower()}
    if marked & _VIETNAMESE_ONLY or (words[0] in VIETNAMESE_FAMILY_NAMES and (marked or len(words) >= 3)):
        return "vn"
    if words[0] in CHINESE_FAMILY_NAMES and len(words) == 2:
        return "cn"
    if words[0] in CHINESE_FAMILY_NAMES and len(words) == 3 and all(PINYIN_SURNAME.fullmatch(w) for w in words[1:]):
        return "cn"  # `Tan Wei Ling`: a given name written syllable by syllable, as Singapore and Malaysia do
    if (words[0] in SOUTHERN_CHINESE_FAMILY_NAMES and len(words) == 3 and name.isascii()
            and all(len(w) <= 5 for w in words[1:])):
        return "cn"  # `Leong Chi Keong`, `Gan Kim Yong`: a southern romanisation, family name first
    if len(words) == 2 and _TWO_SYLLABLE_GIVEN.fullmatch(words[1]) and PINYIN_SURNAME.fullmatch(words[0]):
        return "cn"  # `Nong Jianhua`: a given name of two syllables written as one word is pinyin, not Vietnamese
    if words[0] in VIETNAMESE_FAMILY_NAMES:
        return "vn"
    return None
