"""Random but plausible person names, from our own surname and given-name character lists."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴"
    "孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹耿兰焦俞左柳祝包尚符舒阮柯纪梅童凌毕季裴霍涂"
    "苗谷盛翁冉骆蓝游辛靳管柴鲍喻祁蒲房滕屈饶牟艾尤穆卓缪简车项芦麦褚窦戚岑景宫费卜冷晏席卫米柏宗瞿"
    "桂佟臧闵苟邬边卞姬师栾隋商刁荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝鞠惠荆郁胥班储栗燕楚鄢劳奚皮粟冼蔺"
    "楼盘闻厉仝郜阚权帅屠练廉禹祖漆卿狄索宣晋扈晁芮阙浦戈伏鹿邸雍辜裘亓修邰赫杭况宿逯隆茹嵇湛宾戎茅"
)
COMPOUND_SURNAMES = [
    "欧阳",
    "诸葛",
    "司马",
    "上官",
    "皇甫",
    "令狐",
    "慕容",
    "夏侯",
    "尉迟",
    "公孙",
    "端木",
    "长孙",
    "宇文",
    "司徒",
    "澹台",
    "南宫",
    "东方",
    "申屠",
    "呼延",
    "钟离",
]
GIVEN = (
    "伟刚勇毅俊峰强军保东辉力永健世广志兴良海仁波贵福龙元胜祥才武利清飞彬富顺杰涛昌康星光岩茂林坚彪"
    "博诚先敬震振壮思群豪邦承绍功松善厚庆磊友裕哲超浩亮谦亨奇翰朗伯宏若鸣朋斌栋维启克伦翔旭鹏泽晨辰"
    "树炎德泰盛秀娟英慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素莲真雪荣爱霞香媛艳瑞凡"
    "佳嘉琼勤珍贞莉桂琦晶妍茜秋珊锦青倩婷婉娴瑾颖露瑶怡雁蓓荷丹蓉君琴蕊薇菁岚馨韵融艺咏聪澜纯毓悦昭"
    "冰爽茗羽希欣育滢筠柔竹晓欢霄枫芸菲寒宜舒丽阳宝恒鸿桦剑宽琪晴睿烁威雯萱彦宇雨洋忠宗逸贤峻巍骏"
    "钧铭锋琛瑜璋珂琨玮炜煜焕烨熙曦昊昕晖暄岳嵩屹峥崇巍渊源湘沛澄润淳溪涵毅湛劲励骁骥驰腾跃"
)
# Minority-style names: Yi family-name + given syllables, Tibetan two-part names, Mongolian names.
YI_FAMILY = ["阿苏", "吉克", "沙马", "俄木", "阿的", "海来", "吉伍", "勒格", "马海", "阿尔", "吉木", "比布"]
YI_GIVEN = ["拉且", "木呷", "伍各", "尔古", "史铁", "日哈", "布哈", "约达", "子哈", "阿依", "拉惹", "达体"]
TIBETAN = [
    "扎西",
    "次仁",
    "达瓦",
    "尼玛",
    "格桑",
    "洛桑",
    "央金",
    "卓玛",
    "旦增",
    "多吉",
    "罗布",
    "平措",
    "边巴",
    "普布",
    "拉巴",
    "索朗",
    "德吉",
    "白玛",
    "仁青",
    "欧珠",
    "顿珠",
    "群培",
]
MONGOLIAN = [
    "巴特尔",
    "乌兰",
    "其其格",
    "那日苏",
    "额尔敦",
    "宝音",
    "图雅",
    "苏和",
    "巴图",
    "阿拉坦",
    "朝鲁",
    "斯琴",
    "敖登",
]


class NameMaker:
    """Draws names unique within one article; no name contains another one."""

    def __init__(self, rng: random.Random, minority_share: float = 0.06) -> None:
        self.rng = rng
        self.minority_share = minority_share
        self.used: set[str] = set()

    def _draw(self) -> str:
        r = self.rng
        if r.random() < self.minority_share:
            k = r.randrange(3)
            if k == 0:
                return r.choice(YI_FAMILY) + r.choice(YI_GIVEN)
            if k == 1:
                a, b = r.sample(TIBETAN, 2)
                return a + b
            return r.choice(MONGOLIAN)
        sur = r.choice(COMPOUND_SURNAMES) if r.random() < 0.05 else r.choice(SURNAMES)
        n_given = 1 if r.random() < 0.3 else 2
        if len(sur) == 2 and r.random() < 0.5:
            n_given = 1
        return sur + "".join(r.choice(GIVEN) for _ in range(n_given))

    def new(self) -> str:
        for _ in range(200):
            name = self._draw()
            if any(name in u or u in name for u in self.used):
                continue
            self.used.add(name)
            return name
        raise RuntimeError("could not draw a fresh name")
