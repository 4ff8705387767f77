"""Family 4: one organisation or place named in near-identical forms in one letter.

A short form that drops the leading place (福田区人才服务中心 → 区人才服务中心) is normal; a
form that differs inside the name (深港科技创新合作区 / 深港创新合作区, 人才 / 人材) is not.
Names are found by their last word (中心, 局, 合作区, 产业园 …) and compared right to left.

The rules name-variant and signature-variant and the finding of names live here; how two forms
differ is name_forms', the signature's own words and place organ_name's."""

from __future__ import annotations

import re

from .name_forms import (
    END, GOVERNMENT, NAME_LAST, PLACE_CHARS, SUFFIX, _body_variant, _old_and_new, _part_added, _quote, _renamed_key,
    _swap_quote, _swapped, _variant, listed_together)
from .registry import Finding, rule
from .text import CJK, get, per_text, prose
from . import written_so  # guards of text written so on purpose (fa24: the clean dense letters)

SUFFIX_AT = re.compile(rf"(?:{SUFFIX})")
RUN_END = re.compile(rf"[{CJK}]+$")


# a kind of body counted (17个社区日间照料中心, 社区老年日间照料中心64个): a category, not one body's name
COUNT_AFTER = re.compile(r"\d+(?:余|多)?[个家所座处]")
COUNT_BEFORE = re.compile(r"\d+(?:余|多)?[个家所座处]$")


@per_text
def _mentions(text: str):
    """(offset, the 12 characters up to and including a name's last word, whether it is a kind of body
    counted) for each name-like run."""
    for match in SUFFIX_AT.finditer(text):
        start = max(0, match.end() - 12)
        run = RUN_END.search(text[start:match.end()])
        if not run or len(run.group()) < 4:
            continue
        offset, name = start + run.start(), run.group()
        if name[0] in "个家所座处" and offset and text[offset - 1].isdigit():
            offset, name = offset + 1, name[1:]  # 17个社区日间照料中心
        yield offset, name, bool(COUNT_AFTER.match(text, match.end()) or COUNT_BEFORE.search(text, 0, offset))


@rule("name-variant", "warning", "names", "同一机构、园区在一封信里只用一种名称",
      "“深港科技创新合作区”与“深港创新合作区”、“人才服务中心”与“人材服务中心”：名称中间差了字，读者不知道是不是同一处。"
      "省去开头的地名是正常的简称，不报；地名写短了又换了末尾的词（“福田区人才服务中心”与“福田人才服务站”）、"
      "一处成词一处不成词的一字之差（“县教育局”与“县教有局”）、前面四字相同而末尾的词前两字全换（“区公路事业发展中心”与"
      "“区公路事业服务中心”）要报；地名写全、末尾的词相同、中间一个字不同而两处都成词（“湾沚区技工学校”与“湾沚区技师学校”）、"
      "一个字写了一遍和两遍（“区中医院”与“区中医医院”）也报。兄弟机关（民政局与财政局）、序号（第一中学与第二中学）、"
      "方位新旧（东区与西区、新城与老城）不报。名称里两个词前后颠倒（“区就业管理服务中心”与“区就业服务管理中心”、"
      "“市场监督管理局”与“市场管理监督局”）也报。镇、乡、村、街道、路前的地名差一个字（不同音，不是东西新老、序号这类兄弟地名），"
      "一种写法只出现一次而另一种出现两次以上（差在地名末字），或两种写法后面是同一个一镇只有一处的机构（“磨山镇卫生院”……"
      "“磨石镇卫生院”），也报；并列的地名（“王庄村、王楼村”）和以常用词收尾的（“农村公路”“村道路”）不报。"
      "同一地方的政府部门（……局、……委员会、……办公室）一处多了机构改革合并进来的部分（“县自然资源局”与“县自然资源和规划局”、"
      "“县教育局”与“县教育体育局”、“县文化和旅游局”与“县文化广电和旅游局”），也报，版头的机关名称一并比对；上下级（市……局与区……局）、“县应急局”这样省去“管理”的简称不报。"
      "两处不同的部分各自在词表里跟末尾的词成词（“社区党群服务中心”与“社区卫生服务中心”）是两类机构，不报；基地、园区写全一次、"
      "后面省去词表里全称的一个词（“区级创业孵化基地”……“区级孵化基地”）是常见简称，不报。同一对写法只报一次。"
      "级别的字换了也报（levels.py）：同一地名一种写法写了两次以上、另一种只写一次（“黄花镇”两次、“黄花乡”一次，"
      "“东坪镇”与“东坪街道”），同一地方同一部门的“局”“厅”“委”（“市商务局”与“市商务厅”——厅是省级的，报“厅”；“区发改局”与"
      "“区发改委”报写得少的那个），同一学校名的学段（“东湖小学”两次、“东湖中学”一次，后面跟着同一件事的词如“扩建”）。"
      "同一个并列里的两处（“东山镇、东山乡”“东湖小学、东湖中学”）、镇里的村和镇政府、卫生院、城镇乡镇这样的常用词、"
      "不同地方的两级机关（“省商务厅”与“市商务局”）不报。同一类设施的两级（词表里的“居家养老服务中心”“社区卫生服务站”："
      "服务中心与服务站）不报。"
      "一处是计了数的一类机构（“建成区域性农事服务中心3个”），前面先用少了一个词的统称（标题里的“建设区域性服务中心”），不报；先写全称、后面少了一个词（“乡镇综合文化服务中心64个”……“乡镇文化服务中心”）照报。"
      "写了两次以上的名称（末尾的词前三个字，如“陈老巷历史文化街区”的“陈老巷”）有一处换了一个字（“陈老港街区”，不同音）也报："
      "不是头一个字，换的不是东西南北、上下、新老、大小、前后、数字、省市县区镇乡村街这类字，两种写法里换的字都不跟邻字成常用词"
      "（“延伸线路”），前面的字不是常用词（“文化进景区”与“文化旅游”），两处不在同一分句里并列（“陈老巷村、陈老港村”）。"
      "本机关所在地的另一个“……局”与本机关名称有同一个表示业务的词、又不是本机关名称的简称（本机关“区绿化和市容管理局”，"
      "正文“区园林绿化局”）也报；“管理”“服务”“资源”“社会”这类很多机关都有的词不算。“自治区水利厅”是自治区的厅，"
      "不与“区水利局”比级别。"
      "本机关名称开头的地名换了一个同音字（“昆都伦区”）是 own-place-homophone（错误）。"
      "用“与”“和”连起来、各以同一个词收尾的两个名称（“城区优质学校与乡镇学校”与“城区与乡镇学校”）、信里别处单独写的称呼后面接的字不同"
      "（“湖长巡湖”与“湖长制”，别处写“区级湖长每季度”）不报。"
      "把握一般：两个不同机构恰好只差一两个字时也会报，所以是警告。",
      "深港科技创新合作区……深港创新合作区", "深港科技创新合作区……深港科技创新合作区（或“合作区”）")
def _names(c):
    said = []
    for finding in _name_forms_found(c):
        said.append(finding)
        yield finding
    # two checks read last: a name (or the organ's) already reported another way is not reported again
    from .homophones import repeated_name_variants
    from .own_name import other_own_names

    def told(path, start, end) -> bool:
        """Whether a finding above points into text[start:end] or just before it (a quote starts up to four
        characters before the difference, _quote)."""
        return any(f.path == path and f.offset is not None and start - 4 <= f.offset < end for f in said)

    for path, offset, mention, organ in other_own_names(c.data):
        if not told(path, offset, offset + len(mention)):
            yield Finding(path, f"“{mention}”与本机关“{organ}”同一地方、同管一项工作，像是把本机关的名称写错了",
                          "核对本机关的全称或规范简称，全文统一", offset)
    for path, offset, once, end, other, often in repeated_name_variants(c.data):
        if not told(path, offset, offset + len(once) + len(end)):
            yield Finding(path, f"“{once}{end}”的“{once}”与信里写了 {often} 次的“{other}”只差一个字，"
                                "像是同一名称的两种写法", "核对名称，全文统一", offset)


@rule("own-place-homophone", "error", "names", "本机关所在地的地名在正文里不要换成同音字",
      "本机关名称开头的地名（“邯郸市丛台区城市管理综合行政执法局”的“邯郸市”“丛台区”，两字以上）是办信人照着版头、署名抄的；"
      "正文里同样长、只差一个同音字（按 pypinyin，不计声调）的地名（“从台区”“昆都伦区”）就是写错了，信里的本地地名写错是硬伤，所以是错误。"
      "后面带着级别（区、县、市、旗……）的都比；三个字以上的地名不带级别也比（“克拉马依职业技术学院”，不比头一个字）；"
      "两个字的不带级别只在后面是以本地命名的学校、医院、公园、场馆时比（“邗江区”……“邯江中学”）：两个同音字随处能碰上，"
      "村、路也可能取了与区县同音的名字。头一个字换了、而后面的字连着级别本身是常用词（“推进山区”之于“金山区”）不报；"
      "换的是数字（一、二……）不报；与署名差一个字的本机关名称是 signature-variant 的，不重复报。",
      "（机关丛台区……局）配合编制从台区停车设施专项规划", "（机关丛台区……局）配合编制丛台区停车设施专项规划")
def _own_place_homophone(c):
    from .homophones import own_place_variants

    found = list(own_place_variants(c.data))
    if not found:
        return
    # a mention of the organ one character off its signature is signature-variant's (准葛尔旗民政局 … 准格尔旗民政局),
    # one name-variant already quotes is said once (read only when there is a mention: the rare case)
    said = [(p, at, at + len(m)) for p, at, m, *_ in _signature_slips(c.data)] \
        + [(f.path, f.offset, f.offset + 5) for f in _name_forms_found(c) if f.offset is not None]  # quoted from 4 before
    for path, offset, mention, place in found:
        if not any(p == path and s < offset + len(mention) and offset < e for p, s, e in said):
            yield Finding(path, f"“{mention}”与本机关名称里的“{place}”只差一个同音字，像是把本地地名写错了",
                          "核对地名，与机关名称一致", offset)


def _name_forms_found(c):
    seen: dict[str, list[str]] = {}  # by the last three characters: variants share at least those
    kinds: dict[str, list[str]] = {}  # names by their last character and by the two before their last word
    reported = set()
    letter = "\n".join(text for _, text in prose(c.data))
    counted_runs = set()  # names met as a kind of body counted (17个社区日间照料中心)
    recipient = c.data.get("recipient") if isinstance(c.data, dict) else None
    for _, run, _ in _mentions(recipient) if isinstance(recipient, str) else ():  # a co-handling opinion's lead unit
        seen.setdefault(run[-3:], []).append(run)

    def first_unreported(candidates, run, compare):
        """The first earlier name `compare` tells apart from `run` (each pair reported once; two kinds of
        body, each counted, are two categories, not one body's names)."""
        for earlier in candidates:
            if counted and earlier in counted_runs:
                continue
            if (counted or earlier in counted_runs) and _word_inserted(earlier, run):
                continue  # 建设区域性服务中心 … 建成区域性农事服务中心3个: a kind's general name, then the kind counted
            difference = compare(earlier, run) if earlier != run else None
            if not difference or listed_together(earlier, run, letter) \
                    or written_so.two_names_joined(earlier) or written_so.two_names_joined(run):
                continue
            key = (min(earlier, run)[-6:], max(earlier, run)[-6:])
            same = (difference, run[-2:])  # the same two forms met again in longer runs (全区社区…, 建成社区…)
            if key not in reported and same not in reported:
                reported.update((key, same))
                return earlier, difference
        return None, None

    # one finding per slip: a mention one character off the signature is signature-variant's, a phrase
    # one character short of its form elsewhere (居家老服务中心) lost-character's
    said: list = []  # (spans other rules report, the shortened phrases themselves), read at the first need

    def said_elsewhere(path, start, end, earlier):
        """Whether the mention at path[start:end] is another rule's, or `earlier` is a shortened phrase met
        again as the earlier name of a later whole mention."""
        if not said:
            from .shortened import shortened_phrases

            paragraphs = prose(c.data)
            shortened = shortened_phrases([t for _, t in paragraphs])
            said.append([(p, at, at + len(mention)) for p, at, mention, *_ in _signature_slips(c.data)]
                        + [(paragraphs[i][0], at, at + len(short)) for i, at, short, *_ in shortened])
            said.append({short for _, _, short, *_ in shortened})
        return any(p == path and s < end and start < e for p, s, e in said[0]) or any(earlier in short for short in said[1])

    for path, text in prose(c.data):
        for offset, run, counted in _mentions(text):
            if counted:
                counted_runs.add(run)
            bucket = seen.setdefault(run[-3:], [])
            earlier, difference = first_unreported(bucket, run, lambda a, b: _swapped(a, b) or _variant(a, b))
            if earlier is not None and not said_elsewhere(path, offset, offset + len(run), earlier):
                quoted, before = (_swap_quote(run, earlier), _swap_quote(earlier, run)) if "颠倒" in difference \
                    else (_quote(run, earlier), _quote(earlier, run))
                yield Finding(path, f"“{quoted}”与前文“{before}”相差{difference}，像是同一名称的两种写法",
                              "核对全称，全文统一", offset + len(run) - len(quoted))
            if run not in bucket:
                bucket.append(run)
            end = END.search(run) if run[-1] in NAME_LAST else None
            if end is None:
                continue
            # typos share the last character, the place written short and another last word the two before it
            core = run[:end.start()][-2:]
            renamed = _renamed_key(run)
            earlier, difference = first_unreported(
                kinds.get(run[-1], []) + kinds.get(core, []) + kinds.get(renamed, []), run, _body_variant)
            if earlier is not None and not said_elsewhere(path, offset, offset + len(run), earlier):
                quoted, before = (_swap_quote(run, earlier), _swap_quote(earlier, run)) if "颠倒" in difference else (_quote(run, earlier), _quote(earlier, run))
                yield Finding(path, f"“{quoted}”与前文“{before}”相差{difference}，像是同一机构的两种写法",
                              "核对全称，全文统一（简称只省去开头的地名）", offset + len(run) - len(quoted))
            for key in ((run[-1], core) if len(core) == 2 else (run[-1],)) + ((renamed,) if renamed else ()):
                if run not in kinds.setdefault(key, []):
                    kinds[key].append(run)
    yield from _bodies_with_a_part_added(c, reported)
    from .levels import level_variants

    for path, offset, message, hint in level_variants(c.data):
        yield Finding(path, message, hint, offset)
    from .homophones import place_variants

    for path, offset, once, end, other, often, facility in place_variants(c.data):
        where = f"都在“{facility}”前" if facility else f"写了 {often} 次"
        yield Finding(path, f"“{once}{end}”与信里{where}的“{other}{end}”差一个字，像是同一地方的两种写法",
                      "核对地名，全文统一", offset)


def _word_inserted(earlier: str, later: str) -> bool:
    """Whether, read right to left as name-variant compares, the later mention has a part of two to four characters
    put in that the earlier lacks, the two alike for two characters or more on either side of it (建设区域性服务中心
    … 建成区域性农事服务中心: 农事): a kind named in general, then the same kind narrowed by a word — when one of them
    is counted, a category, not one body's two names.  Not the other way round (乡镇综合文化服务中心64个 … 乡镇文化服务中心:
    the full name first, then a word lost), nor one character put in (综合老服务中心 … 综合为老服务中心), nor two words
    swapped (就业管理服务中心 … 就业服务管理中心: the part is in the other)."""
    def same_end(x: str, y: str) -> int:
        n = 0
        while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
            n += 1
        return n

    tail = same_end(earlier, later)
    x, y = later[:len(later) - tail], earlier[:len(earlier) - tail]
    return tail >= 2 and any(len(x) > n and x[-n:] not in y and same_end(x[:-n], y) >= 2 for n in (2, 3, 4))


def _bodies_with_a_part_added(c, reported: set):
    """县自然资源局 (the organ, or a body paragraph) and 县自然资源和规划局: one government body of one place named
    with and without a part of a merged name, the organ's own name among the forms compared."""
    forms: list[str] = [n for n in (get(c.data, ("organ", "name")), get(c.data, ("organ", "short_name")))
                        if isinstance(n, str) and GOVERNMENT.search(n)]
    organs = len(forms)
    for path, text in prose(c.data):
        for offset, run, _ in _mentions(text) if ("局" in text or "委员会" in text or "办公室" in text) else ():
            if not GOVERNMENT.search(run):
                continue
            for number, earlier in enumerate(forms):
                found = _part_added(earlier, run) or _part_added(run, earlier)
                if not found or number >= organs and (_old_and_new(earlier, run) or _variant(earlier, run)):
                    continue  # 县农业局 … 县农业农村局, 县文化和旅游局 … 县文化广电和旅游局 in the body: said above
                difference, quoted, other = found if run.endswith(found[1]) else (found[0], found[2], found[1])
                key = ("added", difference, run[-1])
                if key not in reported:
                    reported.add(key)
                    yield Finding(path, f"“{quoted}”与本信别处的“{other}”相差“{difference}”，像是同一机构的两种名称",
                                  "核对这个机构现在的全称，全文统一", offset + len(run) - len(quoted))
                    break
            if run not in forms:
                forms.append(run)


@rule("signature-variant", "warning", "names", "署名与正文里的本机关名称一字之差",
      "原文没有版头时，署名是机关名称唯一的全称，写错一个字（“子洲县交通心输局”）就没有版头可比；正文里的本机关名称"
      "（“县交通运输局”）与署名的同样长的末尾只差一个字（不是省市县区这样的地名字），多半是其中一处写错。"
      "把握一般：两个兄弟机关（教育局、体育局）也可能只差一个字，所以是警告。",
      "（署名）子洲县交通心输局……（正文）县交通运输局", "（署名）子洲县交通运输局……（正文）县交通运输局")
def _signature_variant(c):
    for path, start, mention, signature, mine, theirs in _signature_slips(c.data):
        yield Finding(path, f"正文“{mention}”与署名“{signature}”差一个字（“{mine}”与“{theirs}”）",
                      "核对机关名称，署名和正文一致", start)


def _signature_slips(data):
    """(path, offset, mention, signature, its character, the signature's) of each mention of the organ one
    character off its signature; name-variant leaves these to signature-variant (one finding per slip)."""
    signature = data.get("signature")
    organ = data.get("organ") if isinstance(data.get("organ"), dict) else {}
    if not isinstance(signature, str) or len(signature) < 5 or not re.fullmatch(f"[{CJK}]+", signature) \
            or (isinstance(organ.get("name"), str) and organ["name"] != signature):
        return  # a letterhead to compare with: signature-organ's case
    last = signature[-1]
    for path, text in prose(data):
        if path == ("signature",) or last not in text:
            continue
        for end in (i + 1 for i, ch in enumerate(text) if ch == last):
            for length in range(min(len(signature), end), 4, -1):
                mention, tail = text[end - length:end], signature[-length:]
                differ = [k for k in range(length) if mention[k] != tail[k]]
                if len(differ) == 1 and 0 < differ[0] < length - 1 and mention[differ[0]] not in PLACE_CHARS and tail[differ[0]] not in PLACE_CHARS \
                        and re.fullmatch(f"[{CJK}]+", mention):
                    yield path, end - length, mention, signature, mention[differ[0]], tail[differ[0]]
                    break
