"""Family 3: a character lost in editing (`公共技术平华大九天` for 平台、华大九天).

jieba's dictionary (words with frequencies, shipped by the registry package; no list of ours)
says which strings are words.  A lost character leaves a single character standing between two
words, in no word itself.  It is reported only when the letter itself shows the whole word:
the character stands alone nowhere else, and either the whole word appears elsewhere in the
same surroundings (八卦岭片区) — "很可能" — or the character is rarely a word by itself in
jieba's counts and the whole word appears elsewhere at least twice (平台) — "可能".
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from bisect import bisect_right
from itertools import chain, compress, count
from operator import add, not_, or_

from .registry import Finding, rule
from . import text as text_module
from .text import CJK, MEMOS, prose

HAN = re.compile(f"^[{CJK}]+$")
RARELY_ALONE = 0.1  # share of a character's uses in jieba's counts where it is a word by itself
# constructions where one character standing alone is right: 集…（于）一体
ALLOWED = (re.compile("^集.*一体"),)
# the last character of an organ's or a place's name (卫生健康局, 八卦岭片区) stands alone after a
# word when the whole name is not in the dictionary: only the surer test may report it
NAME_ENDS = set("局委办厅部署院站所处科股队室馆会区县市省镇乡村街团")
NAME_ENDS |= set("方者性化式型率")  # and what makes a noun of the word before it: 协调方, 参与者, 规范化


STOPS = set("，。；：、！？")
CACHE_VERSION = "proof-missing-3"


@lru_cache(maxsize=1)
def dictionary() -> tuple[frozenset, dict, dict]:
    """From jieba's dictionary: its two-character words, its words of two to four characters with their
    counts, and
    for each character the share of its uses in which it is a word by itself.  Kept in
    letterkit's cache folder: reading jieba's dictionary takes a second or more, every run."""
    import pickle

    from ..cache import cache_dir

    folder = cache_dir("proof")
    path = folder / f"{CACHE_VERSION}.pickle" if folder else None
    if path is not None and path.exists():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # a damaged or foreign cache file: build it again
            pass
    from ..cache import jieba as private_jieba

    jieba = private_jieba()  # never the shared $TMPDIR/jieba.cache
    pairs, counts, inside = set(), {}, Counter()
    for word, count in jieba.dt.FREQ.items():
        if count and 2 <= len(word) <= 4 and HAN.match(word):
            counts[word] = count
            if len(word) == 2:
                pairs.add(word)
            for ch in set(word):
                inside[ch] += count
    alone = {ch: jieba.dt.FREQ.get(ch, 0) / (jieba.dt.FREQ.get(ch, 0) + n + 1) for ch, n in inside.items()}
    result = (frozenset(pairs), counts, alone)
    if path is not None:
        try:
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # whole or not at all, when two processes write it
        except OSError:
            pass  # only a cache
    return result


def lost_characters(paragraphs: list[str]) -> list[tuple[int, int, str, str, bool]]:
    """(paragraph, offset, the lone character, the whole word seen elsewhere, sure) of each suspect.

    A character is lone when no word of jieba's dictionary covers it together with a neighbour
    and words end just before it and start just after it.  Set look-ups only, no segmenting:
    a thousand seed-sized drafts are checked in seconds."""
    pairs, words, alone = dictionary()
    letter = "\n".join(paragraphs)
    found = [_paragraph(text) for text in paragraphs]
    seen = Counter(chain.from_iterable(paired for paired, _, _, _, _ in found))  # the two-character words of the letter
    after: dict[str, dict] = defaultdict(dict)   # c → {x: times} for each word c+x in the letter
    before: dict[str, dict] = defaultdict(dict)  # c → {x: times} for each word x+c
    for pair, times in seen.items():
        after[pair[0]][pair[1]] = times
        before[pair[1]][pair[0]] = times
    # cheapest first: a character in no two-character word with a neighbour, rarely a word alone,
    # inside its paragraph (not at either end), that can have been cut from a word of this
    # letter; then the longer words around it
    places = []
    for index, (text, (_, _, loose, padded, known)) in enumerate(zip(paragraphs, found)):
        for at in [at for at in loose if text[at] in after or text[at] in before]:
            lone = known.get(at)
            if lone is None:
                lone = known[at] = _lone(padded, at + PAD, words)
            if lone:
                places.append((index, at))
    times = Counter(paragraphs[index][at] for index, at in places)
    spans, start = [], 0  # where each paragraph stands in the letter
    for text in paragraphs:
        spans.append((start, start + len(text)))
        start += len(text) + 1
    held: dict[str, list] = {}

    def holding(word: str) -> list:  # the spans of the paragraphs that hold a two-character word
        if word not in held:
            held[word] = [span for span, entry in zip(spans, found) if word in entry[1]]
        return held[word]

    suspects = []
    for index, at in places:
        text = paragraphs[index]
        ch, prev, nxt = text[at], text[at - 1], text[at + 1]
        if times[ch] > 1 or any(p.match(text[at:at + 40].split("。")[0]) for p in ALLOWED):
            continue
        wholes = [(ch + x, n) for x, n in after[ch].items() if x != nxt] + \
                 [(x + ch, n) for x, n in before[ch].items() if x != prev]
        share = alone.get(ch, 1.0)
        left, right = text[at - 2:at], text[at + 1:at + 3]
        sure = [w for w, _ in wholes if share < 0.5 and (_clean(letter, left + w, 2, pairs, holding(w))
                                                         or _clean(letter, w + right, 0, pairs, holding(w)))]
        if sure:
            suspects.append((index, at, ch, sure[0], True))
        elif share < RARELY_ALONE and sum(n for _, n in wholes) >= 2 and ch not in NAME_ENDS:
            suspects.append((index, at, ch, max(wholes, key=lambda w: w[1])[0], False))
    return suspects


_paragraphs: dict = {}  # paragraph → _paragraph's answer: the letters of one office share many paragraphs
MEMOS.append(_paragraphs)
PAD = 4  # marks around a paragraph: no word runs across its ends


def _paragraph(text: str) -> tuple[list, set, list, str, dict]:
    """One paragraph's two-character words in order and as a set; the offsets of its characters (not at either
    end) in none of them and rarely a word alone; the paragraph padded; and offset → whether the
    character there is lone (filled as letters ask): the same in whatever letter it stands."""
    known = _paragraphs.get(text)
    if known is None:
        bigrams = list(map(add, text, text[1:]))
        word = list(map(dictionary()[0].__contains__, bigrams))  # word[at]: text[at:at + 2] is a word
        paired, rare = list(compress(bigrams, word)), rarely_alone()
        counted = set(paired)
        # 0 < at < len(text) - 1, in a word with neither neighbour (word[at - 1], word[at]): looped over in C
        unpaired = compress(range(1, len(text) - 1), map(not_, map(or_, word, word[1:])))
        loose = [at for at in unpaired if text[at] in rare]
        if len(_paragraphs) >= text_module.MOST_TEXTS:
            _paragraphs.clear()
        known = _paragraphs[text] = paired, counted, loose, "\n" * PAD + text + "\n" * PAD, {}
    return known


@lru_cache(maxsize=1)
def rarely_alone() -> frozenset:
    """The characters that are a word by themselves in under half of their uses."""
    return frozenset(ch for ch, share in dictionary()[2].items() if share < 0.5)


def _lone(t: str, i: int, W) -> bool:
    """Whether t[i], in no two-character word with a neighbour, is inside no longer word either,
    and a word ends just before it and a word (or a mark ending the phrase: 做好相关工。) starts
    just after it; not a mark before: 现、经 open sentences by themselves."""
    if t[i:i + 3] in W or t[i:i + 4] in W or t[i - 1:i + 2] in W or t[i - 1:i + 3] in W \
            or t[i - 2:i + 1] in W or t[i - 2:i + 2] in W or t[i - 3:i + 1] in W:
        return False  # inside a longer word
    return (t[i - 2:i] in W or t[i - 3:i] in W or t[i - 4:i] in W) \
        and (t[i + 1:i + 3] in W or t[i + 1:i + 4] in W or t[i + 1:i + 5] in W or t[i + 1] in STOPS)


def _clean(letter: str, phrase: str, at: int, pairs, spans) -> bool:
    """Whether the two-character word at phrase[at:at+2] stands as a word somewhere the phrase occurs:
    no two-character word overlaps it from either side (完善类改造 holds 善类 only as 完善|类).
    The phrase is looked for only in `spans`, the paragraphs that hold the word."""
    for first, end in spans:
        start = letter.find(phrase, first, end)
        while start >= 0:
            j = start + at
            if letter[j - 1:j + 1] not in pairs and letter[j + 1:j + 3] not in pairs:
                return True
            start = letter.find(phrase, start + 1, end)
    return False


@rule("lost-character", "warning", "missing", "词语中间漏了字（单字夹在两个词之间，本信别处写全了）",
      "按 jieba 自带词典（带词频）：一个字不在任何词里、孤零零夹在两个词之间，而本信别处把它写在一个词里"
      "（“平台”二十余次，“平”从不单用），多半是改稿时漏了字。两种把握：别处同样的上下文里写全了——“很可能”；"
      "这个字在 jieba 的词频里很少单独成词，且那个词别处出现两次以上——“可能”（机构、地名的末字不报）。"
      "在种子信上报 3 处，都是真漏字；在另外 18 封已发布的信上报 1 处，存疑。"
      "另一种：五字以上的短语比本信别处的写法只少中间一个字（“日照料中心”与“日间照料中心”，“公共技术服务台”与"
      "“公共技术服务平台”），少掉的字与邻字成词、不是虚词或机构末字，且缺口一侧剩下不成词的单字——“很可能”；"
      "在 18 封已发布的信、种子信和 20 封新信上只报 2 处，都是真漏字。",
      "5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台", "5G公共技术平台、华大九天模拟电路设计全流程EDA工具系统等平台")
def _lost(c):
    paragraphs = prose(c.data)
    texts = [text for _, text in paragraphs]
    reported = set()
    for index, at, short_phrase, whole, ch in shortened_phrases(texts):
        reported.update((index, k) for k in range(at, at + len(short_phrase)))
        yield Finding(paragraphs[index][0], f"“{short_phrase}”比本信别处的“{whole}”少了“{ch}”，很可能漏了字",
                      f"核对原稿，补上漏掉的字（写作“{whole}”）", at)
    for index, at, ch, whole, sure in lost_characters(texts):
        if (index, at) in reported:
            continue
        text = texts[index]
        quoted = text[max(0, at - 4):at + 5]
        how = "很可能" if sure else "可能"
        yield Finding(paragraphs[index][0], f"“{quoted}”中“{ch}”单独成字，{how}漏了字（本信别处写作“{whole}”）",
                      f"核对原稿，补上漏掉的字（如“{whole}”）", at)


FUNCTION = set("的地得了着过和与及或等之在对为把被将并也都又而就是有个们从向于以")
NO_LOSS = FUNCTION | NAME_ENDS | set("一二三四五六七八九十百千万亿年月日号第各全本该其")
SHORT_CJK = re.compile(f"[{CJK}]{{4}}")


def shortened_phrases(paragraphs: list[str]) -> list[tuple[int, int, str, str, str]]:
    """(paragraph, offset of the short phrase, the short phrase, the phrase written in full
    elsewhere in the letter, the lost character) for each phrase of five characters or more that
    equals another phrase of the letter with one character taken out of its middle (日照料中心 beside
    日间照料中心, 公共技术服务台 beside 公共技术服务平台).

    Only a character that makes a two-character word with a neighbour in the full phrase (日间, 平台),
    no particle or a name's last character (的, 区: 产业园区 / 产业园 are both right), and the short
    phrase's join no word of its own (务台; 日照 is one, but 照料 follows and claims 照), and a
    character on one side of the join left hanging, in no word (日 of 新建日照料, 台 of 服务台的):
    宅基地|底数 and 电商|公共 are phrases of their own.  One dict of the letter's four-character
    keys, looked up once per position: cheap."""
    pairs, words, _ = dictionary()
    letter = "\n".join(paragraphs)
    # the keys, from the letter as one text, or, when most of it repeats paragraphs of letters checked
    # before (an office's closings and standard measures), put together from what each paragraph holds
    repeated = sum(len(text) for text in paragraphs if text in _phrase_seen)
    if len(_phrase_seen) >= text_module.MOST_TEXTS:
        _phrase_seen.clear()
    _phrase_seen.update(paragraphs)
    full = _keys_by_paragraph(paragraphs, pairs) if 2 * repeated >= len(letter) else _keys_of_letter(letter, pairs)
    if not full:
        return []
    starts, index = [], 0
    for text in paragraphs:
        starts.append(index)
        index += len(text) + 1
    found, seen = [], set()
    places = sorted((j, key) for key in full for j in _occurrences(letter, key))
    for j, key in places:
        hits = full[key]
        if not SHORT_CJK.fullmatch(key):
            continue
        for i, k in hits:
            if i <= j + 4 and j <= i + 5:
                continue  # the same place
            gap = j + k  # the short phrase's join is between gap - 1 and gap
            left = 0  # how far the two agree before the gap and after it
            while left < 8 and letter[gap - 1 - left] == letter[i + k - 1 - left] and letter[gap - 1 - left] not in "\n，。；：、！？":
                left += 1
            right = 0
            while gap + right < len(letter) and i + k + 1 + right < len(letter) and right < 8 \
                    and letter[gap + right] == letter[i + k + 1 + right] and letter[gap + right] not in "\n，。；：、！？":
                right += 1
            short_phrase, whole = letter[gap - left:gap + right], letter[i + k - left:i + k + 1 + right]
            join = letter[gap - 1:gap + 1]
            if left + right < 5 or whole in seen or (join in pairs and not letter[gap:gap + 2] in pairs) \
                    or not (_dangles(letter, gap - 1, -1, words) or _dangles(letter, gap, 1, words)) \
                    or letter.count(short_phrase) > letter.count(whole):
                continue  # both sides of the join end or start words (宅基地|底数, 电商|公共): a phrase of its own
            seen.add(whole)
            index = bisect_right(starts, gap) - 1
            found.append((index, gap - left - starts[index], short_phrase, whole, letter[i + k]))
            break
    return found


def _keys_of_letter(letter: str, pairs) -> dict[str, list[tuple[int, int]]]:
    """The four characters left when one is taken out of five → [(start, which)]; one before and
    three after it, or three before and one after: a match of five characters or more has one of
    the two.  Only a key some four characters of the letter equal."""
    bigrams = set(map(add, letter, letter[1:]))
    fours = map(add, map(add, letter, letter[1:]), map(add, letter[2:], letter[3:]))
    present = set(fours)  # only a key some four characters of the letter equal can match
    full: dict[str, list[tuple[int, int]]] = {}
    # taken out, the character leaves its neighbours side by side: somewhere else too, or no match
    for p in [p for p, join in enumerate(map(add, letter, letter[2:]), 1) if join in bigrams]:
        x = letter[p]
        if x in NO_LOSS or not "\u3400" <= x <= "\u9fff" or not (letter[p - 1:p + 1] in pairs or letter[p:p + 2] in pairs):
            continue
        for k in (1, 3):
            i = p - k
            if i >= 0 and i + 5 <= len(letter):
                key = letter[i:p] + letter[p + 1:i + 5]
                if key in present:
                    full.setdefault(key, []).append((i, k))
    return full


def _keys_by_paragraph(paragraphs: list[str], pairs) -> dict[str, list[tuple[int, int]]]:
    """_keys_of_letter's keys of four CJK characters (the only ones shortened_phrases reads), with
    their places in the same order: such a key and its five stand in one paragraph, so what one
    paragraph holds is worked out once (_phrase_parts) and the letter puts its paragraphs' together."""
    parts = [_phrase_parts(text) for text in paragraphs]
    bigrams = set().union(*(part[0] for part in parts))
    present = set().union(*(part[1] for part in parts))
    full: dict[str, list[tuple[int, int]]] = {}
    start = 0
    for text, (_, _, joins, keys) in zip(paragraphs, parts):
        for p in compress(count(1), map(bigrams.__contains__, joins)):
            if p not in keys:
                keys[p] = _keys_at(text, p, pairs)
            for i, k, key in keys[p]:
                if key in present:
                    full.setdefault(key, []).append((start + i, k))
        start += len(text) + 1
    return full


_phrase_seen: set = set()  # the paragraphs of the letters shortened_phrases read
MEMOS.append(_phrase_seen)
_phrase_memo: dict = {}  # paragraph → _phrase_parts's answer
MOST_PARTS = 2_000  # paragraphs kept (each holds a few sets): an office's repeated paragraphs fit many times over
MEMOS.append(_phrase_memo)


def _phrase_parts(text: str) -> tuple[set, set, list, dict]:
    """One paragraph's pairs and fours of characters side by side, its joins (text[p - 1] +
    text[p + 1] for p = 1, 2, …), and p → _keys_at (filled as letters ask): the same in whatever
    letter the paragraph stands."""
    known = _phrase_memo.get(text)
    if known is None:
        if len(_phrase_memo) >= MOST_PARTS:
            _phrase_memo.clear()
        known = _phrase_memo[text] = (set(map(add, text, text[1:])), set(map(add, map(add, text, text[1:]), map(add, text[2:], text[3:]))),
                                      list(map(add, text, text[2:])), {})
    return known


def _keys_at(text: str, p: int, pairs) -> list[tuple[int, int, str]]:
    """(start, k, key) for the character at p taken out of the five text[start:start + 5], p = start + k:
    none when it is a particle, no CJK or in no two-character word with a neighbour, or the four
    left are not all CJK."""
    x = text[p]
    if x in NO_LOSS or not "\u3400" <= x <= "\u9fff" or not (text[p - 1:p + 1] in pairs or text[p:p + 2] in pairs):
        return []
    found = []
    for k in (1, 3):
        i = p - k
        if i >= 0 and i + 5 <= len(text):
            key = text[i:p] + text[p + 1:i + 5]
            if SHORT_CJK.fullmatch(key):
                found.append((i, k, key))
    return found


def _occurrences(letter: str, key: str):
    at = letter.find(key)
    while at >= 0:
        yield at
        at = letter.find(key, at + 1)


def _dangles(letter: str, at: int, step: int, words) -> bool:
    """Whether the character at `at` is left hanging at the join: no word of two to four characters ends
    with it (step -1) or starts with it (step 1), and it is no particle or name's last character."""
    if letter[at] in FUNCTION or letter[at] in NAME_ENDS or not "\u3400" <= letter[at] <= "\u9fff":
        return False
    if step < 0:
        return not any(letter[at + 1 - n:at + 1] in words for n in (2, 3, 4) if at + 1 - n >= 0)
    return not any(letter[at:at + n] in words for n in (2, 3, 4))
