"""Family 9: smaller slips — spaces around + and %, a dash in a phone number, a number range
written two ways, a punctuation mark typed twice, full-width digits."""

from __future__ import annotations

import re

from .registry import Finding, rule
from .text import get, per_text, prose


SIGN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff0-9])\+[ \u3000]+(?=[\u4e00-\u9fff0-9])|(?<=\d)[ \u3000]+%")
PHONE_DASH = re.compile(r"(?<!\d)0\d{2,3}[—–－]\d{7,8}(?!\d)")
RELATIVE_YEAR = re.compile("(前年|去年|今年|明年)(?=\\d{1,2}月|以来|上半年|下半年|年初|年底|年末|[，,])")
# 今年（2022年）: the year written out beside the word, which the letter's date may contradict
RELATIVE_GLOSSED = re.compile("(前年|去年|今年|明年)[（(](\\d{4})年?[）)]")


@rule("space-around-sign", "warning", "small", "“+”后、“%”前不留空格",
      "“知识产权+金融+ 创新”“8.8 %”中的空格是排版残留，印出来是一个空白。", "知识产权+金融+ 创新+产业", "知识产权+金融+创新+产业")
def _signs(c):
    for path, text in prose(c.data):
        for match in SIGN_SPACE.finditer(text) if "+" in text or "%" in text else ():
            space = match.start() + 1 if match.group().startswith("+") else match.start()
            width = len(match.group()) - 1
            yield Finding(path, f"“{match.group().strip()}”旁有空格", "删去空格", space, ((space, width, ""),))


NUMBER_GAP = re.compile(r"(?<![\d.])(\d{1,4})([ \u3000]+)(\d{1,4})(?=[年月日号%％万亿元])")


@rule("number-space", "warning", "small", "数字中间不留空格（“3 600万元”）",
      "从 PDF 复制来的数字常被空格隔开（“3 600万元”“20 20年”）；公文里的数字不分节，印出来像两个数。只看紧接着年、月、日、号、%、"
      "万、亿、元的数字。导入时按原件的行报 space-in-number，草稿里留下的由这里报。", "投资3 600万元", "投资3600万元")
def _number_gap(c):
    for path, text in prose(c.data):
        for match in NUMBER_GAP.finditer(text) if " " in text or "\u3000" in text else ():
            space = match.start(2)
            yield Finding(path, f"数字“{match.group()}”中间有空格", "删去空格", match.start(),
                          ((space, len(match.group(2)), ""),))


@rule("dash-in-phone", "warning", "small", "电话号码里用连字符“-”，不用破折号“—”",
      "“0755—82976207”中的“—”是破折号，电话号码的区号用“-”连接。", "0755—82976207", "0755-82976207")
def _phone_dash(c):
    places = list(prose(c.data))
    phone = get(c.data, ("contact", "phone"))
    if isinstance(phone, str):
        places.append((("contact", "phone"), phone))
    for path, text in places:
        for match in PHONE_DASH.finditer(text):
            dash = re.search("[—–－]", match.group())
            at = match.start() + dash.start()
            yield Finding(path, f"电话“{match.group()}”中用了“{dash.group()}”", "改为连字符“-”", match.start(),
                          ((at, 1, "-"),))


RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*([-—–～~－至])\s*((?:19|20)\d{2})(?!\d)")
# a span of a few units (3-5年, 3至5年, 1～2次, 5—9月, 150～200元): one way of joining the ends for each unit in a
# letter.  Only spans followed by a unit: 10-1号 and 3-2栋 are addresses, not ranges.  A month span after 年
# (每年5—9月) counts: the year is not part of it.
SPAN = re.compile(r"(?<![\d.])(\d{1,3})\s*([-—–～~－至到])\s*(\d{1,3})\s*"
                  r"(个月|个工作日|个百分点|年|天|日|周|次|小时|分钟|人|名|家|所|个|月|万元|亿元|元|万亩|亩|公顷|平方米|公里|米|岁|"
                  r"户|辆|张|条|处|座|间|倍|%|％)(?![\d])")


@rule("range-two-ways", "warning", "small", "同一种范围全文用一种连接号（年份、月份、金额、次数……）",
      "“2016-2030”与“2016—2018年”并见：GB/T 15834 的范围用“—”（或“～”），同一封信里只用一种；"
      "几年、几月、几天、几次、多少元多少亩这样的范围（“3-5年”与“3至5年”，“5—9月”与“5-9月”）同一个单位也只用一种写法；"
      "后面没有单位的（“10-1号”是门牌）不算范围。", "2016-2030年……2016—2018年",
      "2016—2030年……2016—2018年")
def _ranges(c):
    first, spans = None, {}
    for path, text in prose(c.data):
        for match in RANGE.finditer(text):
            mark = match.group(2)
            if first is None:
                first = mark
            elif mark != first:
                yield Finding(path, f"“{match.group()}”用“{mark}”，前文的年份范围用“{first}”", f"统一用“{first}”",
                              match.start(2))
        for match in SPAN.finditer(text):
            mark, unit = match.group(2), match.group(4)
            if int(match.group(1)) >= int(match.group(3)) or (mark == "到" and spans.get(unit) == "至") \
                    or (mark == "至" and spans.get(unit) == "到"):
                continue  # no span (10-1号 is an address); 至 and 到 are both words, read alike
            said = spans.setdefault(unit, mark)
            if mark != said:
                yield Finding(path, f"“{match.group()}”用“{mark}”，前文的“{unit}”的范围用“{said}”", f"统一用“{said}”",
                              match.start(2))


DATE_STYLES = {
    "年月日": re.compile(r"(?<!\d)(?:19|20)\d{2}年\d{1,2}月"),
    "点号": re.compile(r"(?<![\d.])(?:19|20)\d{2}\.(?:1[0-2]|0?[1-9])(?:\.\d{1,2})?(?![\d万亿元%％])"),
    "连字符": re.compile(r"(?<![\d-])(?:19|20)\d{2}-(?:1[0-2]|0?[1-9])-\d{1,2}(?!\d)"),
    "斜线": re.compile(r"(?<![\d/])(?:19|20)\d{2}/(?:1[0-2]|0?[1-9])(?:/\d{1,2})?(?![\d/])"),
}


@rule("date-two-ways", "warning", "small", "正文里的日期全文用一种写法",
      "“2020年5月”与“2020.5”“2020-05-31”并见：GB/T 15835 的公文正文日期写“2020年5月31日”；一封信只用一种。"
      "只看带四位年份的日期。", "截至2020年5月底……2020.6完成", "截至2020年5月底……2020年6月完成")
def _dates(c):
    found = {style: [] for style in DATE_STYLES}
    for path, text in prose(c.data):
        for style, start, written in _dates_in(text):
            found[style].append((path, start, written))
    used = [style for style, hits in found.items() if hits]
    if len(used) < 2:
        return
    main = max(used, key=lambda style: (len(found[style]), style == "年月日"))
    for style in used:
        if style != main:
            for path, start, written in found[style]:
                yield Finding(path, f"日期“{written}”与全文的写法（如“{found[main][0][2]}”）不同",
                              "改成“××××年×月×日”", start)


@per_text
def _dates_in(text: str):
    """(style, offset, as written) of each date with a four-digit year in the paragraph, style by style."""
    for style, pattern in DATE_STYLES.items():
        for match in pattern.finditer(text):
            yield style, match.start(), match.group()


RELATIVE = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}


@rule("relative-year", "warning", "small", "不写“今年”“去年”，写明年份",
      "信印出后在别的年份读到，“去年8月”就指错了年；信的日期已知时，消息里给出它指的年份。“今年”就是信上日期的年份，不报。", "（信的日期2020-08-10）去年8月",
      "2019年8月")
def _relative(c):
    date = get(c.data, ("date",))
    year = getattr(date, "year", None)
    if year is None:
        return
    for path, text in prose(c.data):
        for match in RELATIVE_YEAR.finditer(text) if "年" in text else ():
            if match.group(1) == "今年":
                continue  # the letter's own year, which its date prints: only another year can be misread
            meant = year + RELATIVE[match.group(1)]
            yield Finding(path, f"“{match.group(1)}”：信的日期是{year}年，这里指{meant}年", f"写明“{meant}年”",
                          match.start())
        for match in RELATIVE_GLOSSED.finditer(text) if "（" in text or "(" in text else ():
            meant = year + RELATIVE[match.group(1)]
            if int(match.group(2)) != meant:
                yield Finding(path, f"“{match.group()}”：信的日期是{year}年，“{match.group(1)}”是{meant}年，与括号里的年份不符",
                              f"核对年份，写明“{match.group(2)}年”或“{meant}年”", match.start())


QUOTES = re.compile("[“”]")


@rule("quote-pairs", "warning", "small", "双引号成对",
      "“开展三区三线”划定工作”：少了前引号（或多了后引号），多是改稿或复制时丢的。按段落数；引文跨段时每段开头有前引号，"
      "不在此列。", "《关于在全国开展三区三线”划定工作的函》", "《关于在全国开展“三区三线”划定工作的函》")
def _quotes(c):
    for path, text in prose(c.data):
        depth = 0
        for index, ch in ((m.start(), m.group()) for m in QUOTES.finditer(text)):
            if ch == "“":
                depth += 1
            elif ch == "”":
                if depth == 0:
                    yield Finding(path, f"“{text[max(0, index - 8):index + 1]}”中的后引号没有前引号", "补上前引号或删去后引号",
                                  index)
                depth = max(0, depth - 1)
        if depth:
            at = text.rfind("“")
            yield Finding(path, f"“{text[at:at + 10]}…”的前引号没有后引号", "补上后引号或删去前引号", at)


# words written wrong in modern official prose, each with the one right form (the 规范 spelling, not a
# choice of style): a short list, so that a finding is almost never a false alarm
MISSPELT = {"人材": "人才", "布署": "部署", "部暑": "部署", "按装": "安装", "做为": "作为", "既使": "即使", "即然": "既然",
            "截止到": "截至", "帐户": "账户", "帐目": "账目", "台帐": "台账", "报帐": "报账", "复盖": "覆盖", "幅射": "辐射",
            "重迭": "重叠", "松驰": "松弛", "座落": "坐落", "渡假": "度假", "峻工": "竣工", "修茸": "修葺",
            "迫不急待": "迫不及待", "再接再励": "再接再厉", "按步就班": "按部就班", "一愁莫展": "一筹莫展",
            "走头无路": "走投无路", "默守成规": "墨守成规", "不径而走": "不胫而走"}
MISSPELT_AT = re.compile("|".join(sorted(MISSPELT, key=len, reverse=True)))


@rule("misspelt-word", "warning", "small", "常见的错别字（人材、布署、截止到……）",
      "这几个词在现代公文中只有一种规范写法（人才、部署、截至……），写错了读者会注意到；词表很短，误报很少。",
      "区人材服务中心", "区人才服务中心")
def _misspelt(c):
    for path, text in prose(c.data):
        for match in MISSPELT_AT.finditer(text):
            right = MISSPELT[match.group()]
            yield Finding(path, f"“{match.group()}”应为“{right}”", f"改为“{right}”", match.start())


# two sentence marks in a row: 。。 ，， 、、 ；； ：： or two different ones (，。 ；。): one was typed twice or left
# over from an edit.  …… and —— are one mark each and not in the set; ？！ are rare in letters and left alone.
DOUBLED_MARK = re.compile("[。，、；：](?=[。，、；：])")


@rule("doubled-punctuation", "warning", "small", "标点连打两个（“。。”“，。”）",
      "两个句内或句末点号连在一起（“影响灌溉效率。。”“资金，。”）多半是多打了一个或改稿时留下的，印出来很显眼。",
      "影响灌溉效率。。", "影响灌溉效率。")
def _doubled_mark(c):
    for path, text in prose(c.data):
        for match in DOUBLED_MARK.finditer(text):
            pair = text[match.start():match.start() + 2]
            yield Finding(path, f"“{pair}”：两个点号连在一起", "删去多余的一个", match.start(),
                          ((match.start(), 1, ""),) if pair[0] == pair[1] else ())


FULL_WIDTH_DIGITS = re.compile("[０-９]+")


@rule("full-width-digit", "warning", "small", "数字用半角阿拉伯数字（“２０23年”）",
      "全角数字（０—９）混在半角数字里（“２０23年”）是从别处复制来的；GB/T 15835 用的阿拉伯数字是半角的，"
      "全角的在 Word 里字宽不同，一眼能看出来。", "２０23年，我局共检查", "2023年，我局共检查")
def _full_width_digits(c):
    for path, text in prose(c.data):
        for match in FULL_WIDTH_DIGITS.finditer(text):
            half = "".join(chr(ord(ch) - 0xFEE0) for ch in match.group())
            yield Finding(path, f"“{match.group()}”是全角数字", f"改为半角“{half}”", match.start(),
                          ((match.start(), len(match.group()), half),))
