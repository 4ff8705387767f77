"""Import: where a letter's parts stand, read as the best path through a grammar of zones.

Each line gets a score for each zone it could be in, from features that do not depend on one
district's habits (its labels from labels.yaml, its shape, its neighbours); a dynamic programme
then picks the reading of the whole letter with the highest total, in the order every reply letter
keeps:

    head (page furniture, 版头, 发文字号, 类别, 签发人, title) → salutation → body (opening, measures,
    closing) → tail (署名, 日期, 联系人, 抄送, approval lines, in any order) → after (what a web page
    prints after the date)

so a page label ending in a colon loses to the letter's own salutation, and a contact line before
the signature goes to the tail, because the reading that puts them elsewhere scores lower overall,
not because a pattern matched first.  The fields of each zone are read by recognise, body and tail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import CJK, marker, width
from .roles import closing_start, labelled
from .source import Line
from .contact import CONTACT, unlabelled_contact
from .tail import ATTACH_LIST, CC, DISCLOSURE_NOTE, LEADER, PRINTER, date_of, is_signature

HEAD, SALUTATION, BODY, TAIL, AFTER = range(5)
NAMES = ("head", "salutation", "body", "tail", "after")
NEVER = float("-inf")
SALUTATION_WINDOW = 40  # a salutation stands near the top: beyond this many lines a line is not one

_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[:：]?\s*[〔\[【（(［﹝]\s*(?:19|20)\d{2}\s*[〕\]】）)］﹞]")
_DATE_INSIDE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_OPENING_LIKE = re.compile(r"收悉|提出的|答复如下|回复如下|函告如下|您好|你们好|首先|感谢")
_OPENING_SURE = re.compile(r"收悉|(?:答复|回复|函告|报告)如下")
_LABEL = re.compile(rf"[{CJK}]{{2,8}}\s*[:：|｜]")  # 联系科室：… — a label labels.yaml does not know
_TITLE_LIKE = re.compile(r"关于|答复|回复|复函|的函|办理情况|意见")
_ORGAN_END = re.compile(r"(局|委员会|委|人民政府|政府|办公室|办事处|街道|办|厅|部|院|中心|处|署|公司|馆|站|所|队|会)$")
_SENTENCE = re.compile(r"[。；！？]|[，,].*[，,]")
_CLOSING = closing_start()
_SEAL_NOTE = re.compile(r"[（(]\s*(盖章|公章|印章|章)\s*[）)]")
_TAIL_ROLES = {"contact_both", "contact_name", "contact_phone", "contact_unit", "cc_send", "cc_report",
               "approval", "disclosure", "signer", "category"}


@dataclass
class Zones:
    """The reading chosen: the salutation's index (or None) and where each zone begins."""
    salutation: int | None
    body: int            # first line of the body (after the salutation, or where the head ends)
    tail: int            # first line of the tail (== len(lines) when the letter has none)
    path: list[int]      # the zone of every line


# 陈晓东委员，民盟荣昌区委： — a joint reply's member and party branch, named one after the other
# (with 、 between them the line is read as the names of one group: 赵明、钱丽代表)
MIXED_SALUTATION = re.compile(rf"(尊敬的)?[{CJK}·]{{2,20}}?(?:委员|代表)(?:[，,][{CJK}·（）()]{{2,24}})+[:：]"
                              rf"|(尊敬的)?[{CJK}·（）()]{{2,24}}(?:[，,][{CJK}·]{{2,20}}?(?:委员|代表))+[:：]")


def salutation_points(lines: list[Line], index: int) -> float | None:
    """How much a line looks like the salutation, from its shape and the line after it; None: it cannot be."""
    text = lines[index].text
    if index >= SALUTATION_WINDOW or width(text) > 70 or labelled(text) or _DOC_NUMBER.search(text) \
            or _DATE_INSIDE.search(text) or CONTACT.match(text):
        return None
    if text.endswith((":", "：")):
        if re.search(r"如下|[。，,；;]", text) and not MIXED_SALUTATION.fullmatch(text) or len(text) <= 2 \
                or re.search(r"[《》]|[（(][^）)]*[:：]$", text):  # …的建议》（领衔代表： — a sentence broken at a colon
            return None
    elif not re.fullmatch(rf"(尊敬的)?[{CJK}、·\s]{{1,60}}(委员|代表)(们)?", text) and not _unit_addressed(lines, index):
        return None
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    points = 1 + 2 * text.endswith((":", "：")) + 2 * bool(re.search(r"^尊敬的|(委员|代表|同志)(们)?[:：]?$", text))
    points += 3 * bool(_OPENING_LIKE.search(after[:40]))
    points -= 3 * bool(_TITLE_LIKE.search(after) and re.match(r"关于|对", after))
    return points


# Each feature of a line adds its weight to the zones (head, body, tail); the salutation has its own
# score (salutation_points) and the part after the date scores 0 for every line.
WEIGHTS = {                  # head body tail
    "label":                 (2, 0, 0),    # any label labels.yaml knows, or a 发文字号
    "title_like":            (1, 0, 0),    # 关于…的答复, not a sentence
    "opening":               (-4, 1, 0),   # 收悉, 答复如下, 您好…
    "numbered":              (-3, 1, 0),   # 一、 （一） 1.
    "sentence":              (-1, 1, 0),
    "long":                  (-2, 0, 0),   # wider than 100 characters
    "dated":                 (0, -8, 6),
    "signature":             (0, -3, 3),   # an organ's name alone, or a short line just above the date
    "tail_label":            (0, -2, 3),   # 联系人, 抄送, 审核, 公开, 签发人, 类别
    "furniture":             (0, -1, 0),
    "unknown_label":         (0, -1, 1),   # 联系科室：… — a label labels.yaml does not know
    "attachments_or_printer": (0, 0, 2),   # 附件：…, X 2024年6月21日印发
    "plain_sentence":        (0, 0, -3),   # a sentence without a label: not the 落款
    "closing":               (0, 0, -3),   # 感谢…, 特此函复
    "nothing_of_the_tail":   (0, 0, -1),
}


def features(lines: list[Line], index: int) -> dict[str, bool]:
    """What can be seen of a line without deciding what it is: its label, shape and neighbours."""
    text = lines[index].text
    role = labelled(text)
    f = {"dated": date_of(text) is not None, "numbered": marker(text) is not None,
         "sentence": bool(_SENTENCE.search(text)) and width(text) > 12, "long": width(text) > 100,
         "closing": bool(_CLOSING.match(text)), "furniture": role is not None and role.role == "furniture",
         "label": role is not None or bool(_DOC_NUMBER.match(text)),
         "attachments_or_printer": bool(ATTACH_LIST.match(text) or PRINTER.fullmatch(text))}
    f["opening"] = bool(_OPENING_LIKE.search(text[:60])) and f["sentence"] or bool(_OPENING_SURE.search(text)) and width(text) > 12
    f["title_like"] = bool(_TITLE_LIKE.search(text)) and not f["sentence"] and not f["opening"]
    bare = _SEAL_NOTE.sub("", text).strip()
    before_date = any(date_of(line.text) is not None for line in lines[index + 1:index + 3])
    f["signature"] = is_signature(bare) and not f["numbered"] and (bool(_ORGAN_END.search(re.split(r"\s", bare)[-1])) or before_date)
    f["tail_label"] = (role is not None and role.role in _TAIL_ROLES) or bool(
        CONTACT.match(text) or CC.match(text) or LEADER.match(text) or DISCLOSURE_NOTE.fullmatch(text) or unlabelled_contact(text))
    f["unknown_label"] = role is None and bool(_LABEL.match(text)) and width(text) <= 40 and not f["sentence"]
    f["plain_sentence"] = f["sentence"] and not f["tail_label"]
    f["nothing_of_the_tail"] = not (f["dated"] or f["signature"] or f["tail_label"] or f["numbered"])
    return f


def _unit_addressed(lines: list[Line], index: int) -> bool:
    """区卫生健康局 without a colon, between the title and an opening that speaks to it (你局转来的…收悉):
    the unit a co-handling opinion is written to, not a second letterhead."""
    text = lines[index].text
    before = lines[index - 1].text if index > 0 else ""
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    return bool(re.fullmatch(rf"[{CJK}（）()]{{2,30}}", text) and _ORGAN_END.search(text) and _TITLE_LIKE.search(before)
                and not _TITLE_LIKE.search(text) and re.match(r".{0,6}(你|贵)", after) and _OPENING_SURE.search(after))


def _scores(lines: list[Line], index: int) -> tuple[float, float, float, float, float]:
    """The line's score in each zone (head, salutation, body, tail, after)."""
    seen = [name for name, present in features(lines, index).items() if present]
    head, body, tail = (float(sum(WEIGHTS[name][k] for name in seen)) for k in range(3))
    salutation = salutation_points(lines, index)
    return head, (NEVER if salutation is None else salutation), body, tail, 0.0


# zone → the zones the next line may be in, with the cost of the step
STEPS = {
    HEAD: {HEAD: 0, SALUTATION: 0, BODY: -2},  # no salutation at all: a small cost
    SALUTATION: {BODY: 0},
    BODY: {BODY: 0, TAIL: 0},
    TAIL: {TAIL: 0, AFTER: 0},
    AFTER: {AFTER: 0},
}
STARTS = {HEAD: 0, SALUTATION: 0, BODY: -2}


def read_zones(lines: list[Line]) -> Zones:
    """The highest-scoring path (Viterbi); ties go to the earlier zone, so the reading is deterministic."""
    if not lines:
        return Zones(None, 0, 0, [])
    table = [_scores(lines, i) for i in range(len(lines))]
    best = [[NEVER] * 5 for _ in lines]
    back = [[None] * 5 for _ in lines]
    for zone, cost in STARTS.items():
        best[0][zone] = cost + table[0][zone]
    for i in range(1, len(lines)):
        after_date = date_of(lines[i - 1].text) is not None
        for zone in range(5):
            for nxt, cost in STEPS[zone].items():
                if nxt == AFTER and zone == TAIL and not after_date:
                    continue  # what a page prints after the letter begins after its date
                total = best[i - 1][zone] + cost + table[i][nxt]
                if total > best[i][nxt]:
                    best[i][nxt], back[i][nxt] = total, zone
    last = max(range(5), key=lambda z: (best[-1][z], -z))
    if best[-1][last] == NEVER:
        last = BODY
    path = [last]
    for i in range(len(lines) - 1, 0, -1):
        path.append(back[i][path[-1]] if back[i][path[-1]] is not None else BODY)
    path.reverse()
    salutation = next((i for i, z in enumerate(path) if z == SALUTATION), None)
    body = next((i for i, z in enumerate(path) if z >= BODY), len(lines))
    tail = next((i for i, z in enumerate(path) if z >= TAIL), len(lines))
    return Zones(salutation, body, tail, path)
