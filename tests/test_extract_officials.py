"""The title and list grammar, on invented sentences."""

from visits.extract.officials import find_mentions
from visits.extract.titles import read_titles


def _people(s):
    return [(m.name, m.titles) for m in find_mentions(s)]


def test_single_title_name_then_verb():
    assert _people("省长鲍文轩主持会议。") == [("鲍文轩", ["省长"])]


def test_name_does_not_absorb_verb():
    assert _people("副省长孙立出席。") == [("孙立", ["副省长"])]
    assert _people("市委书记孙晓明主持并讲话。") == [("孙晓明", ["市委书记"])]


def test_title_chain():
    assert _people("省委副书记、省长滕子昂介绍情况。") == [("滕子昂", ["省委副书记", "省长"])]


def test_title_chain_followed_by_a_list():
    assert _people("省委常委、秘书长祝远山、范承泽出席。") == [
        ("祝远山", ["省委常委", "秘书长"]),
        ("范承泽", ["省委常委", "秘书长"]),
    ]


def test_one_title_over_a_list():
    got = _people("省委常委葛文清、柴宏伟、贲晓东、屈明远，副省长温子健出席会议。")
    assert [n for n, _ in got] == ["葛文清", "柴宏伟", "贲晓东", "屈明远", "温子健"]
    assert got[3][1] == ["省委常委"] and got[4][1] == ["副省长"]


def test_group_list_and_ji():
    got = _people("云南省领导钮光明、阮晓、龙小平及省政府秘书长戈达参加活动。")
    assert got == [
        ("钮光明", ["云南省领导"]),
        ("阮晓", ["云南省领导"]),
        ("龙小平", ["云南省领导"]),
        ("戈达", ["省政府秘书长"]),
    ]


def test_name_then_he_then_titled_person():
    got = _people("广西壮族自治区领导韦达明、黄小群和南宁市市长蒙志强参加。")
    assert got[-1] == ("蒙志强", ["南宁市市长"])
    assert got[1] == ("黄小群", ["广西壮族自治区领导"])


def test_compound_surname_and_four_character_names():
    assert _people("副省长欧阳明远出席。") == [("欧阳明远", ["副省长"])]
    assert _people("省领导吉克阿依、沙马拉博参加。") == [
        ("吉克阿依", ["省领导"]),
        ("沙马拉博", ["省领导"]),
    ]


def test_uyghur_name_with_dot():
    assert _people("自治区副主席艾尔肯·吐尼亚孜参加考察。") == [("艾尔肯·吐尼亚孜", ["自治区副主席"])]


def test_name_ending_in_a_verb_character():
    assert _people("省委常委卜春来、郁文达出席。") == [("卜春来", ["省委常委"]), ("郁文达", ["省委常委"])]


def test_list_ending_with_deng():
    assert _people("四川省领导甘立、谭明等参加活动。")[-1][0] == "谭明"


def test_mentioned_leaders_are_not_participants():
    assert _people("深入学习贯彻习近平总书记来川考察重要讲话精神。") == []
    assert _people("学习中共中央总书记、国家主席习近平的重要讲话。") == []


def test_reporters_and_villagers_are_not_participants():
    assert _people("（记者 杨帆 孔亮）") == []
    assert _people("代表团看望了村党支部书记马有福。") == []


def test_delegating_official_is_not_a_participant():
    assert [n for n, _ in _people("省长戚远帆委托副省长仇嘉伟出席。")] == ["仇嘉伟"]
    assert [n for n, _ in _people("受省长戚远帆委托，副省长仇嘉伟出席。")] == ["仇嘉伟"]


def test_not_a_title_before_a_noun():
    assert _people("对上海市长期以来的支持表示感谢。") == []
    assert _people("服从当地党委、政府的领导和管理。") == []
    assert _people("省人大常委会副主任邬一鸣出席。") == [("邬一鸣", ["省人大常委会副主任"])]


def test_place_word_inside_company_title():
    got = _people("东方电气集团公司董事长冷志成参加。")
    assert got == [("冷志成", ["东方电气集团公司董事长"])]
    r = read_titles(got[0][1])
    assert r.province is None and r.central


def test_read_titles_strips_province_only():
    r = read_titles(["中共中央政治局委员", "重庆市委书记"])
    assert r.province.name == "重庆市" and r.titles == ["中央政治局委员", "市委书记"]
    r = read_titles(["湖南省省长"])
    assert r.titles == ["省长"] and r.province.name == "湖南省"
    r = read_titles(["广西壮族自治区党委书记"])
    assert r.titles == ["自治区党委书记"]
    r = read_titles(["昆明市政协主席"])
    assert r.titles == ["昆明市政协主席"] and r.province.name == "云南省"
    r = read_titles(["省委副书记"])
    assert r.province is None and r.unit_char == "省"


def test_surnames_that_are_also_function_words_start_a_list():
    # 和 and 于 are family names too; left out of the surname list, they still open a list item
    assert _people("州领导和春燕、马骏出席。") == [("和春燕", ["州领导"]), ("马骏", ["州领导"])]
    assert _people("市领导于振华、唐敏、蔡一鸣参加。") == [
        ("于振华", ["市领导"]),
        ("唐敏", ["市领导"]),
        ("蔡一鸣", ["市领导"]),
    ]


def test_he_before_a_surname_or_a_common_noun_stays_a_connector():
    assert _people("副州长龚立和谭晓、邵红出席。") == [
        ("龚立", ["副州长"]),
        ("谭晓", ["副州长"]),
        ("邵红", ["副州长"]),
    ]
    assert _people("县领导和嘉宾、群众代表参加。") == []


def test_a_name_does_not_swallow_the_word_after_it():
    assert _people("县领导邬建成、柏晓峰随团考察。") == [("邬建成", ["县领导"]), ("柏晓峰", ["县领导"])]
    assert _people("副市长詹立群随行。") == [("詹立群", ["副市长"])]


def test_yu_before_a_title_is_not_part_of_it():
    assert _people("代表团并与大理州委书记段文韬座谈。") == [("段文韬", ["大理州委书记"])]


def test_a_municipality_prefix_leaves_its_district_title_whole():
    r = read_titles(["天津市河西区委副书记"])
    assert r.province is not None and r.province.name == "天津市"
    assert r.titles == ["河西区委副书记"]
    assert r.prefix_unit_char == "区"
    assert read_titles(["湖南省浏阳市委书记"]).titles == ["浏阳市委书记"]
    assert read_titles(["湖南省委书记"]).titles == ["省委书记"]  # the unit word given back


def test_a_name_may_end_in_he_when_no_name_follows_it():
    assert _people("盟领导巴图、刘德和、苏日娜出席。") == [
        ("巴图", ["盟领导"]),
        ("刘德和", ["盟领导"]),
        ("苏日娜", ["盟领导"]),
    ]
    assert _people("副州长董浩和冉冰出席。") == [("董浩", ["副州长"]), ("冉冰", ["副州长"])]


def test_he_and_yu_surnames_before_a_verb():
    assert _people("州委副书记、州长和志坚陪同考察。") == [("和志坚", ["州委副书记", "州长"])]
    assert _people("市委书记于立群主持会议。") == [("于立群", ["市委书记"])]
    assert _people("市长于会前会见代表团。") == []  # 于 the preposition


def test_a_verb_after_a_connector_is_not_a_name():
    assert _people("副县长欧晓和出席会议。") == [("欧晓和", ["副县长"])]


def test_officers_of_private_firms_are_not_officials():
    assert _people("在一家纺织企业，董事长邝立新向代表团介绍了生产情况。") == []
    assert _people("当地一家茶叶企业总经理皮晓东介绍了订单情况。") == []
    assert _people("东方电力集团有限公司党组书记、董事长车文斌出席。") == [
        ("车文斌", ["东方电力集团有限公司党组书记", "董事长"])
    ]


def test_reporting_verbs_end_a_name():
    assert _people("副州长滕一鸣汇报了协作项目进展。") == [("滕一鸣", ["副州长"])]
    assert _people("县委副书记阙晓东告诉记者，……") == [("阙晓东", ["县委副书记"])]


def test_long_mongolian_and_tibetan_names_without_a_dot():
    assert _people("盟委副书记乌力吉巴雅尔主持会议。") == [("乌力吉巴雅尔", ["盟委副书记"])]
    assert _people("副旗长其木格、宝力德出席。") == [("其木格", ["副旗长"]), ("宝力德", ["副旗长"])]


def test_a_title_told_as_a_clause_before_de():
    assert _people("挂职任剑河县委常委、副县长的管一帆介绍了情况。") == [("管一帆", ["剑河县委常委", "副县长"])]


def test_a_manager_title_is_not_cut_at_jing():
    assert _people("南方电网集团副总经理邬立新出席。") == [("邬立新", ["南方电网集团副总经理"])]


def _named(s):
    return [(m.name, m.titles) for m in find_mentions(s)]


# Round 4 (hand-written held-out pages): name boundaries and title prefixes.
def test_yu_starts_a_name_after_a_title_and_in_a_group_list():
    assert _named("省领导于建平、庞少东参加活动。") == [("于建平", ["省领导"]), ("庞少东", ["省领导"])]
    assert _named("昆明市委副书记、市长于明川会见代表团一行。") == [("于明川", ["昆明市委副书记", "市长"])]
    assert _named("市长于会前会见了代表团。") == []


def test_a_relative_day_or_a_reason_ends_a_name():
    assert _named("江苏省委书记蒋怀山前日率代表团抵达。") == [("蒋怀山", ["江苏省委书记"])]
    assert _named("集团董事长邵启明应邀出席会议。") == [("邵启明", ["集团董事长"])]


def test_who_hands_the_visit_over_is_no_participant_and_the_verb_is_no_title():
    got = _named("自治区主席艾尔肯·吐尼亚孜因公务在外，委托自治区副主席古丽娜尔·阿布都陪同考察。")
    assert got == [("古丽娜尔·阿布都", ["自治区副主席"])]


def test_list_words_before_a_title_are_not_part_of_it():
    got = _named("随团考察的还有省委常委乔文华，以及中国华能集团有限公司党组书记、董事长房立新。")
    assert got == [("乔文华", ["省委常委"]), ("房立新", ["中国华能集团有限公司党组书记", "董事长"])]
