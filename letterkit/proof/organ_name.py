"""The signature's own name (署名, the organ's name in full): made of words after its place
(organ-name-words: 交通心输局 is a slip), and its county the one the letter names elsewhere
(signature-place)."""

from __future__ import annotations

import re
from functools import lru_cache

from .name_forms import PLACE_CHARS
from .registry import Finding, rule
from .text import CJK, get, prose

PLACE_END = set("省市州盟县区旗镇乡")
JOINING = set("和与及")


# the short forms organs are named by (卫健委, 发改局, 住建局), which jieba's dictionary lacks
SHORT_FORMS = frozenset("卫健 发改 住建 人社 自规 规自 资规 市监 经信 工信 文旅 文广 文体 教体 城管 交运 政数 医保 退役 民宗 "
                        "统战 编办 残联 侨联 科协 台办 林草 农业农村 生态环境 机关事务 国资 网信 行政审批 数据资源 大数据 融媒体".split())
# a branch named by its place (…自然资源和规划局滨淮分局): the two or three characters before 分局 are a place
BRANCH = re.compile(f"(?<=[局委])[{CJK}]{{2,3}}(?=分局|分院|分中心|支队|大队|中队|派出所)")


WORD_ENDS = ("城乡", "社区", "园区", "景区", "街区", "小区", "片区")  # words, not places (宣城市 is one)


@lru_cache(maxsize=4096)
def _places(prefix: str) -> bool:
    """Whether a name's beginning reads as places only (莆田市涵江区, 农工党沭东县): each of two characters or more
    before its 市/区/县 — not 住房和城乡 (城乡建设局 is no place's 建设局) nor 白银市自县 (odd_characters once cut
    there and found every retyped character before the cut covered)."""
    if not prefix:
        return True
    return any((prefix[k - 1] in PLACE_END and not prefix[:k].endswith(WORD_ENDS)
                and not (PLACE_END | JOINING) & set(prefix[2:k - 1])  # 台州市, 呼和浩特市; not 白银市自县, 住房和丂乡
                or _street(prefix[:k])) and _places(prefix[k:])
               for k in range(3, min(len(prefix), 12) + 1))


def _street(segment: str) -> bool:
    """大良街道: a 街道's name, two to four characters before 街道, is a place as 顺德区 is."""
    return segment.endswith("街道") and 4 <= len(segment) <= 6 and not (PLACE_END | JOINING) & set(segment[:-2])


def odd_characters(name: str) -> list[str]:
    """The characters of an organ's name, after its place, that no word of jieba's dictionary covers
    (子洲县交通心输局 → 心, 输), in the reading that leaves fewest: empty for a name made of words."""
    from .dictionary import dictionary

    words = dictionary()[1]
    branch = BRANCH.search(name)
    if branch:  # 鞍山市生态环境局|铁东|分局: the bureau's name ends at its 局 as a whole name does, the branch's kind is BRANCH's
        return odd_characters(name[:branch.start()])
    best = None
    for cut in [0] + [k for k in range(2, len(name) - 1) if (name[k - 1] in PLACE_END or name[:k].endswith("街道"))
                      and _places(name[:k])]:  # 农工党沭东县|支部
        rest = name[cut:]
        # fewest[i]: the fewest uncovered characters in rest[:i], and which they are
        fewest = [(0, [])] + [None] * len(rest)
        for i in range(1, len(rest) + 1):
            ch = rest[i - 1]
            alone = 0 if (i == len(rest) or ch in JOINING) else 1
            options = [(fewest[i - 1][0] + alone, fewest[i - 1][1] + ([ch] if alone else []))]
            options += [fewest[i - n] for n in (2, 3, 4) if i >= n and (rest[i - n:i] in words or rest[i - n:i] in SHORT_FORMS)]
            fewest[i] = min(options, key=lambda o: o[0])
        if best is None or fewest[-1][0] < len(best):
            best = fewest[-1][1]
    return best or []


@rule("organ-name-words", "warning", "names", "署名（机关名称）由词组成，没有不成词的单字",
      "去掉开头的地名后，机关名称应由词典里的词组成（住房|保障|和|房屋|管理局）；“交通心输局”里“心”“输”不成词，"
      "多半是打错了字。用 jieba 自带的词典和机关通用的简称（卫健、发改、住建……），分局前的地名（“……规划局滨淮分局”）不看，分局上面的局名按一个完整的名称读（“生态环境局铁东分局”的“局”不报），只看署名和版头的机关名称。"
      "开头的地名只认每段两个字以上、以省市县区乡镇结尾的（“住房和城乡”不是地名，“住资和城乡建设局”要报）。在已发布和合成信的 247 个机关名称上不报；"
      "把握一般（词典不收的专名也会报），所以是警告。",
      "子洲县交通心输局", "子洲县交通运输局")
def _organ_words(c):
    organ = c.data.get("organ") if isinstance(c.data.get("organ"), dict) else {}
    places = [(("signature",), c.data.get("signature")), (("organ", "name"), organ.get("name"))]
    seen = set()
    for path, name in places:
        if not isinstance(name, str) or name in seen or len(name) < 5 or not re.fullmatch(f"[{CJK}]+", name):
            continue
        seen.add(name)
        odd = odd_characters(name)
        if odd:
            yield Finding(path, f"机关名称“{name}”里“{'”“'.join(odd)}”不成词，可能打错了字", "核对机关全称", name.index(odd[0]))


COUNTY = re.compile(f"^(?:[{CJK}]{{2,5}}?[省])?(?:[{CJK}]{{2,5}}?[市州盟])?([{CJK}]{{2,4}}?[区县旗])")


CITY = re.compile(f"^(?:[{CJK}]{{2,5}}?[省])?([{CJK}]{{2,4}}?[市州盟])")


def _city(name) -> str | None:
    """白银市 in 白银市自然资源局: the city an organ's name opens with, when it names no county."""
    match = CITY.match(name) if isinstance(name, str) else None
    return match.group(1) if match and len(match.group(1)) >= 3 else None


def _county(name) -> str | None:
    """临平区 in 杭州市临平区交通运输局: the county-level place an organ's name opens with (after its city)."""
    match = COUNTY.match(name) if isinstance(name, str) else None
    return match.group(1) if match and len(match.group(1)) >= 3 else None


@rule("signature-place", "warning", "names", "署名的区县与信里别处写的本地区县一致",
      "署名“杭州市临平区交通运输局”，版记的印发机关、收信单位却是“余杭区”的：套用别区的模板或写错了署名。"
      "只比对署名开头的区、县、旗（没有区县时比市）与版记印发机关、收信单位里的区县（同一个字结尾），而且署名的区县在信里别处从未出现时才报；"
      "正文、会议届次和来件标题里同样长、首字相同、只差一个字的地名（署名“子建县交通运输局”，正文“政协子洲县第十届……”）也报。"
      "把握一般（跨区答复也会报），所以是警告。",
      "（署名）杭州市临平区交通运输局……（印发机关）杭州市余杭区交通运输局办公室", "（署名）杭州市余杭区交通运输局")
def _signature_place(c):
    signature = c.data.get("signature")
    own = _county(signature) or _city(signature)
    if own is None:
        return
    # the 版记's 印发机关 and a recipient body (民盟余杭区基层委员会); not a salutation, where a person's name
    # runs into the place (尊敬的黄秀英县人大代表)
    texts = [t for t in (c.data.get("printer"), c.data.get("recipient")) if isinstance(t, str)]
    short = own[:-1] if len(own) >= 3 else own
    everywhere = [t for t in texts + [t for p, t in prose(c.data) if p != ("signature",)]]
    if any(short in t for t in everywhere):
        return  # the signature's place is named elsewhere: the letter is its own
    session, title = get(c.data, ("proposal", "session")), get(c.data, ("proposal", "title"))
    elsewhere = [t for t in [session, title] if isinstance(t, str)] + [t for p, t in prose(c.data) if p != ("signature",)]
    for text in elsewhere:  # 政协子洲县第十届…… beside the signature 子建县交通运输局: one character retyped
        for at in (i for i, ch in enumerate(text) if ch == own[-1] and i >= len(own) - 1):
            other = text[at - len(own) + 1:at + 1]
            differ = [k for k in range(len(own) - 1) if other[k] != own[k]]
            # the first character kept: 老城区, 新城区, 主城区 are words, not another 阿城区
            if differ and differ[0] > 0 and len(differ) == 1 and re.fullmatch(f"[{CJK}]+", other) \
                    and not PLACE_CHARS & {other[differ[0]], own[differ[0]]}:
                yield Finding(("signature",), f"署名的“{own}”在信里别处没有出现，别处写的是“{other}”，只差一个字",
                              "核对署名（和版头）里的地名", signature.index(own))
                return
    for text in texts:
        for at in (i for i, ch in enumerate(text) if ch == own[-1] and i >= len(own) - 1):
            other = text[at - len(own) + 1:at + 1]  # as long as the signature's: 余杭区 beside 临平区
            if other != own and re.fullmatch(f"[{CJK}]+", other) and not PLACE_CHARS & set(other[:-1]):
                yield Finding(("signature",), f"署名的“{own}”在信里别处没有出现，“{text}”写的却是“{other}”",
                              "核对署名（和版头）是不是本机关的全称", signature.index(own))
                return
