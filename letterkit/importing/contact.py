"""Import: the contact line(s) of a letter's tail, in every shape copied letters give them — labelled or not,
name and phone on one line or two, reversed, run together, in brackets with a bracket lost, a unit before the name.

`unlabelled_contact` tells the zones a line is one; `read_contact` reads the lines the tail gave it.
"""

from __future__ import annotations

import re

from .clean import squeeze, width
from .notes import Note, Recognised
from .roles import _words, labelled, vocabulary
from .source import Line

CONTACT = re.compile(r"[（(]?\s*(联\s*系\s*(人|电\s*话|方\s*式|单\s*位)|电\s*话\s*[:：])")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)(?:0\d{2,3}\s*[-－—]?\s*)?\d{7,8}(?!\d)(?:\s*[-－]\s*\d{1,4}(?!\d))?")
_NAME_LABEL = re.compile(rf"^\s*[（(]?\s*(?:{_words(vocabulary()['contact_name'])})\s*(?=[\u4e00-\u9fff])")


def unlabelled_contact(text: str) -> bool:
    """经办人　李四　　电话　0871-…, 承办人 李四: a contact whose label lost its colon (a name, a phone after it);
    王海燕 0527-80786512 (its space maybe squeezed out), 0527-80786512（王海燕）: a person and a phone with no label."""
    m = _NAME_LABEL.match(text)
    rest = text[m.end():] if m and width(text) <= 40 else ""
    if PHONE.search(rest) or re.fullmatch(r"[\u4e00-\u9fff·]{2,4}\s*", rest):
        return True
    bare = _BARE_CONTACT.fullmatch(text.strip())
    return bool(bare) and not _UNIT.fullmatch(bare.group("name") or bare.group("name2"))


_BARE_CONTACT = re.compile(rf"[（(]?\s*(?:(?P<name>[\u4e00-\u9fff·]{{2,4}}?)(?:同志|科长|主任)?\s*[，,、；;:：\s（(]?\s*(?:{PHONE.pattern})"
                           rf"|(?:{PHONE.pattern})\s*[，,、；;\s（(]?\s*(?P<name2>[\u4e00-\u9fff·]{{2,4}}?)(?:同志|科长|主任)?)\s*[）)]?")


def _lone_brackets(lines: list[Line], out: Recognised) -> None:
    """联系人：…0713-8356217） / （联系人：… — a bracket of the published line without its pair (the other lost
    in copying or typing): the name and phone are read all the same, the draft prints none of the
    brackets, and a note says so (a pair may run over two lines; the draft has nothing to fix)."""
    open_at: list[int] = []
    lone: list[tuple[int, str]] = []
    for line in lines:
        for mark in re.findall(r"[（()）]", line.text):
            if mark in "（(":
                open_at.append(line.no)
            elif open_at:
                open_at.pop()
            else:
                lone.append((line.no, mark))
    lone += [(no, "（") for no in open_at]
    for no, mark in sorted(set(lone)):
        text = "　".join(line.text for line in lines if line.no == no)  # the input line, all its parts
        out.notes.append(Note(no, "import-contact-bracket", f"联系人一行的括号“{mark}”不成对（“{text[:40]}”）：姓名和电话照读，括号没有照录",
                              "核对原件；草稿的 contact 由模板印出，不用补括号", severity="note"))


_UNIT = re.compile(r"[\u4e00-\u9fff]{1,5}(?:办公室|局|委|办|中心|科|股|室|站|所|队|处|院|部)")  # 办公室, 基础教育科: not a person


# a number after 电话/手机 that PHONE does not take: digits lost or added in copying
_ODD_PHONE = re.compile(r"(?:电话|手机)\s*[:：]?\s*(?P<phone>0\d{2,3}\s*[-－—]\s*\d{1,13}|\d{4,13})(?!\d)")


def read_contact(lines: list[Line], found: dict, out: Recognised) -> None:
    """The contact's name and phone (found["contact"]) or unit, and a note on any bracket without its pair."""
    _read_name_and_phone(lines, found, out)
    _lone_brackets(lines, out)


def _read_name_and_phone(lines: list[Line], found: dict, out: Recognised) -> None:
    """Contact lines in any of their shapes: 联系人：X，联系电话：Y; reversed; on two lines; run together
    (联系人及电话：X 0871-…); 经办人 / 承办人; a unit before the name; phone or name alone."""
    first = lines[0].no
    name = phone = None
    for line in lines:
        role = labelled(line.text)
        value = role.value if role else _NAME_LABEL.sub("", line.text)  # 联系人　李娜　　电话　…: labels without colons
        if role is not None and role.role == "contact_unit":
            unit = re.match(r"[\u4e00-\u9fff（）()]+", squeeze(value))
            if unit and not re.search(r"\d", value):
                found["contact_unit"] = (line.no, unit.group())
                continue
        if phone is None and (m := PHONE.search(value)):
            phone = re.sub(r"\s", "", m.group())
            if "—" in phone or "－" in phone:
                out.notes.append(Note(line.no, "import-phone-dash", f"电话“{phone}”的区号后用了破折号或全角连字符，改为“-”",
                                      severity="note"))
                phone = re.sub("[—－]", "-", phone)
            value = value[:m.start()] + value[m.end():]
        if name is None and (role is None or role.role != "contact_unit") and "单位" not in (role.label if role else ""):
            value = re.sub(r"(?<=[\u4e00-\u9fff])[（(][^（()）]{1,12}(?:[）)]|$)", "  ", value)  # 俞文杰(区建管委: the unit aside
            value = re.sub(r"(联系)?电话|手机|[:：;；,，()（）。./／、]", " ", value)  # 联系方式：李四 139…: a name too
            words = [w for w in re.split(r"\s{2,}|[;；,，]", value.strip()) if w.strip()]
            candidate = re.sub(r"\s", "", words[0]) if words else ""
            if len(candidate) == 1 and len(words) > 1 and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", words[1].strip()):
                candidate += words[1].strip()  # 吴  静: a two-character name set apart like a printed form
            unit_and_name = re.fullmatch(r".+?(?:局|委|办|中心|科|股|室|站|所|队|处|院)([\u4e00-\u9fff·]{2,4})", candidate)
            if unit_and_name and len(candidate) > 5:
                candidate = unit_and_name.group(1)
            candidate = re.sub(r"(同志|先生|女士|科长|股长|主任)$", "", candidate)
            if re.fullmatch(r"[\u4e00-\u9fff·]{2,6}", candidate) and not _UNIT.fullmatch(candidate):
                name = candidate
    text = " ".join(line.text for line in lines)
    if phone is None and (odd := _ODD_PHONE.search(text)):  # 0710-35218: too few digits, kept as printed
        phone = re.sub(r"\s", "", odd.group("phone")).replace("—", "-").replace("－", "-")
        out.notes.append(Note(first, "import-phone-odd", f"电话“{phone}”的位数不对（座机号码 7 或 8 位，可带区号；手机 11 位），照录",
                              "核对原件后改正 contact.phone（letterkit check 的 phone 规则会一直指出它）"))
    if name is None and phone is None:
        if all((r := labelled(l.text)) and r.role == "contact_unit" for l in lines):
            out.comments.append((first, text, "联系单位"))
            return
        out.notes.append(Note(first, "import-contact", f"联系人一行“{text[:40]}”里找不到姓名和电话，写作 contact: 无",
                              "补上 contact: {name: …, phone: …}"))
        out.comments.append((first, text, "联系人（不完整）"))
        return
    found["contact"] = (first, name, phone)  # what is there is kept; the part missing is named
    if name is None or phone is None:
        field, what = ("name", "姓名") if name is None else ("phone", "电话")
        out.notes.append(Note(first, "import-contact-partial", f"联系人一行“{text[:40]}”只有{'电话' if name is None else '姓名'}，"
                              f"没有{what}：草稿的 contact 缺 {field}，生成前要补上",
                              f"在 contact 下补上 {field}: …（原件确实没有的话，整个写作 contact: 无）"))
