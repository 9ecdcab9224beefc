"""The formal meeting of a visit (…座谈会, 第九次联席会议, 天津市·甘肃省工作交流座谈会) and the
programme named in the text."""

from __future__ import annotations

import re

MEETING_SUFFIX = (
    r"(?:座谈会|联席会议|联席会|交流会|推进会|对接会|协调会|洽谈会|恳谈会|工作会议|工作会|推介会|签约会|"
    r"高层会议|峰会|论坛)"
)
_CANDIDATE = re.compile(r"[\u4e00-\u9fff·第]{2,40}?" + MEETING_SUFFIX)
# Where a meeting name starts: after these words the name begins (在遵义举行沪遵…联席会议).
_LEAD = re.compile(r"^.*(?:召开|举行|举办|出席|参加|主持|在[\u4e00-\u9fff]{1,8}?(?:召开|举行)|的|了|是|为)")
_COOPERATION = re.compile(r"协作|合作|扶贫|帮扶|支援|对口|交流")
# A meeting a speech refers to (习近平总书记在…座谈会上的重要讲话) is not the visit's meeting.
_QUOTED = re.compile(r"总书记|习近平|重要讲话|讲话精神|重要指示")

# most specific first: 东西部扶贫协作 contains 扶贫协作
PROGRAMMES = ("东西部扶贫协作", "东西部协作", "对口支援", "扶贫协作", "对口帮扶", "对口协作")


def _clause_of(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in "，,。；;！？\n") + 1
    right = min((i for i in (text.find(c, end) for c in "，,。；;！？\n") if i >= 0), default=len(text))
    return text[left:right]


def find_meeting(text: str, pair_words: tuple[str, ...] = ()) -> str | None:
    """The most specific meeting name: one naming the pair or the cooperation wins; a longer
    candidate that ends with a shorter one (粤川扶贫协作… vs 扶贫协作…) wins."""
    candidates: list[tuple[int, int, str]] = []
    for seg_m in re.finditer(r"[^，,。；;！？\n“”\"（）()、《》]+", text):
        seg = seg_m.group()
        for m in _CANDIDATE.finditer(seg):
            name = m.group()
            # keep the last meeting-looking tail: 两省在常州市召开苏陕…座谈会 -> 苏陕…座谈会
            name = _LEAD.sub("", name) or name
            if len(name) < 5 or name.startswith("第"):
                continue
            clause = _clause_of(text, seg_m.start() + m.start(), seg_m.start() + m.end())
            if _QUOTED.search(clause):
                continue
            score = 0
            if any(w in name for w in pair_words):
                score += 2
            if _COOPERATION.search(name):
                score += 1
            if re.search(r"召开|举行|举办|召集", clause):
                score += 1
            if score:
                candidates.append((score, len(name), name))
    if not candidates:
        return None
    best = max(candidates)
    # prefer a longer form of the same meeting (the headline often names it in full)
    longer = [c for c in candidates if c[2].endswith(best[2]) and len(c[2]) > len(best[2])]
    return max(longer, key=lambda c: c[1])[2] if longer else best[2]


def find_programme(text: str) -> str | None:
    for p in PROGRAMMES:
        if p in text:
            return p
    return None
