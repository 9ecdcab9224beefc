"""Split a simplified, normalised article into title, body, captions and boilerplate lines,
collecting metadata (date, source, reporters, editors) from the lines that state it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from visits.clean import metadata as md
from visits.clean.chrome import OUTLET_STRONG, is_breadcrumb

# Forum and site chrome: whole short lines, or short lines containing one of these markers.
CHROME_LINES = frozenset(
    "发帖 回帖 回复 楼主 沙发 板凳 地板 踩 顶 赞 收藏 分享 举报 打印 关闭 关闭窗口 打印本页 "
    "使用道具 返回顶部 返回列表 返回首页 上一篇 下一篇 上一页 下一页 首页 更多 登录 注册 评论 "
    "点赞 我要评论 网友评论 跳转到指定楼层 成为第一个回答人 【打印】 【关闭】 【纠错】".split()
)
CHROME_MARKERS = (
    "跳转到指定楼层",
    "只看大图",
    "倒序浏览",
    "只看该作者",
    "阅读模式",
    "Powered by",
    "powered by",
    "使用道具",
    "返回顶部",
    "成为第一个回答人",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "分享到",
    "扫一扫",
    "二维码",
    "字号",
    "上一篇",
    "下一篇",
    "Color Link Quote",
    "Smilies",
    "本帖最后由",
)
COPYRIGHT_MARKERS = (
    "版权",
    "著作权",
    "转载",
    "声明",
    "授权",
    "Copyright",
    "copyright",
    "©",
    "All rights reserved",
    "违者必究",
    "ICP备",
    "未经",
    "法律责任",
)
# Any marker in a line, as one search (a literal alternation beats a loop of `in` per marker).
_CHROME_MARKER_RE = re.compile("|".join(map(re.escape, CHROME_MARKERS)))
_COPYRIGHT_MARKER_RE = re.compile("|".join(map(re.escape, COPYRIGHT_MARKERS)))
TRAILER_HEADERS = frozenset(
    "最新消息 相关新闻 相关阅读 推荐阅读 延伸阅读 热点推荐 热门推荐 猜你喜欢 相关链接 更多新闻 "
    "今日推荐 图片新闻 精彩推荐 热门文章 相关报道 相关稿件 热点新闻 最新新闻 新闻排行".split()
)
CAPTION_STARTS = ("图为", "图:", "图:", "上图", "下图", "左图", "右图", "(图", "【图")
# A forum thread tag before a headline (`[转帖] 标题`, `【转载】标题`) is chrome, not title text;
# it must not make the headline look like a copyright notice either (转载 is a marker).
_FORUM_TAG_RE = re.compile(r"^[\[【](?:转帖|转载|原创|分享|推荐|置顶|精华)[\]】]\s*")
_IMAGE_RE = re.compile(r"^[\w.\-]+\.(?:jpe?g|png|gif|bmp|webp|tiff?)$", re.I | re.A)
# Breadcrumb / nav-bar separators. Spaced 》 〉 > count (unspaced they close a book title).
_NAV_SEP_RE = re.compile(r"\s[/>»|›》〉＞]\s|>>|→")
# Spaced arrow separators only: one of them between short segments is already a breadcrumb
# (`某某论坛 › 新闻资讯`); `/`, `|` and an unspaced → also join headline parts, so they need two.
_CRUMB_ARROW_RE = re.compile(r"\s[>»›》〉＞]\s")
CRUMB_SEGMENT = 10  # a breadcrumb segment (site / section name) is at most this long
_PARAGRAPH_END = ("。", "!", "?", "！", "？", "”", "」", "…")
_BULLET_OR_NUMBER_RE = re.compile(r"^(?:[-•·*●▪◆■]|\d{1,2}[、.．]|[一二三四五六七八九十]、)")
SHORT = 50  # trailer lines after the closing credit up to this length are site chrome
DUPLICATE_MIN = 15  # a line this long repeated inside another body line is a lead/summary copy


@dataclass
class Layout:
    title: str | None = None
    body: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    published_date: date | None = None
    source: str | None = None
    source_rank: int = -1
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


# Above a breadcrumb, the page's banner: a line that names the site (某某县人民政府, 某某州人民政府
# 门户网站, 某某新闻网, 某某委员会（…）, 某某市人民政府 www.…), which is the source when nothing
# surer names one; or a phone number (举报电话: 0571-…), a 4-character link, 某某中心 主办.
_SITE_NAME_RE = re.compile(
    rf"^(?P<site>[\u4e00-\u9fff]{{2,24}}(?:人民政府(?:门户网站|网)?|委员会|{OUTLET_STRONG}))"
    r"(?:\s*[（(][^（()）]{1,30}[)）]|\s+[\w.:/-]+)?$"
)
_BANNER_RE = re.compile(r"^[^\u4e00-\u9fff]+$|\d{6}|^.{1,4}$|^[\u4e00-\u9fff\s]{2,24}主办$")


def _is_chrome(line: str) -> bool:
    if line in CHROME_LINES:
        return True
    if len(line) > 80:
        return False
    if _CHROME_MARKER_RE.search(line):
        return True
    return len(_NAV_SEP_RE.findall(line)) >= 2 or _is_short_breadcrumb(line)


def _is_short_breadcrumb(line: str) -> bool:
    """`站点 › 栏目`: arrow-separated short segments without sentence punctuation."""
    parts = _CRUMB_ARROW_RE.split(line)
    return (
        len(parts) >= 2
        and all(0 < len(p.strip()) <= CRUMB_SEGMENT for p in parts)
        and not any(c in line for c in '。，,：:“”"《')
    )


def _is_copyright(line: str, in_block: bool) -> bool:
    if not _COPYRIGHT_MARKER_RE.search(line):
        return False
    # a body sentence may say 版权 too: only short lines, bullet items, or notices about 本网/本站
    return (
        in_block
        or len(line) <= 60
        or bool(_BULLET_OR_NUMBER_RE.match(line))
        or bool(re.search(r"本网|本站|本报|本刊|本台", line))
    )


def _is_caption(line: str) -> bool:
    return line.startswith(CAPTION_STARTS) or bool(md.photo_credit(line)[1])


def _is_paragraph(line: str) -> bool:
    line = md.end_credit(line)[0]
    return (
        "。" in line
        or line.endswith(_PARAGRAPH_END)
        or len(line) > 60
        or bool(md.start_credit(line)[1])
        or md.opens_with_dateline(line)
    )


def _add(target: list[str], names: list[str]) -> None:
    for n in names:
        if n not in target:
            target.append(n)


def _offer_source(lay: Layout, source: str, rank: int) -> None:
    """Keep the surest source seen so far (see metadata.SOURCE_NAMED …); the first among equals."""
    if lay.source is None or rank > lay.source_rank:
        lay.source, lay.source_rank = source, rank


def split_lines(text: str) -> Layout:
    lay = Layout()
    lines = [ln for ln in text.split("\n") if ln]
    kept: list[tuple[int, str]] = []  # (index, line) of candidate body lines
    in_copyright = False
    trailer_header = False
    nav_at: list[int] = []  # breadcrumb / nav-bar lines, wherever they are consumed
    for i, line in enumerate(lines):
        _add(lay.editors, md.editors_in(line) if len(line) <= 120 else [])
        fields = md.meta_fields(line)
        if len(line) <= 80 and (
            _is_short_breadcrumb(line) or len(_NAV_SEP_RE.findall(line)) >= 2 or is_breadcrumb(line)
        ):
            nav_at.append(i)
        elif not nav_at and not (fields and fields.get("source")) and (site := _SITE_NAME_RE.match(line)):
            _offer_source(lay, site.group("site"), md.SOURCE_NAMED)  # the banner names the site
        if fields is not None:
            if lay.published_date is None and fields.get("date"):
                lay.published_date = fields["date"]  # type: ignore[assignment]
            if fields.get("source"):
                _offer_source(lay, str(fields["source"]), int(fields.get("source_rank", md.SOURCE_NAMED)))
            lay.boilerplate.append(line)
            continue
        stripped = md.BULLET_RE.sub("", line)
        if in_copyright and _BULLET_OR_NUMBER_RE.match(line):
            lay.boilerplate.append(line)
            continue
        in_copyright = False
        if _is_copyright(_FORUM_TAG_RE.sub("", stripped), False):
            in_copyright = True
            lay.boilerplate.append(line)
            continue
        if _is_chrome(stripped) or _IMAGE_RE.match(stripped) or md._COUNTER_RE.fullmatch(stripped):
            lay.boilerplate.append(line)
            continue
        if stripped in TRAILER_HEADERS:
            trailer_header = True
            lay.boilerplate.append(line)
            continue
        if trailer_header and not line.endswith("。"):
            lay.boilerplate.append(line)  # headline list under 最新消息 / 相关新闻
            continue
        names = md.credit_line(stripped)
        if names is not None:
            _add(lay.reporters, names)
            lay.boilerplate.append(line)
            continue
        if _is_caption(line):
            rest, names = md.photo_credit(line)
            _add(lay.photographers, names)
            lay.captions.append(rest or line)
            continue
        kept.append((i, line))

    # Title: the first headline-like line before the first paragraph.
    body_start = next((k for k, (_, ln) in enumerate(kept) if _is_paragraph(ln)), len(kept))
    # a site's name above the breadcrumb, with a headline below it, is the page's banner
    # (某某县人民政府 / 首页 > 新闻中心 / the headline)
    below = [k for k in range(body_start) if nav_at and kept[k][0] > nav_at[0]]
    if below:  # the banner names the site (or is only a phone number): chrome, not text
        banner = [k for k in range(below[0]) if _SITE_NAME_RE.match(kept[k][1]) or _BANNER_RE.search(kept[k][1])]
        lay.boilerplate.extend(kept[k][1] for k in banner)
        kept = [kl for k, kl in enumerate(kept) if k not in banner]
        body_start -= len(banner)
    for k in range(body_start):
        ln = kept[k][1]
        if 4 <= len(ln) <= 80 and not ln.endswith(("，", ",", "；", "：", ":")):
            lay.title = _FORUM_TAG_RE.sub("", ln)
            kept.pop(k)
            body_start -= 1
            break

    # Credits inside body lines, and the trailer after the closing credit.
    body: list[str] = []
    last_credit = None
    for k, (_, ln) in enumerate(kept):
        ln, names = md.end_credit(ln)
        if names:
            _add(lay.reporters, names)
            if k > body_start:
                last_credit = len(body)
        outlet = md.dateline_outlet(ln)
        if outlet:
            _offer_source(lay, outlet, md.SOURCE_MASTHEAD)
        ln, names = md.start_credit(ln)
        _add(lay.reporters, names)
        if ln:
            body.append(ln)
    if last_credit is not None:
        tail = body[last_credit + 1 :]
        body = body[: last_credit + 1] + [ln for ln in tail if len(ln) > SHORT]
        lay.boilerplate.extend(ln for ln in tail if len(ln) <= SHORT)

    # A lead/summary line repeated inside a later paragraph is dropped (kept for audit).
    final: list[str] = []
    for ln, repeated in zip(body, _inside_longer_line(body), strict=True):
        (lay.boilerplate if repeated else final).append(ln)
    lay.body = final
    return lay


def _inside_longer_line(body: list[str]) -> list[bool]:
    """Per line: DUPLICATE_MIN..300 long and found inside a longer line of `body`.

    One substring count over the joined lines instead of comparing every pair: a line without
    a newline occurs once in each line equal to it, and more often only if a longer line holds it.
    """
    wanted = [DUPLICATE_MIN <= len(ln) <= 300 for ln in body]
    if not any(wanted):
        return wanted
    if any("\n" in ln for ln in body):  # lines come from a split on newlines; keep the pairwise form
        return [w and any(ln in o for o in body if len(o) > len(ln)) for ln, w in zip(body, wanted, strict=True)]
    joined = "\n".join(body)
    same = Counter(body)
    return [w and joined.count(ln) > same[ln] for ln, w in zip(body, wanted, strict=True)]
