"""Reference data: provinces, pairings, title ranks and a gazetteer built from cpca's adcodes."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
EXCLUDED = {"台湾省", "香港特别行政区", "澳门特别行政区"}

# Ethnic tokens used to derive the short form of autonomous prefectures (甘南藏族自治州 -> 甘南州).
ETHNIC = [
    "藏族",
    "彝族",
    "苗族",
    "侗族",
    "布依族",
    "土家族",
    "回族",
    "哈萨克",
    "柯尔克孜",
    "蒙古族",
    "蒙古",
    "朝鲜族",
    "傈僳族",
    "白族",
    "傣族",
    "景颇族",
    "哈尼族",
    "壮族",
    "羌族",
]

CAPITALS = {
    "河北省": "石家庄市",
    "山西省": "太原市",
    "内蒙古自治区": "呼和浩特市",
    "辽宁省": "沈阳市",
    "吉林省": "长春市",
    "黑龙江省": "哈尔滨市",
    "江苏省": "南京市",
    "浙江省": "杭州市",
    "安徽省": "合肥市",
    "福建省": "福州市",
    "江西省": "南昌市",
    "山东省": "济南市",
    "河南省": "郑州市",
    "湖北省": "武汉市",
    "湖南省": "长沙市",
    "广东省": "广州市",
    "广西壮族自治区": "南宁市",
    "海南省": "海口市",
    "四川省": "成都市",
    "贵州省": "贵阳市",
    "云南省": "昆明市",
    "西藏自治区": "拉萨市",
    "陕西省": "西安市",
    "甘肃省": "兰州市",
    "青海省": "西宁市",
    "宁夏回族自治区": "银川市",
    "新疆维吾尔自治区": "乌鲁木齐市",
}
SUB_PROVINCIAL = {
    "广州市",
    "深圳市",
    "南京市",
    "杭州市",
    "宁波市",
    "厦门市",
    "青岛市",
    "大连市",
    "济南市",
    "西安市",
    "成都市",
    "武汉市",
    "沈阳市",
    "长春市",
    "哈尔滨市",
}
# One-character forms used in pair names (沪遵, 莞铜, 青定); default is the first character.
CITY_ABBR = {
    "东莞市": "莞",
    "宁波市": "甬",
    "杭州市": "杭",
    "广州市": "穗",
    "福州市": "榕",
    "厦门市": "厦",
    "青岛市": "青",
    "深圳市": "深",
    "六盘水市": "六",
    "黔南布依族苗族自治州": "黔南",
    "黔东南苗族侗族自治州": "黔东南",
    "黔西南布依族苗族自治州": "黔西南",
}
NEWSPAPERS = {
    "北京市": "北京日报",
    "天津市": "天津日报",
    "上海市": "解放日报",
    "重庆市": "重庆日报",
    "江苏省": "新华日报",
    "广东省": "南方日报",
    "山东省": "大众日报",
    "河北省": "河北日报",
    "山西省": "山西日报",
    "内蒙古自治区": "内蒙古日报",
    "辽宁省": "辽宁日报",
    "吉林省": "吉林日报",
    "黑龙江省": "黑龙江日报",
    "浙江省": "浙江日报",
    "安徽省": "安徽日报",
    "福建省": "福建日报",
    "江西省": "江西日报",
    "河南省": "河南日报",
    "湖北省": "湖北日报",
    "湖南省": "湖南日报",
    "广西壮族自治区": "广西日报",
    "海南省": "海南日报",
    "四川省": "四川日报",
    "贵州省": "贵州日报",
    "云南省": "云南日报",
    "西藏自治区": "西藏日报",
    "陕西省": "陕西日报",
    "甘肃省": "甘肃日报",
    "青海省": "青海日报",
    "宁夏回族自治区": "宁夏日报",
    "新疆维吾尔自治区": "新疆日报",
}
NEUTRAL_SOURCES = ["新华网", "人民网", "中国新闻网", "央广网", "中国日报网", "光明网"]


@dataclass(frozen=True)
class Province:
    code: str
    full: str
    short: str
    abbr: str
    kind: str  # 省 / 直辖市 / 自治区
    region: str

    @property
    def is_muni(self) -> bool:
        return self.kind == "直辖市"

    @property
    def is_ar(self) -> bool:
        return self.kind == "自治区"


@dataclass(frozen=True)
class Unit:
    """A prefecture- or county-level unit."""

    code: str
    full: str
    short: str  # form used in running text (甘南州, 遵义, 沿河县)
    level: str  # prefecture / county
    province: str  # full province name
    prefecture: str | None  # for counties: the full name of the prefecture (None under a 直辖市)

    @property
    def kind(self) -> str:
        """市 / 州 / 地区 / 盟 / 县 / 区 / 旗 (suffix class used by titles)."""
        f = self.full
        if f.endswith("地区"):
            return "地区"
        for suf in ("州", "盟", "县", "区", "旗", "市"):
            if f.endswith(suf):
                return suf
        return "市"


@dataclass
class Gazetteer:
    provinces: dict[str, Province]
    prefectures: dict[str, list[Unit]] = field(default_factory=dict)  # province -> units
    counties: dict[str, list[Unit]] = field(default_factory=dict)  # prefecture full (or muni) -> units
    by_name: dict[str, Unit] = field(default_factory=dict)


SHORT_OVERRIDES = {
    "博尔塔拉蒙古自治州": "博州",
    "巴音郭楞蒙古自治州": "巴州",
    "克孜勒苏柯尔克孜自治州": "克州",
}


def _short_form(full: str, level: str) -> str:
    if full in SHORT_OVERRIDES:
        return SHORT_OVERRIDES[full]
    if full.endswith("自治州"):
        base = full[:-3]
        idx = min((base.find(t) for t in ETHNIC if base.find(t) >= 2), default=-1)
        return (base[:idx] if idx > 0 else base[:2]) + "州"
    if full.endswith("自治县"):
        base = full[:-3]
        idx = min((base.find(t) for t in ETHNIC if base.find(t) >= 2), default=-1)
        return (base[:idx] if idx > 0 else base[:2]) + "县"
    if level == "prefecture" and full.endswith("市") and len(full) >= 3:
        return full[:-1]
    return full


def _cpca_csv() -> Path:
    """cpca's bundled table, located without importing cpca (which pulls pandas)."""
    import importlib.util

    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("cpca is not installed; it ships the GB/T 2260 table the generator reads")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    provinces: dict[str, Province] = {}
    with open(SEEDS / "provinces.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["name"] in EXCLUDED:
                continue
            provinces[r["name"]] = Province(
                r["province_code"],
                r["name"],
                r["short_name"],
                r["abbreviation"],
                r["province_type"],
                r["region"],
            )
    by_code = {p.code[:2]: p for p in provinces.values()}
    gz = Gazetteer(provinces)
    rows: dict[str, str] = {}
    with open(_cpca_csv(), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows[r["adcode"][:6]] = r["name"]
    pref_names: dict[str, str] = {}
    for code, name in sorted(rows.items()):
        p = by_code.get(code[:2])
        if p is None or code[2:] == "0000" or code[4:] != "00":
            continue
        if p.is_muni or name in ("市辖区", "县") or "直辖" in name:
            continue
        u = Unit(code, name, _short_form(name, "prefecture"), "prefecture", p.full, None)
        gz.prefectures.setdefault(p.full, []).append(u)
        pref_names[code[:4]] = name
    for code, name in sorted(rows.items()):
        p = by_code.get(code[:2])
        if p is None or code[4:] == "00" or name == "市辖区" or not re.search(r"[县区市旗]$", name):
            continue
        parent = p.full if p.is_muni else pref_names.get(code[:4])
        if parent is None:
            continue
        u = Unit(code, name, _short_form(name, "county"), "county", p.full, None if p.is_muni else parent)
        gz.counties.setdefault(parent, []).append(u)
    for lst in list(gz.prefectures.values()) + list(gz.counties.values()):
        for u in lst:
            gz.by_name.setdefault(u.full, u)
    return gz


@lru_cache(maxsize=1)
def load_pairings() -> list[dict[str, str]]:
    with open(SEEDS / "reference_pairings.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def load_title_ranks() -> dict[str, int]:
    with open(SEEDS / "titles.csv", encoding="utf-8") as fh:
        return {r["title"]: int(r["rank"]) for r in csv.DictReader(fh)}


def newspaper_for(province: str) -> str:
    return NEWSPAPERS.get(province, province[:2] + "日报")


def unit_abbr(name: str, gz: Gazetteer) -> str:
    """One-character form for pair names: a province's 简称 or a city's first character."""
    if name in gz.provinces:
        return gz.provinces[name].abbr
    return CITY_ABBR.get(name, name[0])
