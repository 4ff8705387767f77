"""Mutated letters for the property "misplacement ⇒ warning" (tests/test_import_misplaced.py).

Every fixture letter whose line roles are written down (expected/NN.yaml) is changed as copies from web
pages and PDFs change letters: a tail line (contact, approval, disclosure, category, furniture, 签发人,
抄送) moved elsewhere or run on at the end of a paragraph, two adjacent lines glued, a line split at its
colon, a furniture line or a 类别 mark put into the body, labels spelt as other pages spell them, the
salutation run into the opening, blank lines dropped, a paragraph's line breaks dropped or added.

Each input line is kept as pieces (role, text), so the expected roles follow the text through every
change; `misplaced` scores the import piece by piece with the project's scorer and returns the input
lines whose text the import put in the wrong place, and which of them no warning names.

    PYTHONPATH=. python3 tests/misplacegen.py [--all] [--detail]   # the counts over the rotation (or all)
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from conftest import PUBLISHED  # noqa: E402

from letterkit.importing.score import UNSCORED_ROLES, score  # noqa: E402

HELD_OUT = ("10", "13", "14", "16")  # the shared letters kept out of tuning (fixtures' README)
FOLDERS = ("new", "heldout", "heldout2", "dev2", "heldout3", "dev4", "dev5", "heldout4", "dev6", "dev7", "dev8", "dev9")
LETTERS = sorted(e for e in (PUBLISHED / "expected").glob("*.yaml") if e.stem not in HELD_OUT) + \
    [e for folder in FOLDERS for e in sorted((PUBLISHED / folder / "expected").glob("*.yaml"))]
TAIL = ("contact", "approval", "disclosure", "category", "furniture", "signer", "cc")
TEXT = ("opening", "body", "closing")


class Mutant:
    """A letter's lines as pieces (role, text): a line's text is its pieces joined."""

    def __init__(self, expected: Path):
        self.expected = yaml.safe_load(expected.read_text(encoding="utf-8"))
        source = next(expected.parent.parent.glob(f"{expected.stem}_*.txt"))
        role = {no: r for r, numbers in self.expected["roles"].items() for no in numbers}
        self.lines = [[(role.get(no), text)] for no, text in
                      enumerate(source.read_text(encoding="utf-8").splitlines(), 1)]
        self.name = expected.stem

    def text(self) -> str:
        return "\n".join(self.line(i) for i in range(len(self.lines))) + "\n"

    def line(self, i: int) -> str:
        return "".join(text for _, text in self.lines[i])

    def where(self, roles) -> list[int]:
        """Lines wholly of these roles."""
        return [i for i, pieces in enumerate(self.lines) if pieces and all(r in roles for r, _ in pieces)]

    def filled(self) -> list[int]:
        return [i for i in range(len(self.lines)) if self.line(i).strip()]


# -- the mutations ----------------------------------------------------------------------------------

def _slots(m: Mutant) -> list[int]:
    """Places a line can be moved to: the top, after the title, after the salutation, between body
    paragraphs, after the closing, after the signature, after the date, the end."""
    spots = {0, len(m.lines)}
    for roles in (("title",), ("salutation",), ("closing",), ("signature",), ("date",)):
        spots |= {i + 1 for i in m.where(roles)}
    spots |= {i for i in m.where(("body",))}
    return sorted(spots)


def move_tail_line(m: Mutant, rnd: random.Random):
    """A contact, approval, disclosure, category, furniture, 签发人 or 抄送 line moved elsewhere."""
    lines = m.where(TAIL)
    if not lines:
        return False
    i = rnd.choice(lines)
    piece = m.lines.pop(i)
    at = rnd.choice(_slots(m))
    m.lines.insert(min(at, len(m.lines)), piece)
    return True


def tail_run_into_text(m: Mutant, rnd: random.Random):
    """A tail line run on at the end of an opening, body or closing paragraph (a copy that lost the break)."""
    lines, text = m.where(TAIL), m.where(TEXT)
    if not lines or not text:
        return False
    i = rnd.choice(lines)
    piece = m.lines.pop(i)
    j = rnd.choice(m.where(TEXT))
    m.lines[j] = m.lines[j] + [(None, rnd.choice(["", " ", "　"]))] + piece
    return True


def glue_adjacent(m: Mutant, rnd: random.Random):
    """Two adjacent filled lines glued into one (the blank lines between them gone)."""
    filled = m.filled()
    if len(filled) < 2:
        return False
    k = rnd.randrange(len(filled) - 1)
    a, b = filled[k], filled[k + 1]
    m.lines[a] = m.lines[a] + [(None, rnd.choice(["", " ", "　　"]))] + m.lines[b]
    del m.lines[a + 1:b + 1]
    return True


def split_at_colon(m: Mutant, rnd: random.Random):
    """A line cut after its first colon, the rest on the next line (联系人：/张三)."""
    options = [i for i in m.filled() if len(m.lines[i]) == 1 and re.search(r"[:：]\s*\S", m.line(i)[1:])]
    if not options:
        return False
    i = rnd.choice(options)
    (role, text), = m.lines[i]
    cut = re.search(r"[:：]", text[1:]).end() + 1
    m.lines[i:i + 1] = [[(role, text[:cut])], [(role, text[cut:])]]
    return True


FURNITURE = ["来源：{region}人民政府", "发布时间：2024-05-06 09:30", "浏览次数：128", "字体：[大 中 小]",
             "索引号：11530100/2024-00031", "当前位置：首页 > 政务公开 > 建议提案", "打印本页 关闭窗口",
             "【打印】 【关闭】", "分享到：", "附件下载：答复函.pdf", "信息来源：{region}政府办", "点击数：35",
             "发布机构：{region}人民政府办公室", "责任编辑：王芳", "上一篇：关于第11号提案的答复"]
MARKS = ["B类", "类别：C", "【A】", "（B类）", "答复类别：A", "办理结果：B类", "分类标识【D】"]


def _region(m: Mutant) -> str:
    organ = str(m.expected.get("organ"))
    hit = re.match(r"(.*?[区县市])", organ)
    return hit.group(1) if hit else "某某县"


def furniture_in_body(m: Mutant, rnd: random.Random):
    """A page-furniture line or a 类别 mark put between body paragraphs (or after the opening)."""
    spots = [i + 1 for i in m.where(("opening", "body"))]
    if not spots:
        return False
    if rnd.random() < 0.5:
        line = [("furniture", rnd.choice(FURNITURE).format(region=_region(m)))]
    else:
        line = [("category", rnd.choice(MARKS))]  # (the category field may then take either mark: not judged here)
    m.lines.insert(rnd.choice(spots), line)
    return True


# label spellings real pages use (many not in labels.yaml): role → {label: other spellings}
SPELLINGS = {
    "contact": {"联系人": ["联 系 人", "联系人员", "经办人", "承办人", "联络人", "经办人员", "承办人员", "联系人姓名"],
                "联系电话": ["电话", "联系方式", "办公电话", "联系号码", "电 话", "手机", "座机", "联系电话号码"],
                "电话": ["联系电话", "电话号码", "办公电话", "固定电话"]},
    "category": {"类别": ["类 别", "答复类别", "办复类别", "办理类别", "结果类别", "办理结果", "分类", "类型", "答复分类"]},
    "approval": {"审核": ["审核人", "审 核", "核稿", "审定"], "承办负责人": ["承办领导", "单位负责人", "负责人"],
                 "签发": ["签 发", "签发人", "领导签发"]},
    "signer": {"签发人": ["签 发 人", "签发", "签发领导", "领导签发", "签发人员"]},
    "disclosure": {"公开属性": ["公开方式", "公开类型", "是否公开", "信息公开属性", "公开选项"]},
    "furniture": {"来源": ["信息来源", "文章来源", "来源单位", "稿件来源"], "发布时间": ["发布日期", "发文日期", "时间", "更新时间", "日期"],
                  "浏览次数": ["阅读次数", "点击量", "访问量", "浏览量", "阅读数"], "索引号": ["信息索引号", "索 引 号", "索引编号"]},
    "cc": {"抄送": ["抄 送", "抄报", "抄送单位"]},
}


def other_spellings(m: Mutant, rnd: random.Random):
    """Each label of a tail line spelt as another page spells it (联络人, 座机, 浏览量, 信息公开属性…)."""
    changed = False
    for i, pieces in enumerate(m.lines):
        if len(pieces) != 1 or pieces[0][0] not in SPELLINGS:
            continue
        role, text = pieces[0]
        for label, others in SPELLINGS[role].items():
            hit = re.search(r"(?:^|(?<=[\s，,；;（(【\[]))" + r"\s*".join(map(re.escape, label)) + r"(?=\s*[:：])", text)
            if hit:
                text = text[:hit.start()] + rnd.choice(others) + text[hit.end():]
                changed = True
        m.lines[i] = [(role, text)]
    return changed


def salutation_into_body(m: Mutant, rnd: random.Random):
    """The salutation run into the opening on one line (X委员：您提出的…), or with no colon at all."""
    sal, opening = m.where(("salutation",)), m.where(("opening",))
    if len(sal) != 1 or not opening or opening[0] < sal[0]:
        return False
    text = m.line(sal[0]).rstrip()
    if rnd.random() < 0.4:
        text = text.rstrip(":：") + rnd.choice(["，", " ", "　"])
    m.lines[sal[0]] = [("mixed", text)] + m.lines[opening[0]]
    del m.lines[sal[0] + 1:opening[0] + 1]
    return True


def drop_blank_lines(m: Mutant, rnd: random.Random):
    """No blank line anywhere."""
    before = len(m.lines)
    m.lines = [p for i, p in enumerate(m.lines) if m.line(i).strip()]
    return len(m.lines) < before


def paragraph_breaks(m: Mutant, rnd: random.Random):
    """A paragraph's line breaks dropped (a PDF copy's wrapped lines joined), or added (a long body
    paragraph wrapped at 28–40 characters, as a PDF copy breaks it)."""
    text = [i for i in m.where(TEXT)]
    if not text:
        return False
    if rnd.random() < 0.5:  # wrap
        width = rnd.randint(28, 40)
        for i in reversed(text):
            if len(m.lines[i]) == 1 and len(m.line(i)) > width + 8:
                role, line = m.lines[i][0]
                m.lines[i:i + 1] = [[(role, line[k:k + width])] for k in range(0, len(line), width)]
        return True
    changed = False  # join: lines of one role that run on (no sentence end) joined to the next filled line
    i = 0
    while i < len(m.lines) - 1:
        filled = [j for j in range(i + 1, min(i + 3, len(m.lines))) if m.line(j).strip()]
        if i in m.where(TEXT) and filled and filled[0] in m.where(TEXT) \
                and not re.search(r"[。！？：:；”）)]\s*$", m.line(i)):
            m.lines[i] = m.lines[i] + m.lines[filled[0]]
            del m.lines[i + 1:filled[0] + 1]
            changed = True
            continue
        i += 1
    return changed


MUTATIONS = [move_tail_line, tail_run_into_text, glue_adjacent, split_at_colon, furniture_in_body,
             other_spellings, salutation_into_body, drop_blank_lines, paragraph_breaks]


# -- scoring ------------------------------------------------------------------------------------------

def misplaced(m: Mutant, fields: dict, warned: set[int], kept_out: set[int]) -> tuple[list[int], list[int]]:
    """(input lines with some text in the wrong place, those of them no warning names)."""
    pieces = [(no, role, text) for no, line in enumerate(m.lines, 1) for role, text in line
              if role is not None and role not in UNSCORED_ROLES and text.strip()]
    roles: dict = {}
    for k, (_, role, _) in enumerate(pieces, 1):
        roles.setdefault(role, []).append(k)
    s = score({**m.expected, "roles": roles}, fields, [text for _, _, text in pieces], set(),
              {k for k, (no, _, _) in enumerate(pieces, 1) if no in kept_out})
    wrong = sorted({pieces[k - 1][0] for k, _, _ in s.misplaced})
    return wrong, [no for no in wrong if no not in warned]


def run(m: Mutant, folder: Path):
    """Import the mutant; (result, misplaced lines, unwarned lines)."""
    from letterkit.importing import import_file

    path = folder / f"{m.name}-mutant.txt"
    path.write_text(m.text(), encoding="utf-8")
    result = import_file(path)
    warned = {n.line for n in result.notes if n.severity == "warning" and n.line}
    wrong, unwarned = misplaced(m, yaml.safe_load(result.draft), warned, result.kept_out)
    return result, wrong, unwarned


def cases(every: bool, seeds: int = 3, sample: int = 6):
    """(expected, mutation, seed): all when `every`; else a rotation, each letter under one mutation in
    `sample` (by position), each mutation over every folder, one seed."""
    return [(e, mut, seed) for i, e in enumerate(LETTERS) for j, mut in enumerate(MUTATIONS)
            for seed in range(seeds if every else 1) if every or (i + j) % sample == 0]


def main(argv):
    import tempfile
    from letterkit.errors import LetterkitError

    every, detail = "--all" in argv, "--detail" in argv
    totals = dict(letters=0, misplaced=0, unwarned=0, failures=0, crashes=0)
    by_mutation: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        for expected, mutation, seed in cases(every):
            m = Mutant(expected)
            if not mutation(m, random.Random(seed)):
                continue
            totals["letters"] += 1
            try:
                _, wrong, unwarned = run(m, Path(folder))
            except LetterkitError:
                continue
            except Exception as error:  # noqa: BLE001 — counted, the test names it
                totals["crashes"] += 1
                print("CRASH", expected.stem, mutation.__name__, seed, repr(error))
                continue
            totals["misplaced"] += len(wrong)
            totals["unwarned"] += len(unwarned)
            totals["failures"] += bool(unwarned)
            row = by_mutation.setdefault(mutation.__name__, [0, 0, 0])
            row[0] += 1
            row[1] += len(wrong)
            row[2] += len(unwarned)
            if detail and unwarned:
                print(expected.parent.parent.name, expected.stem, mutation.__name__, seed, unwarned,
                      [m.line(n - 1)[:50] for n in unwarned])
    print(totals)
    for name, (n, wrong, unwarned) in by_mutation.items():
        print(f"  {name}: {n} letters, {wrong} misplaced, {unwarned} unwarned")


if __name__ == "__main__":
    main(sys.argv[1:])
