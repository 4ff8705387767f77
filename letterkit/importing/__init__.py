"""`letterkit import`: an old letter (.txt copied from a PDF or a web page, or .docx) → a draft.

read (source) → clean and join (clean) → recognise the parts (recognise) → write YAML (emit).
`import_file` is the library's entry point; the CLI only calls it and writes the result.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import unprinted
from ..errors import LetterkitError, Location, Problem, display_path
from ..textconv import open_docx
from ..proof import import_findings
from .clean import Cleaned, punctuation, tidy
from .emit import to_yaml
from .notes import Note
from .recognise import recognise
from .rejoin import rejoin
from .restore import restore
from .source import read_lines


@dataclass
class Imported:
    source: Path
    draft: str              # the YAML text
    fields: dict
    notes: list[Note]
    text: str               # the input's letter text, as read (lines kept out as comments excluded)
    images: dict = field(default_factory=dict)  # seal images to write beside the draft: name → bytes
    source_lines: list = field(default_factory=list)  # the input's lines as read, for line-level figures
    kept_out: set = field(default_factory=set)        # input lines kept out as comments

    def problems(self) -> list[Problem]:
        """The report in the one error contract, pointing at the input's lines."""
        where = display_path(self.source)
        return [Problem(Location(where, n.line, n.column), n.code, n.message, n.hint,
                        "warning" if n.severity == "warning" else "note")
                for n in sorted(self.notes, key=lambda n: (n.line or 0, n.code))]


def import_file(path: Path) -> Imported:
    path = Path(path)
    lines, read_notes = read_lines(path)
    if not any(line.text.strip() for line in lines):
        raise LetterkitError([Problem(Location(display_path(path)), "empty-input", "文件里没有文字，无从导入",
                                      "确认选对了文件；从网页或 PDF 复制文字时要全选后粘贴")])
    soft = any(line.soft for line in lines)  # lines typed with Shift+Enter: read as the .txt of the same lines
    from_word = path.suffix.lower() == ".docx" and not soft
    cleaned = tidy(lines, keep_spaces=from_word)
    punctuation(cleaned)
    found = recognise(cleaned, from_word, path.stem)
    if from_word:  # a Word paragraph broken mid-sentence, joined as a text file's broken line is, and read again
        joined, said = rejoin(found.fields, cleaned.lines)
        if said:
            found = recognise(Cleaned(joined, cleaned.dropped, cleaned.notes), from_word, path.stem)
            found.notes += said
    kept = unprinted.recorded(open_docx(path)) if path.suffix.lower() == ".docx" else None
    if kept is not None:  # a letter letterkit built: what its page does not show comes back too
        restore(found.fields, kept, found.notes)
    untyped = _not_typed(cleaned.lines, found.comments)
    found.notes = [n for n in found.notes if not (n.code in TYPED and n.line in untyped)]
    found.notes += buildable(found.fields, found.images)
    notes = [Note(None, "import-encoding", text, severity="note") for text in read_notes] + found.notes
    if soft:
        notes.append(Note(None, "import-line-breaks", "Word 文件中的各行是用换行符（Shift+Enter）分开的，按文字文件逐行读入"
                          "（行号是第几行，不是第几段）", severity="note"))
    notes += [Note(f.line, f.code, f.message, f.hint, column=f.column)  # proofreading: the typeset page
              for f in import_findings([(line.no, line.text) for line in lines], from_word)]
    notes += [Note(line.no, "import-picture", f"这一段有 {len(line.images)} 张图片，没有导入（只导入署名上的印章）",
                   "需要时把图片另存，在草稿中引用") for line in lines if line.images and line.no not in found.seal_lines]
    header = [f"由 letterkit import 从 {path.name} 导入。逐项核对后删去这些注释。"]
    if found.comments:
        header += ["", "原文中没有排入信函的行（行号是原文的行号）："]
        header += [f"  第 {no} 行（{why}）：{text}" for no, text, why in sorted(found.comments)]
    warnings = [n for n in notes if n.severity == "warning"]
    if warnings:
        header += ["", "导入时发现的问题（照录原文，未改）："]
        header += [f"  {'第 %d 行：' % n.line if n.line else ''}{n.message}" for n in warnings]
    kept_out = {no for no, _, _ in found.comments}
    text = "\n".join(line.text for line in lines if line.no not in kept_out)
    return Imported(path, to_yaml(found.fields, header), found.fields, notes, text, found.images,
                    [line.text for line in lines], kept_out)


TYPED = ("import-half-width", "import-mixed-brackets")  # about marks as typed: only for lines printed as typed


def _not_typed(lines, comments) -> set[int]:
    """Lines whose marks the letter never prints: kept out as comments, or mark lines (办复类别: C,
    签发人:X, 是否公开:是) whose label the letter does not print at all.  (A contact line's slips are
    still the published letter's, and reported.)"""
    from .roles import labelled

    labels = {line.no for line in lines if (role := labelled(line.text)) is not None and "。" not in role.value
              and role.role in ("category", "disclosure", "signer", "approval", "furniture")}
    return labels | {no for no, _, _ in comments}


def buildable(fields: dict, images: dict | None = None) -> list[Note]:
    """The draft composed as `build` composes it (every check build makes: the fields, the templates,
    the seals, the joint signatures' width, the layout; nothing written), in a folder of its own with
    the seal images the import writes beside it: anything build would reject becomes a warning here,
    naming the field, so no imported draft fails later without the import saying why."""
    import tempfile

    from ..build import compose
    from ..project import open_project

    blank = [f"{key}.{sub}" if sub else key for key, sub in
             (("title", None), ("organ", None), ("signature", None), ("proposal", "id"), ("proposal", "title"),
              ("measures", None))
             if (fields.get(key, {}).get(sub) if sub and isinstance(fields.get(key), dict) else fields.get(key, "无")) == "无"]
    missing = ["addressee"] if "addressee" not in fields and "recipient" not in fields else []  # no salutation read
    also = f"草稿中写作“无”的：{'、'.join(blank)}；按原件补上后再生成" if blank else ""
    hint = also or "按提示补齐草稿"
    text = to_yaml(fields, [])
    with tempfile.TemporaryDirectory(prefix="letterkit-import-") as folder:
        draft = Path(folder) / "draft.yaml"
        draft.write_text(text, encoding="utf-8")
        for name, data in (images or {}).items():
            (Path(folder) / name).write_bytes(data)
        try:
            compose(draft, open_project(draft))
        except LetterkitError as error:
            if blank + missing and (enough := _enough(fields, blank + missing, draft, compose, open_project)):
                also = f"补上 {'、'.join(enough)} 就能生成"
            return [Note(None, "import-unbuildable", f"草稿还不能生成：{_field_of(text, p.location, draft)}{p.message}",
                         "；".join(filter(None, (p.hint, also))) or hint)
                    for p in error.problems if p.severity == "error"]
        except Exception as error:  # a draft the validator cannot even read: said, never a traceback
            return [Note(None, "import-unbuildable", f"草稿还不能生成（{type(error).__name__}）", hint)]
    return []


# a stand-in for each field an import may write as 无, to find which one the build is missing
STAND_INS = {"title": "关于……的答复", "organ": {"name": "某机关"}, "signature": "某机关",
             "proposal.id": "1", "proposal.title": "关于……的提案", "measures": ["……。"],
             "addressee": {"name": "某某", "role": "委员"}}


def _enough(fields: dict, blank: list[str], draft: Path, compose, open_project) -> list[str]:
    """The fields (written 无, or the missing addressee) that make the draft buildable when filled, none
    of them spare: all filled with stand-ins, then each left out again if the build does without it.
    A four-line letter with no title is told to fill its title, not handed every 无."""
    def builds(names) -> bool:
        trial = dict(fields)
        for name in names:
            key, _, sub = name.partition(".")
            trial[key] = {**trial[key], sub: STAND_INS[name]} if sub else STAND_INS[name]
        draft.write_text(to_yaml(trial, []), encoding="utf-8")
        try:
            compose(draft, open_project(draft))
        except Exception:
            return False
        return True

    needed = list(blank)
    if not builds(needed):
        return []
    for name in reversed(blank):  # the fields listed first (title before proposal.title) are kept
        if builds([n for n in needed if n != name]):
            needed.remove(name)
    return needed


def _field_of(text: str, where: Location, draft: Path) -> str:
    """"字段 co_signers：" for a problem in the draft `text`: the top-level field it stands under,
    so the warning names what to fill even though it points at the input's lines."""
    if not where.line or where.path != display_path(draft) or (where.line == 1 and (where.column or 1) == 1):
        return ""  # the draft as a whole (a missing addressee), located where its mapping starts
    for row in reversed(text.splitlines()[:where.line]):
        key = re.match(r"([A-Za-z_]+):", row)
        if key:
            return f"字段 {key.group(1)}："
    return ""


UNPLACED = ("import-misplaced", "import-unplaced", "import-contact", "import-number-organ")


def placed(imported: Imported) -> float:
    """Share of the input's characters (whitespace aside) on lines the import placed without doubt:
    a line a warning calls misplaced, unplaced or incomplete is not counted as in its right place;
    lines kept out as comments without such a warning (page furniture) count for neither side."""
    doubtful = {n.line for n in imported.notes if n.code in UNPLACED and n.line}
    sizes = {no: len(comparable(text)) for no, text in enumerate(imported.source_lines, start=1)}
    total = sum(size for no, size in sizes.items() if no in doubtful or no not in imported.kept_out)
    wrong = sum(size for no, size in sizes.items() if no in doubtful)
    return 1.0 if not total else 1 - wrong / total


def survival(original: str, rebuilt: str) -> float:
    """Share of the original's characters (whitespace and heading numbers aside) found, in order, in the rebuilt text."""
    a, b = comparable(original), comparable(rebuilt)
    if not a:
        return 1.0
    return _matched(a, b) / len(a)


_CLAUSE_END = re.compile(r"(?<=[。；！？，、：])")
GAP_LIMIT = 4_000_000  # characters × characters: a stretch this large is compared piece by piece


def _matched(a: str, b: str) -> int:
    """How many characters of `a` difflib finds, in order, in `b`, in about linear time.
    On characters difflib is quadratic or worse (a long text repeats every character
    thousands of times: 50 letters in one file took minutes), so the texts are matched
    clause by clause first, and only the stretches between equal clauses by characters."""
    clauses_a, clauses_b = _CLAUSE_END.split(a), _CLAUSE_END.split(b)
    total, i, j = 0, 0, 0
    for block in difflib.SequenceMatcher(None, clauses_a, clauses_b, autojunk=False).get_matching_blocks():
        total += _matched_chars("".join(clauses_a[i:block.a]), "".join(clauses_b[j:block.b]))
        total += sum(map(len, clauses_a[block.a:block.a + block.size]))
        i, j = block.a + block.size, block.b + block.size
    return total


def _matched_chars(a: str, b: str) -> int:
    if not a or not b:
        return 0
    if len(a) * len(b) > GAP_LIMIT:  # long stretches that differ: compared in step, piece by piece
        pieces = -(-max(len(a), len(b)) // 2000)
        cut_a = [len(a) * k // pieces for k in range(pieces + 1)]
        cut_b = [len(b) * k // pieces for k in range(pieces + 1)]
        return sum(_matched_chars(a[cut_a[k]:cut_a[k + 1]], b[cut_b[k]:cut_b[k + 1]]) for k in range(pieces))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


_NUMBERS = re.compile(r"(^|\n)\s*([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)])")


_WIDTHS = str.maketrans(",;:?!()[]", "，；：？！（）〔〕")


def comparable(text: str, widths: bool = True) -> str:
    """Text as compared in round trips: heading numbers (regenerated by letterkit) and whitespace
    set aside, and, with `widths`, punctuation width (which the import evens out and reports)."""
    text = re.sub(r"【(版头|版记|另起一页|图片)】", "", text)  # textconv's section marks
    text = re.sub(r"\s+", "", _NUMBERS.sub(r"\1", text))
    return text.translate(_WIDTHS) if widths else text


__all__ = ["Imported", "import_file", "placed", "survival", "comparable"]


def letter_text(draft_path: Path, project) -> str:
    """What the draft prints, as plain text (templates applied, no Word file written)."""
    from ..blocks import to_text
    from ..build import letter_blocks, read_draft

    return to_text(letter_blocks(read_draft(draft_path, project), project))


def default_output(source: Path, project) -> Path:
    """drafts/<name>.yaml inside a project, else beside the input."""
    if project.config is not None:
        return project.drafts_dir / (Path(source).stem + ".yaml")
    return Path(source).with_suffix(".yaml")
