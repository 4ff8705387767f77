"""Form: the letter's elements — the signature against the organ, elements written as 无,
fields the layout does not print, sealed joint signatures that cannot stand side by side, the
contact's phone.  These read the validated draft (`c.draft`), so they run only when it validates."""

from __future__ import annotations

import re

from .registry import Finding, rule
from .text import same_organ_in_full


@rule("signature-organ", "error", "elements", "署名须是发文机关全称或声明过的规范化简称",
      "署名与版头不一致的信是错信（条例第九条：署名为发文机关全称或者规范化简称）。",
      "版头“深圳市福田区科技创新局”，署名“福田区科创创新局”", "署名“深圳市福田区科技创新局”或声明的简称“福田区科技创新局”",
      cached=False)
def _signature(c):
    data, draft = c.data, c.draft
    if draft is None or draft.organ is None or draft.signature is None \
            or draft.signature in {draft.organ.name, draft.organ.short_name} \
            or same_organ_in_full(draft.signature, draft.organ.name):
        return  # 遵义市播州区商务局 under the letterhead 播州区商务局: the full name, with its city
    names = "、".join(n for n in (draft.organ.name, draft.organ.short_name) if n)
    path = ("signature",) if "signature" in data else ("organ", "name")
    lost = [n for n in (draft.organ.name, draft.organ.short_name) if n and n[:-1] == draft.signature]
    cut = f"，比“{lost[0]}”少了“{lost[0][-1]}”" if lost else ""
    yield Finding(path, f"署名“{draft.signature}”与发文机关不一致{cut}", f"应为 {names}，或在 organ.short_name 中声明简称")


ABSENT_NAMES = {"organ": "发文机关", "number": "发文字号", "measures": "正文措施", "closing": "结尾段落",
                "signature": "署名", "date": "成文日期", "contact": "联系人和电话",
                "proposal.id": "提案/建议编号", "proposal.title": "提案/建议标题"}


@rule("absent-element", "warning", "elements", "写了“无”的要素要补齐或确认",
      "导入的旧信常缺发文字号、联系人等；草稿用“无”明说没有，正式发出前逐项补齐或确认。",
      "number: 无", "number: {year: 2020, seq: 12}", cached=False)
def _absent(c):
    if c.draft is None:
        return
    for name in c.draft.absent:
        yield Finding(tuple(name.split(".")), f"草稿写明没有{ABSENT_NAMES[name]}（{name}: 无）",
                      "正式发出前补上；原件确实没有就保留，并在审核时说明")


@rule("unprinted-field", "warning", "elements", "签发人和“文件”二字只印在通用格式的版头，印发机关和印发日期不印在信函格式",
      "GB/T 9704 的信函格式（10.1）没有签发人和“文件”二字，版记里也没有印发机关和印发日期；plain 版式没有版头；写了却不印，读者以为信里有。",
      "layout: letter，signer: 张建国", "layout: general，signer: 张建国", cached=False)
def _unprinted(c):
    draft = c.draft
    if draft is None or draft.layout == "general":
        return
    for key, name in (("signer", "签发人"), ("file_mark", "发文机关标志后的“文件”")):
        if c.data.get(key) and key in c.data:
            yield Finding((key,), f"{name}只印在通用格式（layout: general）的版头，本信是 {draft.layout} 版式，不会印出",
                          "改用 layout: general，或删去这一项")
    if draft.layout == "letter":
        for key, name in (("printer", "印发机关"), ("print_date", "印发日期")):
            if c.data.get(key):
                yield Finding((key,), f"信函格式（layout: letter）的版记没有{name}（GB/T 9704 10.1），不会印出",
                              "删去这一项，或改用 layout: general")


@rule("joint-signatures-too-wide", "error", "elements", "联合发文加盖印章时，各机关署名和印章须并排放在版心内",
      "GB/T 9704 7.3.5.1：联合发文的署名按发文机关顺序整齐排列，各印章不相交不相切、不超出版心；三个全称常常排不下。",
      "三个机关全称联合发文并加盖印章", "用规范化简称，或 sealed: false（署名逐行排列）", cached=False)
def _joint_width(c):
    draft = c.draft
    if draft is None or not draft.co_signers or not draft.signature:
        return
    from .. import signoff, style  # the layout's own arithmetic, so check and build agree

    house = style.house_style(overrides=style.merged(draft.style, {"signature": {"sealed": draft.sealed}}))
    problem = signoff.joint_row_problem([draft.signature] + [s.signature for s in draft.co_signers], draft.date_text, house)
    if problem:
        yield Finding(("co_signers",), problem, signoff.JOINT_HINT)


@rule("phone", "error", "elements", "联系电话须是座机（可带区号）或手机号码",
      "附注里的电话打不通，委员就无法联系承办人。", "phone: 8297620", "phone: 82976207，0755-82976207 或 13800138000",
      cached=False)
def _phone(c):
    draft = c.draft
    if draft is None or draft.contact is None:
        return
    phone = re.sub(r"[\s]", "", draft.contact.phone)
    if not re.fullmatch(r"(0\d{2,3}-?)?[2-9]\d{6,7}|1[3-9]\d{9}", phone):
        yield Finding(("contact", "phone"), f"电话“{draft.contact.phone}”不像座机或手机号码：{_phone_fault(phone)}",
                      "座机 7–8 位、不以 0 或 1 开头（可加区号，如 0755-82976207），手机 11 位、以 13–19 开头")


# Area codes under which every fixed line has eight digits (the three-digit codes, and the four-digit ones of
# cities that went to eight digits: 0871 昆明, 0898 海南 …).  Only codes known for certain: elsewhere seven and
# eight digits live side by side, and a number of seven is no slip.
EIGHT_DIGITS = {"010", *(f"02{d}" for d in range(10)), "0311", "0371", "0411", "0431", "0451", "0510", "0512",
                "0531", "0532", "0551", "0571", "0574", "0577", "0731", "0755", "0757", "0769", "0791", "0851",
                "0871", "0898"}


@rule("phone-digits", "warning", "elements", "区号之后座机号码的位数与这个区号相符",
      "北京（010）、上海（021）、昆明（0871）、海南（0898）这些地方的座机都是 8 位，7 位的号码少了一位，打不通。"
      "只看全部号码都是 8 位的区号。", "phone: 0871-6361245", "phone: 0871-63612456", cached=False)
def _phone_digits(c):
    draft = c.draft
    if draft is None or draft.contact is None:
        return
    for match in re.finditer(r"(?<!\d)(0\d{2,3})[-－ ]?(\d{7,8})(?!\d)", re.sub(r"\s", "", draft.contact.phone)):
        code, local = match.groups()
        if len(local) == 7 and code in EIGHT_DIGITS:
            yield Finding(("contact", "phone"), f"电话“{draft.contact.phone}”：区号 {code} 的座机号码是 8 位，这里只有 7 位",
                          "核对号码，补上少了的一位")


def _phone_fault(phone: str) -> str:
    """What is wrong with a number the phone rule rejects, so the message names the real reason
    (0351-1234567 has its 7 digits; a local number cannot start with 1)."""
    digits = re.sub(r"\D", "", phone)
    if re.search(r"[^\d\-]", phone):
        return "含有数字和“-”以外的字符"
    if digits.startswith("1") and "-" not in phone and len(digits) in (7, 8):
        return "座机号码不能以 1 开头（手机号码是 11 位）"
    if digits.startswith("1") and "-" not in phone:
        return f"手机号码应是 11 位、第二位是 3–9，这里是 {len(digits)} 位" + ("" if len(digits) != 11 else f"、第二位是 {digits[1]}")
    local = re.sub(r"^0\d{2,3}-", "", phone) if "-" in phone else re.sub(r"^0(?:10|2\d|[3-9]\d{2})", "", digits)
    if not re.fullmatch(r"\d{7,8}", local):
        return f"座机号码（区号之后）应是 7–8 位，这里是 {len(local)} 位"
    return f"座机号码（区号之后）不能以 {local[0]} 开头"

