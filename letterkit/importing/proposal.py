"""Import: which proposal or suggestion the letter answers — its kind (提案/建议, by what most of the letter says),
number, title and session, read from the title and the opening; a joint reply's other items named in a note.
"""

from __future__ import annotations

import re

from ..proof.reference import ids_agree, read, titles_agree
from .notes import Note, Recognised

def _kind(title: str, opening: str, found: dict, out: Recognised) -> str | None:
    """提案 or 建议, by what most of the letter says: its title, its opening, the body of the session
    (人大/政协) and the addressee's role.  A title saying 提案 to 5名代表 at a 人大 session whose opening
    speaks of 建议 is a slip of the title (check's kind-word shows it), not the kind of the reply."""
    said = []  # (what says it, its line, the kind)
    for name, text in (("标题", title), ("开头语", opening)):
        if m := re.search(r"(提案|建议)(的|答复|办理|$)|第.{1,12}?号(提案|建议)", text):
            said.append((name, found.get("title" if name == "标题" else "opening", (None,))[0], m.group(1) or m.group(3)))
    if m := re.search(r"人大|人民代表大会|政协|政治协商", title + opening):
        said.append(("会议", None, "建议" if m.group() in ("人大", "人民代表大会") else "提案"))
    if "addressee" in found:
        said.append(("称呼", found["addressee"][0], {"委员": "提案", "代表": "建议"}[found["addressee"][2]]))
    if not said:
        return found.get("kind_hint")
    first = said[0][2] if said[0][0] in ("标题", "开头语") else found.get("kind_hint") or said[0][2]
    votes = {k: sum(kind == k for _, _, kind in said) for k in ("提案", "建议")}
    kind = first if votes[first] * 2 >= len(said) else max(votes, key=votes.get)
    if kind != first:
        where, line = next((name, no) for name, no, said_kind in said if said_kind == first)
        out.notes.append(Note(line, "import-kind", f"{where}说是{first}，{'、'.join(n for n, _, k in said if k == kind)}都说是{kind}："
                              f"按{kind}导入", f"核对原件；{where}里的“{first}”多半是笔误"))
    return kind


def read_proposal(found: dict, out: Recognised) -> None:
    title = found.get("title", (None, ""))[1]
    opening = found.get("opening", (None, ""))[1]
    title, opening = _quotes(title), _quotes(opening)  # "关于…的建议": a copy's straight quotes, read as “…”
    kind = _kind(title, opening, found, out)
    if kind is None:
        kind = "提案"
        out.notes.append(Note(None, "import-kind", "看不出答复的是提案还是建议，暂按提案", "核对 proposal.kind"))
    ident = None
    for text in (title, opening):
        m = re.search(ID_LIST, text) or \
            re.search(r"第\s*([A-Za-z]*\s*\d+[A-Za-z0-9]*)\s*号?(?=号|(?:代表|委员)?(?:提案|建议)|[)）])", text) or \
            re.search(r"《\s*([A-Z]{1,4}\s*\d{4,})", text) or \
            re.search(r"(?<![\dA-Za-z第])(\d{1,8})\s*号\s*(?=提案|建议|议案|《)", text) or \
            re.search(r"[》”]\s*[（(]\s*(?:第|编号[:：]?)?\s*([A-Za-z]{0,4}\d{1,8})\s*号?\s*[）)]", text)  # 《…的建议》（0317号）
        if m:
            ident = m.group(1).strip()
            break
    ident = ident or found.get("id_hint")
    subject = None
    m = re.search(r"《\s*(?:[A-Z]{1,4}\s*\d{4,})?\s*“?(.+?)”?\s*》", title) if title else None
    if m and not re.fullmatch(r"[A-Z0-9\s]+", m.group(1)):
        subject = m.group(1)
    if subject is None and opening:
        m = re.search(r"《(.+?)》", opening) or re.search(r"提出的(?:第?\s*[A-Za-z]*\d+\s*号(?:提案|建议)?)?(?:关于)?“([^“”]+?)”\s*(?:[（(][^（()）]{0,16}[）)])?\s*(?:第?\s*[A-Za-z]*\d+\s*号)?\s*(?:已|收悉|,|，|的|建议|提案)", opening) or \
            re.search(r"“(关于[^“”《》]{4,80}?)”", opening) or \
            re.search(r"关于\s*“([^“”《》]{2,80}?)”(?=\s*的?\s*(?:第?\s*[A-Za-z]*\d+\s*号)?(?:提案|建议))", opening) or \
            re.search(r"(关于(?:[^《》“”]|“[^“”《》]{1,20}”)+?)的?第?\s*\d+\s*号(?:提案|建议)", opening) or \
            re.search(r"(?:提出的|号(?:代表|委员)?(?:提案|建议))(?:第?\s*[A-Za-z]*\d+\s*号(?:代表|委员)?(?:提案|建议)?)?(关于.+?(?:的建议|的提案|建议|提案))\s*(?:[（(][^（()）]{0,16}[）)])?\s*(?:已|收悉|，|,|。|现|办理|的办理|答复|我)", opening)
        if m:
            subject = m.group(1)
            if not m.group(0).startswith("《"):  # 关于“X”的建议 / “关于X”的提案 / 关于X的第12号提案: the proposal's whole name
                kind_word = re.match(r"”?\s*的?(?:第?\s*\d+\s*号)?(提案|建议)", opening[m.end(1):])
                if kind_word and not subject.endswith(("提案", "建议")):
                    lead = "关于" if re.search(r"关于\s*“$", opening[:m.start(1)]) and not subject.startswith("关于") else ""
                    subject = lead + subject + "的" + kind_word.group(1)
    session = None
    after = r"(.{2,30}?会议)(?:上|的?第|提出|的?\s*\d+\s*号)"  # (X社关于县政协…会议第18号提案: the session after 关于, not the organ with it)
    for text, pattern in ((title, rf"(?:关于对|关于|对){after}"), (title, rf"^{after}"),
                          (opening, r"(?:于|在)(.{2,30}?(?:会议|大会))(?:大会)?(?:上|期间|中|召开期间)?提出")):
        m = re.search(pattern, text) if text else None
        if m:
            session = m.group(1)
            break
    proposal = {"kind": kind, "id": ident or "无", "title": subject or "无"}
    _joint_reply(found, out, ident, subject)
    if session:
        proposal["session"] = session
    found["proposal"] = proposal
    _disagreeing(found, out, title, opening, proposal)
    for name, value in (("id", ident), ("title", subject)):
        if value is None:
            out.notes.append(Note(found.get("title", found.get("opening", (None,)))[0], "import-proposal",
                                  f"标题和开头语里找不到提案/建议的{'编号' if name == 'id' else '标题'}，写作 proposal.{name}: 无",
                                  "补上后删去“无”"))


def _quotes(text: str) -> str:
    """Straight double quotes in pairs ("…") as the curly ones a letter prints (“…”); a title in angle
    brackets (<关于…的建议>, 〈…〉, ‹…›: 书名号 lost in typing or copying) as in 《…》."""
    if not text:
        return text
    text = re.sub(r"[<〈‹]\s*(关于[^<>〈〉‹›《》]{4,80}?)\s*[>〉›]", r"《\1》", text)
    return re.sub(r'"([^"“”]{1,80})"', r"“\1”", text)


# 第15、27号建议 / 第21、34和56号: several numbers under one 号, the first kept as the draft's
ID_LIST = r"第\s*([A-Za-z]*\d+)(?:\s*[、，,和及与]\s*第?\s*[A-Za-z]*\d+)+\s*号"
_ID_RUN = re.compile(r"((?:第?\s*[A-Za-z]*\d+\s*号\s*(?:提案|建议)?\s*[、，,和及与]\s*)+第?\s*[A-Za-z]*\d+\s*号"
                     r"|第\s*[A-Za-z]*\d+(?:\s*[、，,和及与]\s*第?\s*[A-Za-z]*\d+)+\s*号)")
_QUOTED_PROPOSAL = re.compile(r"《([^《》]{4,80}?(?:提案|建议))》|“(关于[^“”]{4,80}?(?:提案|建议))”")
# each proposal an opening names by its number: 关于…的第12号提案、关于…的第15号提案 / “…”（第12号）和“…”（第15号）
_ONE_ID = re.compile(r"第\s*([A-Za-z]*\d+)\s*号\s*(?:代表|委员)?(?:提案|建议)|[》”]\s*[（(]\s*(?:第|编号[:：]?)?\s*([A-Za-z]*\d+)\s*号?\s*[）)]")


def _bare(title: str) -> str:
    return re.sub(r"的?(?:提案|建议)$", "", title)


def _joint_reply(found: dict, out: Recognised, ident: str | None, subject: str | None) -> None:
    """One letter answering several proposals (第156号、第203号提案; 《A》和《B》): the draft holds one
    proposal, so the first is kept and a warning at the line lists the others (never a wrong value)."""
    ids, titles, lines = [], [], []
    for key in ("title", "opening"):
        no, text = found.get(key, (None, ""))
        here = [i for m in _ID_RUN.finditer(text) for i in re.findall(r"[A-Za-z]*\d+", m.group(1))]
        here += [m.group(1) or m.group(2) for m in _ONE_ID.finditer(text)] if key == "opening" else []
        quoted = [a or b for a, b in _QUOTED_PROPOSAL.findall(text)] if key == "opening" else []
        ids, titles = ids + here, titles + quoted
        lines += [no] if len(set(here)) > 1 or len(set(quoted)) > 1 else []
    ids, titles = list(dict.fromkeys(ids)), list(dict.fromkeys(titles))
    if lines:
        others = "、".join([f"第{i}号" for i in ids if i != ident] + [f"《{t}》" for t in titles if _bare(t) != _bare(subject or "")])
        out.notes.append(Note(lines[0], "import-joint-reply", f"这封信合并答复几件提案/建议，草稿只能写一件：proposal 写了第一件"
                              f"（{ident or '无'}），其余没有写进草稿：{others}", "核对 proposal；其余各件的编号和标题记在办理台账里"))


def _disagreeing(found: dict, out: Recognised, title: str, opening: str, proposal: dict) -> None:
    """The title line and the opening naming the proposal two ways (第45号 / 第54号, 十一届一次 / 十一届二次
    会议, 《A》 / 《B》): one of them is a slip of the letter.  The draft keeps what it read first (the
    title's), and a warning at the opening's line quotes both; check's proposal-mismatch and
    quoted-title-mismatch point at the same place in the draft."""
    if not title or not opening:
        return
    head, said = read(title), read(opening, whole=False)
    told = []
    ids, other_ids = [v for v, _ in head.ids], [v for v, _ in said.ids]
    if not ids_agree(ids, other_ids):
        told.append((f"标题写第{'、'.join(ids)}号，开头语写第{'、'.join(other_ids)}号", f"proposal.id 按标题写作 {proposal['id']}"))
    if head.session and said.session and head.session[0] != said.session[0]:
        told.append((f"标题的会议是“{head.session[1]}”，开头语是“{said.session[1]}”",
                     f"proposal.session 写作“{proposal.get('session', head.session[1])}”"))
    if head.titles and said.titles and not any(titles_agree(a, b) for a, _ in head.titles for b, _ in said.titles):
        told.append((f"标题引《{head.titles[0][0]}》，开头语引《{said.titles[0][0]}》",
                     f"proposal.title 写作“{proposal['title']}”"))
    for what, kept in told:
        out.notes.append(Note(found["opening"][0], "import-proposal-mismatch", f"{what}：同一件提案/建议写成两样；{kept}",
                              "核对原件（交办单），改正写错的一处"))
