"""Garble repair on damage made exactly as shared/notes/articles.md describes.

`damage()` (tests/support/clean_texts.py): GBK-encode, replace each table character's bytes
with `X(pinyin)` bytes at byte level, decode GBK with errors='replace'.
All sentences, names and places here are invented.
"""

from __future__ import annotations

import codecs
import time

import opencc

from tests.support.clean_texts import STRADDLE, STRADDLE2, damage, reading
from visits.clean import PLACEHOLDER, clean_article

T2S = opencc.OpenCC("t2s")




def test_damage_helper_really_straddles():
    garbled = damage(STRADDLE, ["綄"])
    assert "\ufffd(huán)" in garbled and "將" not in garbled


def test_straddle_span_is_rebuilt_exactly():
    art = clean_article(damage(STRADDLE, ["綄", "醫", "領"]))
    assert art.clean_text == T2S.convert(STRADDLE)
    assert (art.garbled_spans_found, art.garbled_spans_rebuilt, art.garbled_spans_placeholder) == (1, 1, 0)
    assert art.script == "garbled"
    assert art.pinyin_removed == 2  # 醫(yī) and 領(lǐng); the straddle's pinyin is not an annotation


def test_straddle_with_table_preference_and_sample_form():
    # The samples show `?xùn)` (the '(' swallowed) rather than Python's `\ufffd(xùn)`: same repair.
    garbled = damage(STRADDLE2, ["瘱", "協"]).replace("\ufffd(", "?")
    art = clean_article(garbled)
    assert art.clean_text == T2S.convert(STRADDLE2)
    assert art.garbled_spans_rebuilt == 1


def test_unrebuildable_span_gets_one_placeholder_not_junk():
    # 數 straddles 當|地; the junk that follows holds an unpaired byte, so the tail is lost.
    text = "星湖區領導會見來訪的企業負責人,介紹當地經濟發展與鄉村振興情況。"
    art = clean_article(damage(text, ["數", "經"]))
    assert art.garbled_spans_found == 1
    assert art.garbled_spans_placeholder == 1
    assert art.clean_text.count(PLACEHOLDER) == 1
    assert "\ufffd" not in art.clean_text and "?" not in art.clean_text
    before, after = art.clean_text.split(PLACEHOLDER)
    assert T2S.convert(text).startswith(before) and T2S.convert(text).endswith(after)


def test_bang_span_becomes_placeholder_and_keeps_exact_tail():
    # A byte-level `！`(A3 A1) -> `!` replacement straddling 保|” (B1 A3 | A1 B1), as in the notes.
    text = "全面落實“三穩”“三保”任務,堅決守住“保”的底線,不斷夯實基礎。協(xié)作"
    raw = text.encode("gbk")
    i = raw.index("保”的".encode("gbk"))
    garbled = (raw[: i + 1] + b"!" + raw[i + 3 :]).decode("gbk", errors="ignore")
    assert "“!" in garbled
    art = clean_article(garbled)
    assert art.garbled_spans_found == 1 and art.garbled_spans_placeholder == 1
    assert "守住“" + PLACEHOLDER + "”的底" in art.clean_text  # lost char marked, exact tail kept
    assert "!" not in art.clean_text


def test_genuine_exclamation_is_kept():
    art = clean_article("我們做到了!大家繼續努力。協(xié)作")
    assert "!" in art.clean_text and art.garbled_spans_found == 0


def test_stray_replacement_char_becomes_placeholder():
    art = clean_article("臨江市黨政代表團\ufffd\ufffd赴北原縣考察。")
    assert "\ufffd" not in art.clean_text and art.clean_text.count(PLACEHOLDER) == 1


def test_work_is_bounded_on_hostile_input():
    hostile = ("接?xùn)" + "厮" * 500 + "\n") * 400 + "!钡" * 2000 + "\ufffd" * 1000
    start = time.perf_counter()
    art = clean_article(hostile)
    assert time.perf_counter() - start < 5
    assert art.garbled_spans_found == art.garbled_spans_rebuilt + art.garbled_spans_placeholder


def test_many_random_damages_never_leave_junk():
    sentences = [
        "臨江市黨政代表團赴北原縣考察產業協作項目,雙方簽署勞務協議。",
        "代表團一行參觀了現代農業示範園和職業技術學院,聽取了項目進展匯報。",
        STRADDLE,
        STRADDLE2,
    ]
    table = [
        "協",
        "團",
        "縣",
        "項",
        "勞",
        "議",
        "現",
        "農",
        "業",
        "職",
        "術",
        "學",
        "聽",
        "進",
        "匯",
        "綄",
        "瘱",
    ]
    for s in sentences:
        art = clean_article(damage(s, table))
        assert art.garbled_spans_found == art.garbled_spans_rebuilt + art.garbled_spans_placeholder
        assert "\ufffd" not in art.clean_text
        assert T2S.convert(art.clean_text) == art.clean_text
        if art.garbled_spans_placeholder == 0:
            assert art.clean_text == T2S.convert(s)


# --- damage exactly as the generator/notes decode it: an orphaned lead byte swallows the next
# ASCII byte as `?`; a well-formed but unassigned pair (user-defined area) is lost silently.
FW_TO_ASCII = [("，", ","), ("：", ":"), ("；", ";"), ("！", "!"), ("？", "?"), ("（", "("), ("）", ")")]


def _orphan_handler(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    data, i = exc.object, exc.start
    if i + 1 >= len(data):
        return "?", i + 1
    nxt = data[i + 1]
    return ("", i + 2) if 0x40 <= nxt <= 0xFE and nxt != 0x7F else ("?", i + 2)


codecs.register_error("test_gbk_orphan", _orphan_handler)


def damage_bytes(text: str, table: list[str], punct: bool = False) -> str:
    data = text.encode("gbk")
    if punct:
        for fw, a in FW_TO_ASCII:
            data = data.replace(fw.encode("gbk"), a.encode("ascii"))
    for ch in table:
        key = ch.encode("gbk")
        data = data.replace(key, key + b"(" + reading(ch).encode("gbk") + b")")
    return data.decode("gbk", errors="test_gbk_orphan")


def test_orphan_form_straddle_is_rebuilt():
    garbled = damage_bytes(STRADDLE2, ["瘱", "協"])
    assert "?" in garbled
    art = clean_article(garbled)
    assert art.clean_text == T2S.convert(STRADDLE2) and art.garbled_spans_rebuilt == 1


PUNCT_TEXT = (
    "代表團在和田縣召開座談會。和田縣委書記主持會議,雙方簽署協議。"
    "會議強調,要深化合作。和田縣將繼續推進項目建設。"
)


def test_punctuation_straddle_keeps_following_text():
    # 。和 = A1 A3 | BA CD: A3 BA is `：`, so a byte-level `：` -> `:` eats the 。 and the lead of 和.
    garbled = damage_bytes(PUNCT_TEXT, [], punct=True)
    assert "?" in garbled and "和田縣委" not in garbled
    art = clean_article(garbled)
    assert art.garbled_spans_found == 2
    assert "?" not in art.clean_text
    assert "和田县委书记主持会议" in art.clean_text  # the junk after the lost byte is re-paired
    ref = T2S.convert(PUNCT_TEXT)
    for part in art.clean_text.split(PLACEHOLDER):
        assert part in ref  # whatever is written is exact; the rest is one placeholder each


def test_genuine_question_mark_is_kept():
    art = clean_article("記者問:項目什麼時候完工?\n負責人說,年底。協(xié)作")
    assert "完工?" in art.clean_text and art.garbled_spans_found == 0


def test_long_junk_runs_are_bounded_and_never_left():
    hostile = "開?" + "吞锟" * 50000 + "h\n" + ("對接?xùn)|" * 3000) + "?" * 20000 + "\n" + "會?鼻" * 5000
    start = time.perf_counter()
    art = clean_article(hostile)
    assert time.perf_counter() - start < 10
    assert art.garbled_spans_found == art.garbled_spans_rebuilt + art.garbled_spans_placeholder
    assert "?" not in art.clean_text


def test_random_sentences_with_both_damages_never_leave_marks():
    sentences = [PUNCT_TEXT, STRADDLE, STRADDLE2, "臨江市黨政代表團赴北原縣考察。“我們一定盡力。”村民說。"]
    for s in sentences:
        for table in (["綄", "瘱", "協"], ["團", "縣", "議"], []):
            art = clean_article(damage_bytes(s, table, punct=True))
            assert "?" not in art.clean_text and "\ufffd" not in art.clean_text
            assert art.garbled_spans_found == art.garbled_spans_rebuilt + art.garbled_spans_placeholder
