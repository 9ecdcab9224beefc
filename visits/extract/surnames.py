"""Family names for the name grammar: the 百家姓, common modern surnames it lacks, the
compound surnames, and the first syllables of minority (Tibetan, Uyghur, Mongolian, Yi) names.

A surname only lets a 2–3 character name through where the grammar already expects one
(after a title chain, inside a list), so a broad list costs little. Characters that far more
often start an ordinary word right after a title are left out on purpose: 和 (connector),
来/会/期/有/年/家/法/于 …; a name that starts with one of them still passes where only a
name can stand (before 、，。等 or 率/出席, see name_ends.name_at).
"""

from __future__ import annotations

# 百家姓 (single characters; 和/家 omitted, see above)
_BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐时傅皮卞齐康伍余元卜顾孟平黄"
    "穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭"
    "梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚"
    "程嵇邢滑裴陆荣翁荀羊於惠甄曲封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫"
    "宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双"
    "闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍郤璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容"
    "向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空"
    "曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫汝鄢涂钦岳帅缑亢况郈琴商牟佘佴伯赏墨哈谯笪"
    "爱阳佟言福"
)
# Common modern surnames outside the 百家姓 text (or written with a simplified form).
_MODERN = (
    "肖丛迟鹿楼修栗宾赫邸漆辜盘付覃揭练佘苟仝谌卿尧原买冼禤郄亓芦郇粟侬兰麦敬旷仉隋战展尉银斯门眭代"
    "千玄南琚邝朴植檀苑衣初矫位菅泮冶钮阿热依玉达洛次格扎尼庹冚鞠滕蔺綦郜逄揭粘种荣"
)
# First characters of Tibetan, Uyghur, Mongolian and Yi names, which have no family name.
MINORITY_INITIALS = frozenset(
    "阿巴乌那其吉宝额赛呼萨斯图多普拉布特格达次扎尼旦德贡艾吐努帕库哈热依玉洛索央卓泽嘎降更措仁群益丹"
    "土白边平顿米赤琼桑尕才曲加旺巴"
)
# Minority first syllables that also make 2–3 character names (央金, 扎西, 次仁, 格桑, 卓玛).
_MINORITY_SHORT = "旦德贡巴艾吐努帕库哈乌吉宝额赛呼萨央卓泽嘎降措丹旺桑尕次扎尼格达洛阿热依玉索"
SURNAMES = frozenset(_BAIJIAXING + _MODERN + _MINORITY_SHORT)

COMPOUND_SURNAMES = tuple(
    sorted(
        """欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 司空 夏侯 轩辕 端木 呼延
        南宫 万俟 闻人 申屠 钟离 太史 独孤 拓跋 西门 东门 澹台 公冶 宗政 濮阳 淳于 单于 赫连 鲜于
        闾丘 亓官 司寇 子车 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 夹谷 宰父 谷梁 段干 百里 东郭 南门
        归海 羊舌 微生 梁丘 左丘 第五 公羊 仲孙 太叔 完颜""".split(),
        key=len,
        reverse=True,
    )
)
