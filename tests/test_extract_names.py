"""Name boundaries and surnames in the title grammar, on invented sentences (one rule each)."""

from visits.extract.officials import find_mentions
from visits.extract.surnames import COMPOUND_SURNAMES, SURNAMES


def _people(s):
    return [(m.name, m.titles) for m in find_mentions(s)]


def test_lu_boundary_wins_over_a_three_character_reading():
    # 栗文率 must not be read as a 3-character name: 率 ends the name
    assert _people("常州市委书记栗文率常州市党政代表团到汉中市考察。") == [("栗文", ["常州市委书记"])]
    assert _people("市委书记宾晓率队赴铜仁市。") == [("宾晓", ["市委书记"])]


def test_broad_surname_list_has_rarer_and_compound_surnames():
    for c in "牟楼栗宾修丛鹿赫况邸漆迟涂肖辜鄢盘商苑央卓":
        assert c in SURNAMES, c
    assert "和" not in SURNAMES  # a connector first, a surname rarely
    assert "澹台" in COMPOUND_SURNAMES and "钟离" in COMPOUND_SURNAMES
    assert _people("副市长澹台明远出席。") == [("澹台明远", ["副市长"])]


def test_unknown_surname_before_a_person_verb():
    # 禚 is on no list; before 带队/出席 the word can only be a name
    assert _people("副州长禚明带队赴杭州。") == [("禚明", ["副州长"])]
    assert _people("县委书记禚立新出席。") == [("禚立新", ["县委书记"])]


def test_name_followed_by_a_verb_is_not_absorbed():
    assert _people("市长修远主持会议并讲话。") == [("修远", ["市长"])]
    assert _people("副县长商小雨介绍情况。") == [("商小雨", ["副县长"])]


def test_ban_after_a_title_is_a_surname_unless_banzi():
    assert _people("市委副书记、市长班立新出席。") == [("班立新", ["市委副书记", "市长"])]
    assert _people("市领导班子成员参加活动。") == []


def test_county_title_chain_followed_by_a_list():
    got = _people("额敏县委副书记、县长丛旭明和副县长鹿文、楼红参加活动。")
    assert got == [
        ("丛旭明", ["额敏县委副书记", "县长"]),
        ("鹿文", ["副县长"]),
        ("楼红", ["副县长"]),
    ]


def test_minority_names_without_a_family_name():
    assert _people("州委书记央金卓玛主持会议。") == [("央金卓玛", ["州委书记"])]
    assert _people("副州长央金出席。") == [("央金", ["副州长"])]


def test_name_at_end_of_text_does_not_crash():
    assert _people("副县长尚明") == [("尚明", ["副县长"])]
