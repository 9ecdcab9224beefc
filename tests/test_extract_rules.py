"""Each evidence rule on sentences we wrote with invented names: tests/data/cases/visit_rules.tsv.

A new rule is a new row. `-` in the kind column means the sentence reports no visit.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.cases import case_rows
from visits.extract import extract_visits
from visits.extract.article import annotate
from visits.extract.meeting import find_meeting
from visits.extract.meeting_sides import meetings
from visits.extract.officials import find_mentions
from visits.lexicon import words


def _rows() -> list[dict[str, str]]:
    return case_rows("visit_rules.tsv")


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["text"][:16])
def test_rule_case(row: dict[str, str]):
    source = None if row["source"] == "-" else row["source"]
    visits = extract_visits(row["text"].replace("\\n", "\n"), source=source)  # a written \\n is a line break
    if row["kind"] == "-":
        assert visits == []
        return
    assert [(v.visiting_unit, v.host_unit) for v in visits] == [(row["visiting_unit"], row["host_unit"])]
    (visit,) = visits
    assert row["kind"] in visit.basis or (row["kind"] == "leader_movement" and "headline" in visit.basis)
    assert visit.evidence and visit.evidence in row["text"]


def test_every_basis_kind_has_a_case():
    kinds = {r["kind"] for r in _rows()}
    assert set(words("basis")) - {"headline"} <= kinds


def test_a_movement_in_the_headline_is_headline_evidence():
    (visit,) = extract_visits("会议纪要。", title="无锡市党政代表团赴延安市考察")
    assert visit.basis == ["headline"]


def test_basis_kinds_are_the_lexicon_ones():
    text = "5月8日，上海市党政代表团赴贵州省遵义市考察，召开沪遵扶贫协作联席会议。"
    (visit,) = extract_visits(text)
    assert visit.basis and set(visit.basis) <= set(words("basis"))


@pytest.mark.parametrize("row", case_rows("meeting_names.tsv"), ids=lambda r: r["text"][:16])
def test_meeting_name_case(row: dict[str, str]):
    expected = None if row["meeting_name"] == "-" else row["meeting_name"]
    assert find_meeting(row["text"], ("泰州", "六盘水")) == expected


def test_a_district_host_in_a_municipality_is_its_own_host_city():
    text = "6月9日，凯里市党政代表团赴上海市闵行区考察对口帮扶工作。"
    (visit,) = extract_visits(text)
    assert (visit.host_unit, visit.host_cities) == ("闵行区", ["闵行区"])


def test_a_province_visit_to_a_municipality_has_no_host_city():
    (visit,) = extract_visits("6月9日，贵州省党政代表团赴上海市考察。")
    assert visit.host_cities == []


def test_the_meeting_names_year_dates_a_visit_the_text_gives_no_year():
    text = (
        "8月5日，遂昌—普格东西部协作2019年第二次联席会议召开。遂昌县政协主席陶立群、普格县县长方建利出席会议。"
        "遂昌县党政代表团一行参观了园区。"
    )
    (visit,) = extract_visits(text)
    assert (str(visit.start_date), visit.year_source) == ("2019-08-05", "text")


def test_a_year_from_the_published_date_says_so():
    (visit,) = extract_visits("昨日，无锡市党政代表团赴延安市考察。", published_date=date(2021, 6, 4))
    assert (str(visit.start_date), visit.year_source) == ("2021-06-03", "published_date")


def test_a_headline_may_end_in_an_ambiguous_short_form():
    # 安康 is more often a word than a place; after 莅临 at a headline's end only a place stands
    (visit,) = extract_visits("会议纪要。", title="江苏省常州市党政代表团莅临安康")
    assert (visit.visiting_unit, visit.host_unit, visit.basis) == ("常州市", "安康市", ["headline"])


def test_the_head_of_a_group_named_with_yi_wei_tuanzhang_leads_it():
    text = "8月2日，以上海市委常委、副市长程望山为团长的上海市党政代表团抵达昆明。"
    (visit,) = extract_visits(text)
    assert visit.leader_names == ["程望山"]
    # 的 starts no name: 为团长的代表团 is no person titled 团长
    assert [m.name for m in find_mentions("由以上海市委书记程望山为团长的代表团抵达昆明。")] == ["程望山"]
    # the title names no province: the group's own does (以省委书记甲为团长的浙江省党政代表团)
    (visit,) = extract_visits("9月4日，以省委书记程望山为团长的浙江省党政代表团在四川考察。")
    assert (visit.visiting_unit, visit.leader_names) == ("浙江省", ["程望山"])
    (person,) = [o for o in visit.officials if o.name == "程望山"]
    assert (person.province, person.side) == ("浙江省", "visiting")


def test_a_visit_and_the_visit_back_keep_their_own_dates_and_meeting():
    text = (
        "3月23日至25日，凉山州委书记马立远率凉山州党政代表团来甬考察。"
        "24日，宁波市·凉山州东西部协作联席会议在宁波召开。\n"
        "4月18日至20日，市委副书记、市长程望山率宁波市党政代表团赴凉山回访，实地察看协作项目。"
    )
    visits = {(v.visiting_unit, v.host_unit): v for v in extract_visits(text)}
    assert set(visits) == {("凉山彝族自治州", "宁波市"), ("宁波市", "凉山彝族自治州")}
    there, back = visits[("凉山彝族自治州", "宁波市")], visits[("宁波市", "凉山彝族自治州")]
    assert (there.start_md, there.end_md) == ("03-23", "03-25")
    assert (back.start_md, back.end_md) == ("04-18", "04-20")


def test_where_a_meeting_was_held_beats_who_led_elsewhere_in_the_article():
    text = "4月18日，宁波市委书记程望山率队赴凉山考察。\n3月24日，宁波市·凉山州东西部协作联席会议在宁波召开。"
    (meeting,) = meetings(annotate(text))
    assert (meeting.visiting, meeting.host) == ("凉山州", "宁波市")


def test_lai_and_a_city_short_form_writes_from_the_host_side():
    # no outlet named: 来遵 tells the paper is the host's, so its unprefixed 市委书记 is the host's
    text = "6月1日，珠海市委书记程望山率珠海市党政代表团来遵考察，并出席珠海·遵义东西部协作联席会议。市委书记马立远陪同考察。珠海市领导苏和，遵义市领导林一鸣参加活动。"
    (visit,) = extract_visits(text)
    people = {o.name: (o.province, o.side) for o in visit.officials}
    assert people["马立远"] == ("贵州省", "host")
    assert people["程望山"] == ("广东省", "visiting")


def test_a_provincial_delegation_told_once_as_going_to_the_province_is_hosted_by_it():
    title = "江苏省党政代表团来海东考察"
    body = "8月16日至17日，江苏省党政代表团来青考察东西部协作工作，17日专程来到海东市。"
    (visit,) = extract_visits(title + "\n" + body, title=title)
    assert (visit.visiting_unit, visit.host_unit) == ("江苏省", "青海省")
    # only a destination named by the province itself counts, not a loose 新疆和田
    (visit,) = extract_visits("8月15日，北京市副市长程望山一行来和考察，随后来到新疆和田学院。")
    assert visit.host_unit == "和田地区"


def test_two_trips_between_the_same_places_are_two_visits():
    text = (
        "9月中旬，常熟市两批考察团先后来到我县。\n"
        "9月3日，常熟市委副书记、市长范望川率常熟市党政代表团来我县考察，并召开常熟·思南东西部扶贫协作联席会议。\n"
        "9月10日至11日，常熟市人大常委会副主任柏青禾一行来我县考察结对帮扶工作。"
    )
    first, second = extract_visits(text, source="思南县融媒体中心")
    assert (first.start_md, first.leader_names, first.meeting_name is not None) == ("09-03", ["范望川"], True)
    assert (second.start_md, second.end_md, second.leader_names, second.meeting_name) == (
        "09-10", "09-11", ["柏青禾"], None
    )


def test_one_tour_told_day_by_day_stays_one_visit():
    # the same people on later days, or the next day with others, are legs of one trip
    text = (
        "9月3日，常熟市委书记范望川率常熟市党政代表团来我县考察。\n"
        "9月8日，范望川一行来到我县塘头镇，察看结对帮扶项目。\n"
        "9月4日，常熟市副市长柏青禾一行来我县走访企业。"
    )
    (visit,) = extract_visits(text, source="思南县融媒体中心")
    assert visit.leader_names == ["范望川"]


def test_a_visit_back_keeps_its_own_leader_and_no_meeting_of_the_first():
    text = (
        "6月5日至6日，市委书记范望川率我市党政代表团赴思南县考察，召开常熟·思南东西部扶贫协作联席会议。\n"
        "6月18日至19日，思南县委副书记、县长柏青禾率思南县党政代表团来我市考察交流。"
    )
    there, back = extract_visits(text, source="常熟日报")
    assert (there.host_unit, there.leader_names, there.meeting_name) == (
        "思南县", ["范望川"], "常熟·思南东西部扶贫协作联席会议"
    )
    assert (back.host_unit, back.leader_names, back.meeting_name) == ("常熟市", ["柏青禾"], None)


def test_the_person_whose_party_goes_leads_it_over_a_higher_ranked_escort():
    text = (
        "8月22日至23日，上海市政协副主席沈一鸣一行来我县考察对口支援工作。"
        "上海援藏干部联络组组长、日喀则市委常委、常务副市长顾二川，县委书记格桑多吉陪同考察。"
    )
    (visit,) = extract_visits(text, source="江孜县融媒体中心")
    assert visit.leader_names == ["沈一鸣"]


def test_a_body_that_dates_nothing_takes_the_headlines_date():
    title = "佛山市政协考察团来州考察东西部协作工作（11月8日）"
    body = "佛山市政协主席严望山率市政协考察团来我州考察东西部协作工作。州政协主席杨小川陪同考察。"
    (visit,) = extract_visits(body, title=title, source="黔东南日报")  # as the cleaner hands them over
    assert (visit.start_md, visit.end_md) == ("11-08", "11-08")


def test_a_title_naming_no_unit_listed_after_a_named_one_is_of_the_same_body():
    text = (
        "7月2日，济南市党政代表团来我州考察。"
        "济南市人大常委会副主任许一川、秘书长谭二水，州人大常委会副主任妥三山参加相关活动。"
    )
    (visit,) = extract_visits(text, source="临夏日报")
    sides = {o.name: (o.province, o.side) for o in visit.officials}
    assert sides["谭二水"] == ("山东省", "visiting")
    assert sides["妥三山"] == ("甘肃省", "host")
