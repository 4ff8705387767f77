"""How well an import read a letter, judged against values a person wrote down by reading it.

An expectation file (tests/fixtures/published/expected/NN.yaml) gives each field's value (无 where
the letter has none; a list where several readings are right) and each input line's role.  The
score has two parts: fields (organ, 发文字号, 类别, addressee, proposal, signature, date, contact, 抄送,
where the opening and closing start) and placement (each line's text where its role puts it: body
text in the body, and page furniture, contacts, categories, approvals nowhere in the letter's text).
Used by tests/test_import_score.py and benchmarks/import_report.py.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from . import comparable
from .roles import vocabulary

FIELDS = ("organ", "number", "category", "signer", "disclosure", "title", "addressee", "kind", "id",
          "proposal_title", "session", "signature", "date", "contact_name", "contact_phone", "cc",
          "opening", "closing")
TEXT_ROLES = {"opening": "opening", "body": "measures", "closing": "closing"}  # role → the zone it belongs in
UNSCORED_ROLES = {"mixed"}  # a line holding several parts at once: judged by the fields alone


@dataclass
class Score:
    fields: dict[str, tuple[bool, str, str]]          # name → (right, expected, got)
    misplaced: list[tuple[int, str, str]] = field(default_factory=list)  # (line, role, zone it ended in)
    placed_chars: int = 0
    total_chars: int = 0
    unwarned: list[int] = field(default_factory=list)  # misplaced lines no warning names

    @property
    def all_right(self) -> bool:
        return all(right for right, _, _ in self.fields.values()) and not self.misplaced


def _norm(text) -> str:
    text = comparable(str(text)).translate(str.maketrans("﹝﹞[]【】［］", "〔〕〔〕〔〕〔〕"))
    return text.strip("“”\"'《》")


def _number_as_printed(text) -> str:
    text = re.sub(r"第(?=\d+号$)|[:：](?=\s*[〔(（])", "", _norm(text))
    return re.sub(r"[(（]\s*((?:19|20)\d\d)\s*[)）]\s*0*(?=\d)|(〔\d{4}〕)0+(?=\d)", lambda m: f"〔{m.group(1)}〕" if m.group(1) else m.group(2), text)


def _title_norm(text) -> str:
    """关于“X”的建议 names the proposal X or 关于X的建议: the same title either way."""
    return re.sub(r"^关于|(的)?(提案|建议)$", "", _norm(text).strip("“”《》"))


def values(fields: dict) -> dict[str, str]:
    """The draft's fields in the expectation's terms."""
    organ = fields.get("organ")
    proposal = fields.get("proposal") if isinstance(fields.get("proposal"), dict) else {}
    number = fields.get("number")
    got = {"organ": organ["name"] if isinstance(organ, dict) else "无"}
    if isinstance(number, dict):
        code = organ.get("code", "") if isinstance(organ, dict) else ""
        got["number"] = f"{code}〔{number.get('year')}〕{number.get('seq')}号"
    else:
        got["number"] = "无"
    for key in ("category", "signer", "disclosure", "title", "signature", "date"):
        got[key] = str(fields.get(key, "无"))
    joint = [str(s.get("signature")) for s in fields.get("co_signers") or () if isinstance(s, dict)]
    if joint:  # a reply signed by several organs: all of them, in order
        got["signature"] = "、".join([got["signature"]] + joint)
    addressee = fields.get("addressee")
    got["addressee"] = (f"{addressee.get('name', '')}{addressee.get('role', '')}" if isinstance(addressee, dict)
                        else str(fields.get("recipient", "无")))
    for key, name in (("kind", "kind"), ("id", "id"), ("proposal_title", "title"), ("session", "session")):
        got[key] = str(proposal.get(name, "无"))
    contact = fields.get("contact")
    got["contact_name"] = str(contact.get("name", "无")) if isinstance(contact, dict) else "无"
    got["contact_phone"] = str(contact.get("phone", "无")) if isinstance(contact, dict) else "无"
    cc = fields.get("cc")
    got["cc"] = "、".join(cc) if isinstance(cc, list) and cc else "无"
    got["opening"] = str(fields.get("opening", "无"))
    closing = fields.get("closing")
    got["closing"] = str(closing[0]) if isinstance(closing, list) and closing else "无"
    return got


def _right(name: str, expected, got: str, organs=()) -> bool:
    options = expected if isinstance(expected, list) else [expected]
    if name == "title":  # `X局关于…的答复`: the organ's name in front of a title is a reading of its own,
        # the draft keeping it in organ.name (printed in the letterhead) and the title without it
        options = options + [str(o)[len(short):] for o in options for organ in organs if organ != "无"
                             for short in _short_names(str(organ)) if str(o).startswith(short) and len(str(o)) > len(short)]
    if name == "cc" and isinstance(expected, list):  # several organs copied to, written down as a list
        options = options + ["、".join(str(o) for o in expected)]
    for option in options:
        option = str(option)
        if option == "无" or got == "无":
            if option == got:
                return True
        elif name in ("opening", "closing"):
            if _norm(got).startswith(_norm(option)):
                return True
        elif name == "proposal_title":
            if _title_norm(got) == _title_norm(option):
                return True
        elif _norm(got) == _norm(option):
            return True
        elif name == "signature" and re.sub(r"[\s、]", "", _norm(got)) == re.sub(r"[\s、]", "", _norm(option)):
            return True  # organs signing side by side: written down with spaces, the draft's listed with 、
        elif name == "number" and _norm(got) == _number_as_printed(option):
            return True  # X〔2024〕第8号, X字:〔2024〕8号, X（2024）08号: GB/T 9704 7.2.4 prints 〔〕 and no 第, colon or
            # leading zero; the draft holds year and seq, and the import warns about the shape the letter printed
        elif name == "cc" and re.split(r"[，,、；;\s]+", _norm(got)) == re.split(r"[，,、；;\s]+", _norm(option).rstrip("。")):
            return True  # the organs copied to, listed with 、 in the draft whatever the letter put between them
        elif name == "disclosure" and got == vocabulary()["disclosure_values"].get(re.sub(r"\s", "", option)):
            return True  # 此件公开发布, 同意公开: what the letter writes, the draft's 主动公开
    return False


def _short_names(organ: str) -> list[str]:
    """The organ's name and its shorter forms without the higher places in front (吉林市丰满区民政局 →
    丰满区民政局, 民政局): a title led by the organ's short name (丰满区民政局关于…) is the same reading."""
    return [organ] + [organ[k:] for k in range(1, len(organ) - 2) if organ[k - 1] in "省市州盟县区旗"]


def _flatten(items) -> list[str]:
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict):
            out += [str(item.get("heading") or ""), str(item.get("text") or "")] + _flatten(item.get("items"))
        else:
            out.append(str(item))
    return out


def zones(fields: dict) -> dict[str, str]:
    """The letter's running text, by where it stands in the draft."""
    closing = fields.get("closing")
    addressee = fields.get("addressee")
    salutation = fields.get("salutation") or fields.get("recipient") or (
        f"{addressee.get('name', '')}{addressee.get('role', '')}" if isinstance(addressee, dict) else "")
    return {"title": _norm(fields.get("title", "")), "salutation": _norm(salutation),
            "opening": _norm(fields.get("opening", "")),
            "measures": "\n".join(_norm(p) for p in _flatten(fields.get("measures"))),
            "closing": "\n".join(_norm(p) for p in closing) if isinstance(closing, list) else ""}


def _share_in(text: str, zone: str) -> int:
    if not text or not zone:
        return 0
    matcher = difflib.SequenceMatcher(None, text, zone, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def _longest_in(text: str, zone: str) -> int:
    if not text or not zone:
        return 0
    return difflib.SequenceMatcher(None, text, zone, autojunk=False).find_longest_match(0, len(text), 0, len(zone)).size


def score(expected: dict, fields: dict, source_lines: list[str], warned_lines: set[int],
          kept_out: set[int] = frozenset()) -> Score:
    """`kept_out`: the lines the import wrote as comments.  A furniture line kept out whose words also
    stand in the letter (a page repeating the proposal's title) is placed right unless a paragraph of
    the letter is that line itself."""
    got = values(fields)
    organs = [str(o) for o in (expected.get("organ") if isinstance(expected.get("organ"), list) else [expected.get("organ")])]
    organs += [got["organ"]]
    result = Score({name: (_right(name, expected[name], got[name], organs), str(expected[name]), got[name])
                    for name in FIELDS if name in expected})
    where = zones(fields)
    for role, numbers in (expected.get("roles") or {}).items():
        if role in UNSCORED_ROLES:
            continue
        for number in numbers:
            text = _norm(source_lines[number - 1]) if number <= len(source_lines) else ""
            if not text:
                continue
            result.total_chars += len(text)
            if role in TEXT_ROLES:
                home = TEXT_ROLES[role]
                found = _share_in(text, where[home])
                if found >= 0.8 * len(text):
                    result.placed_chars += found
                    continue
                elsewhere = max((z for z in where if z != home), key=lambda z: _share_in(text, where[z]))
                result.misplaced.append((number, role, elsewhere if _share_in(text, where[elsewhere]) else "（丢失）"))
            else:
                if role in ("title", "salutation") and _share_in(text, where[role]) >= 0.8 * len(text):
                    result.placed_chars += len(text)  # in its own field: the body naming it too is no misplacement
                    continue
                if role == "signature" and text in re.sub(r"[\s、]", "", _norm(got["signature"])):
                    result.placed_chars += len(text)  # the signature field holds it: the body naming the organ is no misplacement
                    continue
                checked = [z for z in ("salutation", "opening", "measures", "closing") if z != role]
                if role not in ("title", "furniture", "letterhead"):  # a page title repeats the letter's
                    checked.append("title")
                wrong = [z for z in checked if _longest_in(text, where[z]) >= max(6, 0.8 * len(text))]
                if number in kept_out:
                    wrong = [z for z in wrong if any(difflib.SequenceMatcher(None, text, p, autojunk=False).ratio() >= 0.8
                                                     for p in where[z].split("\n"))]
                if wrong:
                    result.misplaced.append((number, role, wrong[0]))
                else:
                    result.placed_chars += len(text)
    result.unwarned = [no for no, _, _ in result.misplaced if no not in warned_lines]
    return result
