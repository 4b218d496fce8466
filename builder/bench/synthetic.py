"""Benchmark input: a deterministic synthetic wire corpus and the registry to match it.

`write_corpus(folder, n, seed)` writes `seeds/*.txt` in the raw wire format
(see the README's "Adding an article"), `content/people/*.md` and
`content/mechanisms/*.md` (the registry), and the same articles as plain
Markdown for the peers (`plain/*.md`: title, date and paragraphs, no
annotation). The same `(n, seed)` gives byte-identical files on any machine:
everything is drawn from one `random.Random(seed)`, nothing reads the clock.

The articles look like the seeds as far as the pipeline is concerned:
500–1,500 words; Vietnamese names (with and without diacritics) and Chinese
names behind titles, then referred to by their short forms; mechanisms by
name, alias or acronym; every date shape the date grammar knows; section
headings, photo captions repeated by the scrape, carousel residue, pull
quotes with an attribution line and a closing credit. People are drawn with
a Zipf-like skew, so a few are mentioned in a large share of the articles,
as a head of state is in a real archive.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from builder.ingest.seed import derive_title
from builder.text import form_key, slugify

VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
               "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Mai", "Tô", "Lương", "Đoàn", "Vương", "Tạ"]
VN_MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Quốc", "Xuân", "Ngọc", "Công", "Thế", "Hồng",
             "Kim", "Bảo", "Trọng", "Quang", "Anh", "Đình", "Mạnh", "Thu"]
VN_GIVEN = ["Hùng", "Dũng", "Tuấn", "Hải", "Phúc", "Thắng", "Thảo", "Hạnh", "Cường", "Khải", "Nghĩa",
            "Trung", "Bình", "Hòa", "Vinh", "Định", "Quyết", "Thành", "Khánh", "Lực", "Toàn", "Giang",
            "Huệ", "Ngân", "Phương", "Tâm", "Lộc", "Tiến", "Điền", "Vượng", "Khoa", "Nhân", "Hiếu", "Trí"]
CN_SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
               "Ma", "Zhu", "Hu", "Guo", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang",
               "Han", "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai"]
CN_GIVEN = ["Wei", "Jun", "Ming", "Hua", "Qiang", "Jian", "Lei", "Yong", "Hong", "Xiaoming", "Jianguo",
            "Haiyan", "Zhiwei", "Guoqing", "Yanping", "Xiaodong", "Jiabao", "Qingfeng", "Shaohua",
            "Weidong", "Xin", "Bin", "Tao", "Peng", "Yu", "Chao", "Gang", "Kai", "Rui", "Dongsheng"]
VN_TITLES = ["Prime Minister", "Deputy Prime Minister", "Minister of Foreign Affairs", "Deputy Foreign Minister",
             "Minister of Industry and Trade", "Ambassador to China", "Consul General in Guangzhou",
             "Chairman of the Lạng Sơn Provincial People's Committee", "Secretary of the Quảng Ninh Provincial Party Committee",
             "Vice Chairwoman of the National Assembly", "Head of the Party Central Committee's Commission for External Relations"]
CN_TITLES = ["Premier", "Vice Premier", "Foreign Minister", "Vice Minister of Commerce", "Ambassador to Việt Nam",
             "Secretary of the Guangxi Zhuang Autonomous Region Committee", "Governor of Yunnan Province",
             "Chairman of the Standing Committee of the National People's Congress", "State Councillor",
             "Director of the Chongqing Foreign Affairs Office"]
SHORT_TITLES = {"Prime Minister": "PM", "Minister of Foreign Affairs": "Foreign Minister",
                "Deputy Prime Minister": "Deputy PM", "Ambassador to China": "Ambassador",
                "Ambassador to Việt Nam": "Ambassador"}
PLACES = ["Hà Nội", "Beijing", "Lạng Sơn", "Nanning", "Quảng Ninh", "Kunming", "Lào Cai", "Guangzhou", "Hải Phòng",
          "Shanghai", "Cao Bằng", "Chongqing", "Đà Nẵng", "Shenzhen", "Hà Giang", "Dongxing", "Móng Cái", "Hekou"]
DATELINES = ["HÀ NỘI", "BEIJING", "NANNING", "HẠ LONG", "KUNMING", "LẠNG SƠN", "GUANGZHOU", "HCM CITY"]
CREDITS = ["VNA/VNS", "VNS", "VNA", "Xinhua"]
MECH_PREFIXES = ["Việt Nam–China", "Vietnam-China", "ASEAN–China", "Mekong–Lancang", "Lạng Sơn–Guangxi",
                 "Quảng Ninh–Guangxi", "Lào Cai–Yunnan", "Hà Giang–Yunnan", "Cao Bằng–Guangxi"]
MECH_KINDS = [("Joint Committee on", "committee"), ("Working Group on", "committee"), ("Dialogue on", "dialogue"),
              ("Agreement on", "treaty"), ("Forum on", "forum"), ("Partnership for", "partnership"),
              ("Initiative on", "initiative"), ("Memorandum of Understanding on", "treaty")]
MECH_TOPICS = ["Land Border Trade", "Railway Connectivity", "Agricultural Cooperation", "Digital Economy",
               "Maritime Search and Rescue", "Fisheries in the Gulf of Tonkin", "Cross-border Tourism",
               "Customs Clearance", "Energy Security", "Green Development", "Education Exchange",
               "Public Security Cooperation", "Health and Medicine", "Water Resources", "Smart Border Gates",
               "Science and Technology", "Youth Exchange", "Media Cooperation", "Poverty Reduction",
               "Cultural Heritage", "Logistics and Warehousing", "Rare Earths", "Payment Connectivity",
               "Plant Quarantine", "Climate Change", "Civil Aviation", "Labour Cooperation", "Legal Assistance",
               "Standardisation", "Port Cooperation", "Textiles and Garments", "Cross-border Economic Zones",
               "Disaster Prevention", "Food Safety", "Vocational Training"]
VERBS = ["said", "stressed", "noted", "affirmed", "emphasised", "suggested", "proposed", "highlighted", "underlined"]
TOPICS = ["trade", "investment", "connectivity", "tourism", "agriculture", "education", "security", "energy",
          "infrastructure", "culture", "digital transformation", "border management", "logistics"]
ADJECTIVES = ["practical", "substantive", "comprehensive", "sustainable", "effective", "close", "long-term",
              "mutually beneficial", "stable", "in-depth"]
FILLER = [
    "The two sides agreed to strengthen {adj} cooperation in {topic} and to facilitate customs clearance at border gates.",
    "Bilateral trade turnover reached {num} billion USD, up {pct} per cent over the same period.",
    "Officials reviewed the progress of projects in {topic} and discussed measures to remove obstacles.",
    "Both sides spoke highly of the results of {adj} cooperation in {topic} and {topic2}.",
    "Delegates visited industrial parks and logistics centres in {place} and met local businesses.",
    "The localities will continue to share experience in {topic}, ensuring {adj} and effective development.",
    "More than {count} enterprises took part in the exhibition, which featured products from {place} and {place2}.",
    "They also exchanged views on regional and international issues of mutual concern.",
    "Exchanges between young people, scholars and the media of the two countries have grown in recent years.",
    "The event drew representatives of ministries, agencies and localities of both countries.",
]
QUOTES = [
    "We are ready to work with our partners to turn agreements into concrete results that benefit the people.",
    "Cooperation in {topic} is a bright spot in our relations, and we want to make it even brighter.",
    "The friendship between our two peoples is a valuable asset that we must preserve and promote.",
]
HEADINGS = ["Trade and investment", "Border cooperation", "People-to-people exchanges", "Looking ahead",
            "Connectivity", "Cultural ties", "Security cooperation", "New momentum"]


@dataclass
class Person:
    slug: str
    name: str
    ascii_name: str
    country: str
    title: str
    short: str  # how a later sentence refers to them


@dataclass
class Mechanism:
    slug: str
    name: str
    aliases: list[str]
    kind: str


@dataclass
class Pools:
    people: list[Person] = field(default_factory=list)
    mechanisms: list[Mechanism] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


def _ascii(text: str) -> str:
    """Plain-ASCII spelling of a Vietnamese name, as much wire copy writes it."""
    import unicodedata
    text = text.replace("Đ", "D").replace("đ", "d").replace("–", "-")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def make_pools(rng: random.Random, n_people: int = 1000, n_mechanisms: int = 300) -> Pools:
    pools = Pools()
    keys: set[str] = set()
    while len(pools.people) < n_people:
        if rng.random() < 0.55:
            name = f"{rng.choice(VN_SURNAMES)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}"
            country, title = "vn", rng.choice(VN_TITLES)
            short = name.split()[-1]
        else:
            name = f"{rng.choice(CN_SURNAMES)} {rng.choice(CN_GIVEN)}"
            country, title = "cn", rng.choice(CN_TITLES)
            short = name.split()[0]
        key = form_key(name)
        if key in keys or slugify(name) in keys:
            continue
        keys.update({key, slugify(name)})
        pools.people.append(Person(slugify(name), name, _ascii(name), country, title, short))
    while len(pools.mechanisms) < n_mechanisms:
        prefix = rng.choice(MECH_PREFIXES)
        head, kind = rng.choice(MECH_KINDS)
        topic = rng.choice(MECH_TOPICS)
        name = f"{prefix} {head} {topic}"
        if form_key(name) in keys or slugify(name) in keys:
            continue
        aliases = [_ascii(name)] if _ascii(name) != name else []
        words = [w for w in f"{prefix.split('–')[0].split('-')[0]} {head} {topic}".split() if w[0].isupper()]
        acronym = "".join(w[0] for w in words if w.isalpha()).upper()
        if len(acronym) >= 4 and form_key(acronym) not in keys:
            aliases.append(acronym)
            keys.add(form_key(acronym))
        keys.update({form_key(name), slugify(name)})
        pools.mechanisms.append(Mechanism(slugify(name), name, aliases, kind))
    # Zipf-like skew: the person at rank r is drawn with weight 1/r.
    pools.weights = [1.0 / (rank + 1) for rank in range(len(pools.people))]
    return pools


def _date_phrases(rng: random.Random, year: int, month: int, day: int) -> list[str]:
    """Every shape of the date grammar, around the article's own date."""
    from builder.model import MONTH_NAMES

    m = MONTH_NAMES[month - 1]
    m2 = MONTH_NAMES[month % 12]
    past = rng.randint(1990, year - 1)
    d2 = min(day + rng.randint(1, 3), 28)
    return [
        f"on {m} {day}, {year}", f"on {day} {m} {year}", f"on {m[:3]}. {day}", f"on {year}-{month:02d}-{day:02d}",
        f"on {day}/{month}/{year}", f"on {m} {day}", f"from {m} {day} to {m2} 2", f"on {m} {day}–{d2}",
        f"from {day}–{d2} {m}", f"between {past} and {year}", f"from {past} to {year}", f"in {past}–{year}",
        f"(January 18, 1950–{year})", f"in {m} {year}", f"in {past}", f"in the {past // 10 * 10}s",
        f"in early {year}", f"in mid-{past}", f"in the first half of {year}", f"in Q{rng.randint(1, 4)} {past}",
        f"in the first seven months of {year}", "in the first six months of this year", f"in spring {past}",
        f"in late {m}", f"in {m}", f"since {m}", "yesterday", "last year", "next month", "three years ago",
        "earlier this year", "on Sunday", "next Tuesday", "last week", f"by the end of {year}",
        f"from {m} to {m2} {year}", f"in the late {past // 10 * 10}s",
    ]


class ArticleWriter:
    """Writes one raw article at a time from the pools."""

    def __init__(self, rng: random.Random, pools: Pools):
        self.rng = rng
        self.pools = pools
        self.titles: set[str] = set()

    def person(self) -> Person:
        return self.rng.choices(self.pools.people, weights=self.pools.weights)[0]

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(adj=rng.choice(ADJECTIVES), topic=rng.choice(TOPICS), topic2=rng.choice(TOPICS),
                                num=f"{rng.randint(2, 180)}.{rng.randint(1, 9)}", pct=f"{rng.randint(2, 40)}.{rng.randint(1, 9)}",
                                count=rng.randint(120, 2400), place=rng.choice(PLACES), place2=rng.choice(PLACES))

    def _name(self, person: Person) -> str:
        return person.ascii_name if person.country == "vn" and self.rng.random() < 0.3 else person.name

    def sentence(self, cast: list[Person], mechs: list[Mechanism], dates: list[str], named: set[str]) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.35:
            p = rng.choice(cast)
            if p.slug in named and rng.random() < 0.6:
                ref = f"{SHORT_TITLES.get(p.title, '')} {p.short}".strip() if rng.random() < 0.5 else p.short
                return f"{ref} {rng.choice(VERBS)} that {rng.choice(TOPICS)} remained a priority {rng.choice(dates)}."
            named.add(p.slug)
            nationality = "Vietnamese" if p.country == "vn" else "Chinese"
            return (f"{nationality} {p.title} {self._name(p)} {rng.choice(VERBS)} that the two sides should promote "
                    f"{rng.choice(ADJECTIVES)} cooperation in {rng.choice(TOPICS)} {rng.choice(dates)}.")
        if kind < 0.55:
            mech = rng.choice(mechs)
            form = rng.choice([mech.name, *mech.aliases]) if mech.aliases else mech.name
            return (f"The {form} has contributed to {rng.choice(ADJECTIVES)} cooperation in {rng.choice(TOPICS)} "
                    f"since its launch {rng.choice(dates)}.")
        if kind < 0.65:
            a, b = rng.sample(cast, 2) if len(cast) > 1 else (cast[0], cast[0])
            named.update({a.slug, b.slug})
            return (f"{a.title} {self._name(a)} held talks with {b.title} {self._name(b)} in "
                    f"{rng.choice(PLACES)} {rng.choice(dates)}.")
        return self._fill(rng.choice(FILLER))

    def article(self, index: int, year: int, month: int, day: int) -> tuple[str, str, str]:
        """(raw seed text, title, plain Markdown body) for one article."""
        rng = self.rng
        cast = [self.person() for _ in range(rng.randint(2, 6))]
        mechs = rng.sample(self.pools.mechanisms, rng.randint(1, 4))
        dates = _date_phrases(rng, year, month, day)
        named: set[str] = set()
        target_words = rng.randint(500, 1500)
        lead_person = cast[0]
        named.add(lead_person.slug)
        place = rng.choice(PLACES)
        shape = rng.random()
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        while True:
            lead = (f"{lead_person.title} {lead_person.name} {rng.choice(VERBS)} in {place} on {m_day(year, month, day)} "
                    f"that the {mechs[0].name} would help deepen {rng.choice(ADJECTIVES)} cooperation in "
                    f"{rng.choice(TOPICS)}.")
            if shape < 0.16:  # a title line, or a title in front matter
                title = f"{lead_person.title.split(' of ')[0]} {lead_person.ascii_name} in {place} on {rng.choice(TOPICS)}"
                key = slugify(title, max_length=60)
            else:  # header date: the headline is derived from the lead, as for most seeds
                title = derive_title(lead)
                key = f"{iso}-{slugify(title, max_length=60)}"
            if key not in self.titles:
                break
            place = rng.choice(PLACES)
            lead_person = rng.choice(self.pools.people)
            cast[0] = lead_person
        self.titles.add(key)
        paragraphs: list[str] = []
        words = len(lead.split())
        carousel = 0
        while words < target_words:
            roll = rng.random()
            if roll < 0.08:
                paragraphs.append(rng.choice(HEADINGS))
            elif roll < 0.16:
                p = rng.choice(cast)
                caption = f"{p.title} {self._name(p)} at a meeting in {rng.choice(PLACES)} {rng.choice(dates)}. (Photo: VNA)"
                if rng.random() < 0.3:
                    carousel += 1
                    paragraphs.append(f"Item {carousel} of 4")
                paragraphs += [caption, caption]
            elif roll < 0.21:
                p = rng.choice(cast)
                paragraphs.append(f"“{self._fill(rng.choice(QUOTES))}”\n{p.title.split(' of ')[0]} {self._name(p)}")
            else:
                paragraphs.append(" ".join(self.sentence(cast, mechs, dates, named) for _ in range(rng.randint(2, 6))))
            words += len(paragraphs[-1].split())
        closing = f"The two sides agreed to meet again {rng.choice(dates)}. — {rng.choice(CREDITS)}"
        if shape < 0.08:  # front matter overrides title and date
            head = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {iso}\n---\n{lead}"
        elif shape < 0.16:  # no header: a title line; the date is inferred from the text
            head = f"{title}\n\n{lead}"
        else:
            head = f" date {iso} {rng.choice(DATELINES)} — {lead}"
        raw = "\n\n".join([head, *paragraphs, closing]) + "\n"
        plain = "\n\n".join([lead, *(p.replace("\n", "  \n") for p in paragraphs), closing]) + "\n"
        return raw, title, plain


def m_day(year: int, month: int, day: int) -> str:
    from builder.model import MONTH_NAMES

    return f"{MONTH_NAMES[month - 1]} {day}, {year}"


def _yaml(meta: dict) -> str:
    """Front matter for the generated pages: JSON strings are valid YAML scalars (and fast to write)."""
    lines = []
    for key, value in meta.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"- {json.dumps(v, ensure_ascii=False)}" for v in value]
        else:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


def _person_page(p: Person) -> str:
    meta: dict = {"name": p.name}
    if p.ascii_name != p.name:
        meta["aliases"] = [p.ascii_name]
    meta.update({"country": p.country, "titles": [p.title], "summary": f"{p.title}."})
    return _yaml(meta) + "Synthetic entry for the benchmark.\n"


def _mechanism_page(m: Mechanism) -> str:
    meta: dict = {"name": m.name}
    if m.aliases:
        meta["aliases"] = m.aliases
    meta.update({"kind": m.kind, "summary": f"A {m.kind} of the synthetic benchmark corpus."})
    return _yaml(meta) + "Synthetic entry for the benchmark.\n"


def write_corpus(folder: Path, n: int, seed: int = 7) -> dict:
    """Write `seeds/`, `content/people`, `content/mechanisms` and `plain/` for `n` articles under `folder`.

    Returns a summary (counts, words). Same `(n, seed)` => byte-identical files.
    """
    import datetime as dt

    rng = random.Random(seed)
    # ~1,000 people and ~300 mechanisms from 1,000 articles up; fewer for a smoke-test corpus.
    pools = make_pools(rng, n_people=min(1000, 50 + n), n_mechanisms=min(300, 15 + n // 3))
    folder = Path(folder)
    seeds, plain = folder / "seeds", folder / "plain"
    for sub in (seeds, plain, folder / "content" / "people", folder / "content" / "mechanisms"):
        sub.mkdir(parents=True, exist_ok=True)
    for p in pools.people:
        _write(folder / "content" / "people" / f"{p.slug}.md", _person_page(p))
    for m in pools.mechanisms:
        _write(folder / "content" / "mechanisms" / f"{m.slug}.md", _mechanism_page(m))
    writer = ArticleWriter(rng, pools)
    first = dt.date(2015, 1, 1).toordinal()
    last = dt.date(2026, 6, 30).toordinal()
    words = 0
    for i in range(n):
        day = dt.date.fromordinal(first + (last - first) * i // max(n - 1, 1))
        raw, title, body = writer.article(i, day.year, day.month, day.day)
        words += len(raw.split())
        name = f"{i:05d}_{rng.getrandbits(64):016x}"
        _write(seeds / f"{name}.txt", raw)
        _write(plain / f"{name}.md", _yaml({"title": title, "date": day.isoformat()}) + f"\n# {title}\n\n{body}")
    return {"articles": n, "people": len(pools.people), "mechanisms": len(pools.mechanisms), "words": words}


def touch_article(folder: Path, dated: bool = True) -> Path:
    """Change one article (the middle one) as an editor would: a sentence added to its last paragraph,
    by default one that carries a date ("… meet again next year"), as wire corrections and updates often
    do: a date reaches the timeline's pages, and the pages of every entity named in its sentence."""
    seeds = sorted((Path(folder) / "seeds").glob("*.txt"))
    path = seeds[len(seeds) // 2]
    text = path.read_text(encoding="utf-8")
    head, sep, tail = text.rstrip("\n").rpartition("\n\n")
    sentence = "Both sides agreed to meet again next year." if dated else "Both sides pledged further talks."
    path.write_text(f"{head}{sep}{sentence} {tail}\n", encoding="utf-8")
    return path


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8"))
