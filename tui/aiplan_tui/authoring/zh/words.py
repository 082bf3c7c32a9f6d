"""The words the Chinese name rules look up: surnames, titles, the ends of organisations'
names, and words that begin with a surname's character but name nobody."""

from __future__ import annotations


def by_length(text: str) -> tuple[str, ...]:
    """The words of `text` (split at white space), each once, longest first: an alternation
    of them tries the longest first."""
    return tuple(sorted(set(text.split()), key=len, reverse=True))


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SURNAMES = frozenset(
    "丁万丛严乔于仇付仲任伍何佘余佟侯俞倪党全兰关冉农冯冷凌刁刘劉包华卓单卜卞卢卫古史"
    "叶司吉向吕吳吴呂周和唐商喬單喻嚴塗夏姚姜姬娄婁孔孙孟季孫宁安宋宗宫寇封尚尤尹屈岑"
    "岳崔左巩巫师師席常庄应庞康廖张張彭徐成戚戴房敖文方施时明易晏景曲曹曾朱李杜杨林柏"
    "查柯柳柴栾桂桑梁梅楊樊欧歐武段殷毕毛江池汤汪沈沙涂温游湯溫滕潘焦熊牛牟王甄甘田申"
    "畢白盛瞿石祁祝秦程穆窦竇章童符简管範簡米紀繆纪缪罗翁翟耿聂聶肖胡臧舒艾芦苏苑苗苟"
    "范荣莊莫萬葉葛董蒋蒙蒲蓝蔡蕭薛藍蘇蘭虞衛袁裴褚覃解許詹謝譚许谢谭谷賀賈费贺贾赵趙"
    "路車车辛農边连迟連遊邊邓邝邢邬邱邵邹郎郑郝郭鄒鄧鄭鄺金錢鍾钟钱閆閔闫闵阮阳陆陈陳"
    "陶陸隋雷霍靳韋韓韦韩項顏顧项顾颜饒饶馬馮马骆高魏魯鮑鲁鲍麦麻黃黄黎齊齐龍龐龔龙龚"
)
"""Single-character surnames, simplified and traditional."""
COMPOUND_SURNAMES = word_set(
    """上官 东方 令狐 公孙 公孫 司徒 司馬 司马 夏侯 宇文 尉迟 慕容
    東方 欧阳 歐陽 皇甫 端木 諸葛 诸葛 軒轅 轩辕 長孫 长孙"""
)
TITLES = by_length(
    """首席经济学家 国务院总理 常务副主任 新聞發言人 新闻发言人 特约研究员
    立法會議員 联合创始人 部门负责人 首席分析师 首席副校長 首席副校长
    首席执行官 首席财务官 首席技术官 高级顾问 顾问 顧問 评论员 評論員
    首席科学家 高级研究员 副总经理 副研究员 副秘书长
    副董事长 国务委员 外交部长 总工程师 执行董事 研究主任 經濟學家 经济学家
    行政總裁 行政長官 部长助理 首席代表 CEO 主持人 分析师 分析師 创始人
    副主任 副主席 副书记 副会长 副区长 副司长 副局長 副局长 副市长 副总理
    副总裁 副所长 副教授 副會長 副校長 副校长 副省长 副總理 副總裁 副行长
    副部长 副院長 副院长 創始人 創辦人 发言人 合伙人 工程师 工程師 总书记
    总干事 总理府 总经理 总编辑 理事長 理事长 發言人 研究员 科学家 科學家
    秘书长 秘書長 總經理 董事長 董事长 負責人 负责人 专家 主任 主席 主管
    主編 主编 书记 代表 会长 区长 區長 博士 厅长 县长 司長 司长 处长
    外长 大使 委员 学者 學者 官员 官員 專家 局長 局长 市長 市长 廳長
    律师 得主 总理 总监 总统 总裁 所長 所长 教授 會長 校長 校长 特首
    省長 省长 經理 總理 總監 總裁 经理 董事 處長 行长 記者 議員 议员
    记者 部长 院士 院長 院长 首相"""
)
"""Words for what a person is, written just before the name (国务院总理李强)."""
ORGANISATION_ENDS = by_length(
    """交易所 主办方 主辦方 办公室 发改委 商务部 国务院 基金会 外交部 大使馆 委员会 委員會
    实验室 电视台 研究所 研究院 经信委 联合国 辦公室 领事馆 东盟 中心 使馆
    公司 协会 協會 商会 大学 大學 学会 学院 政府 新聞 新闻 日报 时报
    晚报 欧盟 歐盟 白宫 科委 科技 组织 联盟 聯盟 股份 證券 证券 財新
    资本 基金 部門 銀行 银行 集团 集團 会 办 厅 委 局 所 报 社 网 署 部
    院"""
)
"""The last word of an organisation's name (外交部, 国家发展改革委, 中国信通院)."""
COMPANIES = word_set(
    """华为 阿里巴巴 阿里 阿里云 百度 腾讯 小米 微软 谷歌 英伟达 苹果 字节跳动 商汤 科大讯飞 寒武纪
    中芯国际 台积电 三星 特斯拉 亚马逊 英特尔 高通 月之暗面 智谱 美团 京东 联想 中兴 海光"""
)
"""Companies that speak by a name with no organisation's ending (英伟达表示)."""
NOT_NAMES = word_set(
    """万元 严格 中方 于是 于此 何时 何种 俄方 全体 全国 全球 全面 公司
    关于 关税 关键 包括 华为 华人 华盛顿 单位 双方 台湾 台积电 司法 各方
    向来 向记 和平 商务 商务部 国家 多方 孔子 宁夏 宁波 安全 安徽 宋体
    官方 对方 屈原 常务 常委 常州 应当 应该 彭博 彭博社 成员 成本 成果
    成都 政府 文件 方向 方面 日方 时代 时间 明天 明年 易于 欧方 欧洲
    欧盟 武汉 毕业 毛利 江苏 江西 汤加 沈阳 温州 焦点 甘肃 石家庄 石油
    程序 管控 管理 经济 美方 苏州 贺信 路透 路透社 车企 连续 邓小平 郑州
    金砖 金融 金额 韩国 韩方 项目 高层 高校 高管 黄河 黄金 齐心 齐鲁
    龙头 龙岩"""
)
"""Two or three characters that begin with a surname's character but are words."""
NOT_ORGANISATIONS = word_set("发布会 報道 大会 开幕会 我会 报道 本報 本报 本社 本网 社会 记者会")
