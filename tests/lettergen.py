"""Letters generated from a few choices, for the combination matrix and the pagination sweep.

A `Case` names what a letter carries (layout, seal, 版头 marks, 附件说明, 版记 …); `draft`
turns it into a draft, `build_all` builds a batch and renders it in one LibreOffice pool,
so a hundred letters cost one start-up per core.  `built` is the one place every built
letter passes through: checks that apply to every .docx (schema validation) go there.
"""

from __future__ import annotations

import datetime
import itertools
import os
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEAL = REPO / "drafts" / "seals" / "sample-seal.png"
PROJECT_SEAL = "seals/seal.png"  # a copy inside each generated project: paths may not leave a project
CI = bool(os.environ.get("CI"))

ORGAN = "深圳市福田区测试事务局"
CO_SIGNER = "深圳市福田区协办事务局"
_SEQS: dict[str, int] = {}  # case name → 发文字号 sequence: one project's letters never share a number


def seq_of(case) -> int:
    return _SEQS.setdefault(case.name, 35 + len(_SEQS))


def number_of(case) -> str:
    """The 发文字号 the case's letter prints."""
    return f"福测函〔2024〕{seq_of(case)}号"


COPY_NUMBER = "000123"
SECRECY = "秘密★1年"
URGENCY = "加急"
SIGNER = "张建国"
CATEGORY = "类别：B"
DISCLOSURE = "（此件公开发布）"
CC = "抄送：福田区政协提案委员会，福田区人民政府督查室。"
PRINTER = "深圳市福田区测试事务局办公室"
PRINT_DATE = "2024年7月5日印发"
DATE = "2024年7月5日"
ATTACHMENT_NAMES = ["福田区中小学校园周边交通安全问题点位整改情况表", "社区垃圾分类督导员名单", "2024年新增投放点计划表"]
ANNEX_TITLE = "福田区中小学校园周边交通安全问题点位整改情况表"
FILLER = "为进一步做好相关工作我局会同有关部门逐项梳理问题清单明确责任分工和完成时限并定期督促检查落实情况"

# one line of body text holds 28 characters; the first line of a paragraph 26 (two indented)
LINE_CHARS = 28
BATCH = 120  # letters per LibreOffice pool


@dataclass(frozen=True)
class Case:
    layout: str = "letter"          # letter | general | plain
    seal: str = "seal"              # seal | none (不加盖印章) | joint (联合发文, each sealed)
    marks: tuple = ()               # of "copyno", "secrecy", "urgency"
    signer: bool = False            # 签发人
    category: bool = False          # 答复类别
    disclosure: bool = False        # 公开属性
    attachments: int = 0            # names in the 附件说明
    annex: bool = False             # the first attachment has pages of its own
    colophon: str = "none"          # none | cc | printer | both
    template: str = "reply"         # reply | cohandling (会办意见函)
    filler_lines: int = 0           # body lines added (pagination sweep) …
    grow: str = "paragraphs"        # … as one-line paragraphs before the closing, or as lines of the closing

    @property
    def name(self) -> str:
        parts = [self.layout, self.seal, "+".join(self.marks) or "nomarks", "signer" if self.signer else "",
                 "cat" if self.category else "", "pub" if self.disclosure else "", f"att{self.attachments}",
                 "annex" if self.annex else "", f"vj-{self.colophon}", self.template,
                 f"{self.grow[0]}{self.filler_lines}" if self.filler_lines else ""]
        return "-".join(p for p in parts if p)

    @property
    def attachment_count(self) -> int:
        return max(self.attachments, 1 if self.annex else 0)

    @property
    def has_cc(self) -> bool:
        return self.colophon in ("cc", "both")

    @property
    def has_printer(self) -> bool:
        return self.colophon in ("printer", "both")


def filler(lines: int) -> str:
    """A paragraph exactly `lines` lines long (the first holds 26 characters after the indent)."""
    count = LINE_CHARS * lines - 2 - 1
    text = (FILLER * (count // len(FILLER) + 1))[:count]
    return text + "。"


def draft(case: Case) -> dict:
    data: dict = {
        "layout": case.layout,
        "organ": {"name": ORGAN, "code": "福测函"},
        "number": {"year": 2024, "seq": seq_of(case)},
        "proposal": {"kind": "提案", "id": "20240018", "title": "关于加强中小学校园周边交通安全管理的提案",
                     "session": "福田区政协六届三次会议"},
        "measures": [
            {"heading": "基本情况", "items": ["全区现有中小学86所，其中位于主干道旁的学校23所。"]},
            {"heading": "主要措施", "items": [{"heading": "完善交通设施。", "text": "已在41处点位增设减速带和警示标志。"}]},
        ],
        "date": datetime.date(2024, 7, 5),
        "contact": {"name": "王晓东", "phone": "0755-82918600"},
        "signature": ORGAN,
    }
    if case.filler_lines and case.grow == "closing":  # the last paragraph grows one line at a time
        data["closing"] = [filler(case.filler_lines)]
    elif case.filler_lines:  # one more one-line paragraph at a time
        data["measures"][-1]["items"] += [filler(1)] * case.filler_lines
    if case.template == "cohandling":
        data["template"] = "cohandling.j2"
        data["recipient"] = "深圳市福田区教育局"
    else:
        data["addressee"] = {"name": "陈思远"}
    if case.seal == "none":
        data["sealed"] = False
    else:
        data["seal"] = PROJECT_SEAL
    if case.seal == "joint":
        data["co_signers"] = [{"signature": CO_SIGNER, "seal": PROJECT_SEAL}]
    values = {"copyno": ("copy_number", COPY_NUMBER), "secrecy": ("secrecy", SECRECY), "urgency": ("urgency", URGENCY)}
    for mark in case.marks:
        key, value = values[mark]
        data[key] = value
    if case.signer:
        data["signer"] = SIGNER
    if case.category:
        data["categories"] = {"A": "已经解决或基本解决", "B": "正在解决或已列入计划解决"}
        data["category"] = "B"
    if case.disclosure:
        data["disclosure"] = "主动公开"
    attachments: list = list(ATTACHMENT_NAMES[:case.attachment_count])
    if case.annex:
        attachments[0] = {"title": attachments[0], "content": [{"heading": "已完成整改的点位",
                                                                "items": ["福田中学南门等38处点位已完成减速带设置。"]}]}
    if attachments:
        data["attachments"] = attachments
    if case.has_cc:
        data["cc"] = ["福田区政协提案委员会", "福田区人民政府督查室"]
    if case.has_printer:
        data["printer"] = PRINTER
        data["print_date"] = datetime.date(2024, 7, 5)
    return data


def write_project(root: Path, cases: list[Case]) -> list[Path]:
    (root / "drafts").mkdir(parents=True, exist_ok=True)
    (root / "letterkit.yaml").write_text("output: build\n", encoding="utf-8")
    (root / PROJECT_SEAL).parent.mkdir(exist_ok=True)
    (root / PROJECT_SEAL).write_bytes(SEAL.read_bytes())
    paths = []
    for case in cases:
        path = root / "drafts" / f"{case.name}.yaml"
        path.write_text(yaml.safe_dump(draft(case), allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def built(path: Path) -> Path:
    """Every letter these tests build passes here, and must be valid OOXML (ISO/IEC 29500 transitional)."""
    from ooxml_check import check_docx

    assert path.is_file() and path.stat().st_size > 0, path
    problems = check_docx(path)
    assert not problems, f"{path}: " + "; ".join(problems[:10])
    return path


def build_all(root: Path, cases: list[Case]) -> dict[Case, tuple[Path, Path]]:
    """Build every case and render the batch to PDF in one LibreOffice pool: case → (docx, pdf)."""
    from letterkit.build import build_draft
    from letterkit.pdf import to_pdf
    from letterkit.project import open_project

    paths = write_project(root, cases)
    project = open_project(paths[0])
    documents = [built(build_draft(path, project, root / "build").output) for path in paths]
    pdfs = []
    for start in range(0, len(documents), BATCH):  # one soffice run stopped after ~250 letters: smaller batches
        chunk = documents[start:start + BATCH]
        pdfs += to_pdf(chunk, root / "pdf", processes=1 if len(chunk) < 16 else 2)
    return {case: (docx, pdf) for case, docx, pdf in zip(cases, documents, pdfs)}


# -- covering designs -----------------------------------------------------------------

def covering(factors: dict[str, list], strength: int = 2) -> list[dict]:
    """A greedy covering array: every `strength` factors' value combinations appear in some row
    (pairwise by default).  Deterministic: factors and values are taken in the order given."""
    names = list(factors)
    if strength >= len(names):
        return [dict(zip(names, row)) for row in itertools.product(*factors.values())]
    groups = list(itertools.combinations(range(len(names)), strength))
    uncovered = {(g, values) for g in groups for values in itertools.product(*(factors[names[i]] for i in g))}
    rows = []
    while uncovered:
        row: list = [None] * len(names)
        # seed the row with the first uncovered combination, then fill each free factor greedily
        (group, values) = min(uncovered, key=lambda item: (item[0], [factors[names[i]].index(v) for i, v in zip(item[0], item[1])]))
        for i, v in zip(group, values):
            row[i] = v
        for i in range(len(names)):
            if row[i] is not None:
                continue
            best, best_gain = factors[names[i]][0], -1
            for value in factors[names[i]]:
                row[i] = value
                gain = sum(1 for g in groups if i in g and all(row[j] is not None for j in g)
                           and (g, tuple(row[j] for j in g)) in uncovered)
                if gain > best_gain:
                    best, best_gain = value, gain
            row[i] = best
        covered = {(g, tuple(row[j] for j in g)) for g in groups}
        uncovered -= covered
        rows.append(dict(zip(names, row)))
    return rows


def as_case(row: dict) -> Case:
    return replace(Case(), **row)
