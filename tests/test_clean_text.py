"""Character-level steps on invented text: pinyin stripping and its traps, commas, widths,
whitespace, variants, script labels."""

from __future__ import annotations

from datetime import date

import pytest

from visits.clean import clean_article
from visits.clean.pinyin import strip_annotations


@pytest.mark.parametrize(
    "kept",
    [
        "(记者 欧阳明远)",
        "贫困县(区)",
        "星光环保科技(临江)有限公司",
        "(2021)",
        "(图)",
        "新材料(abc)",
        "方案(a)",
    ],
)
def test_real_parentheses_are_kept(kept):
    assert strip_annotations(kept) == (kept, 0)


def test_glued_pinyin_is_stripped_and_counted():
    assert strip_annotations("協(xié)作與發(fā)展(zhǎn)") == ("協作與發展", 3)
    assert strip_annotations("绿(lǜ)色")[0] == "绿色"
    art = clean_article("北原縣協(xié)作項(xiàng)目在臨江市(區)舉行,記者(2021)。")
    assert art.pinyin_removed == 2
    assert art.clean_text == "北原县协作项目在临江市(区)举行,记者(2021)。"
    assert art.script == "garbled"


def test_spurious_commas_before_chinese_punctuation():
    art = clean_article("代表团来访,,双方座谈,、交流,。会后参观,；考察。")
    assert art.clean_text == "代表团来访,双方座谈、交流。会后参观；考察。"


@pytest.mark.parametrize(
    "header",
    [
        "時間,:2031-04-09\n來源,:青禾晚報",
        "时间,：2031-04-09\n来源，：青禾晚报",
        "时间,,:2031-04-09\n来源,，：青禾晚报",
    ],
)
def test_spurious_comma_before_a_colon_in_header_fields(header):
    # with the comma gone the header fields are read as date and source
    art = clean_article(header + "\n代表团抵达。")
    assert art.clean_text == "代表团抵达。"
    assert art.published_date == date(2031, 4, 9)
    assert art.source == "青禾晚报"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("会议议程,:参观考察。", "会议议程:参观考察。"),
        ("会议议程,：参观考察。", "会议议程：参观考察。"),
        ("会议议程，：参观考察。", "会议议程：参观考察。"),
    ],
)
def test_spurious_comma_before_an_inline_colon(raw, clean):
    assert clean_article(raw).clean_text == clean


def test_comma_without_a_colon_is_kept():
    raw = "投资1,000万元,建设a,b两区。"
    assert clean_article(raw).clean_text == raw


def test_fullwidth_digits_latin_and_whitespace():
    raw = "  ２０２１年，ＡＢＣ公司　与\t北原县   签约。\n\n\n  第二段\u3000继续。  \r\n"
    art = clean_article(raw)
    assert art.clean_text == "2021年，ABC公司 与 北原县 签约。\n第二段 继续。"


def test_variants_opencc_misses():
    art = clean_article("陜南地區著力發展特色產業,著眼長遠,隨著項目推進,成效顯著。著名企業參與。")
    assert art.script == "traditional"
    assert art.clean_text == "陕南地区着力发展特色产业,着眼长远,随着项目推进,成效显著。著名企业参与。"


def test_compatibility_forms_opencc_misses():
    # a Hong Kong repost writes 衞 for 衛 and 靑 for 青: the names come out as the mainland writes them
    art = clean_article("副市長柯衞國、靳衞平陪同考察靑海項目，兩地簽署協議。")
    assert art.clean_text == "副市长柯卫国、靳卫平陪同考察青海项目，两地签署协议。"


def test_scripts():
    assert clean_article("临江市代表团到北原县考察协作项目。").script == "simplified"
    assert clean_article("臨江市代表團到北原縣考察協作項目,雙方簽署協議。").script == "traditional"
    assert clean_article("臨江市代表團到北原縣考察協(xié)作項目。").script == "garbled"


def test_simplified_with_a_stray_traditional_char_is_still_fully_simplified():
    art = clean_article("临江市代表团到北原县考察协作项目,参观了一家書店。")
    assert art.script == "simplified"
    assert "書" not in art.clean_text
