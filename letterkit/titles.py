"""Breaking a long title into lines (GB/T 9704 7.3.1): between words only, the lines
centred and shaped as a trapezoid (lines growing, or shrinking, from top to bottom) or a
diamond (the middle longest), whichever fits the words better; breaks at phrase starts
(第…, 关于…) and ends (…会议, …的) are preferred.

Words come from jieba, the usual Chinese word segmenter (its dictionary ships in the
package; loaded only when a title is too long for one line).  Beyond the words, a
break never splits 第…号, a Latin or digit run, or puts punctuation at a line's start.
"""

from __future__ import annotations

import json
import math
import atexit
import multiprocessing.util
import re
from functools import lru_cache
from pathlib import Path

from .cache import cache_dir

OPENING = "“‘（《〈「『【〔"
CLOSING = "，。、；：？！”’）》〉」』】〕…—·"
NARROW = re.compile(r"[\x00-\u2e7f]")  # Latin letters, digits and ASCII punctuation: half width
CACHE_VERSION = "jieba-0.42-1"  # change when the segmenter or its use changes
LATIN_GAP = 0.19  # characters of space renderers add where Chinese meets Latin or digits (3 pt at 16 pt)


@lru_cache(maxsize=8192)
def text_width(text: str) -> float:
    """Width in characters: Chinese and full-width count 1, Latin letters and digits ½,
    plus the gap Word and LibreOffice put where Chinese meets Latin or digits."""
    total, gaps, previous = 0.0, 0, None
    for ch in text:
        narrow = ch <= "\u2e7f" and ch != "—"  # NARROW, compared rather than matched: this runs often
        total += 0.5 if narrow else 1.0
        if previous is not None and narrow != previous:
            gaps += 1
        previous = narrow
    return total + gaps * LATIN_GAP


@lru_cache(maxsize=1)
def _segmenter():
    # jieba keeps its prepared dictionary in the shared temporary folder, where anyone could plant
    # one: letterkit's private cache instead (cache.jieba, shared with the proofreading rules)
    from .cache import jieba

    return jieba()


def _cache_file() -> Path | None:
    """In the user's private cache folder; None (nothing kept on disk) when there is none."""
    folder = cache_dir()
    return folder / f"title-words-{CACHE_VERSION}.json" if folder else None


def _valid(entries) -> dict:
    """The entries that are what a segmentation is: a title → words that join back to it exactly,
    so a damaged or planted file can never change a title's text."""
    if not isinstance(entries, dict):
        return {}
    return {text: words for text, words in entries.items()
            if isinstance(text, str) and isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)
            and "".join(words) == text}


def _read_cache() -> dict:
    path = _cache_file()
    if path is None:
        return {}
    try:
        return _valid(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def _cache() -> dict:
    return _read_cache()


_unsaved = 0  # titles segmented since the cache file was last written


def _segment(text: str) -> list[str]:
    """jieba's words for `text`, remembered across runs: loading jieba's dictionary takes
    about 1.5 s, and a title is segmented the same way every time."""
    global _unsaved
    cache = _cache()
    if text not in cache:
        cache[text] = _segmenter().lcut(text, HMM=True)
        if _unsaved == 0:  # saved at exit, a batch's workers included, and every 64 new titles
            atexit.register(save_cache)
            multiprocessing.util.Finalize(None, save_cache, exitpriority=10)
        _unsaved += 1
        if _unsaved >= 64:
            save_cache()
    return cache[text]


def save_cache() -> None:
    """Write the remembered titles (merged with what other processes wrote meanwhile)."""
    global _unsaved
    if not _unsaved:
        return
    _unsaved = 0
    cache, path = _cache(), _cache_file()
    if path is None:
        return
    merged = {**_read_cache(), **cache}
    try:
        from .write import write_atomic

        write_atomic(path, json.dumps(merged, ensure_ascii=False).encode("utf-8"), durable=False)
    except OSError:
        pass  # only a cache: a read-only home costs time, nothing else


def words(text: str) -> list[str]:
    """Tokens between which a line may break."""
    return _breakable(_segment(text))


def _breakable(tokens: list[str]) -> list[str]:
    """Tokens joined wherever a line may not break between them."""
    merged: list[str] = []
    for token in tokens:
        if merged and not _may_break(merged[-1], token):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def _may_break(before: str, after: str) -> bool:
    if not before.strip() or not after.strip():
        return False  # keep "TA 20200005" together
    if after[0] in CLOSING or before[-1] in OPENING:
        return False
    if NARROW.match(before[-1]) and NARROW.match(after[0]):
        return False
    if before.endswith("第") or after.startswith("号"):
        return False  # 第20240056号 stays whole
    return True


def break_title(text: str, max_width: float) -> list[str]:
    """The title's lines; one line when it fits."""
    if text_width(text) <= max_width:
        return [text]
    least = math.ceil(text_width(text) / max_width)
    phrases = _phrases(text)  # most titles break well where a phrase starts or ends: no dictionary needed
    for lines in range(least, least + 2):
        best = _best_split(phrases, lines, max_width)
        if best and _shape_cost([text_width(line) for line in best]) <= PHRASES_GOOD_ENOUGH:
            return best
    tokens = words(text)
    for lines in range(least, least + 3):
        best = _best_split(tokens, lines, max_width)
        if best:
            return best
    return _greedy(text, max_width)  # no word boundary fits: break by characters


PHRASES_GOOD_ENOUGH = 3.0  # a shape cost: lines within three characters of each other, in order


def _phrases(text: str) -> list[str]:
    """The title cut only before 第/关于 and after 会议/大会/的 (outside quotes and brackets)."""
    cuts = {0, len(text)}
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in OPENING
        depth -= ch in CLOSING and ch in "”’）》〉」』】〕"
        if depth > 0:
            continue
        if text.startswith(STRONG_BEFORE, i):
            cuts.add(i)
        for end in STRONG_AFTER:
            if text.startswith(end, i):
                cuts.add(i + len(end))
    bounds = sorted(cuts)
    return _breakable([text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b]])


STRONG_BEFORE = ("第", "关于")          # a phrase starts here
STRONG_AFTER = ("会议", "大会", "的")     # a phrase ends here


def _best_split(tokens: list[str], lines: int, max_width: float) -> list[str] | None:
    """The split into `lines` lines of least cost (_shape_cost, less 2 for each strong
    break), the first in order of its breaks on a tie.  A search line by line over word
    boundaries that keeps, at each boundary, only the partial splits that may still win:
    polynomial, where trying every combination of breaks took minutes at 120 characters."""
    n = len(tokens)
    if lines <= 1 or n < lines:
        whole = "".join(tokens).strip()
        return [whole] if lines == 1 and text_width(whole) <= max_width else None
    ends = _line_ends(tuple(tokens), max_width)
    need = [0] * (n + 1)  # the fewest lines tokens[b:] fit in
    for b in range(n - 1, -1, -1):
        need[b] = min((need[e] + 1 for e, _, _ in ends[b]), default=n + 1)
    strong = [0] + [int(tokens[c].startswith(STRONG_BEFORE) or tokens[c - 1].endswith(STRONG_AFTER))
                    for c in range(1, n)] + [0]
    later = [0] * (n + 1)  # strong breaks possible after each boundary
    for c in range(n - 1, 0, -1):
        later[c - 1] = later[c] + strong[c]

    def parts(cuts):
        bounds = (0, *cuts, n)
        return ["".join(tokens[a:b]).strip() for a, b in zip(bounds, bounds[1:])]

    def cost(cuts):  # the very cost the winner was always picked by
        return _shape_cost([text_width(p) for p in parts(cuts)]) - 2 * sum(strong[c] for c in cuts), cuts

    shapes = SHAPES[:3 if lines >= 3 else 2]
    quick = [cost(cuts) for shape in SHAPES[:2] for cuts in _search(shape, ends, need, strong, later, lines, None)]
    if not quick:
        return None
    bound = min(quick)[0]  # a trapezoid found quickly: partial splits sure to cost more are dropped
    return parts(min(cost(cuts) for shape in shapes for cuts in _search(shape, ends, need, strong, later, lines, bound))[1])


@lru_cache(maxsize=8)  # break_title tries several numbers of lines with the same words
def _line_ends(tokens: tuple[str, ...], max_width: float) -> list[list[tuple[int, int, float]]]:
    """For each start, every (end, width in whole hundredths of a character, width) of a line
    that fits.  A longer line is never narrower: the search stops at the first too wide."""
    ends = []
    for a in range(len(tokens)):
        row = []
        for b in range(a + 1, len(tokens) + 1):
            width = text_width("".join(tokens[a:b]).strip())
            if width > max_width:
                break
            row.append((b, round(width * 100), width))
        ends.append(row)
    return ends


# _shape_cost is the least of three: 10 × shrinks + spread and 10 × grows + spread (the
# trapezoids), and the diamond; each is searched for on its own.  A partial split is a label
# (cost in hundredths, phase, widest, narrowest, first width, peak at the first line, strong
# breaks, penalty sums before and after the peak as _shape_cost adds them, breaks); the
# phase is the diamond's: 0 before its peak (the first widest line), 1 from the peak on.
SHAPES = ("shrink", "grow", "diamond")


def _steps(shape, label, width, wide, last, was, index, lines):
    """The labels after adding a line `width` (`wide` as a float) after one `last` (`was`)."""
    cost, phase, top, low, first, edge, strong, before, after, cuts = label
    low = min(low, wide)
    drop, rise = max(0, last - width), max(0, width - last)
    if shape == "shrink":
        yield cost + 10 * drop, 0, max(top, wide), low, first, edge, strong, before + max(0.0, was - wide), after, cuts
    elif shape == "grow":
        yield cost + 10 * rise, 0, max(top, wide), low, first, edge, strong, before + max(0.0, wide - was), after, cuts
    elif phase == 1:
        if wide <= top:
            yield cost + 10 * rise, 1, top, low, first, edge, strong, before, after + max(0.0, wide - was), cuts
    else:
        up = before + max(0.0, was - wide)
        yield cost + 10 * drop, 0, max(top, wide), low, first, edge, strong, up, after, cuts  # the peak is to come
        if wide > top:  # or this is it
            edge = index in (0, lines - 1)  # a peak at either end costs 5
            yield cost + 10 * drop + 500 * edge, 1, wide, low, first, edge, strong, up, after, cuts


def _dominates(a, b) -> bool:
    """Whatever follows, label `a` ends cheaper than `b`, or as cheap (to the last bit of
    _shape_cost's floating point sums) and first."""
    cost, phase, top, low, first, edge, strong, before, after, cuts = a
    if phase != b[1] or edge != b[5] or low < b[3] or (top > b[2] if phase == 0 else top != b[2]):
        return False
    if first != b[4]:  # the diamond's 2 × |first − last| differs by at most 2 × |first − first|
        return cost + 2 * abs(round(first * 100) - round(b[4] * 100)) < b[0]
    if cost > b[0]:
        return False
    return cost < b[0] or (strong == b[6] and before <= b[7] and after <= b[8] and cuts < b[9])


def _search(shape, ends, need, strong, later, lines, bound):
    """The breaks of every split of `shape` that may be the cheapest and costs no more than
    `bound`; with no bound, of a few good splits only, kept one per boundary."""
    n = len(ends)
    layer = {(0, None, None): [(0, 0, -math.inf, math.inf, None, False, 0, 0, 0, ())]}
    for index in range(lines):
        left = lines - 1 - index  # lines still to place after this one
        following: dict = {}
        for (start, last, was), labels in layer.items():
            for end, width, wide in ends[start]:
                if need[end] > left or n - end < left or (left == 0 and end != n):
                    continue
                kept = following.setdefault((end, width, wide), [])
                gain = 2 * min(max(left - 1, 0), later[end])  # the most strong breaks still to come can save
                for label in labels:
                    if index == 0:
                        label = (0, 0, -math.inf, math.inf, wide if shape == "diamond" else None, False, 0, 0, 0, ())
                    for step in _steps(shape, label, width, wide, width if index == 0 else last,
                                       wide if index == 0 else was, index, lines):
                        if end < n:
                            step = (step[0] - 200 * strong[end], *step[1:6], step[6] + strong[end], *step[7:9],
                                    step[9] + (end,))
                        least = step[0] / 100 + step[2] - step[3] - gain  # costs are whole hundredths
                        if bound is None:
                            best = next((other for other in kept if other[1] == step[1]), None)
                            if best is None or least < best[0] / 100 + best[2] - best[3] - gain:
                                kept[:] = [other for other in kept if other is not best] + [step]
                        elif least <= bound + 0.005 and not any(_dominates(other, step) for other in kept):
                            kept[:] = [other for other in kept if not _dominates(step, other)] + [step]
        layer = following
    for (_, last, was), labels in layer.items():
        for label in labels:
            if shape != "diamond" or label[1] == 1:
                yield label[9]


def _shape_cost(widths: list[float]) -> float:
    """Low for a trapezoid (lines growing, or shrinking, line by line) or a diamond (middle
    longest, ends alike); the spread of the lengths breaks ties toward even lines."""
    spread = max(widths) - min(widths)
    shrinks = sum(max(0.0, a - b) for a, b in zip(widths, widths[1:]))
    grows = sum(max(0.0, b - a) for a, b in zip(widths, widths[1:]))
    trapezoid = 10 * min(shrinks, grows) + spread
    if len(widths) < 3:
        return trapezoid
    peak = widths.index(max(widths))
    unimodal = sum(max(0.0, a - b) for a, b in zip(widths[:peak], widths[1:peak + 1])) + \
        sum(max(0.0, b - a) for a, b in zip(widths[peak:], widths[peak + 1:]))
    diamond = 10 * unimodal + 2 * abs(widths[0] - widths[-1]) + (0 if 0 < peak < len(widths) - 1 else 5) + spread
    return min(trapezoid, diamond)


def _greedy(text: str, max_width: float) -> list[str]:
    lines, current = [], ""
    for ch in text:
        if text_width(current + ch) > max_width and current and ch not in CLOSING:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current] if current else lines
