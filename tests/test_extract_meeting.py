from visits.extract.meeting import find_meeting, find_programme


def test_meeting_with_ordinal_after_held():
    text = "双方在西宁举行苏青东西部协作第三次联席会议。"
    assert find_meeting(text, ("苏青",)) == "苏青东西部协作第三次联席会议"


def test_meeting_with_middle_dot():
    assert (
        find_meeting("上午，北京市·内蒙古自治区工作交流座谈会在呼和浩特举行。")
        == "北京市·内蒙古自治区工作交流座谈会"
    )


def test_quoted_meeting_is_ignored():
    text = (
        "深入学习贯彻习近平总书记在东西部扶贫协作座谈会上的重要讲话精神。两省在昆明召开沪滇扶贫协作座谈会。"
    )
    assert find_meeting(text, ("沪滇",)) == "沪滇扶贫协作座谈会"


def test_headline_gives_the_longer_name():
    text = (
        "鲁渝扶贫协作和对口支援工作座谈会在重庆举行\n当晚，两省市在万州区举行扶贫协作和对口支援工作座谈会。"
    )
    assert find_meeting(text, ("鲁渝",)) == "鲁渝扶贫协作和对口支援工作座谈会"


def test_no_meeting():
    assert find_meeting("代表团考察了产业园。") is None


def test_programme_most_specific():
    assert find_programme("推进东西部扶贫协作和对口支援") == "东西部扶贫协作"
    assert find_programme("深化东西部协作") == "东西部协作"
    assert find_programme("对口支援新疆工作") == "对口支援"
