"""Title grammar: which words end a title, how a title's place prefix is read and stripped,
and how senior a title is (ranks from seeds/titles.csv)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from visits.extract.gazetteer import find_places
from visits.extract.names import ETHNIC_TAIL
from visits.extract.trie_regex import trie_alternation
from visits.lexicon import words
from visits.reference import Province, province_by_name, title_ranks

# Words a title ends with, longest first so 副省长 wins over 省长.
TITLE_WORDS = sorted(words("title_words"), key=len, reverse=True)
# A title word directly followed by these is part of a longer noun: 常委会, 书记处, 主席团, 领导小组,
# 领导班子, 领导干部. 班 and 干 are family names too (市长班某), so only the whole word blocks.
_NOT_AFTER = r"班子|干部|干事|[会处团小人们下岗职层机同部力作]"
TITLE_ITEM = re.compile(
    r"[\u4e00-\u9fff·]{0,24}?(?:" + trie_alternation(TITLE_WORDS) + r")(?:助理)?" + rf"(?!{_NOT_AFTER})"
)
# 我市领导, 两省区政协主席: "our" or "both sides'" is how the article refers, not the title;
# 我县县委书记 drops the 我县 whole
_SHARED_PREFIX = re.compile(r"^(?:我(?:(?P<u>[省市区州县旗盟])(?=(?P=u)))?(?=[省市区州县旗盟])|两(?:省区|省市|省|市|区|县|地)|双方)")
# Titles of people who are only ever quoted or mentioned in these reports, never delegates.
MENTION_ONLY = re.compile(r"总书记|国家主席|国务院总理|^总理")
# Officers of a firm named by no organisation (董事长甲向代表团介绍) or of 一家…企业 are hosts
# of a site visit, not officials; a state group's officers (…集团董事长) are kept.
PRIVATE_FIRM = re.compile(
    r"^(?:副)?(?:董事长|总经理|总裁)$|(?:一家|民营|私营|企业)[^、]*(?:董事长|总经理|总裁)$"
)
# Titles of villagers and village cadres: not delegation participants.
VILLAGE = re.compile(r"村(?:党|支|委|民|主任|书记|长)|社区|^组长$|村$")
# Organisations whose officers serve no province (central SOEs, ministries).
CENTRAL = re.compile(r"集团|公司|银行|中央|国务院|国家|全国|部$|总局|委员会$")

UNIT_WORD = {"省": "省", "市": "市", "区": "区", "州": "州", "县": "县", "盟": "盟", "旗": "旗"}


@dataclass
class TitleReading:
    titles: list[str]  # as the article gives them, province name stripped
    province: Province | None  # from an explicit place prefix
    place: str | None  # the prefix as written (江苏, 西安市)
    place_level: str | None  # province | prefecture | county
    unit_char: str | None  # 省/市/区/州/县 for an unprefixed title: whose title it is
    central: bool  # a central organisation's officer
    prefix_unit_char: str | None = None  # the same for the place prefix (江苏省委 -> 省, 广元市委 -> 市)

    @property
    def core(self) -> tuple[str, ...]:
        """The titles without any place prefix: 广元市委书记 -> 市委书记."""
        out = []
        for t in self.titles:
            if self.place and self.place_level != "province" and t.startswith(self.place):
                t = t[len(self.place) :]
                t = t if t[:1] in UNIT_WORD else (self.prefix_unit_char or "") + t
            out.append(t)
        return tuple(out)


def _strip_province(item: str, p: Province) -> str:
    """江苏省委书记 -> 省委书记; 江苏省省长 -> 省长; 广西壮族自治区主席 -> 自治区主席."""
    for form in (p.name, p.short_name):
        if item.startswith(form):
            rest = item[len(form) :]
            break
    else:
        return item
    if form == p.name:
        if _starts_with_place(rest):
            return rest  # 北京市丰台区委书记 -> 丰台区委书记: the rest names its own unit
        # the full name ends with its unit word; give it back when the title begins with it
        unit = "自治区" if p.name.endswith("自治区") else p.name[-1]
        if p.name.endswith("自治区") and not rest.startswith(("自治区", "区")):
            rest = unit + rest
        elif not p.name.endswith("自治区") and not re.match(rf"(副|常务副|代)?{unit}", rest):
            rest = unit + rest
    while True:  # 广西壮族自治区 written after the short name: 广西壮族自治区 -> 自治区
        m = re.match(r"(.+?)(?=自治区)", rest)
        if not m or not ETHNIC_TAIL.search(m.group(1)):
            break
        rest = rest[m.end() :]
    return rest


def _starts_with_place(text: str) -> bool:
    """Does a place name (a unit below the province) open the text, with a title after it?"""
    hits = find_places(text)
    return bool(hits) and hits[0].start == 0 and hits[0].end < len(text)


def _place_unit_char(title: str) -> str | None:
    """The unit word of the place opening a title: 丰台区委书记 -> 区."""
    hits = find_places(title)
    if not hits or hits[0].start != 0:
        return None
    place = hits[0].text
    return "区" if place.endswith("地区") else UNIT_WORD.get(place[-1])


def _unit_char(title: str) -> str | None:
    """Whose unprefixed title this is: 省委书记/副省长 -> 省, 市长 -> 市, 自治区主席 -> 区."""
    if title.startswith(("自治区", "区党委", "区政府", "区人大", "区政协")):
        return "区"
    m = re.match(r"(?:常务|副|代)*([省市区州县盟旗])", title)
    if m:
        return UNIT_WORD[m.group(1)]
    return None


def read_titles(items: list[str]) -> TitleReading:
    """Read a title chain (中共中央政治局委员、上海市委书记) into stripped titles and its province."""
    titles: list[str] = []
    province = None
    place = place_level = None
    unit_char = prefix_char = None
    central = False
    for raw in items:
        item = _SHARED_PREFIX.sub("", raw.removeprefix("中共"))
        hits = find_places(item)
        if hits and hits[0].start == 0 and len(item) > hits[0].end - hits[0].start:
            units = hits[0].units
            d = units[0]
            if d.level == "province":
                province = province_by_name()[d.name]
                place, place_level = hits[0].text, "province"
                if CENTRAL.search(item):
                    pass  # 上海电气集团董事长: a company name keeps its place
                else:
                    item = _strip_province(item, province)
                    prefix_char = _unit_char(item) or _place_unit_char(item)
            elif province is None:
                province = province_by_name().get(d.province_name)
                place, place_level = hits[0].text, d.level
                last = "区" if place.endswith("地区") else place[-1]
                prefix_char = UNIT_WORD.get(last) or _unit_char(item[len(place) :])
        elif CENTRAL.search(item) and not re.match(r"[省市区州县]", item):
            central = True
        if unit_char is None and place_level is None:
            unit_char = _unit_char(item)
        titles.append(item)
    if province is not None:
        central = False
        unit_char = None
    return TitleReading(titles, province, place, place_level, unit_char, central, prefix_char)


# a zone, not a place, before 区: 经济技术开发区, 工业园区
_ZONE = re.compile(r"(?:开发|园|工业|保税|示范)区$")


def rank(title: str, province: Province | None = None) -> int:
    """Seniority (lower is more senior); 100 for titles the seed does not know."""
    ranks = title_ranks()
    core = title = re.sub(r"[（(][^）)]*[）)]$", "", title)  # 副市长（挂职）ranks as 副市长
    m = re.match(r"^(.{2,}?)(?=[省市州县区旗盟](?:委|长|人大|政协|政府|党|领导|纪委))", title)
    # strip a place (广元市委书记 ranks as 市委书记), never a zone's name (某经济技术开发区党委书记)
    if m and not re.search(r"副|常务|代", m.group(1)) and not _ZONE.search(title, 0, m.end(1) + 1):
        core = title[m.end(1) :]
    if province is not None and province.kind == "直辖市" and core + "@直辖市" in ranks:
        return ranks[core + "@直辖市"]
    if core in ranks:
        return ranks[core]
    if core.endswith("领导"):
        return 99
    return 100
