"""Newspapers and news sites whose names do not contain their province's name.

`source_province` reads the province from a place inside the source name (贵州日报, 达州日报);
these well-known outlets name none, so they are listed with the province they publish in.
Central outlets (人民日报, 新华网 …) map to None: they write from no side.
"""

from __future__ import annotations

_BY_PROVINCE = {
    "北京市": "新京报 千龙网 北京青年报 京报网",
    "天津市": "今晚报 北方网 津云",
    "河北省": "燕赵都市报 长城网",
    "山西省": "黄河新闻网 山西新闻网",
    "内蒙古自治区": "北方新报 正北方网",
    "辽宁省": "北国网 东北新闻网",
    "黑龙江省": "东北网",
    "上海市": "解放日报 文汇报 新民晚报 东方网 澎湃新闻 上观新闻 劳动报",
    "江苏省": "新华日报 扬子晚报 交汇点 现代快报 紫金山新闻",
    "浙江省": "钱江晚报 都市快报 潮新闻 浙江在线",
    "福建省": "东南网 海峡都市报 海峡导报",
    "山东省": "大众日报 齐鲁晚报 大众网 半岛都市报 齐鲁网 闪电新闻 新黄河",
    "河南省": "大河报 大河网 大象新闻",
    "湖北省": "长江日报 楚天都市报 荆楚网 极目新闻",
    "湖南省": "红网 潇湘晨报 三湘都市报",
    "广东省": "南方日报 羊城晚报 南方都市报 南方网 金羊网 大洋网 南方+",
    "广西壮族自治区": "南国早报",
    "重庆市": "华龙网 上游新闻",
    "四川省": "华西都市报 封面新闻 川观新闻 四川在线",
    "贵州省": "天眼新闻 动静新闻 多彩贵州网",
    "云南省": "春城晚报 云南网 七彩云南",
    "西藏自治区": "中国西藏新闻网",
    "陕西省": "华商报 三秦都市报 西部网 群众新闻",
    "甘肃省": "每日甘肃网 中国甘肃网",
    "青海省": "西海都市报",
    "新疆维吾尔自治区": "天山网 亚心网 石榴云",
}
# Central outlets: a place inside the name (中国西藏网) is a topic, not the publishing side.
CENTRAL = frozenset(
    """人民日报 人民网 新华社 新华网 光明日报 光明网 经济日报 中国日报 中国日报网 中国新闻网 中新网
    央视网 央广网 中央电视台 中国青年报 中青在线 农民日报 法治日报 工人日报 中国西藏网 国际在线
    中国网 学习强国 海外网""".split()
)
PAPER_PROVINCE: dict[str, str] = {
    paper: province for province, papers in _BY_PROVINCE.items() for paper in papers.split()
}
