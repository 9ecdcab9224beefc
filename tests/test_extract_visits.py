"""Whole invented articles: every level of visit, direction cues, non-visits."""

from datetime import date

from visits.extract import extract_visits


def _one(text, **kw):
    visits = extract_visits(text, **kw)
    assert len(visits) == 1, visits
    return visits[0]


def _people(v):
    return {o.name: (o.province, o.side, o.titles) for o in v.officials}


PROVINCE_VISIT = (
    "本报讯 5月20日至22日，山东省党政代表团来渝考察鲁渝协作工作。21日上午，鲁渝东西部协作第五次联席会议在万州区召开。"
    "市委书记、市人大常委会主任甘霖主持会议并讲话，山东省委书记、省人大常委会主任宓文成出席并讲话。"
    "山东省委副书记、省长凤鸣岐，市委副书记、市长靳宇分别介绍情况。\n"
    "山东省领导褚海涛、郏立民，市领导庹东、阚小雨参加活动。\n"
    "在渝期间，代表团先后来到巫山县、奉节县考察。（记者 邵晓丹 摄）"
)


def test_province_to_municipality_from_the_host_paper():
    v = _one(PROVINCE_VISIT, published_date=date(2023, 5, 24), source="重庆日报")
    assert (v.visiting_province, v.host_province) == ("山东省", "重庆市")
    assert (v.visiting_unit, v.host_unit) == ("山东省", "重庆市")
    assert (v.start_date, v.end_date) == (date(2023, 5, 20), date(2023, 5, 22))
    assert v.meeting_name == "鲁渝东西部协作第五次联席会议"
    assert v.host_cities == []  # a municipality has no prefecture-level places (SCHEMA)
    assert v.leader_names == ["宓文成"]
    p = _people(v)
    assert p["甘霖"] == ("重庆市", "host", ["市委书记", "市人大常委会主任"])
    assert p["宓文成"] == ("山东省", "visiting", ["省委书记", "省人大常委会主任"])
    assert p["靳宇"][:2] == ("重庆市", "host")
    assert p["褚海涛"] == ("山东省", "visiting", ["省领导"])
    assert p["阚小雨"] == ("重庆市", "host", ["市领导"])
    assert "邵晓丹" not in p


CITY_VISIT = (
    "7月12日至14日，湖州市党政代表团赴广元市考察对接东西部协作工作。13日上午，湖州·广元东西部协作联席会议在利州区召开。"
    "广元市委书记欧阳明远主持会议，市委书记司马青云出席并讲话。广元市委副书记、市长钱立新，市委副书记、市长冉晓峰分别介绍情况。"
    "在广元期间，代表团一行先后来到苍溪县、剑阁县，考察了猕猴桃产业园。"
)


def test_city_to_city_from_the_visiting_paper():
    v = _one(CITY_VISIT, published_date=date(2021, 7, 16), source="湖州日报")
    assert (v.visiting_province, v.host_province) == ("浙江省", "四川省")
    assert (v.visiting_unit, v.host_unit) == ("湖州市", "广元市")
    assert v.host_cities == ["广元市"]
    assert v.meeting_name == "湖州·广元东西部协作联席会议"
    assert v.leader_names == ["司马青云"]
    p = _people(v)
    assert p["欧阳明远"][:2] == ("四川省", "host")
    assert p["司马青云"][:2] == ("浙江省", "visiting")
    assert p["冉晓峰"][:2] == ("浙江省", "visiting")


COUNTY_VISIT = (
    "9月3日至5日，宁海县党政代表团赴和龙市、汪清县开展东西部协作对接。县委书记甄宇航率队，县委副书记、县长邝文涛参加。"
    "和龙市委书记金永哲、汪清县委书记朴春华陪同考察。"
)


def test_county_to_two_counties():
    v = _one(COUNTY_VISIT, published_date=date(2022, 9, 7))
    assert (v.visiting_unit, v.host_unit) == ("宁海县", "和龙市、汪清县")
    assert (v.visiting_province, v.host_province) == ("浙江省", "吉林省")
    assert v.host_cities == ["延边朝鲜族自治州"]
    assert v.leader_names == ["甄宇航"]
    p = _people(v)
    assert p["邝文涛"] == ("浙江省", "visiting", ["县委副书记", "县长"])
    assert p["朴春华"][:2] == ("吉林省", "host")


def test_relative_days_one_character_destination_and_chain_inheritance():
    text = (
        "前昨两天，江西省党政代表团来闽考察学习。省委书记、省人大常委会主任易大川，省委副书记、省长骆青松参加有关活动。"
        "江西省委书记上官明辉，省委常委、秘书长卜春来、郁文达，副省长阿不都热合曼·买买提参加考察。"
    )
    v = _one(text, published_date=date(2021, 3, 10), source="福建日报")
    assert (v.visiting_province, v.host_province) == ("江西省", "福建省")
    assert (v.start_md, v.end_md) == ("03-08", "03-09")
    p = _people(v)
    assert p["易大川"][:2] == ("福建省", "host")
    assert p["卜春来"] == ("江西省", "visiting", ["省委常委", "秘书长"])
    assert p["阿不都热合曼·买买提"][:2] == ("江西省", "visiting")
    assert v.leader_names == ["上官明辉"]


def test_autonomous_region_and_central_unit_and_previous_year():
    text = (
        "12月30日至31日，北京市党政代表团赴内蒙古自治区考察京蒙协作工作。自治区党委书记乌云其木格主持京蒙扶贫协作第十次联席会议。"
        "北京市委书记、市人大常委会主任诸葛长风出席并讲话，内蒙古自治区党委副书记、自治区主席巴特尔，北京市委副书记、市长皇甫泽介绍情况。"
        "北京市领导宫大伟、汤小川，国家乡村振兴局副局长庞立新，自治区领导那日苏、白玉兰参加。在兴安盟期间，代表团深入科尔沁右翼前旗考察。"
    )
    v = _one(text, published_date=date(2020, 1, 3))
    assert v.start_date == date(2019, 12, 30)
    assert v.host_cities == ["兴安盟"]
    assert v.meeting_name == "京蒙扶贫协作第十次联席会议"
    p = _people(v)
    assert p["乌云其木格"][:2] == ("内蒙古自治区", "host")
    assert p["巴特尔"] == ("内蒙古自治区", "host", ["自治区党委副书记", "自治区主席"])
    assert p["庞立新"][0] is None
    assert p["那日苏"] == ("内蒙古自治区", "host", ["自治区领导"])
    assert v.leader_names == ["诸葛长风"]


def test_we_province_and_delegating_official():
    text = (
        "近日，福建省党政代表团来我区考察闽宁协作。自治区党委书记季长河会见代表团一行。"
        "省长戚远帆委托副省长仇嘉伟率队出席闽宁协作第二十四次联席会议。代表团到固原市西吉县考察了村党支部书记马有福家的养殖场。"
    )
    v = _one(text, source="宁夏日报")
    assert (v.visiting_province, v.host_province) == ("福建省", "宁夏回族自治区")
    assert v.start_date is None and v.start_md is None
    p = _people(v)
    assert "戚远帆" not in p and "马有福" not in p
    assert v.leader_names == ["仇嘉伟"]
    assert v.host_cities == ["固原市"]


def test_we_province_without_source_uses_the_other_named_province():
    text = (
        "6月5日，上海市代表团到我省考察沪滇协作。省委书记施远平陪同。代表团来到云南省大理州宾川县考察，"
        "上海市委书记宁文博率队。上海市领导於家明，云南省领导查明亮参加。"
    )
    v = _one(text, published_date=date(2020, 6, 7))
    assert (v.visiting_province, v.host_province) == ("上海市", "云南省")
    assert v.host_cities == ["大理白族自治州"]
    assert _people(v)["施远平"][:2] == ("云南省", "host")
    assert v.leader_names == ["宁文博"]


def test_leader_walk_back_over_a_title_chain():
    text = (
        "6月2日，广西壮族自治区党委书记覃立新，自治区党委副书记、自治区主席韦冬明率广西党政代表团来粤考察。"
        "广东省委书记麦家强陪同。"
    )
    v = _one(text, published_date=date(2022, 6, 4), source="南方日报")
    assert v.leader_names == ["覃立新", "韦冬明"]
    assert (v.visiting_province, v.host_province) == ("广西壮族自治区", "广东省")


def test_meeting_in_one_province_without_delegation_is_no_visit():
    assert (
        extract_visits("3月5日，省委书记贺明在成都会见了来访的客人，副省长冷小川参加。", source="四川日报")
        == []
    )


def test_exchange_inside_one_province_is_no_visit():
    assert extract_visits("8月2日，达州市党政代表团赴成都市考察学习。") == []


def test_trip_abroad_is_no_visit():
    assert extract_visits("9月1日至6日，浙江省党政代表团赴德国、法国访问。省委书记曹立出席。") == []


def test_past_visit_in_a_speech_is_not_another_visit():
    text = "4月10日，青岛市党政代表团赴安顺市考察。他说，去年安顺市党政代表团赴青岛市考察时双方签订了协议。"
    visits = extract_visits(text, published_date=date(2021, 4, 12))
    assert [(v.visiting_unit, v.host_unit) for v in visits] == [("青岛市", "安顺市")]


def test_two_visits_in_one_article():
    text = "5月8日，江苏省党政代表团赴青海省考察。5月10日，江苏省党政代表团赴陕西省考察。"
    visits = extract_visits(text, published_date=date(2021, 5, 12))
    assert [(v.host_province, v.start_md) for v in visits] == [("青海省", "05-08"), ("陕西省", "05-10")]


def test_title_argument_is_read():
    v = _one(
        "10月9日，代表团考察了产业园。市委书记华少东出席。",
        title="济南市党政代表团赴湘西州考察",
        published_date=date(2021, 10, 10),
    )
    assert (v.visiting_unit, v.host_unit) == ("济南市", "湘西土家族苗族自治州")
    assert v.start_date == date(2021, 10, 9)


def test_unprefixed_leader_belongs_to_the_delegation_led():
    text = "11月2日，省委书记石磊率四川省党政代表团赴浙江省学习考察。浙江省委书记冯海陪同。"
    v = _one(text, published_date=date(2021, 11, 4), source="浙江日报")
    assert v.leader_names == ["石磊"]
    assert _people(v)["石磊"][:2] == ("四川省", "visiting")


def test_led_trip_without_the_word_delegation():
    text = "4月8日至10日，宁波市委书记彭立群率队赴黔西南州考察东西部协作工作。黔西南州委书记杨光辉陪同。"
    v = _one(text, published_date=date(2021, 4, 12))
    assert (v.visiting_unit, v.host_unit) == ("宁波市", "黔西南布依族苗族自治州")
    assert v.leader_names == ["彭立群"]
    assert _people(v)["杨光辉"][:2] == ("贵州省", "host")


def test_a_placeholder_left_by_the_cleaner_ends_a_sentence():
    # The cleaner leaves □ where a garbled span swallowed the full stop before a name.
    text = (
        "5月6日至7日，浙江省党政代表团赴四川省考察东西部协作工作。"
        "双方在成都市召开座谈会□四川省委书记严明辉主持会议，浙江省委书记钟书平讲话。"
    )
    (visit,) = extract_visits(text)
    names = {o.name for o in visit.officials}
    assert {"严明辉", "钟书平"} <= names


def test_one_trip_to_two_provinces_is_two_visits_each_with_its_own_days_and_meeting():
    text = (
        "7月3日至6日，泉州市委书记柯炳南率泉州市党政代表团赴宁夏回族自治区固原市、甘肃省定西市，考察东西部协作工作，"
        "分别出席泉州·固原东西部协作联席会议和泉州·定西东西部协作联席会议。"
        "7月3日至4日，代表团在固原市考察了产业园。固原市委书记马文斌主持会议。"
        "7月5日至6日，代表团来到定西市，考察了马铃薯产业。定西市委书记张国栋出席会议。"
    )
    visits = {v.host_province: v for v in extract_visits(text, published_date=date(2023, 7, 8))}
    assert set(visits) == {"宁夏回族自治区", "甘肃省"}
    ningxia, gansu = visits["宁夏回族自治区"], visits["甘肃省"]
    assert (ningxia.host_unit, ningxia.start_md, ningxia.end_md) == ("固原市", "07-03", "07-04")
    assert (gansu.host_unit, gansu.start_md, gansu.end_md) == ("定西市", "07-05", "07-06")
    assert ningxia.meeting_name == "泉州·固原东西部协作联席会议"
    assert gansu.meeting_name == "泉州·定西东西部协作联席会议"


def test_two_cities_delegations_of_one_province_are_two_visits():
    # listed before one verb, each then told on its own: each city's delegation is its visit
    text = (
        "14日，广州市党政代表团、深圳市党政代表团分别来我省考察对接对口合作工作。"
        "广州市委副书记、市长尹知秋率队在齐齐哈尔市考察产业园，两市召开穗齐对口合作座谈会。"
        "深圳市委常委、常务副市长洪乐山带领深圳市代表团一行在哈尔滨考察产业园区建设情况。"
    )
    visits = extract_visits(text, source="黑龙江日报", published_date=date(2024, 6, 16))
    got = [(v.visiting_unit, v.host_unit, v.meeting_name, v.leader_names) for v in visits]
    assert got == [
        ("广州市", "齐齐哈尔市", "穗齐对口合作座谈会", ["尹知秋"]),
        ("深圳市", "哈尔滨市", None, ["洪乐山"]),
    ]


def test_a_delegation_in_the_clause_before_shares_the_movement():
    text = (
        "3月31日，扶贫协作座谈会在京召开。张家口市委书记冷明川率张家口市党政代表团，"
        "保定市委书记阎书海率保定市党政代表团来京对接扶贫协作工作。"
    )
    visits = extract_visits(text, source="北京日报", published_date=date(2017, 4, 1))
    got = [(v.visiting_unit, v.host_unit, v.leader_names) for v in visits]
    assert got == [("张家口市", "北京市", ["冷明川"]), ("保定市", "北京市", ["阎书海"])]


def test_a_city_and_its_county_stay_one_delegation():
    text = (
        "5月8日，湖州市党政代表团赴广元市考察。湖州市吴兴区区委书记柯立冬陪同。"
        "9日，湖州市吴兴区代表团赴广元市朝天区考察。"
    )
    assert len(extract_visits(text, source="湖州日报", published_date=date(2021, 5, 10))) == 1


def test_a_roundup_dated_by_months_keeps_each_entrys_trip_and_meeting():
    text = (
        "5月4日至5日，市委书记蓝启明率大连市党政代表团赴上海学习考察。"
        "8月，上海市副市长古若飞率上海市代表团来滨城考察，出席在大连举办的沪连对口合作产业对接会。"
        "11月22日至23日，上海市合作交流办主任祁怀远带领上海市对口合作工作组来连，与我市召开沪连对口合作第一次联席会议。"
    )
    visits = extract_visits(text, source="大连市发展和改革委员会", published_date=date(2018, 1, 12))
    got = [(v.visiting_unit, v.start_md, v.meeting_name, v.leader_names) for v in visits]
    assert got == [
        ("大连市", "05-04", None, ["蓝启明"]),
        ("上海市", None, "沪连对口合作产业对接会", ["古若飞"]),
        ("上海市", "11-22", "沪连对口合作第一次联席会议", ["祁怀远"]),
    ]


def test_a_semicolon_before_a_date_parts_two_visits_told_in_one_sentence():
    text = (
        "（三）协作成效明显。4月26日，宁波市委副书记、市长单海潮率宁波市党政代表团莅临我县考察扶贫协作工作；"
        "7月9日至11日，县委书记苗启文率县党政代表团赴宁波市对接扶贫协作工作，签订劳务协作协议。"
    )
    visits = extract_visits(text, source="晴隆县人民政府", published_date=date(2019, 1, 8))
    got = [(v.visiting_unit, v.host_unit, v.start_md, v.leader_names) for v in visits]
    assert got == [("宁波市", "晴隆县", "04-26", ["单海潮"]), ("晴隆县", "宁波市", "07-09", ["苗启文"])]


def test_a_meeting_the_headline_abbreviates_keeps_its_full_name():
    text = (
        "6月16日至18日，副省长甘启明率广东省经贸考察团赴黑龙江开展对口合作交流，"
        "出席广东·黑龙江对口合作经贸洽谈会暨产业合作对接会。17日上午，洽谈会在哈尔滨举行。"
    )
    (visit,) = extract_visits(text, title="粤黑对口合作经贸洽谈会在哈尔滨举行", source="南方日报")
    assert visit.meeting_name == "广东·黑龙江对口合作经贸洽谈会暨产业合作对接会"


def test_a_trip_told_in_passing_has_only_the_people_it_names():
    text = (
        "9月5日至6日，市委书记鲍文山，市委副书记、市长辛立言率长春市党政代表团赴天津回访考察。"
        "6日上午，津长对口合作第二次联席会议在天津召开。天津市委常委、常务副市长易德华出席会议并讲话。"
        "今年6月20日至21日，易德华率天津市党政代表团来长考察，双方召开津长对口合作工作对接会。"
        "在津期间，代表团考察了天津港。天津市政府副秘书长田子墨参加有关活动。"
    )
    first, second = extract_visits(text, source="长春日报", published_date=date(2019, 9, 8))
    assert (first.visiting_unit, second.visiting_unit) == ("长春市", "天津市")
    assert {o.name for o in first.officials} >= {"鲍文山", "辛立言", "易德华", "田子墨"}
    assert [o.name for o in second.officials] == ["易德华"]


def test_another_time_of_the_year_with_a_leader_of_its_own_is_another_trip():
    text = (
        "3月25日至27日，市委书记柯远帆率大连市党政代表团赴六盘水考察对接扶贫协作工作。"
        "年内，副市长邝明德还带领市扶贫协作工作组赴六盘水督导调研，看望慰问挂职干部。"
    )
    visits = extract_visits(text, source="大连市人民政府", published_date=date(2019, 12, 27))
    assert [(v.start_md, v.leader_names) for v in visits] == [("03-25", ["柯远帆"]), (None, ["邝明德"])]


def test_two_provinces_delegations_to_one_host_keep_their_own_meetings():
    text = (
        "14日至17日，上海市委副书记贺东明率上海市党政代表团在日喀则考察。"
        "15日下午，上海市·日喀则市对口援藏工作座谈会在日喀则召开。"
        "16日至18日，山东省委副书记齐鸿远率山东省党政代表团来日喀则考察。"
        "17日，山东·日喀则对口支援工作座谈会召开。"
    )
    visits = extract_visits(text, title="上海、山东党政代表团先后到日喀则考察援藏工作")
    got = [(v.visiting_unit, v.meeting_name, v.leader_names) for v in visits]
    assert got == [
        ("上海市", "上海市·日喀则市对口援藏工作座谈会", ["贺东明"]),
        ("山东省", "山东·日喀则对口支援工作座谈会", ["齐鸿远"]),
    ]


def test_a_return_visit_after_one_this_year_dated_by_month():
    text = (
        "今年6月，天津市副市长霍青山率天津市党政代表团来我州考察对口支援工作。"
        "9月23日至26日，州委书记桑吉才让率甘南州党政代表团赴天津市回访考察。"
    )
    visits = extract_visits(text, title="我州党政代表团赴天津市回访考察", source="甘南藏族自治州人民政府")
    assert {(v.visiting_unit, v.start_md) for v in visits} == {("天津市", None), ("甘南藏族自治州", "09-23")}


def test_a_visit_back_keeps_its_own_date_and_the_meeting_held_at_its_host():
    text = (
        "继今年4月10日至11日浙江省委副书记、省长薛振远带领浙江省党政考察团来吉考察之后，"
        "6月26日至28日，吉林省委书记秦岳山率吉林省党政代表团赴浙江学习考察。"
        "27日上午，吉林·浙江对口合作第二次联席会议在杭州召开。"
    )
    visits = extract_visits(text, source="吉林日报", published_date=date(2018, 6, 29))
    got = {v.visiting_unit: (v.start_md, v.meeting_name) for v in visits}
    assert got["吉林省"] == ("06-26", "吉林·浙江对口合作第二次联席会议")
    assert got["浙江省"][0] == "04-10" and got["浙江省"][1] != "吉林·浙江对口合作第二次联席会议"


def test_a_chronicle_with_month_entries_and_two_county_delegations():
    text = (
        "1月8日　苏州市对口帮扶铜仁市工作组召开第一次工作例会。\n"
        "3月27日—29日　市委书记陆青松率铜仁市党政代表团赴苏州市学习考察。\n"
        "5月　昆山市委书记杭启明率昆山市党政代表团到碧江区考察对接扶贫协作工作。\n"
        "7月　张家港市委副书记、市长戚远舟率张家港市党政代表团到沿河土家族自治县考察。\n"
        "11月21日—23日　苏州市委副书记、市长甄立群率苏州市党政代表团来铜考察，深入江口县调研。\n"
    )
    visits = extract_visits(text, title="2018年铜仁市东西部协作大事记", source="铜仁市人民政府网", published_date=date(2019, 1, 18))
    got = [(v.visiting_unit, v.host_unit, v.start_md) for v in visits]
    assert got == [
        ("铜仁市", "苏州市", "03-27"),
        ("昆山市", "碧江区", None),
        ("张家港市", "沿河土家族自治县", None),
        ("苏州市", "铜仁市", "11-21"),
    ]


def test_a_city_delegation_in_a_municipality_names_the_districts_it_went_to():
    text = (
        "4月9日至11日，文山州委书记韦启东带领文山州考察团到上海学习。"
        "考察团先后走访了上海市闵行区、松江区的产业园区。"
    )
    (visit,) = extract_visits(text, source="文山日报", published_date=date(2019, 4, 12))
    assert (visit.host_unit, visit.host_cities) == ("上海市", ["闵行区", "松江区"])


def test_a_meeting_held_at_a_named_place_outweighs_one_guessed_in_the_headline():
    text = (
        "10月19日，由杭州市协作办和我州共同主办的“恩施硒茶·杭州推介会”在杭州市西湖区举行。"
        "州委常委、副州长（挂职）许知远带领产销对接团参加推介会。"
    )
    (visit,) = extract_visits(text, title="恩施硒茶走进西子湖畔 杭州推介会签约1.2亿元", source="恩施日报")
    assert (visit.visiting_unit, visit.host_unit) == ("恩施土家族苗族自治州", "杭州市")


def test_a_call_on_the_posted_cadres_body_is_no_visit_to_the_place_it_is_named_after():
    text = (
        "4月11日至13日，珠海市委书记骆知行率珠海市党政代表团来怒江考察扶贫协作工作。"
        "12日晚，代表团一行来到珠海市对口帮扶怒江州前方指挥部，看望慰问珠海援怒干部。"
    )
    visits = extract_visits(text, source="怒江报")
    assert [(v.visiting_unit, v.host_unit) for v in visits] == [("珠海市", "怒江傈僳族自治州")]


def test_one_trip_to_two_provinces_gives_the_pairs_meeting_to_its_province():
    text = (
        "5月20日至24日，市委书记郁知远率上海市党政代表团赴四川、云南考察。"
        "20日至21日，代表团在四川成都考察对口援建工作。"
        "22日至24日，代表团在云南考察，出席沪滇对口帮扶合作第十六次联席会议。"
    )
    visits = extract_visits(text, source="解放日报", published_date=date(2018, 5, 25))
    assert {v.host_province: v.meeting_name for v in visits} == {
        "四川省": None,
        "云南省": "沪滇对口帮扶合作第十六次联席会议",
    }


def test_a_meeting_whose_side_is_only_guessed_stays_with_the_trip_that_tells_it():
    text = (
        "11月6日至8日，州委书记韦知行率黔西南州党政代表团赴浙江省宁波市学习考察，"
        "出席宁波·黔西南州东西部协作第十八次联席会议。"
        "今年4月17日至18日，宁波市委副书记、市长裘远山率宁波市党政代表团来我州考察。"
    )
    visits = extract_visits(text, title="宁波·黔西南州东西部协作第十八次联席会议召开", source="黔西南日报")
    got = {v.visiting_unit: v.meeting_name for v in visits}
    assert got == {"黔西南布依族苗族自治州": "宁波·黔西南州东西部协作第十八次联席会议", "宁波市": None}


def test_a_delegation_taken_on_to_another_province_in_the_same_sentence():
    text = (
        "5月20日至24日，市委书记郁知远率上海市党政代表团赴四川成都考察对口援建工作，"
        "随后转赴云南昆明，出席沪滇对口帮扶合作第十六次联席会议。"
    )
    visits = extract_visits(text, source="解放日报", published_date=date(2018, 5, 25))
    assert {v.host_province: v.meeting_name for v in visits} == {
        "四川省": None,
        "云南省": "沪滇对口帮扶合作第十六次联席会议",
    }
