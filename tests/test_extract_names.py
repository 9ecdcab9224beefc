"""Name boundaries and surnames in the title grammar, on invented sentences: a case table."""

import pytest

from visits.extract.officials import find_mentions
from visits.extract.surnames import COMPOUND_SURNAMES, SURNAMES

# (sentence, the people found in it as (name, titles))
CASES = [
    # 栗文率 must not be read as a 3-character name: 率 ends the name
    ("常州市委书记栗文率常州市党政代表团到汉中市考察。", [("栗文", ["常州市委书记"])]),
    ("市委书记宾晓率队赴铜仁市。", [("宾晓", ["市委书记"])]),
    # a compound surname
    ("副市长澹台明远出席。", [("澹台明远", ["副市长"])]),
    # 禚 is on no list; before 带队/出席 the word can only be a name
    ("副州长禚明带队赴杭州。", [("禚明", ["副州长"])]),
    ("县委书记禚立新出席。", [("禚立新", ["县委书记"])]),
    # a name followed by a verb does not absorb it
    ("市长修远主持会议并讲话。", [("修远", ["市长"])]),
    ("副县长商小雨介绍情况。", [("商小雨", ["副县长"])]),
    # 班 after a title is a surname, unless 班子
    ("市委副书记、市长班立新出席。", [("班立新", ["市委副书记", "市长"])]),
    ("市领导班子成员参加活动。", []),
    # a county title chain followed by a list
    ("额敏县委副书记、县长丛旭明和副县长鹿文、楼红参加活动。",
     [("丛旭明", ["额敏县委副书记", "县长"]), ("鹿文", ["副县长"]), ("楼红", ["副县长"])]),
    # minority names without a family name
    ("州委书记央金卓玛主持会议。", [("央金卓玛", ["州委书记"])]),
    ("副州长央金出席。", [("央金", ["副州长"])]),
    # a name at the end of the text does not crash
    ("副县长尚明", [("尚明", ["副县长"])]),
]


@pytest.mark.parametrize(("sentence", "people"), CASES, ids=[c[0][:16] for c in CASES])
def test_name_case(sentence, people):
    assert [(m.name, m.titles) for m in find_mentions(sentence)] == people


def test_broad_surname_list_has_rarer_and_compound_surnames():
    for c in "牟楼栗宾修丛鹿赫况邸漆迟涂肖辜鄢盘商苑央卓":
        assert c in SURNAMES, c
    assert "和" not in SURNAMES  # a connector first, a surname rarely
    assert "澹台" in COMPOUND_SURNAMES and "钟离" in COMPOUND_SURNAMES
