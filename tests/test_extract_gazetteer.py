"""Place hits need context: 合作 the word is not 合作市, 三河村 is not 三河市."""

from visits.extract import extract_visits
from visits.extract.gazetteer import find_places, lookup_province, resolve_unit
from visits.extract.places import host_cities


def _names(text):
    return [h.text for h in find_places(text)]


def test_short_forms_resolve_to_full_names():
    assert resolve_unit("延边州").name == "延边朝鲜族自治州"
    assert resolve_unit("甘南").name == "甘南藏族自治州"
    assert resolve_unit("黔南").name == "黔南布依族苗族自治州"
    assert resolve_unit("凉山").name == "凉山彝族自治州"
    assert resolve_unit("积石山县").name == "积石山保安族东乡族撒拉族自治县"


def test_province_lookups():
    assert lookup_province("甘").name == "甘肃省"
    assert lookup_province("陇").name == "甘肃省"
    assert lookup_province("中共广西壮族自治区").name == "广西壮族自治区"
    assert lookup_province("内蒙古").name == "内蒙古自治区"


def test_cooperation_word_is_not_the_city():
    assert "合作市" not in _names("推进产业合作市场化运作")
    assert "合作市" in _names("代表团来到合作市考察")


def test_village_is_not_the_city():
    assert not any(n.startswith("三河") for n in _names("走访了三岔河乡三河村"))


def test_homonyms_prefer_given_province():
    assert resolve_unit("城关区", ("西藏自治区",)).province_name == "西藏自治区"
    assert resolve_unit("城关区", ("甘肃省",)).province_name == "甘肃省"


def test_host_cities_need_a_visit_word():
    text = "双方表示要支持定西、陇南发展。代表团到临夏州东乡县考察，并在兰州召开座谈会。"
    assert host_cities(text, "甘肃省") == ["临夏回族自治州", "兰州市"]


def test_host_cities_skip_speech_verbs():
    text = "他说，我们认识到帮扶甘南州的重要性。代表团先后来到天水市麦积区。"
    assert host_cities(text, "甘肃省") == ["天水市"]


def test_place_inside_company_or_street_name():
    text = "代表团在兰州考察了张掖路步行街和定西薯业公司驻兰州办事处。"
    assert host_cities(text, "甘肃省") == ["兰州市"]


def test_host_cities_only_in_host_province():
    text = "代表团到遵义市考察了上海援建的项目，又到杭州市参观。"
    assert host_cities(text, "贵州省") == ["遵义市"]


def test_cooperation_city_in_host_cities():
    text = "代表团来到甘南州夏河县和合作市，加强产业合作。"
    assert host_cities(text, "甘肃省") == ["甘南藏族自治州"]


def test_pair_names():
    from visits.extract.province_names import pair_provinces

    pairs = [
        (a.short_name, b.short_name)
        for a, b in pair_provinces("深化苏陕协作，推进沪滇扶贫协作，浙川东西部协作")
    ]
    assert pairs == [("江苏", "陕西"), ("上海", "云南"), ("浙江", "四川")]


def test_places_where_work_was_done_over_the_years_are_not_visited():
    text = (
        "8月5日至7日，浙江省党政代表团赴四川考察，在成都市、阿坝州考察东西部协作工作。"
        "自2016年以来，浙江在阿坝、甘孜、凉山三州实施了一大批帮扶项目。"
    )
    assert [v.host_cities for v in extract_visits(text)] == [["成都市", "阿坝藏族羌族自治州"]]
