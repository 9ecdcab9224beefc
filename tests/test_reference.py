"""The seeds load, and the gazetteer seed is what scripts/build_gazetteer.py makes of cpca's table."""

import csv
import importlib.util
from pathlib import Path

import pytest

from visits import reference
from visits.extract.names import short_form

REPO = Path(__file__).resolve().parent.parent


def test_provinces_complete():
    provs = reference.provinces()
    assert len(provs) == 34
    assert reference.province_by_name()["广西"].name == "广西壮族自治区"
    assert reference.province_by_name()["上海市"].unit_char == "市"
    assert reference.province_by_name()["宁夏"].unit_char == "区"


def test_divisions_have_parents_and_provinces():
    by_code = reference.division_by_code()
    levels = {d.level for d in by_code.values()}
    assert levels == {"province", "prefecture", "county"}
    for d in by_code.values():
        assert d.province_code in by_code
        assert by_code[d.province_code].name == d.province_name
        if d.level != "province":
            assert d.parent_code in by_code
            assert d.prefecture_code in by_code


def test_special_parents():
    by_name = {d.name: d for d in reference.divisions() if d.level == "county"}
    # 直辖市 district: the municipality is its prefecture-level place
    assert by_name["虹口区"].prefecture_name == "上海市"
    # 省直辖县级 city: stands for itself under the province
    assert by_name["潜江市"].parent_code == "420000"
    assert by_name["潜江市"].prefecture_name == "潜江市"


@pytest.mark.parametrize(
    "name,level,short",
    [
        ("延边朝鲜族自治州", "prefecture", "延边"),
        ("黔南布依族苗族自治州", "prefecture", "黔南"),
        ("博尔塔拉蒙古自治州", "prefecture", "博尔塔拉"),
        ("大兴安岭地区", "prefecture", "大兴安岭"),
        ("锡林郭勒盟", "prefecture", "锡林郭勒"),
        ("积石山保安族东乡族撒拉族自治县", "county", "积石山"),
        ("广西壮族自治区", "province", "广西"),
        ("内蒙古自治区", "province", "内蒙古"),
        ("万柏林区", "county", "万柏林"),
        ("沙县", "county", "沙县"),  # too short to strip
    ],
)
def test_short_forms_by_rule(name, level, short):
    assert short_form(name, level) == short


def test_seed_matches_builder():
    cpca = importlib.util.find_spec("cpca")
    if cpca is None:
        pytest.skip("cpca not installed")
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    rows = mod.build_rows(mod.default_adcodes())
    with (REPO / "seeds" / "admin_divisions.csv").open(encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh)) == rows


def test_title_ranks():
    ranks = reference.title_ranks()
    assert ranks["省委书记"] < ranks["省长"] < ranks["省委副书记"] < ranks["副省长"]
    assert ranks["市委书记@直辖市"] < ranks["市委书记"]
