"""Title, body, captions, boilerplate and metadata on invented articles (sample structures)."""

from __future__ import annotations

from datetime import date

from tests.support.clean_texts import HTML, NEWS_SITE
from visits.clean import clean_article


def test_forum_page_layout():
    art = clean_article(NEWS_SITE)
    assert art.title == "北原县代表团赴临江市考察协作"
    assert art.published_date == date(2021, 3, 7)
    assert art.source is None  # a forum name in a Powered-by / © line is not a newspaper
    assert art.reporters == ["林小雨", "上官青青", "司马文静"]  # 4-character names too
    assert art.captions == ["3月5日,北原县代表团在临江市规划馆听取介绍。"]
    assert art.clean_text == (
        "3月5日至6日,北原县委书记欧阳明远率代表团到临江市考察协作,双方举行座谈会。\n"
        "座谈会上,双方签署了劳务协作协议。"
    )
    for chrome in (
        "发帖",
        "回复",
        "使用道具",
        "返回顶部",
        "Powered by EXAMPLE.CC  © 2020 某某论坛".replace("  ", " "),
    ):
        assert chrome in art.boilerplate
    assert "IMG20210306123456.jpg" in art.boilerplate


def test_labelled_metadata_and_lead_line_duplicate():
    raw = (
        "- 時間:2022-08-15\n- 點擊:0\n- 來源:臨江日報\n"
        "8月12日,星湖區代表團來臨江考察。(記者諸葛明)\n"
        "8月12日,星湖區代表團來臨江考察。雙方舉行座談。\n"
        "雙方簽署協議。(記者張小北)\n"
    )
    art = clean_article(raw)
    assert art.published_date == date(2022, 8, 15)
    assert art.source == "临江日报"
    assert art.reporters == ["诸葛明", "张小北"]
    assert art.title is None
    assert art.clean_text == "8月12日,星湖区代表团来临江考察。双方举行座谈。\n双方签署协议。"


def test_masthead_and_start_credit_and_trailer():
    raw = (
        "北原日报 2017年09月30日\n"
        "临江北原协作座谈会在星湖举行\n"
        "本网讯(周一鸣)9月28日至29日,临江市代表团赴北原县调研,,双方座谈,、交流。\n"
        "最新消息\n"
        "另一条新闻标题\n"
    )
    art = clean_article(raw)
    assert (art.source, art.published_date) == ("北原日报", date(2017, 9, 30))
    assert art.title == "临江北原协作座谈会在星湖举行"
    assert art.reporters == ["周一鸣"]
    assert art.clean_text == "9月28日至29日,临江市代表团赴北原县调研,双方座谈、交流。"


def test_pipe_header_editors_and_copyright_block():
    raw = (
        "星湖区代表团赴临江市学习考察\n\n"
        "2020-12-01 08:30:00|来源:星湖日报|编辑:王小二|责编:欧阳一一\n\n"
        "11月30日,星湖区代表团赴临江市学习考察,双方座谈。(记者 赵甲 钱乙)\n\n"
        "某某网版权与内容使用的声明:\n"
        "  • 1、本网所有内容,未经书面授权,不得转载。\n"
        "  • 凡本网注明“来源:某某网”的内容,均由本网负责,违者追究法律责任,以及其他很长的说明文字。\n"
    )
    art = clean_article(raw)
    assert art.published_date == date(2020, 12, 1)
    assert art.source == "星湖日报"
    assert art.editors == ["王小二", "欧阳一一"]
    assert art.reporters == ["赵甲", "钱乙"]
    assert art.clean_text == "11月30日,星湖区代表团赴临江市学习考察,双方座谈。"
    assert not any("来源:某某网" in ln for ln in [art.clean_text])


def test_photo_credit_caption_first_line_and_no_date():
    raw = (
        "4月2日,北原县代表团赴临江市考察。图为代表团参观产业园。 本报记者 钱多多摄\n"
        "本报讯 4月2日,北原县代表团赴临江市考察。2019年以来,两地合作项目达12个。\n"
    )
    art = clean_article(raw)
    assert art.published_date is None  # a year in a body sentence is not a publication date
    assert art.source is None and art.title is None
    assert art.reporters == ["钱多多"]
    assert art.captions == ["4月2日,北原县代表团赴临江市考察。图为代表团参观产业园。"]
    assert art.clean_text == "4月2日,北原县代表团赴临江市考察。2019年以来,两地合作项目达12个。"


def test_dated_url_line():
    raw = (
        "http://www.example.cn/news/2018-07/09/content_123.htm\n临江市代表团赴北原县考察协作项目,双方座谈。\n"
    )
    art = clean_article(raw)
    assert art.published_date == date(2018, 7, 9)


def test_all_boilerplate_gives_empty_body():
    art = clean_article("发帖\n回复\n返回顶部\nPowered by X\n点击:12\nIMG_0001.jpg\n")
    assert art.clean_text == ""
    assert art.title is None and art.reporters == []


def test_empty_input():
    art = clean_article("")
    assert art.clean_text == "" and art.script == "simplified"




def test_html_page():
    art = clean_article(HTML)
    assert art.title == "临江市代表团赴北原县考察"
    assert art.published_date == date(2023, 6, 1)
    assert art.source == "北原日报"
    assert art.reporters == ["孙悟净"]
    assert art.clean_text == "5月30日,临江市代表团赴北原县考察协作项目。\n双方签署协议。"
    assert "var x" not in art.clean_text and "color" not in art.clean_text


FORUM_REPOST = """雷山论坛 › 新闻资讯 › 本地新闻
[转帖] 黔东南州代表团赴台江县考察协作
楼主 | 山风过境 | 发表于 2021-4-8 10:12 | 只看该作者 | 倒序浏览 | 阅读 88 | 回复 3

转自：黔东南日报

4月6日至7日,黔东南州代表团赴台江县考察协作项目,双方举行座谈。
座谈会上,双方签署协议。(记者 龙小燕)
"""


def test_forum_repost_breadcrumb_stamp_and_repost_source():
    art = clean_article(FORUM_REPOST)
    assert art.title == "黔东南州代表团赴台江县考察协作"  # not the breadcrumb, no thread tag
    assert "雷山论坛 › 新闻资讯 › 本地新闻" in art.boilerplate
    assert art.published_date == date(2021, 4, 8)
    assert art.source == "黔东南日报"
    assert art.reporters == ["龙小燕"]
    assert art.clean_text.startswith("4月6日至7日")


def test_two_part_breadcrumb_is_chrome_but_a_slash_headline_is_not():
    art = clean_article("首页 › 地方新闻\n星湖区代表团赴临江 / 北原考察\n双方座谈。\n")
    assert art.title == "星湖区代表团赴临江 / 北原考察"
    assert "首页 › 地方新闻" in art.boilerplate


def test_masthead_page_and_outlet_dateline_credit():
    raw = (
        "阿坝州代表团赴雅安考察 两地协作座谈会举行\n"
        "阿坝日报 2019年10月21日 第A3版\n"
        "阿坝日报讯（记者 泽仁拉姆 李向东）10月19日,阿坝州代表团赴雅安市考察,双方座谈。\n"
    )
    art = clean_article(raw)
    assert (art.source, art.published_date) == ("阿坝日报", date(2019, 10, 21))
    assert art.title == "阿坝州代表团赴雅安考察 两地协作座谈会举行"
    assert art.reporters == ["泽仁拉姆", "李向东"]
    assert art.clean_text == "10月19日,阿坝州代表团赴雅安市考察,双方座谈。"


def test_site_stamp_with_source_and_editor_header():
    raw = (
        "湘西州代表团赴雷山县考察\n"
        "雅安网 2020-03-09 18:20:45 来源:湘西日报 责任编辑:欧阳春\n"
        "3月7日,湘西州代表团赴雷山县考察,双方座谈。(湘西日报记者 吴小明)\n"
    )
    art = clean_article(raw)
    assert (art.source, art.published_date) == ("湘西日报", date(2020, 3, 9))
    assert art.editors == ["欧阳春"]
    assert art.reporters == ["吴小明"]  # the editor is not a reporter


def test_masthead_with_section_is_not_the_title():
    art = clean_article(
        "海东日报 2024年03月12日 星期二 第03版：时政\n\n化隆县代表团赴康县考察协作\n\n"
        "3月11日，化隆县代表团到康县考察协作，双方举行座谈会并签署协议。"
    )
    assert art.title == "化隆县代表团赴康县考察协作"
    assert (art.source, art.published_date) == ("海东日报", date(2024, 3, 12))


def test_wechat_repost_header_is_not_the_title():
    art = clean_article(
        "化隆县代表团赴康县考察协作\n原创 茶乡小记 湄潭县融媒体中心 2022-09-07 19:05 发表于河北\n\n"
        "9月6日，化隆县代表团到康县考察协作，双方举行座谈会并签署协议。"
    )
    assert art.title == "化隆县代表团赴康县考察协作"
    assert (art.source, art.published_date) == ("湄潭县融媒体中心", date(2022, 9, 7))


# Round 4 (hand-written held-out pages): where the source is told.
def test_a_labelled_source_beats_the_site_name_heading_the_page():
    page = (
        "某某县人民政府网\n首页 > 新闻中心 > 县内要闻\n\n代表团来我县考察\n\n"
        "发布时间：2023-04-02 10:15　来源：某某日报　浏览次数：\n\n　　4月1日，代表团来我县考察东西部协作工作。\n"
    )
    art = clean_article(page)
    assert (art.source, art.published_date) == ("某某日报", date(2023, 4, 2))


def test_a_repost_note_without_a_colon_names_the_source():
    art = clean_article("代表团赴某州考察\n\n转载自某州日报　｜　分享到：脸书　推特\n\n　　6月2日，代表团赴某州考察东西部协作工作。\n")
    assert art.source == "某州日报"


def test_a_bracketed_outlet_dateline_names_the_source():
    art = clean_article("某某项目签约\n\n【某某报讯】（记者 林晓 报道）代表团前日抵达，展开为期两日的考察访问。\n")
    assert art.source == "某某报"
    assert "林晓" in art.reporters


def test_a_site_banner_above_the_breadcrumb_is_no_title():
    # a county government page: banner, phone line, breadcrumb, then the headline
    page = (
        "丹棱县人民政府\n举报电话: 028-12345678\n首页 > 新闻中心 > 工作动态\n\n"
        "滨江市党政代表团到我县考察协作工作\n发布时间：2022-04-02 09:10　　来源：丹棱县融媒体中心\n\n"
        "4月1日，滨江市委书记祁远山率滨江市党政代表团到我县考察。县委书记温知礼陪同。\n"
    )
    art = clean_article(page)
    assert art.title == "滨江市党政代表团到我县考察协作工作"
    assert "丹棱县人民政府" not in art.clean_text and "028-12345678" not in art.clean_text


def test_a_headline_above_a_forums_navigation_stays_the_title():
    page = "两地协作联席会议在滨江举行\n新闻爆料 / 滨江市 / 只看大图 / 倒序浏览\n代表团到滨江考察\n4月1日，代表团到滨江市考察。\n"
    assert clean_article(page).title == "两地协作联席会议在滨江举行"
