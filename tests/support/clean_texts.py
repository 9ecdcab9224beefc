"""Invented texts and the garbling helper that several clean tests share."""

from __future__ import annotations

from pypinyin.constants import PINYIN_DICT


def reading(ch: str) -> str:
    return PINYIN_DICT[ord(ch)].split(",")[0]


def damage(text: str, table: list[str], bang: bool = False) -> str:
    """Byte-level `X -> X(pinyin)` for each table char (and `！` -> `!` when bang)."""
    data = text.encode("gbk")
    for ch in table:
        data = data.replace(ch.encode("gbk"), (ch + "(" + reading(ch) + ")").encode("gbk"))
    if bang:
        data = data.replace("！".encode("gbk"), b"!")
    return data.decode("gbk", errors="replace")


# 方將 = B7 BD | 8C A2: the replacement for 綄 (BD 8C) straddles them.
STRADDLE = "雙方將在醫療衛生、教育培訓、文化旅遊等領域開展更加緊密的合作交流。"
# 化東: 瘱 straddles 化|東.
STRADDLE2 = "會議強調,要進一步深化東西部協作,推動資金、技術、人才向基層傾斜。"


NEWS_SITE = """發帖

北原縣代表團赴臨江市考察協作

新聞爆料  / 臨江市  / 只看大圖  / 倒序瀏覽   © 著作權歸作者本人所有

#楼主# 2021-3-7

跳轉到指定樓層
IMG20210306123456.jpg

3月5日,北原縣代表團在臨江市規劃館聽取介紹。司馬文靜 攝

  3月5日至6日,北原縣委書記歐陽明遠率代表團到臨江市考察協作,雙方舉行座談會。
  座談會上,雙方簽署了勞務協作協議。(記者 林小雨 上官青青)
共建共享,歡迎投稿!
踩
回復
使用道具
B Color Link Quote Code Smilies
Powered by EXAMPLE.CC  © 2020 某某論壇
返回頂部
"""


HTML = """<!DOCTYPE html><html><head><title>临江市代表团赴北原县考察 - 北原新闻网</title>
<style>p{color:red}</style><script>var x = "发帖 回复";</script></head>
<body><div class="nav">首页 &gt; 新闻 &gt; 要闻</div>
<h1>临江市代表团赴北原县考察</h1>
<p>时间:2023-06-01&nbsp;&nbsp;来源:北原日报</p>
<p>5月30日,临江市代表团赴北原县考察协作项目。</p>
<p>双方签署协议。(记者 孙悟净)</p>
<div class="footer">版权所有 © 北原新闻网</div></body></html>"""
