"""Outlet header lines read by visits/clean/metadata.py (invented lines)."""

from datetime import date

from visits.clean.metadata import end_credit, meta_fields, names_in, opens_with_dateline, start_credit


def _source(line):
    f = meta_fields(line)
    return None if f is None else f.get("source")


def test_date_then_outlet_with_ideographic_space():
    f = meta_fields("2017-07-25\u3000新华日报")
    assert (f["source"], f["date"]) == ("新华日报", date(2017, 7, 25))
    assert _source("2019-09-08　中国日报网") == "中国日报网"


def test_outlet_in_lenticular_brackets():
    assert _source("【宁夏日报】") == "宁夏日报"
    assert _source("【凉山新闻网】") == "凉山新闻网"


def test_bare_outlet_line_needs_a_strong_suffix():
    assert _source("浙江在线") == "浙江在线"
    assert meta_fields("援疆工作简报") is None  # a short headline ending in 报


def test_forum_sites_are_not_sources():
    assert _source("【天涯论坛】") is None
    assert _source("2021-08-23　凯迪社区网") is None


def test_body_sentence_is_not_a_header():
    assert meta_fields("省委书记出席并讲话，新华日报记者随行采访。") is None


def test_old_masthead_still_read():
    assert _source("湖南日报 2021年09月17日") == "湖南日报"


# Header grammar: OUTLET [PAGE] STAMP [labelled fields] (invented papers, dates and names).


def test_masthead_with_page_number():
    expected = {"source": "黔东南日报", "date": date(2021, 11, 3)}
    for line in (
        "黔东南日报 2021年11月03日 第A2版",
        "黔东南日报 2021年11月03日 第2版",
        "黔东南日报 2021年11月3日 02版",
        "黔东南日报 2021年11月3日 星期三 第十二版",
        "黔东南日报 第05版 2021年11月3日",
    ):
        f = meta_fields(line)
        assert f is not None and {k: f[k] for k in expected} == expected, line


def test_page_number_alone_is_not_a_date():
    assert meta_fields("第A2版") is None
    assert meta_fields("02版") is None
    f = meta_fields("黔东南日报 第A2版")  # the paper's page line names the paper, but no date
    assert f is not None and (f["source"], f["date"]) == ("黔东南日报", None)


def test_website_datetime_then_labelled_source():
    f = meta_fields("雅安网 2020-03-09 18:20:45 来源：湘西日报")
    assert f is not None
    assert (f["source"], f["date"]) == ("湘西日报", date(2020, 3, 9))  # the paper, not the site


def test_paper_iso_datetime_with_and_without_editor():
    f = meta_fields("阿坝日报 2016-10-21 14:05:09 责任编辑：欧阳春")
    assert f is not None
    assert (f["source"], f["date"], f["editors"]) == ("阿坝日报", date(2016, 10, 21), ["欧阳春"])
    f = meta_fields("阿坝日报 2016-10-21 14:05")
    assert f is not None and (f["source"], f["date"]) == ("阿坝日报", date(2016, 10, 21))


def test_body_sentence_with_paper_and_date_is_not_a_header():
    assert meta_fields("阿坝日报2016年10月21日报道了双方签约的消息") is None
    assert meta_fields("阿坝日报 2016年10月21日 刊发了双方签约的消息。") is None
    assert meta_fields("雅安网 2020-03-09 双方在会上签约") is None  # tail is no labelled field


def test_forum_post_stamp():
    f = meta_fields("楼主 | 山风过境 | 发表于 2018-3-6 09:41 | 只看该作者 | 阅读 88")
    assert f is not None and f["date"] == date(2018, 3, 6) and not f.get("source")
    assert meta_fields("发表于 2018-3-6")["date"] == date(2018, 3, 6)
    assert meta_fields("文章发表于 2018-3-6 的内刊上") is None  # 发表于 inside a phrase


def test_forum_stamp_gives_a_date_but_no_source():
    f = meta_fields("雷山论坛 2018-03-06 09:41")
    assert f is not None and f["date"] == date(2018, 3, 6) and f["source"] is None


def test_repost_labels_give_the_source():
    for label in ("转自", "转载自", "摘自", "稿源", "信息来源", "来源"):
        assert _source(f"{label}：湘西日报") == "湘西日报", label
    assert _source("转自:湘西日报") == "湘西日报"


def test_proofreader_is_an_editor():
    f = meta_fields("校对：潘晓雯")
    assert f is not None and f["editors"] == ["潘晓雯"]


# Credits.


def test_outlet_dateline_with_reporter_list():
    rest, names = start_credit("黔东南日报讯（记者 泽仁拉姆 李向东）11月2日，双方座谈。")
    assert (rest, names) == ("11月2日，双方座谈。", ["泽仁拉姆", "李向东"])
    rest, names = start_credit("雅安网讯 （记者 龙小燕、吴小明，潘晓雯）近日，双方座谈。")
    assert (rest, names) == ("近日，双方座谈。", ["龙小燕", "吴小明", "潘晓雯"])
    assert start_credit("湘西日报讯 11月2日，双方座谈。") == ("11月2日，双方座谈。", [])


def test_a_datelines_day_stays_for_the_reports_today():
    # 今天 under 本报9月19日讯 is the 19th even when the page is dated the 20th
    assert start_credit("本报9月19日讯（记者 吴小明）今天上午，双方座谈。") == ("9月19日讯 今天上午，双方座谈。", ["吴小明"])
    assert start_credit("湘西日报11月2日讯 昨天，双方座谈。") == ("11月2日讯 昨天，双方座谈。", [])


def test_dateline_lookalikes_are_left_alone():
    for line in ("会议通报讯息，双方座谈。", "据湘西日报讯（记者 吴小明）双方座谈。"):
        assert start_credit(line) == (line, [])
        assert not opens_with_dateline(line)


def test_paper_name_glued_before_reporter():
    assert end_credit("双方签署协议。（黔东南日报记者 龙小燕）") == ("双方签署协议。", ["龙小燕"])
    assert end_credit("双方签署协议。（阿坝州融媒体中心记者 扎西 卓玛）")[1] == ["扎西", "卓玛"]


def test_editors_and_correspondents_are_not_reporters():
    for credit in (
        "（记者 吴小明 责任编辑 潘晓雯）",
        "（本报记者 吴小明 校对 潘晓雯）",
        "（记者 吴小明 编辑：潘晓雯）",
    ):
        assert end_credit("双方签署协议。" + credit)[1] == ["吴小明"], credit
    assert names_in("记者 吴小明 通讯员 潘晓雯") == ["吴小明"]


# Masthead with a section name after the page (invented papers, dates, sections).


def test_masthead_page_with_section_name():
    expected = {"source": "海东日报", "date": date(2024, 3, 12)}
    for line in (
        "海东日报 2024年03月12日 星期二 第03版：时政",
        "海东日报 2024年03月12日 第A3版 区域经济",
        "海东日报 2024年3月12日 03版:综合新闻",
        "海东日报 2024年03月12日 星期二 【第3版】",
        "海东日报 2024年03月12日 【第05版 时政】",
        "海东日报 第03版：时政 2024年03月12日",
    ):
        f = meta_fields(line)
        assert f is not None and {k: f[k] for k in expected} == expected, line


def test_section_after_page_is_not_a_body_line():
    f = meta_fields("海东日报 第03版：时政")  # a page line with no date stamp: the paper only
    assert f is not None and (f["source"], f["date"]) == ("海东日报", None)
    assert meta_fields("海东日报 2024年03月12日 第03版 刊发了双方签约的消息。") is None
    assert meta_fields("第03版：时政") is None


# WeChat public-account reposts: [原创|转载] [display name] account date [time] [发表于IP].


def test_wechat_repost_header_gives_account_and_date():
    f = meta_fields("原创 茶乡小记 湄潭县融媒体中心 2022-09-07 19:05 发表于河北")
    assert f is not None
    assert (f["source"], f["date"]) == ("湄潭县融媒体中心", date(2022, 9, 7))
    f = meta_fields("转载 高原云客 化隆之声 2022年9月7日 08:15 发表于江西")
    assert f is not None and (f["source"], f["date"]) == ("化隆之声", date(2022, 9, 7))


def test_wechat_outlet_like_token_beats_the_token_before_the_date():
    # the display name sits right before the date here; the account that looks like an outlet wins
    f = meta_fields("原创 湄潭发布 茶乡小记 2022-09-07 19:05")
    assert f is not None and f["source"] == "湄潭发布"


def test_wechat_single_account_and_ip_tail_only():
    f = meta_fields("湄潭县融媒体中心 2022-09-07 19:05 发表于河北")
    assert f is not None and (f["source"], f["date"]) == ("湄潭县融媒体中心", date(2022, 9, 7))
    f = meta_fields("原创 陇南日报 2022年9月7日")
    assert f is not None and (f["source"], f["date"]) == ("陇南日报", date(2022, 9, 7))


def test_ip_location_is_neither_date_nor_source():
    f = meta_fields("原创 茶乡小记 湄潭县融媒体中心 2022-09-07 19:05 发表于河北")
    assert f is not None and f["source"] != "河北" and "河北" not in str(f["source"])
    assert meta_fields("发表于河北") is None


def test_wechat_lookalikes_in_body_are_not_headers():
    for line in (
        "原创剧目《茶乡小记》2022年9月7日在湄潭首演，观众反响热烈。",
        "该文章最早发表于河北的一家内刊，随后被多家媒体转载。",
        "原创 茶乡小记 2022-09-07 双方签约",  # tail after the date is not an IP location
        "茶乡小记 湄潭县融媒体中心 2022-09-07 19:05",  # no 原创/转载 marker, no IP tail
        "湄潭县融媒体中心2022年9月7日发表于河北日报的文章",
    ):
        assert meta_fields(line) is None, line
