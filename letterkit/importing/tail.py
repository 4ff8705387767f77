"""Import, the tail of a letter: 落款 (signature, date), contact line, 附件说明, 抄送, 印发, and
where the body ends and attachments' own pages begin."""

from __future__ import annotations

import datetime as dt
import re

from ..proof.dates import WEEKDAY_AFTER, month_day_readings, weekday_of, weekday_text
from .clean import CJK, Para, marker, squeeze, width
from .contact import CONTACT, read_contact, unlabelled_contact
from .notes import Note, Recognised
from .roles import CONTACT_ROLES, NOT_LETTER, closing_start, labelled, signer_marks
from .source import Line

CLOSING = closing_start()
DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?P<end>[日号])")
DATE_CN = re.compile(r"(?P<y>[〇○零一二三四五六七八九0OＯ]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")
DATE_CN_NO_MONTH = re.compile(r"(?P<y>[〇○零一二三四五六七八九0OＯ]{4})\s*年\s*(?P<rest>[一二三四五六七八九十]{2,5})\s*日")  # 二〇二五年六十二日
DATE_SEPARATED = re.compile(r"((?:19|20)\d{2})\s*[.\-/．－]\s*(\d{1,2})\s*[.\-/．－]\s*(\d{1,2})")
DATE_NO_MONTH = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<rest>\d{2,4})\s*日")  # 2024年317日: 月 lost in copying
DATE_BROKEN = re.compile(r"(?P<y>(?:19|20)\d{2})(?P<rest>\d{2,4})")
# 2021年8月日 / 2021年月18日 / 二〇二一年八月日 / 2021年8月: a date line that lost its day or its month (a number
# dropped in typing or copying); the 年 and the 月 or 日 marks stay, so the line is still the letter's date line
_N = r"[\d〇○零一二三四五六七八九十]"
DATE_PART_LOST = re.compile(rf"(?P<y>(?:19|20)\d{{2}}|[〇○零一二三四五六七八九0OＯ]{{4}})\s*年\s*"
                            rf"(?:(?P<m>{_N}{{1,2}})\s*月\s*日|月\s*(?P<d>{_N}{{1,3}})\s*[日号]|(?P<only>{_N}{{1,2}})\s*月|月\s*日)")
# 2024年7日18日 / 2024年7月18月 / 二〇二四年七日十八日: a date line with one of its three marks typed as another
# character (月 as 日, the look-alike 曰, 目): the other two right and the numbers where they stand, so only one reading
_MARK = r"[^\d\s〇○零一二三四五六七八九十0OＯ]"
DATE_MARK_WRONG = re.compile(rf"(?P<y>(?:19|20)\d{{2}}|[〇○零一二三四五六七八九0OＯ]{{4}})\s*(?P<a>{_MARK})\s*(?P<m>{_N}{{1,2}})\s*"
                             rf"(?P<b>{_MARK})\s*(?P<d>{_N}{{1,3}})\s*(?P<c>{_MARK})")
WEEKDAY_END = re.compile(WEEKDAY_AFTER.pattern + r"\s*$")
LEADER = re.compile(r"领\s*导\s*署\s*名\s*[:：]")
CC = re.compile(r"抄\s*(?P<kind>送|报)\s*[:：]\s*(?P<list>.+)")
PRINTER = re.compile(r"(?P<org>.+?)\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发")
ATTACH_LIST = re.compile(r"附\s*件\s*[:：]\s*(?P<rest>.*)")
ANNEX_LABEL = re.compile(r"附\s*件\s*(?P<n>\d*)")
DISCLOSURE_NOTE = re.compile(r"[（(]此件(?P<what>公开发布|依申请公开|不予公开)[）)]")
SENTENCE_PUNCT = re.compile(r"[。，,；;：:？！!?、]")
CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "0": 0, "O": 0, "Ｏ": 0}


def split_tail(lines: list[Line], tail_at: int) -> tuple[list[Line], list[Line], list[list[Line]]]:
    """(body, tail, annexes): the tail begins at `tail_at` (where zones.read_zones put it) or at the
    附件：list just before it; annexes start at 附件N lines after the date."""
    annex_at = len(lines)
    date_at = None
    for index, line in enumerate(lines):
        if date_of(line.text) is not None:
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
    start = _attachment_list_start(lines, min(tail_at, annex_at))
    first, end = _attachments_before_closing(lines[:start]) or (start, start)
    return lines[:first] + lines[end:start], lines[first:end] + lines[start:] + trailing, annexes


def _attachments_before_closing(body: list[Line]) -> tuple[int, int] | None:
    """附件：1.… (and 2.… under it) standing between the last measure and the closing (感谢…！, 特此函复。,
    此致 敬礼): the 附件说明 written above the closing, not a measure for the closing to run into."""
    from .roles import closing_start

    closing = closing_start()
    for index, line in enumerate(body):
        if not ATTACH_LIST.match(line.text) or index == 0:
            continue
        end = index + 1
        while end < len(body) and marker(body[end].text) and not re.search(r"[。；！？]$", body[end].text):
            end += 1
        after = body[end:]
        if after and all(closing.match(l.text) or re.fullmatch(r"(此\s*致|敬\s*礼[！!。]?)", l.text.strip())
                         for l in after):
            return index, end
    return None


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


ORGAN_END = re.compile(r"(局|委员会|委|人民政府|政府|办公室|办事处|街道|办|厅|部|院|中心|处|署|公司|馆|站|所|队|会|联合社|合作社)$")


def is_signature(text: str) -> bool:
    if re.match(r"此\s*致|敬\s*礼", text):
        return False
    names = [n for n in text.split("\t") if n.strip()]
    return bool(names) and all(width(n) <= 40 and not SENTENCE_PUNCT.search(n) and not CONTACT.match(n)
                               and re.fullmatch(rf"[{CJK}（）()\s]+", n) for n in names)


# -- head --------------------------------------------------------------------------


def date_of(text: str) -> tuple[dt.date | None, str | None] | None:
    """(date, problem) when the line is a date; None otherwise."""
    text = text.strip()
    if (weekday := WEEKDAY_END.search(text)) and weekday.start() > 0:  # 2024年3月15日（星期五）: read_tail weighs the weekday
        return date_of(text[:weekday.start()])
    if m := DATE.fullmatch(text):
        try:
            date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            return date, None if m["end"] == "日" else f"日期“{text}”以“号”结尾，按 {date.year}年{date.month}月{date.day}日 读入"
        except ValueError:
            return None, f"日期“{text}”不存在"
    if m := DATE_CN.fullmatch(text):
        try:
            year = int("".join(str(CN_DIGITS[c]) for c in m["y"]))
            return dt.date(year, cn_number(m["m"]), cn_number(m["d"])), None
        except (ValueError, KeyError):
            return None, f"日期“{text}”无法识别"
    if m := DATE_NO_MONTH.fullmatch(text):
        options = _month_day(int(m["y"]), m["rest"])
        if len(options) == 1:  # 2025年618日: only 6月18日 is a day
            day = options[0]
            return day, f"日期“{text}”缺了“月”，只能是 {day.year}年{day.month}月{day.day}日，按此读入"
        shown = f"（可能是 {'、'.join(f'{d.month}月{d.day}日' for d in options)}）" if options else ""
        return None, f"日期“{text}”缺了“月”，读不出是哪一天{shown}，写作 date: 无"
    if m := DATE_CN_NO_MONTH.fullmatch(text):
        year = int("".join(str(CN_DIGITS[c]) for c in m["y"]))
        options = _cn_month_day(year, m["rest"])
        if len(options) == 1:  # 二〇二五年六十二日: only 六月十二日 is a day
            day = options[0]
            return day, f"日期“{text}”缺了“月”，只能是 {day.year}年{day.month}月{day.day}日，按此读入"
        shown = f"（可能是 {'、'.join(f'{d.month}月{d.day}日' for d in options)}）" if options else ""
        return None, f"日期“{text}”缺了“月”，读不出是哪一天{shown}，写作 date: 无"
    if m := DATE_SEPARATED.fullmatch(text):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])), f"日期“{text}”没有写成“年月日”，按 {m[1]}年{int(m[2])}月{int(m[3])}日 读入"
        except ValueError:
            return None, f"日期“{text}”不存在"
    if m := DATE_PART_LOST.fullmatch(text):  # never a guessed day: the draft says 无 and the warning names what is lost
        lost = "日（几号）" if m["m"] or m["only"] else "月份" if m["d"] else "月份和日"
        return None, f"日期“{text}”缺了{lost}，读不出是哪一天，写作 date: 无"
    if (m := DATE_MARK_WRONG.fullmatch(text)) and not DATE_PART_LOST.fullmatch(text):
        marks = [(m.start(key), m[key], right) for key, right in (("a", "年"), ("b", "月"), ("c", "日"))
                 if m[key] != right and not (key == "c" and m[key] == "号")]
        if len(marks) == 1:  # two marks right: the third is the one mistyped, and the line reads one way only
            at, wrong, right = marks[0]
            fixed = text[:at] + right + text[at + 1:]
            read = date_of(fixed)
            if read is not None and read[0] is not None:
                day = read[0]
                return day, f"日期“{text}”把“{right}”写成了“{wrong}”，只能是 {day.year}年{day.month}月{day.day}日，按此读入"
            return None, f"日期“{text}”把“{right}”写成了“{wrong}”，改过来的“{fixed}”也不是哪一天，写作 date: 无"
    if re.fullmatch(r"(?:19|20)\d{2}[\s\d]{2,6}", text):
        text = re.sub(r"\s", "", text)
    if m := DATE_BROKEN.fullmatch(text):
        options = _month_day(int(m["y"]), m["rest"])
        if options:
            chosen = options[0]
            others = "、".join(f"{d.month}月{d.day}日" for d in options[1:])
            return chosen, f"日期“{text}”缺少年月日，按 {chosen.year}年{chosen.month}月{chosen.day}日 读入" + (f"（也可能是 {others}）" if others else "")
    return None


def _month_day(year: int, digits: str) -> list[dt.date]:
    """The days `digits` (月 and 日 run together: 618, 1231) can be, month first."""
    options = []
    for cut in range(1, len(digits)):
        if digits[cut] != "0" or len(digits[cut:]) == 2:
            try:
                options.append(dt.date(year, int(digits[:cut]), int(digits[cut:])))
            except ValueError:
                pass
    return options


def _cn_month_day(year: int, numerals: str) -> list[dt.date]:
    """The days Chinese numerals with 月 lost (六十二: 6月12日; 十二十: 10月20日 or 12月10日) can be."""
    options = []
    for month, day in month_day_readings(numerals):
        try:
            options.append(dt.date(year, cn_number(month), cn_number(day)))
        except ValueError:  # 二月三十日
            pass
    return options


def cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[text]


def read_tail(tail: list[Line], found: dict, out: Recognised) -> None:
    contact_lines, signatures, attachments = [], [], []
    seen_date = False
    cc_open = None  # a bare 抄送： whose list stands on the next line
    for line in tail:
        text = line.text
        if cc_open and not labelled(text) and date_of(text) is None:
            text = cc_open + text
        cc_open = None
        if re.fullmatch(r"抄\s*[送报]\s*[:：]", text.strip()):
            cc_open = text.strip()
            continue
        dated = date_of(text)
        if dated is not None and not seen_date:
            seen_date = True
            date, problem = dated
            if date:
                found["date"] = (line.no, date)
            if problem:
                out.notes.append(Note(line.no, "import-date", problem, "核对原件"))
            if (said := WEEKDAY_END.search(text.strip())) and date:
                written = f"星期{said['w']}"
                if date.weekday() != weekday_of(said["w"]):  # computed: which of the two is wrong is not guessed
                    out.notes.append(Note(line.no, "import-date-weekday", f"日期“{text.strip()}”写的是{written}，"
                                          f"{date.year}年{date.month}月{date.day}日却是{weekday_text(date)}：日期和星期至少有一个写错了；"
                                          f"草稿按日期写 date: {date}（成文日期不写星期）", "核对原件的成文日期"))
                else:
                    out.notes.append(Note(line.no, "import-date-weekday", f"成文日期后的“{said.group().strip()}”没有排入："
                                          "GB/T 9704 的成文日期只写年月日", severity="note"))
            continue
        role = labelled(text)
        if role is not None and role.role in CONTACT_ROLES and not (seen_date and found.get("contact")):
            contact_lines.append(line)
            continue
        if role is not None and role.role in NOT_LETTER:
            out.comments.append((line.no, text, NOT_LETTER[role.role]))
            continue
        if role is not None and role.role == "category" and "category" not in found:
            found["category"] = (line.no, role.value.translate(str.maketrans("ＡＢＣＤ", "ABCD")))
            continue
        if role is not None and role.role == "category":  # a second mark: no letter text, whichever is right
            out.comments.append((line.no, text, "又一个类别标记"))
            if role.value != found["category"][1]:
                out.notes.append(Note(line.no, "import-category-twice", f"又一个类别标记“{text[:20]}”，与第 {found['category'][0]} 行的"
                                      f"（{found['category'][1]}）不同：草稿按第 {found['category'][0]} 行", "核对原件，改正 category"))
            continue
        if role is not None and role.role == "disclosure" and role.value in ("主动公开", "依申请公开", "不予公开"):
            found["disclosure"] = (line.no, role.value)
            continue
        if role is not None and role.role == "signer" and role.value:
            if "signer" not in found:  # (below the letter: an approval record, not a 签发人 the head prints)
                found["signer"], found["signer_in_tail"] = (line.no, signer_marks(role.value)[0]), True
            continue
        after_date = seen_date and not signatures and bool(ORGAN_END.search(text.split()[-1] if text.split() else ""))
        if (not seen_date or after_date) and is_signature(text) and not CONTACT.match(text) and not marker(text):
            text = re.sub(r"[（(]\s*(盖章|公章|印章|章)\s*[）)]", "", text)  # XX局（盖章）
            names = [squeeze(n.strip()) for n in text.split("\t") if n.strip()]
            if len(names) == 1 and all(ORGAN_END.search(n) for n in text.split()) and len(text.split()) > 1:
                names = text.split()  # several organs on one line, set apart by spaces
            seals = list(line.images) if len(line.images) == len(names) else [None] * len(names)
            if line.images and len(line.images) != len(names):
                out.notes.append(Note(line.no, "import-picture", f"署名一行有 {len(line.images)} 个印章、{len(names)} 个署名，"
                                      "对不上，印章没有导入", "在草稿中给各署名写 seal: 图片文件"))
            signatures += [(line.no, name, seal) for name, seal in zip(names, seals)]
            continue
        if m := ATTACH_LIST.fullmatch(text):
            attachments.append((line.no, m.group("rest")))
            continue
        if attachments and not seen_date and marker(text):
            attachments.append((line.no, text))
            continue
        if CONTACT.match(text) or unlabelled_contact(text):
            contact_lines.append(line)
            continue
        if m := CC.fullmatch(text):
            names = [squeeze(n) for n in re.split(r"[，,、；;\s]+", m.group("list").rstrip("。. ")) if n]
            found["cc"] = (found.get("cc", (line.no, []))[0], found.get("cc", (None, []))[1] + names)  # 抄送 and 抄报 both kept
            if m.group("kind") == "报":
                out.notes.append(Note(line.no, "import-cc", "原文是“抄报”，letterkit 的版记按 GB/T 9704 印“抄送”"))
            continue
        if m := PRINTER.fullmatch(squeeze(text.replace("\t", " "))):
            date = date_of(m.group("date"))
            found["printer"] = (line.no, squeeze(m.group("org").strip()))
            if date and date[0]:
                found["print_date"] = (line.no, date[0])
            continue
        if m := DISCLOSURE_NOTE.fullmatch(text):
            found["disclosure"] = (line.no, "主动公开" if m.group("what") == "公开发布" else m.group("what"))
            continue
        if seen_date:  # after the date: page furniture (links, the proposal's own text), not the letter
            out.comments.append((line.no, text, "日期之后，无法归类"))
            out.notes.append(Note(line.no, "import-unplaced", f"日期之后无法归类的一行“{text[:30]}”，作为注释保留，没有排入信函",
                                  "是信函内容的话，移到草稿中合适的字段"))
            continue
        if re.match(rf"[{CJK}]{{2,8}}\s*[:：|｜]", text) and width(text) <= 40:  # an unknown label: not letter text
            out.comments.append((line.no, text, "落款附近无法归类的标签行"))
            out.notes.append(Note(line.no, "import-unplaced", f"落款附近无法归类的一行“{text[:30]}”，作为注释保留，没有排入信函",
                                  "是信函内容的话，移到草稿中合适的字段；是常见的标签的话，可加进 labels.yaml"))
            continue
        found.setdefault("tail_stray", []).append(Para(squeeze(text), [line.no]))
        if re.fullmatch(r"(此\s*致\s*)?敬\s*礼[！!]?|此\s*致|(特此|专此)\S{0,6}", text.strip()) \
                or not seen_date and CLOSING.match(text) and re.search(r"[。！!]$", text.strip()):
            continue  # a closing after a 类别 or contact line: a closing, nothing to warn about
        out.notes.append(Note(line.no, "import-unplaced", f"落款附近无法归类的一行“{text[:30]}”，作为结尾段落保留",
                              "核对后移到合适的字段或删去"))
    if signatures:
        found["signature"] = signatures[0]
        found["co_signers"] = signatures[1:]
    if attachments:
        found["attachments"] = [(no, re.sub(r"^\d{1,2}[.．、]\s*", "", t).strip()) for no, t in attachments if t.strip()]
    if contact_lines:
        read_contact(contact_lines, found, out)
