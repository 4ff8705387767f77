"""Family 6: text that came from a typeset page, read at import from the input's own lines.

The draft no longer shows line breaks and spaces, so these rules run on the input
(`proof.import_findings`) and report its line.  A line that starts with ，。、 or ends with
“（《 broke the typesetting rule 避头尾 in the published original; a space inside a number or
a heading pushed right by spaces is residue that the import removes.
"""

from __future__ import annotations

import re

from .carry import FORM_FIELDS, month_day
from .dates import CN_DAY, CN_YEAR, chinese_month_day
from .registry import LineFinding, rule

NO_START = "，。、；：？！”）》,;:?!)"  # and the ASCII marks web copies carry for ，；：？！）
NO_END = "“（《"


@rule("line-start-punctuation", "warning", "typeset", "原件的行首不应是“，。、；：？！”）》”（避头）",
      "排版的行首禁则：标点不能出现在行首。原件的一行以“、”开头，说明印出的信违反了禁则（或在这里被人为断了行）。",
      "……并赴俄罗斯、波兰\\n、英国进行考察", "……并赴俄罗斯、波兰、\\n英国进行考察", stage="import")
def _line_start(lines, from_word):
    for no, text in lines:
        stripped = text.strip()
        if stripped and stripped[0] in NO_START and not from_word:
            yield LineFinding(no, f"这一行以“{stripped[0]}”开头（行首禁则）：“{stripped[:12]}”",
                              "生成时会自动避开；原件若已印发，记下这一处", text.index(stripped[0]) + 1)


@rule("line-end-punctuation", "warning", "typeset", "原件的行尾不应是“ “（《 ”（避尾）",
      "排版的行尾禁则：前引号、前括号、前书名号不能留在行尾。", "……大湾区科技创新新高地”》提案（行尾“《”）",
      "前引号与后面的字同在一行", stage="import")
def _line_end(lines, from_word):
    for no, text in lines:
        stripped = text.rstrip()
        if stripped and stripped[-1] in NO_END and not from_word:
            yield LineFinding(no, f"这一行以“{stripped[-1]}”结尾（行尾禁则）：“…{stripped[-12:]}”",
                              "生成时会自动避开；原件若已印发，记下这一处", len(stripped))


NUMBER_SPACE = re.compile(r"(?<![\d.])\d{1,4}[ \t\u3000]+\d{1,4}(?=[年月日号%万亿元.])"
                          # a thousands group set apart (1 286家: GB/T 15835 writes 1286 in running text), a
                          # decimal point with a space beside it (34. 6公顷)
                          r"|(?<![\d.])\d{1,3}[ \u3000]\d{3}(?![\d ])(?=[\u4e00-\u9fff])"
                          r"|(?<![\d.])\d+(?:\.[ \u3000]+|[ \u3000]+\.)\d+(?=[\u4e00-\u9fff%])")
# a date broken after 年 or 月: 2023年 10月, 10月 8日
DATE_SPACE = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}年|\d{1,2}月)[ \t\u3000]+\d{1,2}(?=[月日])")


@rule("space-in-number", "warning", "typeset", "数字、日期中间不应有空格（“20 20年”“13 765件”“2023年 10月”）",
      "从 PDF 复制来的数字被空格隔开，导入后会变成两个数，读成错的数值；日期的“年”“月”后面的空格是排版残留。"
      "只看紧接着年、月、日、号、%、万、亿、元的数字。",
      "20 20年8月；2023年 10月", "2020年8月；2023年10月", stage="import")
def _number_space(lines, from_word):
    for no, text in lines:
        for match in NUMBER_SPACE.finditer(text):
            yield LineFinding(no, f"数字“{match.group()}”中间有空格", "核对原件，删去空格", match.start() + 1)
        for match in DATE_SPACE.finditer(text):
            yield LineFinding(no, f"日期“{match.group()}”中间有空格", "核对原件，删去空格", match.start() + 1)


HEADING = re.compile(r"^( {2,}|\t+|\u3000+)([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


@rule("heading-leading-space", "warning", "typeset", "编号标题前不应有空格",
      "“  三、构建……”：标题前的空格使它比同级标题右移，是排版残留；标题的缩进由版式决定。只报两个以上空格或全角空格（PDF 每页首行常带一个空格，那是复制的痕迹），"
      "而且比信里三分之一以上的正文段落缩进得多：网页把每段都用两个全角空格缩进时，标题跟着缩进不算。",
      "␣三、构建公共技术服务体系", "三、构建公共技术服务体系", stage="import")
def _heading_space(lines, from_word):
    lines = list(lines)
    usual = _paragraph_indent(text for _, text in lines if not HEADING.match(text))
    for no, text in lines:
        match = HEADING.match(text)
        if match and _width(match.group(1)) > usual:
            yield LineFinding(no, f"编号“{match.group(2)}”前有空格", "生成时按版式缩进，原件若已印发，记下这一处", 1)


def _width(space: str) -> int:
    return sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in space)


def _paragraph_indent(texts) -> int:
    """How far the letter's own paragraphs are indented: a page that starts every paragraph with two
    full-width spaces (首行缩进 copied as text) indents its headings the same, which is no slip.  The
    widest indent a third of the prose lines share (sentences ending in a mark: a page's title and its
    furniture are flush whatever the letter does); 0 when most are not indented."""
    widths = [_width(text[:len(text) - len(text.lstrip(" \t\u3000"))]) for text in texts
              if len(re.findall(r"[\u4e00-\u9fff]", text)) >= 10 and re.search(r"[。；！？：:”）]\s*$", text)]
    shared = [w for w in set(widths) if 3 * widths.count(w) >= len(widths)]
    return max(shared, default=0)


FORM_LINE = re.compile(rf"^\s*({FORM_FIELDS})\s*[:：]\s*$")
# the contact's labels, empty on their line: a value the copy moved to the next line (联系人：\n张三) is no gap
CONTACT_LINE = re.compile(r"^\s*(联系人|联系电话|联系方式)\s*[:：]\s*$")
VALUE_LINE = re.compile(r"^\s*(?:[\u4e00-\u9fff·]{2,4}(?:$|[\s，,、;；（(])|[\d（(+][\d\s\-—－()（）]{5,})")


@rule("empty-form-line", "warning", "carry", "原件不应印着空的表格栏（一行只有“领导签字：”）",
      "内部审批单上的栏目随信印出而没有填写：读者看到一张没填完的表。联系人、联系电话一行只有标签、下一行也不是姓名或号码的，同样报。导入时这一行不会排入草稿，所以按原件的行报。",
      "2022年6月28日\\n领导签字：", "2022年6月28日", stage="import")
def _form_line(lines, from_word):
    lines = list(lines)
    following = [next((t for _, t in lines[k + 1:] if t.strip()), "") for k in range(len(lines))]
    for (no, text), after in zip(lines, following):
        match = FORM_LINE.match(text) or (CONTACT_LINE.match(text) if not VALUE_LINE.match(after) else None)
        if match:
            yield LineFinding(no, f"这一行是空着的表格栏“{text.strip()}”", "原件若已印发，记下这一处；新信不要印出空栏",
                              match.start(1) + 1)


DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{2,4})\s*日\s*$")
DATE_LINE_CN = re.compile(rf"^\s*({CN_YEAR[:-1]})\s*年\s*({CN_DAY})\s*日\s*$")  # 二〇二五年六十二日


@rule("date-line-lost-month", "warning", "carry", "原件的成文日期不缺“月”（“2022年6月9日”印成“2022年69日”）",
      "成文日期一行丢了“月”，导入时读不出日期；按原件的行报，正文里的日期由 date-lost-month 报。",
      "2022年69日；二〇二五年六十二日", "2022年6月9日；二〇二五年六月十二日", stage="import")
def _date_line(lines, from_word):
    for no, text in lines:
        match = DATE_LINE.match(text) or DATE_LINE_CN.match(text)
        if match:
            meant = (month_day if match.re is DATE_LINE else chinese_month_day)(match.group(1) + "年", match.group(2))
            if meant:
                yield LineFinding(no, f"成文日期“{text.strip()}”缺了“月”", f"改为“{meant}”", match.start(1) + 1)
