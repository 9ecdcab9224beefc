"""Whose official is whom, leaders, host cities and outlet provinces, on invented articles."""

from datetime import date

import pytest

from visits.extract import extract_visits
from visits.extract.gazetteer import find_places
from visits.extract.outlet import source_province, source_units
from visits.extract.places import host_cities


def _one(text, **kw):
    visits = extract_visits(text, **kw)
    assert len(visits) == 1, visits
    return visits[0]


def _people(v):
    return {o.name: (o.province, o.side) for o in v.officials}


NEUTRAL_LISTS = (
    "11日至12日，陕西省委书记尚文博率队赴江苏考察交流，并在盐城市召开座谈会。"
    "江苏省委书记邬立群主持会议并讲话，尚文博出席会议并讲话。"
    "陕西省委常委苗家和，陕西省领导鄢红、辜志明，省委副书记栗晓川，省委常委宾海燕出席会议。"
)


def test_a_list_that_restarts_from_the_top_is_the_other_side():
    v = _one(NEUTRAL_LISTS, published_date=date(2019, 6, 13))
    p = _people(v)
    assert p["鄢红"] == ("陕西省", "visiting")
    assert p["栗晓川"] == ("江苏省", "host")  # 省委副书记 after 省领导: a new list
    assert p["宾海燕"] == ("江苏省", "host")


def test_a_descending_list_keeps_its_side():
    text = (
        "5月8日，上海市党政代表团赴贵州考察。上海市委书记牟文涛，市委副书记、市长楼一鸣出席座谈会。"
        "贵州省委书记况立主持会议。"
    )
    p = _people(_one(text, published_date=date(2019, 5, 10), source="贵州日报"))
    assert p["楼一鸣"] == ("上海市", "visiting")
    assert p["况立"] == ("贵州省", "host")


CITY_PAIR = (
    "9月10日，青岛市委书记邸志强率队来我市开展协作交流。当天，两市召开座谈会。"
    "邸志强出席并讲话。市委书记漆海波主持会议。"
    "漆海波首先代表安顺对代表团一行表示欢迎。"
)


def test_who_a_person_speaks_for_sets_their_side():
    v = _one(CITY_PAIR, published_date=date(2019, 9, 11))
    assert _people(v)["漆海波"] == ("贵州省", "host")
    assert _people(v)["邸志强"] == ("山东省", "visiting")


def test_whoever_leads_the_delegation_is_a_visitor():
    text = "6月25日，市委书记迟海率队赴大连市对接协作工作。大连市委书记涂文出席座谈会。"
    v = _one(text, published_date=date(2020, 6, 26), source="六盘水日报")
    assert _people(v)["迟海"] == ("贵州省", "visiting")
    assert v.leader_names == ["迟海"]


def test_several_leaders():
    text = "3月2日，省委书记修文、省长丛林率江苏省党政代表团赴陕西考察。陕西省委书记赫明主持座谈会。"
    v = _one(text, published_date=date(2021, 3, 3), source="新华日报")
    assert v.leader_names == ["修文", "丛林"]


def test_outlets_without_a_place_in_their_name():
    assert source_province("大众日报").name == "山东省"
    assert source_province("南方日报").name == "广东省"
    assert source_province("贵州日报").name == "贵州省"
    assert source_province("人民日报") is None
    assert source_province("中国西藏网") is None  # central: 西藏 is the topic


def test_municipality_district_host_is_its_own_host_city():
    # a municipality has no prefecture-level places: the district that hosted is the place
    # (the real-article annotators' convention)
    text = "4月2日，青浦区党政代表团赴平谷区考察，先后来到平谷区金海湖镇。"
    v = _one(text, published_date=date(2020, 4, 3))
    assert v.host_province == "北京市" and v.host_cities == ["平谷区"]


def test_everyday_word_short_forms_count_only_as_places():
    text = "代表团先后来到太原、长治和朔州考察。"
    assert host_cities(text, "山西省") == ["太原市", "长治市", "朔州市"]
    assert host_cities("代表团到此考察，共话长治久安。", "山西省") == []
    # a place word inside a company name is not a visit to the place
    assert host_cities("代表团深入黄山茶业有限公司考察。", "安徽省") == []


def test_hezuo_the_word_is_not_hezuo_city():
    assert host_cities("代表团到甘南州合作市考察。", "甘肃省") == ["甘南藏族自治州"]
    assert host_cities("代表团到临夏州考察，共商深化合作市场对接。", "甘肃省") == ["临夏回族自治州"]


def test_speaks_for_an_everyday_word_short_form():
    # 中山 is kept out of the gazetteer's short forms (an ordinary word); the side's own name counts
    text = "5月20日，徐州市代表团赴中山市考察。市委书记邢丹主持会议。邢丹代表中山对代表团表示欢迎。"
    assert _people(_one(text, published_date=date(2020, 5, 21)))["邢丹"] == ("广东省", "host")


def test_homonym_county_prefix_takes_the_visits_province():
    # 东乡 is a county of 甘肃 and a district name in 江西: the visit decides
    text = "6月3日，厦门市考察团赴东乡族自治县考察。东乡县委书记牟立主持座谈会。"
    assert _people(_one(text, published_date=date(2022, 6, 4)))["牟立"] == ("甘肃省", "host")


def test_bare_group_title_in_a_home_paper_is_the_papers_side():
    text = (
        "3月5日，重庆市党政代表团赴广西考察，在南宁市召开座谈会。"
        "南宁市政协主席隋斌，市领导宣立、茹坚参加活动。"
    )
    p = _people(_one(text, published_date=date(2020, 3, 6), source="重庆日报"))
    assert p["隋斌"] == ("广西壮族自治区", "host")
    assert p["宣立"] == ("重庆市", "visiting")


def test_a_one_character_form_of_a_prefecture_named_in_the_article_is_the_host():
    text = (
        "前日，厦门市委书记缪晓东率厦门市党政代表团来临考察，并出席厦门·临夏东西部协作联席会议。"
        "临夏州委书记解文涛主持会议。"
    )
    v = _one(text, published_date=date(2022, 8, 19))
    assert (v.visiting_unit, v.host_province, v.host_unit) == ("厦门市", "甘肃省", "临夏回族自治州")
    assert v.start_date == date(2022, 8, 17)


def test_a_lone_character_no_place_in_the_article_explains_is_no_visit():
    assert extract_visits("6月3日，厦门市党政代表团来临考察。", published_date=date(2022, 6, 4)) == []


def test_a_county_written_under_its_prefecture_is_the_host_unit():
    text = "7月2日，上海市宝山区党政代表团到楚雄州大姚县考察东西部协作工作。大姚县委书记闵红出席。"
    v = _one(text, published_date=date(2020, 7, 3))
    assert (v.visiting_unit, v.host_unit, v.host_cities) == ("宝山区", "大姚县", ["楚雄彝族自治州"])


def test_a_prefecture_and_a_county_whose_name_starts_with_he_stay_one_place():
    text = "6月9日，宁波市鄞州区党政代表团到延边州和龙市考察。"
    v = _one(text, published_date=date(2021, 6, 10))
    assert v.host_unit == "和龙市"


def test_our_banner_takes_the_banner_another_sentence_names():
    text = (
        "北京市朝阳区党政代表团来我旗考察\n"
        "4月8日，朝阳区委书记文永康率朝阳区党政代表团到锡林郭勒盟正镶白旗考察京蒙协作工作。"
        "旗委书记乌日娜陪同。"
    )
    v = _one(text, published_date=date(2021, 4, 9))
    assert (v.visiting_unit, v.host_unit) == ("朝阳区", "正镶白旗")


def test_in_a_city_pair_the_side_whose_city_never_prefixes_a_title_is_the_papers():
    text = (
        "日前，市委书记莫立新率安顺市党政代表团赴青岛市对接协作工作。"
        "青岛市委副书记、市长庄一鸣，青岛市副市长钮文出席座谈会。"
        "市领导杭建、邝小雨随团考察。"
    )
    p = _people(_one(text, published_date=date(2019, 9, 11)))
    assert p["杭建"] == ("贵州省", "visiting")
    assert p["邝小雨"] == ("贵州省", "visiting")
    assert p["钮文"] == ("山东省", "host")


def test_bays_and_ports_named_after_a_city_are_not_visits_to_it():
    # 泉州湾 is a bay, 厦门漳州港 a port sharing two names: the visit is to the first city only
    text = "代表团先后考察了厦门漳州港海沧港区和泉州湾跨海大桥项目。"
    assert host_cities(text, "福建省") == ["厦门市"]
    assert host_cities("代表团先后到厦门、漳州港考察。", "福建省") == ["厦门市", "漳州市"]


def test_a_prefecture_renamed_from_diqu_to_shi_is_still_found():
    text = "8月3日，西藏自治区阿里市委书记强巴率阿里市党政代表团来冀考察。河北省委书记苗建国会见代表团。"
    v = _one(text, published_date=date(2026, 8, 4))
    assert (v.visiting_province, v.visiting_unit, v.host_province) == ("西藏自治区", "阿里地区", "河北省")


def test_a_county_delegation_goes_to_the_county_written_under_its_province():
    text = "5月6日，屏山县党政代表团赴浙江省嘉善县考察学习。嘉善县委书记钮一波出席座谈会。"
    assert _one(text, published_date=date(2021, 5, 7)).host_unit == "嘉善县"
    text = "5月6日，四川省党政代表团赴浙江杭州考察。"
    assert _one(text, published_date=date(2021, 5, 7)).host_unit == "浙江省"


def test_a_loose_destination_is_refined_by_an_exact_one_for_a_county_delegation():
    text = (
        "屏山县党政代表团赴浙江嘉善考察\n"
        "5月6日，县委书记柏一帆率屏山县党政代表团赴浙江省嘉善县考察学习。"
    )
    assert _one(text, published_date=date(2021, 5, 7)).host_unit == "嘉善县"


def test_a_district_leader_written_under_the_municipality_leads_the_district():
    text = "6月2日，天津市河西区委书记蔺一鸣带队到甘肃省陇南市考察东西部协作工作。"
    v = _one(text, published_date=date(2022, 6, 3))
    assert (v.visiting_unit, v.host_unit) == ("河西区", "陇南市")


def test_a_city_delegation_visiting_a_city_named_like_the_province_abbreviation():
    text = (
        "黔南州党政代表团来杭考察\n"
        "日前，黔南州委书记韦晓峰率黔南州党政代表团来杭考察，并出席杭州·黔南东西部协作联席会议。"
    )
    v = _one(text, published_date=date(2021, 3, 5))
    assert (v.host_province, v.host_unit) == ("浙江省", "杭州市")
    # a provincial delegation's 来浙 stays the province
    v = _one("4月1日，贵州省党政代表团来浙考察。", published_date=date(2021, 4, 2))
    assert v.host_unit == "浙江省"


def test_a_city_delegation_to_a_province_abbreviation_that_also_starts_a_named_city():
    text = (
        "东莞市党政代表团来桂考察\n"
        "日前，东莞市委书记卢文涛率东莞市党政代表团来桂考察，并出席东莞·桂林协作座谈会。"
    )
    v = _one(text, published_date=date(2021, 3, 5))
    assert (v.host_province, v.host_unit) == ("广西壮族自治区", "桂林市")
    v = _one("4月1日，广东省党政代表团来桂考察，在桂林市召开座谈会。", published_date=date(2021, 4, 2))
    assert v.host_unit == "广西壮族自治区"  # a provincial delegation's 来桂 stays the province


def test_a_county_short_form_resolves_to_the_county_the_article_names_in_full():
    text = (
        "6月9日，嘉兴市委副书记、市长钮晓东带队的嘉兴市党政代表团来九寨沟考察东西部协作工作。"
        "九寨沟县委书记泽仁多吉主持座谈会。"
    )
    v = _one(text, published_date=date(2021, 6, 10))
    assert (v.host_province, v.host_unit) == ("四川省", "九寨沟县")
    # without the full name anywhere the short form is trusted only for a paired province's
    # visitors (浙江 and 四川 are paired, 山东 and 四川 are not)
    (v,) = extract_visits("6月9日，嘉兴市党政代表团来九寨沟考察。", published_date=date(2021, 6, 10))
    assert v.host_unit == "九寨沟县"
    assert extract_visits("6月9日，济南市党政代表团来九寨沟考察。", published_date=date(2021, 6, 10)) == []


def test_people_of_an_earlier_visit_told_in_passing_are_not_this_visits():
    text = (
        "5月8日，市委书记冼志强率钦州市党政代表团赴东莞市考察。东莞市委书记麦立新主持座谈会。"
        "去年9月，东莞市委副书记邝海曾率东莞市党政代表团来钦州考察。"
    )
    v = _one(text, published_date=date(2021, 5, 9))
    assert {o.name for o in v.officials} == {"冼志强", "麦立新"}


def test_a_county_papers_our_city_is_the_prefecture_its_county_belongs_to():
    assert [u.name for u in source_units("雨城日报")] == ["雨城区"]
    assert source_units("湖南日报") == []  # a provincial paper is no county's
    text = "日前，我市党政代表团赴湖州市考察。湖州市委书记钮一波主持座谈会。市领导冉晓、邹一帆随团考察。"
    v = _one(text, published_date=date(2021, 3, 5), source="雨城日报")
    assert (v.visiting_province, v.visiting_unit) == ("四川省", "雅安市")
    assert _people(v)["冉晓"] == ("四川省", "visiting")


def test_a_suffixless_county_in_the_destination_slot_when_its_province_is_named():
    text = (
        "4月12日，苏州市吴江区党政代表团一行来到紫阳，考察苏陕协作项目。"
        "陕西省安康市副市长邝一鸣陪同。"
    )
    v = _one(text, published_date=date(2022, 4, 13))
    assert (v.host_province, v.host_unit) == ("陕西省", "紫阳县")
    # the county's province nowhere in the text: trusted only for a paired province's visitors
    # (江苏 and 陕西 are paired, 山东 and 陕西 are not)
    (v,) = extract_visits("4月12日，吴江区党政代表团一行来到紫阳，考察。", published_date=date(2022, 4, 13))
    assert v.host_unit == "紫阳县"
    assert extract_visits("4月12日，历下区党政代表团一行来到紫阳，考察。", published_date=date(2022, 4, 13)) == []


# Round 4 (hand-written held-out pages): more ways a delegation's movement is told.
def test_a_delegation_that_goes_deep_into_our_county():
    v = _one(
        "5月9日，江门市蓬江区考察团深入我县，考察东西部协作项目。县委书记邵立川陪同考察。",
        source="威宁县融媒体中心", published_date=date(2023, 5, 11),
    )
    assert (v.visiting_unit, v.host_unit, v.host_province) == ("蓬江区", "威宁彝族回族苗族自治县", "贵州省")


def test_a_delegation_told_as_being_in_the_host_province():
    v = _one("6月3日至5日，江苏省委副书记、省长符连舟率江苏省党政代表团在青海考察对口支援工作。",
             published_date=date(2020, 6, 6))
    assert (v.visiting_province, v.host_province, v.start_md, v.end_md) == ("江苏省", "青海省", "06-03", "06-05")


def test_a_provincial_department_team_led_to_our_prefecture():
    v = _one(
        "本报讯 3月2日至3日，浙江省农业农村厅党组书记、厅长卜文江带领调研组到我州调研东西部协作工作。",
        source="黔东南日报", published_date=date(2022, 3, 5),
    )
    assert (v.visiting_unit, v.host_province, v.leader_names) == ("浙江省", "贵州省", ["卜文江"])
    assert v.host_unit == "黔东南苗族侗族自治州"


def test_jiang_the_colloquial_form_of_xinjiang():
    v = _one("9月6日至8日，江西省委书记阮清和率江西省党政代表团来疆，考察对口援疆工作。",
             published_date=date(2018, 9, 9))
    assert (v.visiting_province, v.host_province) == ("江西省", "新疆维吾尔自治区")


def test_a_dateline_day_is_not_the_visit_day():
    v = _one(
        "本报西宁4月20日讯（记者 穆兰）4月17日至19日，山东省委书记郜启明率山东省党政代表团来青考察。",
        published_date=date(2021, 4, 21),
    )
    assert (v.start_md, v.end_md) == ("04-17", "04-19")


def test_an_autonomous_county_is_written_with_its_short_suffix_and_read_by_the_pairing():
    # 东乡县 is both a county of 江西 and 甘肃's 东乡族自治县; only 甘肃 is paired with 山东.
    v = _one(
        "11月2日，县委书记马成山带领我县考察团赴山东省济南市考察对接东西部协作工作。",
        source="东乡县融媒体中心", published_date=date(2022, 11, 5),
    )
    assert (v.visiting_province, v.visiting_unit) == ("甘肃省", "东乡族自治县")
    assert v.host_unit == "济南市"  # the city it went to, not a district it toured


def test_of_two_reports_of_one_movement_the_longer_range_dates_the_visit():
    v = _one(
        "7月2日，福建省党政代表团在银川参观展览。7月2日至4日，福建省委书记闵宗海率福建省党政代表团到宁夏考察。",
        published_date=date(2020, 7, 6),
    )
    assert (v.start_md, v.end_md) == ("07-02", "07-04")


def test_a_delegation_that_could_not_travel_is_no_visit():
    text = ("本报讯 4月2日，两地协作联席会议以视频方式召开。受疫情影响，今年嘉兴市党政代表团未能赴阿坝州实地考察。"
            "嘉兴市委书记冯晓川在主会场讲话，州委书记泽仁扎西在分会场讲话。")
    assert extract_visits(text, source="阿坝日报", published_date=date(2022, 4, 3)) == []


def test_one_character_of_the_outlets_own_county_is_the_host():
    v = _one(
        "8月2日至3日，崂山区委书记许成林率青岛市崂山区党政代表团来礼考察对接东西部协作工作。县委书记汪永亮陪同考察。",
        source="礼县融媒体中心", published_date=date(2022, 8, 5),
    )
    assert (v.visiting_unit, v.host_unit, v.host_province) == ("崂山区", "礼县", "甘肃省")


def test_a_county_level_city_renamed_a_district_is_still_found():
    # 即墨市 became 即墨区 in 2017; the packaged gazetteer predates it.
    v = _one("11月7日，即墨区党政代表团赴宕昌县考察东西部协作工作。", published_date=date(2022, 11, 9))
    assert (v.visiting_province, v.host_province, v.host_unit) == ("山东省", "甘肃省", "宕昌县")


def test_a_county_renamed_a_county_level_city_is_still_found():
    # 兴仁县 became 兴仁市 in 2018, 盘县 盘州市 in 2017; the packaged gazetteer predates both.
    v = _one("6日，宁波市政府副秘书长郑海波带领宁波市对口帮扶黔西南工作组一行来到兴仁市，考察帮扶项目。")
    assert (v.visiting_unit, v.host_unit, v.host_province) == ("宁波市", "兴仁县", "贵州省")
    v = _one("4月3日，盘州市党政代表团赴宁波市镇海区考察东西部协作工作。", published_date=date(2021, 4, 5))
    assert (v.visiting_unit, v.host_unit) == ("盘县", "镇海区")


def test_the_fuller_host_list_wins_over_a_county_toured_inside_one_host():
    title = "杭州市党政代表团来到贵州黔东南州黔南州"
    body = (
        "6月2日至4日，杭州市党政代表团来到贵州省黔东南州、黔南州，推进东西部协作。"
        "杭州市党政代表团走访了黔东南州雷山县郎德镇茶园。"
    )
    v = _one(title + "\n" + body, title=title)
    assert v.host_unit == "黔东南苗族侗族自治州、黔南布依族苗族自治州"


def test_the_hosts_escort_between_a_group_and_its_movement():
    v = _one("5月9日，嘉兴市政协考察团一行在县委书记田振宇的陪同下，先后深入丹寨县龙泉镇、排调镇考察。")
    assert (v.visiting_unit, v.host_unit) == ("嘉兴市", "丹寨县")


def test_a_place_inside_the_leaders_name_is_not_the_group():
    text = (
        "5月9日，天津市河北区·泾川县东西部协作联席会议在泾川县召开。天津市河北区委副书记、区长韩玉林一行出席。"
        "会前，韩玉林一行来到泾川县王村镇，察看协作项目。"
    )
    assert [(v.visiting_unit, v.host_unit) for v in extract_visits(text)] == [("河北区", "泾川县")]


def test_places_listed_before_one_group_word_with_xianhou_each_sent_a_delegation():
    text = (
        "6月12日至14日，广州市、佛山市党政代表团先后来黔，分别在毕节市、黔东南州考察东西部协作工作。"
        "6月12日至13日，广州市委书记区建明率广州市党政代表团到毕节市考察。"
        "6月13日至14日，佛山市委书记梁海生率佛山市党政代表团到黔东南州考察。"
    )
    assert [(v.visiting_unit, v.host_unit, v.start_md) for v in extract_visits(text)] == [
        ("广州市", "毕节市", "06-12"),
        ("佛山市", "黔东南苗族侗族自治州", "06-13"),
    ]


def test_a_provinces_abbreviation_stays_the_province_when_its_other_cities_follow():
    # 苏 also starts 苏州, but the sentence goes on to name 无锡 as well
    v = _one("5月6日，铜仁市党政代表团赴苏考察，分别在苏州市、无锡市开展对接。")
    assert (v.visiting_unit, v.host_unit) == ("铜仁市", "江苏省")


# Bare titles and the side they are on: (sentence, source, host unit, [(name, side, province)]),
# invented names
_BARE_TITLE_SIDES = [
    # in a prefecture's own paper, on a visit to one of its counties, 市长 is the city's
    ("5月8日，在市长吴立新的陪同下，珠海市考察团一行深入湄潭县考察。", "遵义日报", "湄潭县", [("吴立新", "host", "贵州省")]),
    # in a prefecture's paper, on a visit to its province, 市长 is still the prefecture's
    (
        "8月25日，北京市代表团来西藏考察对口支援工作。下午，北京·拉萨对口支援工作座谈会在城关区召开，"
        "拉萨市委书记次仁旺堆主持，市委副书记、市长罗布顿珠介绍情况。",
        "拉萨日报",
        "西藏自治区",
        [("次仁旺堆", "host", "西藏自治区"), ("罗布顿珠", "host", "西藏自治区")],
    ),
    # after one clause of what a named official did, a title going down in rank is theirs too
    (
        "8月5日，上海市党政代表团来西藏考察。7日，上海·日喀则对口支援工作座谈会在日喀则召开。"
        "日喀则市委书记索朗平措主持座谈会，市委副书记、市长次旦罗布介绍情况。",
        "西藏日报",
        "西藏自治区",
        [("索朗平措", "host", "西藏自治区"), ("次旦罗布", "host", "西藏自治区")],
    ),
]


@pytest.mark.parametrize(("text", "source", "host", "people"), _BARE_TITLE_SIDES, ids=lambda x: str(x)[:12])
def test_bare_title_side_case(text: str, source: str, host: str, people: list[tuple[str, str, str]]) -> None:
    (v,) = extract_visits(text, source=source)
    assert (v.host_unit, [(o.name, o.side, o.province) for o in v.officials]) == (host, people)


def test_two_bodies_groups_on_consecutive_days_are_two_trips():
    text = (
        "5月13日至14日，泰州市人社局局长韩立新率泰州市人社系统工作组来我市对接劳务协作。"
        "5月15日至16日，泰州市农业农村局局长周海平率泰州市农业帮扶工作组来我市，考察产业帮扶项目。"
    )
    visits = extract_visits(text, source="六盘水日报")
    assert [(v.start_md, v.leader_names) for v in visits] == [("05-13", ["韩立新"]), ("05-15", ["周海平"])]
    # the next day's leg of one delegation stays one trip
    text = "5月13日至14日，泰州市党政代表团来我市考察。市委书记韩立新率队。5月15日，代表团一行来到盘州市，副市长周海平陪同考察。"
    assert len(extract_visits(text, source="六盘水日报")) == 1


def test_a_zone_officials_group_is_the_city_the_article_writes_the_zone_under():
    text = (
        "11月3日，东莞松山湖高新区向德江县捐赠一批帮扶物资。松山湖高新区党工委委员、管委会副主任郭立平一行出席捐赠活动。"
        "活动结束后，郭立平一行还到德江县煎茶镇进行调研。"
    )
    assert [(v.visiting_unit, v.host_unit) for v in extract_visits(text, source="德江县融媒体中心")] == [
        ("东莞市", "德江县")
    ]


def test_a_big_city_is_no_renamed_county():
    assert [h.text for h in find_places("推动大城市与小城镇协调发展")] == []


def test_a_word_ending_in_district_is_not_a_place():
    assert [h.text for h in find_places("推动平原区域协调发展")] == []


def test_our_prefecture_in_an_outlet_named_after_no_place_is_the_one_the_article_names():
    v = _one(
        "昨日，宁波市委副书记、市长汤建中率宁波市党政代表团来我州考察东西部协作工作，并出席甬黔协作座谈会。"
        "代表团一行先后来到都匀市、瓮安县，考察宁波援建项目。黔南州委书记龙立新陪同。",
        source="某某报", published_date=date(2021, 6, 12),
    )
    assert (v.visiting_unit, v.host_unit) == ("宁波市", "黔南布依族苗族自治州")


def test_a_province_host_gives_way_to_the_one_prefecture_every_toured_place_lies_in():
    v = _one(
        "6月4日至5日，苏州市党政代表团来黔考察东西部协作工作。代表团一行先后来到碧江区、江口县、石阡县，考察帮扶项目。",
        published_date=date(2022, 6, 7),
    )
    assert (v.visiting_unit, v.host_unit, v.host_cities) == ("苏州市", "铜仁市", ["铜仁市"])


def test_a_city_named_exactly_as_the_host_is_not_narrowed_to_a_district_toured():
    v = _one(
        "5月6日至7日，六盘水市委书记龙江华率六盘水市代表团到大连市调研东西部协作工作。代表团一行先后来到大连甘井子区，考察农产品交易中心。",
        published_date=date(2021, 5, 9),
    )
    assert (v.visiting_unit, v.host_unit) == ("六盘水市", "大连市")


def test_a_list_keeps_going_on_the_side_whose_kind_of_unit_its_title_names():
    # 省领导 then 自治区领导 in a wire report: the second list is the autonomous region's
    v = _one(
        "5月18日至20日，福建省党政代表团在宁夏考察，双方召开闽宁协作联席会议。"
        "福建省委书记岑立言，宁夏回族自治区党委书记扈思源出席会议并讲话。"
        "省领导甘文若、季松年，自治区领导柴德明、闵若兰参加。"
    )
    p = _people(v)
    assert p["季松年"] == ("福建省", "visiting")
    assert p["柴德明"] == p["闵若兰"] == ("宁夏回族自治区", "host")


def test_a_secretary_listed_before_the_governor_who_leads_leads_too():
    v = _one(
        "3月26日至28日，省委书记蔺知远，省委副书记、省长冉青山率四川省党政代表团赴浙江学习考察。"
        "浙江省委书记濮怀德，省委副书记、省长孟长河参加有关活动。",
        source="浙江日报",  # the paper's side is the host's: an unprefixed 省委书记 would be its own
    )
    assert v.leader_names == ["蔺知远", "冉青山"]
    assert _people(v)["蔺知远"] == ("四川省", "visiting")


def test_the_hosts_named_before_the_leaders_of_the_group_stay_hosts():
    v = _one(
        "1月9日，浙江省委书记夏知秋，省委副书记、省长季明川与青海省海西州州委书记甘若水，"
        "州委副书记、州长诺敏率领的党政代表团进行了座谈。代表团来浙考察。"
    )
    assert _people(v)["季明川"] == ("浙江省", "host")
