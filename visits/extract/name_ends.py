"""Where a person's name ends, after a title or in a list: the boundary rules.

A name is 2–4 characters (a compound surname counts as one; Mongolian and Tibetan names run
longer), or a minority name with ·, and ends at punctuation or at a word that cannot continue
a name (出席, 主持, 率 …). `officials` reads titles; this module only says where the name stops.
"""

from __future__ import annotations

import re

from visits.extract.surnames import COMPOUND_SURNAMES, MINORITY_INITIALS, SURNAMES
from visits.extract.titles import TITLE_WORDS
from visits.lexicon import words

PUNCT = "".join("，,。、；;：:！？!?“”\"‘’'（）()《》【】[] \u3000\t\n—…·")
# Words that end a name (verbs and connectors that follow a person), longest first; and
# words a name never starts with.
_STOP_WORDS = sorted(words("name_stops"), key=len, reverse=True)
_NOT_NAMES = frozenset(words("not_names"))
# stop words that never end a name even right before punctuation: connectors, and what
# follows a speaker or an owner (甲说：, 甲的), adverbs (甲还带领, 甲又赴) and prepositions (甲对考察团,
# 甲在座谈会上)
_NEVER_NAME_END = "等率和及与说的称还又对向在"
# the word lists as patterns: one match instead of a startswith per word at every position
_STOP_AT = re.compile("|".join(map(re.escape, _STOP_WORDS)))
_MULTI_STOP_AT = re.compile("|".join(re.escape(w) for w in _STOP_WORDS if len(w) > 1))
_TITLE_WORD_IN = re.compile("|".join(map(re.escape, TITLE_WORDS)))
# every compound surname is two characters: one set lookup instead of a startswith per surname
_COMPOUNDS = frozenset(COMPOUND_SURNAMES)
assert all(len(c) == 2 for c in _COMPOUNDS), "compound surnames are two characters"


def _is_boundary(s: str, i: int) -> bool:
    if i >= len(s) or s[i] in PUNCT:
        return True
    return _STOP_AT.match(s, i) is not None


def name_at(s: str, i: int) -> int | None:
    """End index of a person's name starting at i, else None.

    The shortest length that ends at a boundary wins (王伟和邵强 -> 王伟), except that a
    one-character stop word directly followed by punctuation is the name's last character
    (卜春来、 -> 卜春来; 王春来率 -> 王春来). Without a known surname only 4–5 characters pass (minority names),
    and only when no shorter length ended at a boundary (期以来对 is not a name)."""
    if i >= len(s) or s[i] in PUNCT or s[i] == "的":  # 为团长的代表团: 的 starts no name
        return None
    m = re.match(r"[\u4e00-\u9fff]{1,6}·", s[i:])
    if m:  # 阿不都热合曼·买买提: the shortest tail that ends at a boundary
        for k in range(i + m.end() + 1, min(len(s), i + m.end() + 9) + 1):
            if not "\u4e00" <= s[k - 1] <= "\u9fff" and s[k - 1] != "·":
                break
            if s[k - 1] != "·" and _is_boundary(s, k) and not _syllable_runs_on(s, k):
                return k
        return None
    compound = s[i : i + 2] in _COMPOUNDS
    has_surname = compound or s[i] in SURNAMES
    earlier_boundary = False
    # Mongolian and Tibetan names run to six or seven characters without a dot (额尔敦毕力格)
    longest = 7 if s[i] in MINORITY_INITIALS else 5
    for n in range(3 if compound else 2, longest + 1):
        chunk = s[i : i + n]
        if len(chunk) < n or any(not ("\u4e00" <= c <= "\u9fff") for c in chunk):
            return None
        if chunk[:2] in _NOT_NAMES:
            return None
        if not _is_boundary(s, i + n):
            continue
        if chunk[:2] in _STOP_WORDS and (n == 2 or not has_surname):
            return None  # 出席会议: a verb is no name
        if n == 2 and chunk[1] in "镇乡":
            return None  # 在某县长安镇: a town after a county's name, not 县长 and a person
        if n == 2 and _minority_four(s, i):
            return i + 4  # 阿苏则聪，: 则 is a syllable of the name here
        if has_surname and n <= 4:
            # 和 ends a name when nothing a connector could join follows it (孟庆和、 / 那顺孟和出席 / 甲泰和率)
            he_final = (
                i + n < len(s)
                and s[i + n] == "和"
                and (i + n + 1 >= len(s) or s[i + n + 1] in PUNCT or _multi_stop(s, i + n + 1) or s[i + n + 1] == "率")
            )
            if he_final and n < 4:
                return i + n + 1
            single_stop = (
                i + n < len(s) and s[i + n] not in PUNCT + _NEVER_NAME_END and not _multi_stop(s, i + n)
            )
            if (
                single_stop
                and n < 4
                and i + n + 1 < len(s)
                and (s[i + n + 1] in PUNCT or _multi_stop(s, i + n + 1) or s[i + n + 1] == "率")
            ):
                return i + n + 1
            return i + n
        # five characters only for a compound surname (欧阳文华杰 is rare, 覃晓峰随团 is not)
        # or a minority name; four for anyone
        long_ok = n == 4 or (compound and n == 5) or s[i] in MINORITY_INITIALS
        if n >= 4 and not earlier_boundary and long_ok:
            return i + n
        # a family name missing from the list still passes where only a name can stand: right
        # before 、，。/等 or a verb only a person does (率队, 出席, 主持), holding no title or stop word
        if (
            n <= 3
            and not earlier_boundary
            and (_closes_list(s, i + n) or _PERSON_VERB.match(s, i + n))
            and not has_title_word(chunk)
            and not any(w in chunk for w in _STOP_WORDS)
        ):
            return i + n
        if n == 3 and not earlier_boundary and _ambiguous_surname_name(s, i, chunk):
            return i + n
        earlier_boundary = True
    return None


# Verbs whose subject is a person: before them an unknown-surname 2–3 character word is a name.
_PERSON_VERB = re.compile(r"率|带队|带领|一行|出席|主持|参加|讲话|致辞|分别|陪同|介绍|会见|看望|调研|考察")


# Family names that are also function words (和 and, 于 at): left out of SURNAMES, they still
# start a three-character name in a list slot: 省领导和某某、… / 市领导于某某、…
_AMBIGUOUS_SURNAMES = "和于"
# What follows 于 (at/in) or 和 as a word rather than as a given name: 于会前会见, 于此, 和平
_PREPOSITION_OBJECTS = {
    "于": set("会前后此是今近日年月上下中当期间时"),
    "和": set("会前后此是今近日年月上下中当期间时平谐睦"),
}
# What 和 joins after a group title instead of a person: 市领导和嘉宾、…
_NOT_GIVEN_NAMES = {
    "嘉宾",
    "群众",
    "专家",
    "企业",
    "客商",
    "代表",
    "干部",
    "记者",
    "师生",
    "老师",
    "学生",
    "村民",
}


def _ambiguous_surname_name(s: str, i: int, chunk: str) -> bool:
    """和某某 / 于某某 ending a list item, where the rest is no word and no name of its own."""
    rest = chunk[1:]
    return (
        chunk[0] in _AMBIGUOUS_SURNAMES
        and (_closes_list(s, i + 3) or _PERSON_VERB.match(s, i + 3) is not None)
        and not any(c in _PREPOSITION_OBJECTS[chunk[0]] for c in rest)
        and rest not in _NOT_GIVEN_NAMES
        and (chunk[0] != "和" or rest[0] not in SURNAMES)  # 和李苏、: the connector and 李苏
        and not has_title_word(chunk)
        and not any(w in rest for w in _STOP_WORDS)
    )


def _closes_list(s: str, i: int) -> bool:
    return i >= len(s) or s[i] in "、，,。；;" or s.startswith("等", i)


_INNER_SYLLABLES = frozenset(words("minority_name_syllables"))


def _minority_four(s: str, i: int) -> bool:
    """阿苏则聪，: a minority first syllable, a stop word that is also a name syllable, and one
    more character (no stop word) before a boundary make one four-character name."""
    if s[i] not in MINORITY_INITIALS or s[i + 2 : i + 3] not in _INNER_SYLLABLES or i + 4 > len(s):
        return False
    last = s[i + 3]
    return "\u4e00" <= last <= "\u9fff" and not _STOP_AT.match(s, i + 3) and last not in _NEVER_NAME_END and (
        i + 4 == len(s) or s[i + 4] in PUNCT or _multi_stop(s, i + 4)
    )


def _syllable_runs_on(s: str, k: int) -> bool:
    """艾则孜，: a stop word that is also a name syllable (则), with a name character after it,
    continues a dotted name."""
    return s[k : k + 1] in _INNER_SYLLABLES and "\u4e00" <= s[k + 1 : k + 2] <= "\u9fff" and not _STOP_AT.match(s, k + 1)


def _multi_stop(s: str, i: int) -> bool:
    return _MULTI_STOP_AT.match(s, i) is not None


def has_title_word(text: str) -> bool:
    """Does `text` hold a title word (so it is a title, not a bare name)?"""
    return _TITLE_WORD_IN.search(text) is not None
