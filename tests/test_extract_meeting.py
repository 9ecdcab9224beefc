"""Meeting names and programmes, on sentences composed for these tests (no place, year or meeting
of the sample or hand-written articles)."""

from pathlib import Path

import pytest

from visits.extract.meeting import find_meeting, find_programme


def test_meeting_with_ordinal_after_held():
    text = "双方在西宁举行苏青东西部协作第三次联席会议。"
    assert find_meeting(text, ("苏青",)) == "苏青东西部协作第三次联席会议"


def test_meeting_with_middle_dot():
    assert (
        find_meeting("上午，北京市·内蒙古自治区工作交流座谈会在呼和浩特举行。")
        == "北京市·内蒙古自治区工作交流座谈会"
    )


@pytest.mark.parametrize("dot", ["•", "・"])
def test_other_middle_dots_join_too(dot):
    text = f"当天，珠海{dot}怒江东西部协作工作座谈会在泸水召开。"
    assert find_meeting(text) == f"珠海{dot}怒江东西部协作工作座谈会"


def test_quoted_meeting_is_ignored():
    text = (
        "深入学习贯彻习近平总书记在东西部扶贫协作座谈会上的重要讲话精神。两省在西宁召开津青扶贫协作座谈会。"
    )
    assert find_meeting(text, ("津青",)) == "津青扶贫协作座谈会"


def test_headline_gives_the_longer_name():
    text = (
        "津新扶贫协作和对口支援工作座谈会在和田举行\n当晚，两省区在和田市举行扶贫协作和对口支援工作座谈会。"
    )
    assert find_meeting(text, ("津新",)) == "津新扶贫协作和对口支援工作座谈会"


def test_no_meeting():
    assert find_meeting("代表团考察了产业园。") is None


def test_meeting_word_that_names_no_meeting():
    assert find_meeting("会议指出，要把协作成果落到实处。会议强调，要深化交流合作。") is None


# --- a leading year stays part of the name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("两省在西宁召开2016年苏青扶贫协作第二十六次联席会议。", "2016年苏青扶贫协作第二十六次联席会议"),
        ("代表团出席2017年度津青东西部扶贫协作工作推进会。", "2017年度津青东西部扶贫协作工作推进会"),
        ("代表团出席二〇一六年苏青扶贫协作高层联席会议。", "二〇一六年苏青扶贫协作高层联席会议"),
        ("2016年苏青扶贫协作第26次联席会议在西宁召开", "2016年苏青扶贫协作第26次联席会议"),
    ],
)
def test_leading_year_is_kept(text, name):
    assert find_meeting(text, ("苏青", "津青")) == name


def test_year_of_the_sentence_is_not_the_name():
    # the year dates the sentence; the name starts after 召开
    assert find_meeting("2016年两省在西宁召开苏青扶贫协作座谈会。", ("苏青",)) == "苏青扶贫协作座谈会"


# --- ceremonies


def test_signing_ceremony_is_a_meeting():
    text = "当天下午，双方共同出席台州·黔东南东西部协作项目集中签约仪式。"
    assert find_meeting(text) == "台州·黔东南东西部协作项目集中签约仪式"


def test_launch_ceremony_in_headline():
    text = "湖州·广元东西部协作消费帮扶月启动仪式在广元举行\n活动现场人头攒动。"
    assert find_meeting(text) == "湖州·广元东西部协作消费帮扶月启动仪式"


@pytest.mark.parametrize(
    "text",
    ["座谈会后，双方举行了签约仪式。", "会上举行了项目签约仪式。", "随后，园区举行了开工仪式。"],
)
def test_ceremony_without_a_cooperation_name_is_none(text):
    assert find_meeting(text) is None


def test_meeting_wins_over_ceremony_held_at_it():
    text = "双方出席苏青东西部协作联席会议。会上，双方举行苏青东西部协作项目签约仪式。"
    assert find_meeting(text, ("苏青",)) == "苏青东西部协作联席会议"


# --- dashes


@pytest.mark.parametrize("dash", ["—", "–", "-", "——", "~"])
def test_dash_between_places_joins_the_name(dash):
    text = f"代表团出席天津市和平区{dash}青海省海西州东西部协作工作座谈会。"
    assert find_meeting(text) == f"天津市和平区{dash}青海省海西州东西部协作工作座谈会"


def test_dash_before_a_short_unit_form():
    # the right-hand side is a short form no gazetteer knows, ending in a unit suffix
    text = "并出席津青协作南京市栖霞区—达茂旗结对帮扶工作座谈会。"
    assert find_meeting(text) == "津青协作南京市栖霞区—达茂旗结对帮扶工作座谈会"


def test_dash_after_a_headline_phrase_separates():
    text = "携手奋进结硕果——苏青东西部协作联席会议侧记"
    assert find_meeting(text, ("苏青",)) == "苏青东西部协作联席会议"


def test_dash_between_clauses_does_not_glue():
    # left of the dash is a place, right of it is not: two sentences, not one name
    text = "代表团抵达西宁市——津青扶贫协作座谈会随即开幕。"
    assert find_meeting(text, ("津青",)) == "津青扶贫协作座谈会"


def test_dash_with_generic_word_after_does_not_glue():
    text = "成效看得见——两省在西宁召开津青扶贫协作座谈会"
    assert find_meeting(text, ("津青",)) == "津青扶贫协作座谈会"


# --- brackets


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("当天，京蒙协作（兴安盟）招商引资恳谈会在乌兰浩特举行。", "京蒙协作（兴安盟）招商引资恳谈会"),
        ("两地召开甬黔协作(黔西南)产业对接会。", "甬黔协作(黔西南)产业对接会"),
        ("沪滇协作（2023年度）工作推进会在昆明召开", "沪滇协作（2023年度）工作推进会"),
    ],
)
def test_short_bracket_inside_the_name_is_kept(text, name):
    assert find_meeting(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "浙川东西部协作座谈会（图）",
        "浙川东西部协作座谈会(图)在成都召开",
        "浙川东西部协作座谈会(记者 林晓)在成都召开",
        "（图）浙川东西部协作座谈会在成都召开",
    ],
)
def test_bracket_before_or_after_the_name_is_not_part_of_it(text):
    assert find_meeting(text) == "浙川东西部协作座谈会"


@pytest.mark.parametrize(
    "inside",
    ["（红河，文山）", "（这是一段很长很长的说明文字）", "(记者 林晓)"],
)
def test_long_or_punctuated_bracket_still_separates(inside):
    # sentence punctuation, a space or more than 8 characters: an aside, not a qualifier
    assert find_meeting(f"沪滇协作{inside}产业合作推进会在昆明召开") == "产业合作推进会"


def test_a_bare_work_meeting_names_no_one():
    assert find_meeting("沪滇协作（红河，文山）工作推进会在昆明召开") is None


# --- programmes


def test_programme_most_specific():
    assert find_programme("推进东西部扶贫协作和对口支援") == "东西部扶贫协作"
    assert find_programme("深化东西部协作") == "东西部协作"
    assert find_programme("对口支援新疆工作") == "对口支援"


def test_programme_from_aid_to_one_region():
    # 援疆 / 援藏 / 援青 are 对口支援; a programme named outright still wins
    assert find_programme("代表团看望援藏干部人才") == "对口支援"
    assert find_programme("召开援疆工作座谈会") == "对口支援"
    assert find_programme("深化东西部协作，看望援青干部") == "东西部协作"


def test_programme_northeast_cooperation():
    assert find_programme("推进江苏辽宁对口合作，深化两省交流。") == "对口合作"


def test_programme_from_pair_abbreviation():
    # a pair of province abbreviations + 扶贫协作 / 协作 names the East–West programme
    assert find_programme("总结苏青扶贫协作成效，谋划对口支援工作。") == "东西部扶贫协作"
    assert find_programme("深化闽甘协作，拓展劳务协作。") == "东西部协作"


def test_programme_bare_poverty_cooperation_is_east_west():
    assert find_programme("两市扶贫协作工作取得实效。") == "东西部扶贫协作"


def test_programme_neighbour_or_region_is_not_a_pair():
    # 川渝 / 京津冀 are neighbours, not an East–West pairing; 劳务协作 is no programme
    assert find_programme("推动川渝协作和京津冀协作，加强劳务协作。") is None


def test_programme_named_outright_beats_pair_cooperation():
    # an aid pair's 协作 is not East–West; a programme named outright wins over pair + 协作
    assert find_programme("推进苏青协作，做好对口支援工作。") == "对口支援"
    assert find_programme("深化苏青协作，两省扶贫协作成效明显。") == "东西部扶贫协作"
    assert find_programme("总结苏藏协作经验。") is None


def test_every_programme_the_extractor_names_is_accepted_by_the_marts_test():
    import yaml

    from visits.extract.meeting import PROGRAMMES

    models = yaml.safe_load((Path(__file__).parents[1] / "dbt_project/models/marts/_marts.yml").read_text())
    fact = next(m for m in models["models"] if m["name"] == "fact_visit")
    column = next(c for c in fact["columns"] if c["name"] == "programme")
    accepted = set(column["data_tests"][0]["accepted_values"]["arguments"]["values"])
    assert {programme for _, programme in PROGRAMMES} == accepted
