"""Plant realistic slips into clean published letters and see whether `import` + `check` find them.

Each planter takes a letter's lines and a seeded random.Random, and returns the lines with one
slip planted at a random place where it fits (or None when the letter has no such place): a
quantity restated with the wrong magnitude, a character lost from a common word, a name varied by
one character, a signature that is not the letterhead's organ, a date without 月, … .  The slip is
found when `import` + `check` raise, beside what they raise on the clean letter, a finding of one of
the family's codes that quotes the planted text (or points at its input line).

Used by tests/test_slips.py (thresholds on a fixed seed; a bigger sweep with CI=true) and by
benchmarks/slips_report.py (the figures per family).  Written without looking at the rules' code
paths: the planters know what a clerk's slip looks like, not how a rule finds it.
"""

from __future__ import annotations

import random
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

HAN = "\u4e00-\u9fff"
DATE = re.compile(r"((?:19|20)\d{2})年(1[0-2]|[1-9])月(\d{1,2})日")


@dataclass
class Slip:
    family: str
    line: int          # the input's line (1-based) where the slip is
    planted: str       # the text as planted (a short piece around the slip)
    original: str      # what stood there before


@dataclass(frozen=True)
class Family:
    name: str
    grade: str         # serious | standard
    codes: frozenset   # the codes whose finding counts as finding this slip
    plant: object      # function(Letter, Random) -> (lines, Slip) | None


# -- reading a clean letter: which lines are prose, title, signature, date ---------------------------

@dataclass
class Letter:
    name: str
    lines: list        # the input's lines, without line ends
    kind: str | None   # 提案 | 建议
    organ: str | None
    roles: dict        # role → [line numbers (1-based)]

    def prose(self) -> list[int]:
        """Line numbers of the body's prose (opening, body, closing)."""
        numbers = [n for role in ("opening", "body", "closing") for n in self.roles.get(role, [])]
        return sorted(n for n in numbers if len(re.findall(f"[{HAN}]", self.lines[n - 1])) >= 8)


def read_letter(path: Path, expected: Path | None = None) -> Letter:
    """A letter and, where an expected/NN.yaml gives them, its lines' roles; else roles by reading."""
    lines = path.read_text(encoding="utf-8").splitlines()
    facts = {}
    if expected is not None and expected.exists():
        facts = yaml.safe_load(expected.read_text(encoding="utf-8")) or {}
    roles = {k: list(v) for k, v in (facts.get("roles") or {}).items()}
    if not roles:
        roles = _guess_roles(lines)
    organ = facts.get("organ")
    organ = organ[0] if isinstance(organ, list) else organ
    kind = facts.get("kind")
    if kind not in ("提案", "建议"):
        head = "\n".join(lines[:40])
        kind = "提案" if head.count("提案") + head.count("委员") >= head.count("建议") + head.count("代表") else "建议"
    return Letter(path.stem, lines, kind, organ if organ and organ != "无" else None, roles)


def _guess_roles(lines: list[str]) -> dict:
    """Roles for a letter without an expected file: the title is the first line with 关于 and a reply word,
    the date the last date, the signature the line above it, the prose what lies between."""
    text = [l.strip() for l in lines]
    title = next((i for i, l in enumerate(text, 1) if "关于" in l and re.search("答复|回复|复函|意见|函", l)), None) \
        or next((i for i, l in enumerate(text[:15], 1) if l.startswith("关于")), None)
    dates = [i for i, l in enumerate(text, 1) if re.fullmatch(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", l)]
    date = dates[-1] if dates else None
    signature = None
    if date:
        signature = next((i for i in range(date - 1, 0, -1) if text[i - 1]), None)
    start = (title or 0) + 1
    end = (signature or len(lines) + 1)
    body = [i for i in range(start, end) if len(text[i - 1]) >= 8]
    roles = {"body": body}
    if title:
        roles["title"] = [title]
    if date:
        roles["date"] = [date]
    if signature and len(text[signature - 1]) <= 20:
        roles["signature"] = [signature]
    return roles


# -- planters ----------------------------------------------------------------------------------------

def _replace(letter: Letter, number: int, start: int, end: int, new: str, family: str, context: int = 3):
    """The letter's lines with line `number`'s [start:end) replaced by `new`, and the Slip."""
    lines = list(letter.lines)
    old = lines[number - 1]
    lines[number - 1] = old[:start] + new + old[end:]
    planted = lines[number - 1][max(0, start - context):start + len(new) + context]
    return lines, Slip(family, number, planted, old[max(0, start - context):end + context])


def _places(letter: Letter, pattern: re.Pattern, numbers=None):
    numbers = letter.prose() if numbers is None else numbers
    return [(n, m) for n in numbers for m in pattern.finditer(letter.lines[n - 1])]


QUANTITY = re.compile(rf"([{HAN}]{{2,6}}?)(约|共|达|为)?\s?(\d+(?:\.\d+)?)\s?(万|亿)?(余|多)?\s?"
                      r"(平方米|平方公里|元|人次|人|个|家|户|公里|米|亩|吨|辆|所|座|条|项|件|名|间|张|台|套)")


def plant_magnitude(letter, rng):
    """A figure said once, said again later with 万/亿 added or dropped (总投资3.2亿元 … 总投资3.2万元)."""
    places = _places(letter, QUANTITY)
    if not places:
        return None
    number, match = rng.choice(places)
    label, qualifier, digits, magnitude, _, unit = match.groups()
    label = label[-4:]
    wrong = {"": "万", "万": rng.choice(["", "亿"]), "亿": "万"}[magnitude or ""]
    restated = f"{label}{qualifier or ''}{digits}{wrong}{unit}"
    later = [n for n in letter.prose() if n >= number]
    target = rng.choice(later)
    text = letter.lines[target - 1]
    ends = [m.end() for m in re.finditer("[。；]", text) if target != number or m.end() > match.end()]
    if not ends:
        return None
    at = rng.choice(ends)
    return _replace(letter, target, at, at, f"其中{restated}，", "magnitude", 0)


PEOPLE_SUBJECTS = ["接待群众咨询", "开展业务培训", "服务辖区居民", "组织志愿服务"]
HOUSEHOLDS = ["沿线群众", "片区居民", "受影响群众", "困难家庭"]
BENEFITS = ["用上稳定的自来水", "出行更加便利", "住上安全住房", "享受集中供暖"]


def plant_unit_subject(letter, rng):
    """人次 counted, then restated as 人 (接待群众咨询3000余人次 … 共接待3000余人)."""
    lines = letter.prose()
    if not lines:
        return None
    target = rng.choice(lines)
    text = letter.lines[target - 1]
    ends = [m.end() for m in re.finditer("。", text)]
    if not ends:
        return None
    at = rng.choice(ends)
    n = rng.choice(["3000", "1200", "580", "2.6万", "1.5万"])
    subject = rng.choice(PEOPLE_SUBJECTS)
    planted = rng.choice([f"全年{subject}{n}余人次，累计{subject[:2]}{n}余人。",
                          # households counted, the same count restated as people (受益群众3000余户 … 3000余人用上)
                          f"惠及{rng.choice(HOUSEHOLDS)}{n}余户，实现{n}余人{rng.choice(BENEFITS)}。"])
    return _replace(letter, target, at, at, planted, "unit-subject", 0)


@lru_cache(maxsize=1)
def _words():
    """jieba's dictionary: {word: frequency}."""
    from letterkit.cache import jieba
    return jieba().dt.FREQ


def _segments(text: str):
    from letterkit.cache import jieba
    at = 0
    for word in jieba().lcut(text, HMM=False):
        yield at, word
        at += len(word)


def plant_lost_character(letter, rng, lengths=(2, 3, 4), least=2000):
    """One character lost from a common word of two to four characters (日间照料中心 → 日照料中心)."""
    freq = _words()
    places = []
    for number in letter.prose():
        for at, word in _segments(letter.lines[number - 1]):
            if len(word) in lengths and re.fullmatch(f"[{HAN}]+", word) and freq.get(word, 0) >= least:
                places.append((number, at, word))
    if not places:
        return None
    number, at, word = rng.choice(places)
    cut = rng.randrange(len(word))
    return _replace(letter, number, at, at + len(word), word[:cut] + word[cut + 1:], "lost-character")


def plant_doubled_character(letter, rng):
    """A character typed twice (加强 → 加加强, 的 → 的的)."""
    places = [(n, m) for n, m in _places(letter, re.compile(f"[{HAN}]"))]
    if not places:
        return None
    number, match = rng.choice(places)
    ch = match.group()
    return _replace(letter, number, match.start(), match.end(), ch + ch, "doubled-character")


ENUMERATION = re.compile(rf"[{HAN}A-Za-z0-9]{{2,10}}(?:、[{HAN}A-Za-z0-9]{{2,10}}){{2,}}")


def plant_repeated_enumeration(letter, rng):
    """An enumeration of three or more names said twice in one sentence (甲、乙、丙等，甲、乙、丙等……)."""
    places = _places(letter, ENUMERATION)
    if not places:
        return None
    number, match = rng.choice(places)
    return _replace(letter, number, match.end(), match.end(), f"等，{match.group()}", "repeated-enumeration", 0)


ORGANISATION = re.compile(rf"[{HAN}]{{3,14}}?(?:局|委员会|办公室|办事处|中心|医院|学校|政府|公司|街道|合作区|产业园)")
NEAR = "人才材科技创新新心服务务发展展管理里建设社会区县市镇乡村街卫生健康交通运输资源环境"
RETYPED = ["服务", "发展", "管理", "建设", "保障", "促进"]


def plant_name_variant(letter, rng):
    """An organisation named twice, the second time with one character changed or lost inside the name."""
    prose = letter.prose()
    found = _places(letter, ORGANISATION, prose)
    counts = Counter(m.group() for _, m in found)
    places = [(n, m) for n, m in found if counts[m.group()] >= 2 and len(m.group()) >= 5]
    if not places:
        return None
    first = {}
    for n, m in places:
        first.setdefault(m.group(), (n, m.start()))
    later = [(n, m) for n, m in places if first[m.group()] != (n, m.start())]
    if not later:
        return None
    number, match = rng.choice(later)
    name = match.group()
    suffix = ORGANISATION.search(name)
    head = len(name) - len(re.search("(?:局|委员会|办公室|办事处|中心|医院|学校|政府|公司|街道|合作区|产业园)$", name).group())
    if head < 2:
        return None
    at = rng.randrange(1, head)  # inside the name, not its first character nor its last word
    if head >= 6 and rng.random() < 0.3:  # the two characters before the last word retyped (发展中心 → 服务中心)
        retyped = rng.choice([w for w in RETYPED if w != name[head - 2:head]])
        return _replace(letter, number, match.start(), match.end(), name[:head - 2] + retyped + name[head:], "name-variant")
    if rng.random() < 0.5:
        new = name[:at] + name[at + 1:]
    else:
        new = name[:at] + rng.choice([c for c in NEAR if c != name[at]]) + name[at + 1:]
    del suffix
    return _replace(letter, number, match.start(), match.end(), new, "name-variant")


def plant_signature(letter, rng):
    """The signature differs from the letterhead's organ by one character (科技创新局 → 科创创新局)."""
    numbers = letter.roles.get("signature") or []
    if not numbers:
        return None
    number = numbers[0]
    text = letter.lines[number - 1]
    name = text.strip()
    if len(name) < 4 or not re.fullmatch(f"[{HAN}]+", name):
        return None
    start = text.index(name)
    at = rng.randrange(1, len(name) - 1)
    new = name[:at] + rng.choice([c for c in NEAR if c != name[at]]) + name[at + 1:]
    return _replace(letter, number, start, start + len(name), new, "signature")


def plant_date_month(letter, rng):
    """A date that lost its 月 (2020年3月17日 → 2020年317日)."""
    numbers = letter.prose() + list(letter.roles.get("date") or [])
    places = _places(letter, DATE, numbers)
    if rng.random() < 0.5:  # a date in a sentence, without its year (并于3月17日召开 → 并于317日召开)
        bare = _places(letter, BARE_DATE)
        if bare:
            number, match = rng.choice(bare)
            lead, month, day = match.groups()
            return _replace(letter, number, match.start(), match.end(), f"{lead}{month}{day}日", "date-month")
        lines = letter.prose()
        if lines:
            number = rng.choice(lines)
            ends = [m.end() for m in re.finditer("。", letter.lines[number - 1])]
            if ends:
                at, month, day = rng.choice(ends), rng.randint(1, 12), rng.randint(10, 28)
                return _replace(letter, number, at, at, f"我局并于{month}{day}日召开专题会议研究推进。", "date-month", 0)
    if not places:
        return None
    number, match = rng.choice(places)
    year, month, day = match.groups()
    return _replace(letter, number, match.start(), match.end(), f"{year}年{month}{day}日", "date-month")


BARE_DATE = re.compile(r"(于|截至|自)(1[0-2]|[1-9])月([1-3]\d)日")


def plant_role(letter, rng):
    """委员 where a 建议's 代表 is meant, or the reverse (尊敬的王红兰代表 → 尊敬的王红兰委员)."""
    right, wrong = ("委员", "代表") if letter.kind == "提案" else ("代表", "委员")
    numbers = sorted(set(letter.prose()) | set(letter.roles.get("salutation") or []))
    places = [(n, m) for n, m in _places(letter, re.compile(right), numbers)
              if not letter.lines[n - 1][m.end():m.end() + 1] in ("会", "长")]
    named = _addressee_name(letter)
    if named and rng.random() < 0.5:  # the addressee called by name with the other role, opening a paragraph
        lines = letter.prose()
        number = rng.choice(lines[len(lines) // 2:])
        at = len(re.match(r"\s*", letter.lines[number - 1]).group())
        return _replace(letter, number, at, at, f"{named}{wrong}，", "role", 0)
    if not places:
        return None
    number, match = rng.choice(places)
    return _replace(letter, number, match.start(), match.end(), wrong, "role")


def _addressee_name(letter) -> str | None:
    """The name in the salutation (尊敬的胡建军代表：, 王红兰委员：)."""
    for line in letter.lines[:40]:
        match = re.fullmatch(rf"\s*(?:尊敬的)?([{HAN}]{{2,3}})(?:代表|委员)\s*[:：]\s*", line)
        if match:
            return match.group(1)
    return None


KIND_MENTION = re.compile("(?:该|这一|此|您的|号|本)(提案|建议)")


def plant_kind_word(letter, rng):
    """A 建议 reply that speaks of 您这一提案 (or a 提案 reply of 该建议)."""
    other = "建议" if letter.kind == "提案" else "提案"
    places = [(n, m) for n, m in _places(letter, KIND_MENTION) if m.group(1) == letter.kind]
    if places:
        number, match = rng.choice(places)
        return _replace(letter, number, match.start(1), match.end(1), other, "kind-word")
    lines = letter.prose()
    if not lines:
        return None
    number = rng.choice(lines)
    at = len(re.match(r"\s*", letter.lines[number - 1]).group())
    return _replace(letter, number, at, at, f"您这一{other}很有针对性，", "kind-word", 0)


def plant_guanyu_dui(letter, rng):
    """关于对 in the title."""
    numbers = letter.roles.get("title") or []
    places = [(n, m) for n, m in _places(letter, re.compile("关于(?!对)"), numbers)
              if not re.search("[“《]", letter.lines[n - 1][:m.start()])]  # the title's own 关于, not a quoted title's
    if not places:
        return None
    number, match = places[0]
    return _replace(letter, number, match.start(), match.end(), "关于对", "guanyu-dui")


FORM_FIELDS = ["领导签字:", "单位负责人:", "签发人:", "领导签发:"]


def plant_empty_field(letter, rng):
    """An internal form's field printed empty (领导签字: with nothing after it), after the date or the signature."""
    after = (letter.roles.get("date") or letter.roles.get("signature") or [])
    if not after:
        return None
    number = after[-1]
    lines = list(letter.lines)
    field_text = rng.choice(FORM_FIELDS)
    lines.insert(number, field_text)
    return lines, Slip("empty-field", number + 1, field_text, "")


def plant_organ_truncated(letter, rng):
    """The organ's full name in the body losing its last character (…住房和城乡建设局 → …住房和城乡建设)."""
    if not letter.organ or len(letter.organ) < 5:
        return None
    organ = letter.organ
    tails = [organ[k - 1:] for k in range(2, len(organ) - 4) if organ[k - 1] in "省市州县区旗"]
    places = _places(letter, re.compile("|".join(re.escape(n) for n in [organ] + tails)))
    if not places:
        return None
    number, match = rng.choice(places)
    return _replace(letter, number, match.start(), match.end(), match.group()[:-1], "organ-truncated")


def plant_line_start(letter, rng):
    """A line of the typeset page that starts with ， or 、 (the page broke 避头)."""
    places = _places(letter, re.compile("[，、。,]"))
    places = [(n, m) for n, m in places if 4 <= m.start() < len(letter.lines[n - 1]) - 4]
    if not places:
        return None
    number, match = rng.choice(places)
    lines = list(letter.lines)
    text = lines[number - 1]
    lines[number - 1:number] = [text[:match.start()], text[match.start():]]
    return lines, Slip("line-start", number + 1, text[match.start():match.start() + 6], "")


def plant_space_in_number(letter, rng):
    """A space inside a number copied from a PDF (2020年 → 20 20年)."""
    places = _places(letter, re.compile(r"(?<!\d)\d{4}(?=年)"))
    if not places:
        return None
    number, match = rng.choice(places)
    digits = match.group()
    return _replace(letter, number, match.start(), match.end(), f"{digits[:2]} {digits[2:]}", "space-in-number")


def plant_you_plural(letter, rng):
    """您们 for one addressee."""
    places = _places(letter, re.compile("您(?!们)"))
    if not places:
        return None
    number, match = rng.choice(places)
    return _replace(letter, number, match.start(), match.end(), "您们", "you-plural")


def plant_precision(letter, rng):
    """A figure in 万/亿 copied with trailing zeros or many decimals (2.5亿 → 2.5000亿)."""
    places = _places(letter, re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=万|亿)"))
    if not places:
        return None
    number, match = rng.choice(places)
    digits = match.group()
    new = (digits + "000") if "." in digits else digits + rng.choice([".0000", ".12345", ".500"])
    return _replace(letter, number, match.start(), match.end(), new, "precision")


def plant_repeated_sentence(letter, rng):
    """A sentence left twice after an edit."""
    places = _places(letter, re.compile(rf"[^。；]{{12,80}}。"))
    if not places:
        return None
    number, match = rng.choice(places)
    return _replace(letter, number, match.end(), match.end(), match.group().lstrip("，,"), "repeated-sentence", 0)


FAMILIES = [
    Family("magnitude", "serious", frozenset({"quantity-magnitude", "figure-magnitude"}), plant_magnitude),
    Family("lost-character", "serious", frozenset({"lost-character"}), plant_lost_character),
    Family("repeated-enumeration", "serious", frozenset({"repeated-enumeration"}), plant_repeated_enumeration),
    Family("signature", "serious", frozenset({"signature-organ", "import-signature", "signature-variant", "organ-name-words"}), plant_signature),
    Family("date-month", "serious", frozenset({"date-lost-month", "date-line-lost-month", "import-date"}), plant_date_month),
    Family("role", "serious", frozenset({"addressee-role", "import-salutation", "kind-word"}), plant_role),
    Family("empty-field", "serious", frozenset({"empty-form-field", "empty-form-line"}), plant_empty_field),
    Family("organ-truncated", "serious", frozenset({"organ-truncated", "signature-organ"}), plant_organ_truncated),
    Family("unit-subject", "standard", frozenset({"unit-subject"}), plant_unit_subject),
    Family("doubled-character", "standard", frozenset({"doubled-character"}), plant_doubled_character),
    Family("name-variant", "standard", frozenset({"name-variant", "organ-truncated", "signature-organ", "lost-character"}), plant_name_variant),  # a name one character short: lost-character names the whole name (one finding per slip)
    Family("kind-word", "standard", frozenset({"kind-word"}), plant_kind_word),
    Family("guanyu-dui", "standard", frozenset({"title-guanyu-dui"}), plant_guanyu_dui),
    Family("line-start", "standard", frozenset({"line-start-punctuation"}), plant_line_start),
    Family("space-in-number", "standard", frozenset({"space-in-number"}), plant_space_in_number),
    Family("you-plural", "standard", frozenset({"you-plural"}), plant_you_plural),
    Family("precision", "standard", frozenset({"number-precision"}), plant_precision),
    Family("repeated-sentence", "standard", frozenset({"repeated-sentence"}), plant_repeated_sentence),
]


# -- import + check, as a clerk runs them -------------------------------------------------------------

def run(lines: list[str], name: str, folder: Path) -> list:
    """`letterkit import` then `letterkit check` on the lines: every problem, with the draft's text."""
    from letterkit.errors import LetterkitError
    from letterkit.importing import import_file
    from letterkit.checkrun import check_paths
    from letterkit.project import open_project

    source = folder / f"{name}.txt"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        imported = import_file(source)
    except LetterkitError as error:
        return list(error.problems)
    draft = folder / f"{name}.yaml"
    draft.write_text(imported.draft, encoding="utf-8")
    return imported.problems() + check_paths([draft], open_project(draft))[draft]


def _key(problem) -> tuple:
    return problem.code, problem.message


def found(slip: Slip, family: Family, before: list, after: list) -> bool:
    """A finding of the family's codes that the clean letter did not raise and that quotes the slip
    (two characters of it at least) or points at its input line."""
    old = Counter(_key(p) for p in before)
    for problem in after:
        if problem.code not in family.codes:
            continue
        if old[_key(problem)]:
            old[_key(problem)] -= 1
            continue
        pieces = {slip.planted[i:i + 2] for i in range(len(slip.planted) - 1)} - {""}
        if any(piece in problem.message for piece in pieces) or problem.location.line == slip.line \
                or family.name in ("signature", "empty-field", "role"):  # a new finding names the contradiction
            return True
    return False


@dataclass
class Outcome:
    letter: str
    family: str
    grade: str
    slip: Slip
    found: bool


def sweep(letters: list[Letter], rounds: int, seed: int, families=FAMILIES) -> list[Outcome]:
    """Plant each family's slip `rounds` times into each letter (where it fits), one slip at a time."""
    rng = random.Random(seed)
    outcomes = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for letter in letters:
            before = run(letter.lines, letter.name, folder)
            for family in families:
                for _ in range(rounds):
                    planted = next(filter(None, (family.plant(letter, rng) for _ in range(5))), None)
                    if planted is None:
                        break  # the letter has no place for this slip
                    lines, slip = planted
                    after = run(lines, letter.name, folder)
                    outcomes.append(Outcome(letter.name, family.name, family.grade, slip, found(slip, family, before, after)))
    return outcomes


def published_letters() -> list[Letter]:
    folder = Path(__file__).resolve().parent / "fixtures" / "published"
    letters = [read_letter(p, folder / "expected" / f"{p.stem[:2]}.yaml") for p in sorted(folder.glob("[0-9][0-9]_*.txt"))]
    return letters + [read_letter(folder / "seed-futian-TA20200005.txt")]


def recall(outcomes: list[Outcome]) -> dict:
    """{family: (found, planted)} and the overall figure under 'all'."""
    table = {}
    for outcome in outcomes:
        hit, total = table.get(outcome.family, (0, 0))
        table[outcome.family] = (hit + outcome.found, total + 1)
    table["all"] = (sum(h for h, _ in table.values()), sum(t for _, t in table.values()))
    return table
