"""Import, stage 3: cleaned lines → the fields of a draft.

The letter is read in three zones: the head (everything before the salutation: letterhead,
document number, category, title), the body (opening, measures, closing) and the tail
(signature, date, contact, 抄送, 印发, attachments).  Every input line ends up in a field,
in a comment of the draft (web-page furniture, with the reason), or as a plain paragraph
with a warning naming the line: nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .clean import CJK, Cleaned, Para, join, line_width, marker, squeeze, width
from .notes import Note, compact
from .source import Line

ORGAN_SUFFIX = r"(?:局|委员会|委|人民政府|政府|办公室|办|厅|部|院|中心|处|署|公司|馆|站|所|队|会|府)"
URL = re.compile(r"https?://\S+")
WEB_META = re.compile(r"(来源|信息来源|发布时间|发布日期|更新时间|作者|浏览次数|点击数|访问量|阅读次数|字号|索引号|打印本页|关闭窗口|分享到)\s*[:：]?")
KIND_META = re.compile(r"类别\s*[:：]\s*(提案|建议)")
CATEGORY = re.compile(r"(分类标识|办理结果|答复类别|办复类别|办理类别|类别)\s*[:：]?\s*[【\[（(]?\s*([A-DＡ-Ｄ])\s*[】\]）)]?")
DISCLOSURE = re.compile(r"(是否同意公开|公开属性|公开方式|是否公开)\s*[:：]?\s*[【\[（(]?\s*(主动公开|依申请公开|不予公开|不公开)\s*[】\]）)]?")
NUMBER = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*(?P<open>[〔\[【（(［])\s*(?P<year>(?:19|20)\d{2})\s*(?P<close>[〕\]】）)］])\s*第?\s*(?P<seq>\d{1,5})\s*号")
NUMBER_BROKEN = re.compile(r"(?P<code>[\u4e00-\u9fff]{1,12}?)\s*[〔\[【（(]\s*(?P<year>(?:19|20)\d{2})(?P<seq>\d{1,4})")
SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*(?P<name>[\u4e00-\u9fff·\s]{2,12})$")
COPY_NUMBER = re.compile(r"\d{6}")
SECRECY = re.compile(r"(绝密|机密|秘密)(★\S+)?")
URGENCY = re.compile(r"特急|加急")
ORGAN_LINE = re.compile(rf"(?P<organ>[\u4e00-\u9fff（）()]{{2,40}}?{ORGAN_SUFFIX})(?P<file>文件)?")
ORGAN_TITLE = re.compile(rf"(?P<organ>[\u4e00-\u9fff]{{2,30}}?{ORGAN_SUFFIX})\s*(?P<title>关于.+)")
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
DATE_CN = re.compile(r"(?P<y>[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
DATE_BROKEN = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<rest>\d{2,4})")
CONTACT = re.compile(r"[（(]?\s*(联\s*系\s*(人|电\s*话|方\s*式|单\s*位)|电\s*话\s*[:：])")
LEADER = re.compile(r"领\s*导\s*署\s*名\s*[:：]")
CC = re.compile(r"抄\s*(?P<kind>送|报)\s*[:：]\s*(?P<list>.+)")
PRINTER = re.compile(r"(?P<org>.+?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发")
ATTACH_LIST = re.compile(r"附\s*件\s*[:：]\s*(?P<rest>.*)")
ANNEX_LABEL = re.compile(r"附\s*件\s*(?P<n>\d*)")
DISCLOSURE_NOTE = re.compile(r"[（(]此件(?P<what>公开发布|依申请公开|不予公开)[）)]")
PHONE = re.compile(r"1[3-9]\d{9}(?!\d)|(?:0\d{2,3}\s*[-－—]?\s*)?\d{7,8}(?:\s*[-－]\s*\d{1,4})?")
CLOSING = re.compile(r"(感谢|谢谢|再次感谢|衷心感谢|最后|以上答复|以上意见|此复|特此|专此|希望|欢迎|今后|下一步|下步|在此|如有不妥|请.{0,12}(批评指正|继续关注|多提))")
SENTENCE_PUNCT = re.compile(r"[。，,；;：:？！!?、]")
CATEGORY_MEANINGS = {  # the usual scheme, written into an imported draft that names a category
    "A": "所提问题已经解决或基本解决", "B": "所提问题正在解决或已列入计划逐步解决",
    "C": "所提问题因条件限制或其他原因需以后解决", "D": "所提问题因受政策、法律等限制无法解决，留作参考",
}
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


@dataclass
class Recognised:
    fields: dict                                        # draft fields, in the order a clerk reads them
    comments: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, why) kept out of the letter
    notes: list[Note] = field(default_factory=list)


def recognise(cleaned: Cleaned, from_word: bool) -> Recognised:
    lines = cleaned.lines
    out = Recognised({}, [(line.no, line.text, why) for line, why in cleaned.dropped], list(cleaned.notes))
    salutation_at = _find_salutation(lines)
    head = lines[:salutation_at] if salutation_at is not None else _leading_head(lines)
    rest = lines[len(head) + (1 if salutation_at is not None else 0):]
    found: dict = {}
    _read_head(head, found, out)
    if salutation_at is not None:
        _read_salutation(lines[salutation_at], found, out)
    else:
        out.notes.append(Note(lines[0].no if lines else None, "import-no-salutation", "没有找到称呼行（如“尊敬的××委员：”）",
                              "在草稿中补上 addressee 或 salutation"))
    body, tail, annexes = _split_tail(rest)
    _read_tail(tail, found, out)
    wrap = None if from_word else line_width(body)
    paras = join(body, wrap, out.notes) if not from_word else [Para(l.text, [l.no], l.level) for l in body]
    squeezed = []
    for para in paras if not from_word else ():
        tight = squeeze(para.text)
        if tight != para.text:
            squeezed.append(para.first)
            para.text = tight
    if squeezed:
        out.notes.append(Note(squeezed[0], "import-spaces", f"去掉了汉字之间的空格：{compact(squeezed)}", severity="note"))
    _read_body(paras, found, out)
    _read_annexes(annexes, found, out, wrap)
    if "title" not in found:
        out.notes.append(Note(None, "import-no-title", "原文没有标题，生成时由模板按提案/建议写出", "核对标题，或在草稿中写 title"))
    _proposal(found, out)
    _organ(found, out, lines)
    out.fields = _ordered(found)
    return out


# -- zones ---------------------------------------------------------------------------

def _is_salutation(text: str) -> bool:
    if width(text) > 70 or any(p.search(text) for p in (NUMBER, CATEGORY, SIGNER, DATE, CONTACT, WEB_META)):
        return False
    if text.endswith((":", "：")):
        return not re.search(r"如下|[。，,；;]", text) and len(text) > 2
    return re.fullmatch(rf"(尊敬的)?[{CJK}、·]{{1,60}}(委员|代表)", text) is not None


def _find_salutation(lines: list[Line]) -> int | None:
    for index, line in enumerate(lines[:40]):
        if _is_salutation(line.text):
            return index
    return None


def _leading_head(lines: list[Line]) -> list[Line]:
    """Without a salutation, the head ends where the body visibly begins."""
    for index, line in enumerate(lines[:40]):
        if re.search(r"收悉|答复如下|回复如下|现将.{0,12}(答复|函告)", line.text):
            return lines[:index]
    return []


def _split_tail(lines: list[Line]) -> tuple[list[Line], list[Line], list[list[Line]]]:
    """(body, tail, annexes): the tail is the 落款 and what follows it; annexes start at 附件N lines after it."""
    annex_at = len(lines)
    date_at = None
    for index, line in enumerate(lines):
        if _date_of(line.text) is not None:
            date_at = index
        elif date_at is not None and ANNEX_LABEL.fullmatch(line.text):
            annex_at = index
            break
    annexes: list[list[Line]] = []
    for line in lines[annex_at:]:
        if ANNEX_LABEL.fullmatch(line.text) or not annexes:
            annexes.append([line])
        else:
            annexes[-1].append(line)
    # 版记 lines (抄送, 印发) after the annexes belong to the tail
    trailing: list[Line] = []
    while annexes and len(annexes[-1]) > 1 and _is_colophon(annexes[-1][-1].text):
        trailing.insert(0, annexes[-1].pop())
    lines = lines[:annex_at]
    start = len(lines)
    if date_at is not None and date_at < annex_at:
        start = date_at
        while start > 0 and _is_signature(lines[start - 1].text) and date_at - start < 3:
            start -= 1
    while start > 0 and (_is_tail_line(lines[start - 1].text)):
        start -= 1
    start = _attachment_list_start(lines, start)
    return lines[:start], lines[start:] + trailing, annexes


def _attachment_list_start(lines: list[Line], start: int) -> int:
    """附件：1. … lines just before the signature belong to the tail."""
    index = start
    while index > 0 and (marker(lines[index - 1].text) or ATTACH_LIST.match(lines[index - 1].text)) and start - index < 10:
        index -= 1
        if ATTACH_LIST.match(lines[index].text):
            return index
    return start


def _is_colophon(text: str) -> bool:
    return bool(CC.match(text) or PRINTER.fullmatch(text))


def _is_tail_line(text: str) -> bool:
    return bool(CONTACT.match(text) or LEADER.match(text) or _is_colophon(text) or DISCLOSURE_NOTE.fullmatch(text))


def _is_signature(text: str) -> bool:
    names = [n for n in text.split("\t") if n.strip()]
    return bool(names) and all(width(n) <= 40 and not SENTENCE_PUNCT.search(n) and not CONTACT.match(n)
                               and re.fullmatch(rf"[{CJK}（）()\s]+", n) for n in names)


# -- head --------------------------------------------------------------------------

def _read_head(head: list[Line], found: dict, out: Recognised) -> None:
    organs, titles, pending = [], [], []  # pending: consecutive lines of a title

    def close_title():
        if pending:
            titles.append((pending[0].no, squeeze("".join(l.text for l in pending)), [l.no for l in pending]))
            pending.clear()

    for line in head:
        text = line.text
        if URL.fullmatch(text):
            out.comments.append((line.no, text, "来源网址"))
            close_title()
            continue
        kind = KIND_META.fullmatch(text)
        if kind:
            found.setdefault("kind_hint", kind.group(1))
            out.comments.append((line.no, text, "网页栏目信息（提案/建议类别）"))
            close_title()
            continue
        if WEB_META.match(text):
            out.comments.append((line.no, text, "网页信息"))
            close_title()
            continue
        close_title_needed = True
        if _read_head_marks(line, found, out):
            pass
        elif (m := ORGAN_TITLE.fullmatch(squeeze(text))) and _title_like(m.group("title")):
            organs.append((line.no, m.group("organ"), False))
            titles.append((line.no, m.group("title"), [line.no]))
        elif (m := ORGAN_LINE.fullmatch(squeeze(text))) and not text.startswith(("关于", "对")):
            organs.append((line.no, m.group("organ"), bool(m.group("file"))))
        else:
            close_title_needed = False
            pending.append(line)
        if close_title_needed:
            close_title()
    close_title()
    if organs:
        chosen = next((o for o in organs if o[2]), organs[-1])
        found["organ"] = (chosen[0], chosen[1])
        found["file_mark"] = chosen[2]
        for no, name, _ in organs:
            if no != chosen[0]:
                out.comments.append((no, name, "网页标题中的机关名（与版头重复）"))
    if titles:
        kept = [t for t in titles if _title_like(t[1])] or titles
        chosen = kept[-1]
        found["title"] = (chosen[0], chosen[1])
        for no, text, numbers in titles:
            if no == chosen[0]:
                continue
            if text == chosen[1] or text in chosen[1] or chosen[1] in text:
                out.comments.append((no, text, "网页标题（与信函标题重复）"))
            else:
                found.setdefault("stray", []).append(Para(text, numbers))
                out.notes.append(Note(no, "import-unplaced", f"版头中无法归类的文字“{text[:30]}”，作为正文段落保留",
                                      "核对后移到合适的字段或删去"))


def _title_like(text: str) -> bool:
    return bool(re.search(r"关于|答复|回复|复函|的函|办理情况|意见", text))


def _read_head_marks(line: Line, found: dict, out: Recognised) -> bool:
    """份号, 密级, 紧急程度, 发文字号 (with 签发人), 签发人, 类别, 公开属性."""
    text = squeeze(line.text.replace("\t", " ")).strip()
    if COPY_NUMBER.fullmatch(text):
        found["copy_number"] = (line.no, text)
        return True
    if SECRECY.fullmatch(text):
        found["secrecy"] = (line.no, text)
        return True
    if URGENCY.fullmatch(text):
        found["urgency"] = (line.no, text)
        return True
    if m := CATEGORY.fullmatch(text):
        found["category"] = (line.no, m.group(2).translate(str.maketrans("ＡＢＣＤ", "ABCD")))
        return True
    if m := DISCLOSURE.fullmatch(text):
        found["disclosure"] = (line.no, "不予公开" if m.group(2) == "不公开" else m.group(2))
        return True
    signer = SIGNER.search(text)
    rest = text[:signer.start()].strip() if signer else text
    if signer:
        found["signer"] = (line.no, re.sub(r"\s", "", signer.group("name")))
    number = NUMBER.fullmatch(rest)
    broken = None if number else NUMBER_BROKEN.fullmatch(rest)
    if number:
        found["number"] = (line.no, number.group("code"), int(number.group("year")), int(number.group("seq")))
        if number.group("open") != "〔" or number.group("close") != "〕":
            out.notes.append(Note(line.no, "import-number-brackets",
                                  f"发文字号的年份用了 {number.group('open')}{number.group('close')}，GB/T 9704 规定用六角括号〔〕；生成时用〔〕"))
        return True
    if broken:
        found["number"] = (line.no, broken.group("code"), int(broken.group("year")), int(broken.group("seq")))
        out.notes.append(Note(line.no, "import-number-damaged",
                              f"发文字号“{rest}”缺字，按 {broken.group('code')}〔{broken.group('year')}〕{broken.group('seq')}号 读入",
                              "核对原件"))
        return True
    return bool(signer) and not rest


# -- salutation ----------------------------------------------------------------------

def _read_salutation(line: Line, found: dict, out: Recognised) -> None:
    text = squeeze(line.text)
    who = re.sub(r"^尊敬的", "", text).rstrip(":：")
    found["salutation_line"] = (line.no, text)
    if not text.endswith(("：", ":")):
        out.notes.append(Note(line.no, "import-salutation-colon", f"称呼“{text}”后面没有冒号；照录"))
    role = re.search(r"(委员|代表)$", who)
    if role:
        found["addressee"] = (line.no, who[:role.start()], role.group())
    else:
        found["recipient"] = (line.no, who)


# -- tail ------------------------------------------------------------------------------

def _date_of(text: str) -> tuple[dt.date | None, str | None] | None:
    """(date, problem) when the line is a date; None otherwise."""
    text = text.strip()
    if m := DATE.fullmatch(text):
        try:
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"])), None
        except ValueError:
            return None, f"日期“{text}”不存在"
    if m := DATE_CN.fullmatch(text):
        try:
            year = int("".join(str(CN_DIGITS[c]) for c in m["y"]))
            return dt.date(year, _cn_number(m["m"]), _cn_number(m["d"])), None
        except (ValueError, KeyError):
            return None, f"日期“{text}”无法识别"
    if m := DATE_BROKEN.fullmatch(text):
        rest = m["rest"]
        options = []
        for cut in range(1, len(rest)):
            month, day = int(rest[:cut]), int(rest[cut:])
            if rest[cut] != "0" or len(rest[cut:]) == 2:
                try:
                    options.append(dt.date(int(m["y"]), month, day))
                except ValueError:
                    pass
        if options:
            chosen = options[0]
            others = "、".join(f"{d.month}月{d.day}日" for d in options[1:])
            return chosen, f"日期“{text}”缺少年月日，按 {chosen.year}年{chosen.month}月{chosen.day}日 读入" + (f"（也可能是 {others}）" if others else "")
    return None


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[text]


def _read_tail(tail: list[Line], found: dict, out: Recognised) -> None:
    contact_lines, signatures, attachments = [], [], []
    seen_date = False
    for line in tail:
        text = line.text
        dated = _date_of(text)
        if dated is not None and not seen_date:
            seen_date = True
            date, problem = dated
            if date:
                found["date"] = (line.no, date)
            if problem:
                out.notes.append(Note(line.no, "import-date", problem, "核对原件"))
            continue
        if not seen_date and _is_signature(text) and not CONTACT.match(text) and not marker(text):
            signatures += [(line.no, squeeze(n.strip())) for n in text.split("\t") if n.strip()]
            continue
        if m := ATTACH_LIST.fullmatch(text):
            attachments.append((line.no, m.group("rest")))
            continue
        if attachments and not seen_date and marker(text):
            attachments.append((line.no, text))
            continue
        if CONTACT.match(text):
            contact_lines.append(line)
            continue
        if m := CC.fullmatch(text):
            names = [squeeze(n) for n in re.split(r"[，,、；;\s]+", m.group("list").rstrip("。. ")) if n]
            found["cc"] = (line.no, names)
            if m.group("kind") == "报":
                out.notes.append(Note(line.no, "import-cc", "原文是“抄报”，letterkit 的版记按 GB/T 9704 印“抄送”"))
            continue
        if m := PRINTER.fullmatch(squeeze(text.replace("\t", " "))):
            date = _date_of(m.group("date"))
            found["printer"] = (line.no, squeeze(m.group("org").strip()))
            if date and date[0]:
                found["print_date"] = (line.no, date[0])
            continue
        if m := DISCLOSURE_NOTE.fullmatch(text):
            found["disclosure"] = (line.no, "主动公开" if m.group("what") == "公开发布" else m.group("what"))
            continue
        found.setdefault("tail_stray", []).append(Para(squeeze(text), [line.no]))
        out.notes.append(Note(line.no, "import-unplaced", f"落款附近无法归类的一行“{text[:30]}”，作为结尾段落保留",
                              "核对后移到合适的字段或删去"))
    if signatures:
        found["signature"] = signatures[0]
        found["co_signers"] = signatures[1:]
    if attachments:
        found["attachments"] = [(no, re.sub(r"^\d{1,2}[.．、]\s*", "", t).strip()) for no, t in attachments if t.strip()]
    if contact_lines:
        _read_contact(contact_lines, found, out)


def _read_contact(lines: list[Line], found: dict, out: Recognised) -> None:
    text = " ".join(line.text for line in lines)
    first = lines[0].no
    unit = re.search(r"联\s*系\s*单\s*位\s*[:：]\s*([\u4e00-\u9fff（）()]+)", text)
    if unit:
        found["contact_unit"] = (first, unit.group(1))
    name = re.search(r"联\s*系\s*人(?:及电话|和电话)?\s*[:：]?\s*(?P<name>[\u4e00-\u9fff·]+(?:\s[\u4e00-\u9fff·](?![\u4e00-\u9fff]*\s*[:：]))?)", text)
    phone = PHONE.search(text[name.end():] if name else text)
    if name and re.sub(r"\s", "", name.group("name")).startswith("联系电话"):
        name = None
    if name and phone:
        person = re.sub(r"\s|联系电话|电话$", "", name.group("name"))
        found["contact"] = (first, person, re.sub(r"\s", "", phone.group()))
    else:
        out.notes.append(Note(first, "import-contact", f"联系人一行“{text[:40]}”缺少姓名或电话，写作 contact: 无",
                              "补上 contact: {name: …, phone: …}"))
        found.setdefault("tail_stray", []).append(Para(squeeze(text), [l.no for l in lines]))


# -- body ------------------------------------------------------------------------------

def _read_body(paras: list[Para], found: dict, out: Recognised) -> None:
    paras = found.pop("stray", []) + paras
    if paras and marker(paras[0].text) is None and paras[0].level is None:
        found["opening"] = (paras[0].first, paras[0].text)
        paras = paras[1:]
    closing: list[Para] = []
    while paras and marker(paras[-1].text) is None and paras[-1].level is None and CLOSING.match(paras[-1].text):
        before = paras[-2] if len(paras) > 1 else None
        if before is not None and (marker(before.text) or before.level) and "。" not in before.text:
            break  # the only text under a heading (三、下步工作方向 / 下一步……) stays with it
        closing.insert(0, paras.pop())
    found["closing"] = closing + found.pop("tail_stray", [])
    found["measures"] = measures_from(paras, out.notes)
    unfinished = [p for p in paras + closing if p.text[-1] not in "。！？!?；;：:”’）)》…"
                  and (marker(p.text) is None or _split_runin(p.text)[1] or width(p.text) > 40)]
    for para in unfinished:
        out.notes.append(Note(para.lines[-1], "import-unfinished",
                              f"这一段没有以句末标点结束（…{para.text[-15:]}）：可能被截断或错位；照录",
                              "对照原件补全"))


def measures_from(paras: list[Para], notes: list[Note]) -> list:
    """Numbered paragraphs → the measures tree, in the order found; numbers are checked, not kept."""
    root: list = []
    stack: list[dict] = []       # open headings: {"level", "node", "siblings"}
    last_seen: dict[int, int] = {}  # id(siblings) → number of the last heading in it
    auto_base = None  # Word's own numbering counts from the heading open when its list began
    auto = []
    for para in paras:
        found = marker(para.text)
        if para.level is not None and found is None:
            if auto_base is None:
                auto_base = stack[-1]["level"] if stack else 0
            found = (min(auto_base + para.level, 4), None, 0)
            auto.append(para.first)
        elif found is not None:
            auto_base = None
        if found is None:  # under the open heading, so the order stays as found
            if not stack:
                root.append(para.text)
            else:
                (stack[-1]["node"]["items"] if len(stack) < 4 else stack[-1]["siblings"]).append(para.text)
            continue
        level, written, length = found
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        if len(stack) >= 4:
            notes.append(Note(para.first, "import-too-deep", "编号超过四级，作为普通段落保留"))
            stack[-1]["siblings"].append(para.text)
            continue
        siblings = stack[-1]["node"]["items"] if stack else root
        heading, text = _split_runin(para.text[length:])
        node = {"heading": heading, "text": text, "items": []}
        siblings.append(node)
        depth = len(stack) + 1
        number = _numeral(written) if written else None
        expected = last_seen.get(id(siblings), 0) + 1
        if number is not None and number != expected:
            shown = para.text[:length].strip()
            notes.append(Note(para.first, "import-numbering",
                              f"编号 {shown} 不连续或顺序颠倒（按位置应是第 {expected} 项）：照录原文顺序，编号由 letterkit 重新生成",
                              "核对各项的顺序和内容"))
        last_seen[id(siblings)] = max(number or expected, expected)
        if depth != level and written:
            notes.append(Note(para.first, "import-skipped-level",
                              f"编号 {para.text[:length].strip()} 是第 {level} 级的写法，却在第 {depth} 级：letterkit 按第 {depth} 级编号",
                              "GB/T 9704 7.3.3：一、之下是（一），（一）之下是 1."))
        stack.append({"level": level, "node": node, "siblings": siblings})
    if auto:
        notes.append(Note(auto[0], "import-word-numbering",
                          f"这些段落用的是 Word 的自动编号，按位置排为标题，编号由 letterkit 生成：{compact(auto)}", severity="note"))
    return root


def _split_runin(text: str) -> tuple[str, str | None]:
    """（一）调整政策。2019年起…… → heading 调整政策。 and the text that runs on."""
    match = re.search(r"[。！？]", text)
    if match and match.end() < len(text) and match.end() <= 60:
        return text[:match.end()], text[match.end():]
    return text, None


def _numeral(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        if "百" in written:
            return None
        return _cn_number(written)
    except KeyError:
        return None


def _read_annexes(annexes: list[list[Line]], found: dict, out: Recognised, wrap) -> None:
    listed = [t for _, t in found.get("attachments", [])]
    contents = []
    for lines in annexes:
        label, rest = lines[0], lines[1:]
        if not rest:
            out.notes.append(Note(label.no, "import-unplaced", f"“{label.text}”之后没有内容；照录为结尾段落"))
            found.setdefault("closing", []).append(Para(label.text, [label.no]))
            continue
        paras = join(rest, wrap, out.notes) if wrap else [Para(squeeze(l.text), [l.no], l.level) for l in rest]
        title, body = paras[0], paras[1:]
        contents.append((label.no, squeeze(title.text), measures_from(body, out.notes)))
    if not contents:
        return
    merged = []
    for index, title in enumerate(listed):
        match = next((c for c in contents if squeeze(c[1]) == squeeze(title)), None)
        merged.append((title, match[2] if match else None))
        if match:
            contents.remove(match)
    for no, title, content in contents:
        out.notes.append(Note(no, "import-annex", f"附件“{title[:20]}”不在附件说明里；加入附件列表"))
        merged.append((title, content))
    found["attachment_contents"] = merged


# -- the proposal, the organ ------------------------------------------------------------

def _proposal(found: dict, out: Recognised) -> None:
    title = found.get("title", (None, ""))[1]
    opening = found.get("opening", (None, ""))[1]
    kind = None
    for text in (title, opening):
        m = re.search(r"(提案|建议)(的|答复|办理|$)|第.{1,12}?号(提案|建议)", text)
        if m:
            kind = m.group(1) or m.group(3)
            break
    kind = kind or found.get("kind_hint")
    if kind is None and "addressee" in found:
        kind = {"委员": "提案", "代表": "建议"}[found["addressee"][2]]
    if kind is None:
        kind = "提案"
        out.notes.append(Note(None, "import-kind", "看不出答复的是提案还是建议，暂按提案", "核对 proposal.kind"))
    ident = None
    for text in (title, opening):
        m = re.search(r"第\s*([A-Za-z]*\s*\d+[A-Za-z0-9]*)\s*号?(?=号|提案|建议|[)）])", text) or \
            re.search(r"《\s*([A-Z]{1,4}\s*\d{4,})", text)
        if m:
            ident = m.group(1).strip()
            break
    subject = None
    m = re.search(r"《\s*(?:[A-Z]{1,4}\s*\d{4,})?\s*“?(.+?)”?\s*》", title) if title else None
    if m and not re.fullmatch(r"[A-Z0-9\s]+", m.group(1)):
        subject = m.group(1)
    if subject is None and opening:
        m = re.search(r"《(.+?)》", opening) or re.search(r"提出的“(.+)”(?:已|收悉|,|，)", opening) or \
            re.search(r"提出的(关于.+?(?:的建议|的提案|建议|提案))(?:已|收悉|，|,|。|现)", opening)
        if m:
            subject = m.group(1)
    session = None
    for text, pattern in ((title, r"(?:关于对|关于|对)(.{2,30}?会议)(?:上|第|提出)"), (opening, r"(?:于|在)(.{2,30}?(?:会议|大会))(?:大会)?上?提出")):
        m = re.search(pattern, text) if text else None
        if m:
            session = m.group(1)
            break
    proposal = {"kind": kind, "id": ident or "无", "title": subject or "无"}
    if session:
        proposal["session"] = session
    found["proposal"] = proposal
    for name, value in (("id", ident), ("title", subject)):
        if value is None:
            out.notes.append(Note(found.get("title", found.get("opening", (None,)))[0], "import-proposal",
                                  f"标题和开头语里找不到提案/建议的{'编号' if name == 'id' else '标题'}，写作 proposal.{name}: 无",
                                  "补上后删去“无”"))


def _organ(found: dict, out: Recognised, lines: list[Line]) -> None:
    signature = found.get("signature")
    organ = found.get("organ")
    unit = found.pop("contact_unit", None)
    if organ is None and (signature or unit):
        source = signature or unit
        found["organ_from"] = source
        out.notes.append(Note(source[0], "import-organ", f"原文没有版头，发文机关取自{'署名' if signature else '联系单位'}“{source[1]}”",
                              "核对 organ.name"))
    name = organ[1] if organ else (signature or unit or (None, None))[1]
    if organ and signature and signature[1] != organ[1]:
        if organ[1].endswith(signature[1]) and len(signature[1]) >= 4:
            found["short_name"] = signature[1]
        else:
            out.notes.append(Note(signature[0], "import-signature",
                                  f"署名“{signature[1]}”与版头“{organ[1]}”不一致；照录",
                                  "letterkit check 的 signature-organ 规则会指出，改正后再发"))
    found["organ_name"] = name
    has_head = organ is not None or "number" in found or "signer" in found
    found["layout"] = ("general" if found.get("file_mark") else "letter") if has_head and name else "plain"


def _ordered(found: dict) -> dict:
    """The draft's fields in reading order, 无 where the original has none."""
    f: dict = {"layout": found["layout"]}
    if found["organ_name"]:
        organ = {"name": found["organ_name"]}
        if "short_name" in found:
            organ["short_name"] = found["short_name"]
        if "number" in found:
            organ["code"] = found["number"][1]
        f["organ"] = organ
    else:
        f["organ"] = "无"
    f["number"] = {"year": found["number"][2], "seq": found["number"][3]} if "number" in found else "无"
    if found.get("file_mark"):
        f["file_mark"] = True
    for key in ("copy_number", "secrecy", "urgency", "signer"):
        if key in found:
            f[key] = found[key][1]
    if "category" in found:
        code = found["category"][1]
        f["categories"] = {code: CATEGORY_MEANINGS[code]}
        f["category"] = code
    f["proposal"] = found["proposal"]
    if "addressee" in found:
        f["addressee"] = {"name": found["addressee"][1], "role": found["addressee"][2]}
    if "recipient" in found:
        f["recipient"] = found["recipient"][1]
    if "salutation_line" in found:
        text = found["salutation_line"][1]
        generated = (f"尊敬的{found['addressee'][1]}{found['addressee'][2]}：" if "addressee" in found
                     else f"{found['recipient'][1]}：" if "recipient" in found else None)
        if text != generated:
            f["salutation"] = text
    if "title" in found:
        f["title"] = found["title"][1]
    if "opening" in found:
        f["opening"] = found["opening"][1]
    f["measures"] = found["measures"] or "无"
    f["closing"] = [p.text for p in found["closing"]] or "无"
    if "attachment_contents" in found:
        f["attachments"] = [{"title": t, "content": c} if c else t for t, c in found["attachment_contents"]]
    elif found.get("attachments"):
        f["attachments"] = [t for _, t in found["attachments"]]
    f["signature"] = found["signature"][1] if "signature" in found else "无"
    if found.get("co_signers"):
        f["co_signers"] = [{"signature": name} for _, name in found["co_signers"]]
    f["date"] = found["date"][1] if "date" in found else "无"
    f["contact"] = {"name": found["contact"][1], "phone": found["contact"][2]} if "contact" in found else "无"
    if "disclosure" in found:
        f["disclosure"] = found["disclosure"][1]
    if "cc" in found:
        f["cc"] = found["cc"][1]
    if "printer" in found:
        f["printer"] = found["printer"][1]
        if "print_date" in found:
            f["print_date"] = found["print_date"][1]
    return f
