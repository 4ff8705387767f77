"""What `letterkit import` itself reports while it reads a letter (codes import-…): registered here for
their code, severity and docs, so that docs/rules.md lists every code a clerk can see.  The importer
(letterkit/importing) raises them; nothing here runs."""

from __future__ import annotations

from .registry import rule

# code, severity (warning: a slip of the copy or a line import could not place; note: a change import
# made), what it says, why, as the copy has it, as the draft gets it
IMPORT_CODES = [
    ("import-encoding", "note", "输入文件的编码不是 UTF-8，按所说的编码读入", "GBK 等编码的文字要先转成 UTF-8 才能读；读错编码会变成乱码。",
     "GBK 编码的 .txt", "按 GBK 读入，草稿存为 UTF-8"),
    ("import-organ", "warning", "原文没有版头，发文机关取自署名或联系单位", "网上转载的答复常去掉了版头；取来的机关名称要核对。",
     "（无版头）……子洲县交通运输局", "organ.name: 子洲县交通运输局，核对"),
    ("import-signature", "warning", "署名与版头的机关不一致", "署名是发文机关全称或规范化简称；不一致多是原文写错或导入读错了行。",
     "版头“福田区科技创新局”，署名“福田区科创创新局”", "署名与版头一致"),
    ("import-number-organ", "warning", "有发文字号但看不出发文机关，写作 number: 无", "发文字号要配上机关代字才能生成。",
     "福科函〔2020〕12号（无版头、无署名）", "补上 organ，再写 number"),
    ("import-number-brackets", "warning", "原文发文字号的年份没有用六角括号“〔〕”", "GB/T 9704 7.2.4：年份用六角括号括入。",
     "福科函【2020】12号", "福科函〔2020〕12号"),
    ("import-number-damaged", "warning", "原文的发文字号残缺，读不出年份或序号", "复制时丢了字的发文字号不能照录。",
     "福科函〔202012号", "福科函〔2020〕12号"),
    ("import-number-no-seq", "warning", "发文字号没有序号，写作 number: 无", "发文字号由机关代字、年份和序号组成，缺一不可。",
     "福科函〔2020〕号", "福科函〔2020〕12号"),
    ("import-no-title", "warning", "原文没有标题，生成时由模板写出", "转载时标题常在网页标题里而不在正文中；模板写出的标题要核对。",
     "（正文直接从称呼开始）", "title: 关于……的答复"),
    ("import-category", "note", "标题里的类别标记（A、B）移到 category", "类别标记按版式印在版头，不在标题里。",
     "关于……的答复（A类）", "category: A"),
    ("import-no-salutation", "warning", "没有找到称呼行", "称呼是答复函的必备部分（“尊敬的××委员：”）。", "（无称呼行）", "尊敬的张三委员："),
    ("import-salutation-colon", "warning", "称呼后面没有冒号，照录", "称呼后用全角冒号。", "李龙代表", "李龙代表："),
    ("import-kind", "warning", "看不出答复的是提案还是建议，暂按提案", "提案出自政协、建议出自人大，称呼和会议名称随之不同。",
     "（原文不说提案或建议）", "proposal.kind: 建议"),
    ("import-proposal", "warning", "读不出提案/建议的编号或标题", "编号和标题写进 proposal，标题和开头语才能由模板写出。",
     "开头语没有用书名号或引号引标题", "proposal.title: 关于……的提案"),
    ("import-spaces", "note", "去掉了汉字与数字、字母之间或汉字之间的空格", "PDF 复制来的文字常带多余空格，印出来是空白。",
     "2019 年 10 月", "2019年10月"),
    ("import-letter-spacing", "note", "去掉了疏排的字间空格（标题、姓名）", "版头、姓名常疏排（“张  三”），草稿里不要这些空格。",
     "张  三", "张三"),
    ("import-line-breaks", "note", "Word 文件的各行用换行符（Shift+Enter）分开，按文字文件逐行读入",
     "有的 Word 文件整封信只有一两段，行与行之间是手动换行符；按段落读会把整封信当成一段。",
     "一个段落里“标题↵称呼↵正文……”", "逐行读入，与同样内容的 .txt 结果相同"),
    ("import-contact-partial", "warning", "联系人一行只有姓名或只有电话，照录有的那一半",
     "附注的联系人要写姓名和电话；缺的一半要按原件补上，草稿才能生成。",
     "联系电话：0871-1234567（没有姓名）", "contact: {name: 张三, phone: 0871-1234567}"),
    ("import-joined", "note", "句子在行末断开，已与上一行接成一段", "PDF 每行一断，段落要接起来。", "……加强\\n巡查。", "……加强巡查。"),
    ("import-punctuation", "note", "半角标点改为全角（全角标点在复制时丢了）", "整篇都是半角标点时，是复制丢了全角，照改。",
     "经研究,现答复如下:", "经研究，现答复如下："),
    ("import-half-width", "warning", "全角行文中夹着半角标点，照录", "GB/T 15834：中文行文用全角标点；个别半角多是输入时的疏忽。",
     "措施,以华强北为", "措施，以华强北为"),
    ("import-mixed-brackets", "warning", "括号一半全角一半半角，照录", "一对括号要同是全角。", "联系人：李四（电话:82345678)",
     "联系人：李四（电话：82345678）"),
    ("import-numbering", "warning", "标题编号顺序不对（跳号、倒序、被隔断）", "四、（二）出现在（一）之前，多是改稿时挪错了段落。",
     "（二）……（一）……", "（一）……（二）……"),
    ("import-skipped-level", "warning", "标题编号跳过了一级", "GB/T 9704 7.3.3：层次序数依次为一、（一）、1.、（1）。",
     "一、……1.……（没有（一））", "一、……（一）……1.……"),
    ("import-too-deep", "warning", "编号超过四级，作为普通段落保留", "公文结构层次最多四级。", "（1）下还有 ①", "并入上一级的文字"),
    ("import-word-numbering", "note", "Word 的自动编号转成了文字编号", "自动编号在复制时会丢失或变样。", "（Word 自动编号）", "一、……"),
    ("import-unfinished", "warning", "段落没有写完（不以句末标点结尾）", "原文被截断或复制时丢了末尾。", "……进一步加强", "……进一步加强巡查。"),
    ("import-unplaced", "warning", "无法归类的一行，作为注释或段落保留", "导入认不出这一行属于哪一部分；核对后放到该放的地方或删去。",
     "（版头里的一行网页导航）", "删去，或移到相应字段"),
    ("import-misplaced", "warning", "一部分里的文字像是另一部分的", "例如称呼里出现了正文句子，多是原文的换行乱了。",
     "称呼：尊敬的张三委员：您提出的……", "称呼与正文分开"),
    ("import-annex", "warning", "附件不在附件说明里，已加入附件列表", "GB/T 9704 7.3.6：附件要在正文后写附件说明。",
     "（正文后有附件而无“附件：”说明）", "attachments: [……]"),
    ("import-date", "warning", "成文日期读不出或残缺", "成文日期用阿拉伯数字写全年、月、日。", "2023821", "2023年8月21日"),
    ("import-cc", "warning", "原文是“抄报”，版记印“抄送”", "GB/T 9704 的版记只有抄送。", "抄报：市政府办公室", "抄送：市政府办公室"),
    ("import-contact", "warning", "联系人一行缺少姓名或电话，写作 contact: 无", "附注写联系人和电话，委员才能联系承办人。",
     "联系人：李四", "联系人：李四，联系电话：82345678"),
    ("import-picture", "warning", "图片没有导入（只导入署名上的印章）", "正文里的图片要另行处理；署名处印章与署名个数不符时要核对。",
     "（正文里的照片）", "（生成后另行插入）"),
    ("import-seal", "note", "印章图片存到草稿所在目录", "印章随信生成时按原样盖在署名上。", "（署名上的印章图片）", "seal.png"),
    ("import-unbuildable", "warning", "导入的草稿还不能生成", "缺少生成必需的要素时，导入照样写出草稿，并说明缺什么。",
     "（没有发文机关）", "补上 organ 后再 build"),
]

for _code, _severity, _summary, _why, _bad, _good in IMPORT_CODES:
    rule(_code, _severity, "importer", _summary, _why, _bad, _good, stage="importer")(None)
