"""Work the proofreading rules share, done once (issue 13, round 17): each cache gives the answers
the rules worked out without it, and forgets them when what they depend on changes.

- lost-character's letter_compounds finds its candidate places in one pass (no set of the letter's
  threes, a join's places looked up when first asked): the same findings as the enumeration before;
- jieba segmentation of a few characters (`_segment`) is remembered per text;
- shortened_phrases (lost-character and name-variant) and _restated (quantity- and figure-magnitude)
  are worked out once per letter and answer for the letter asked, not the one before;
- name-variant's comparisons of two bodies are cached as one;
- the project's `check: {terms: […]}` still changes lost-character's findings, either way, in one process.

benchmarks/check_same.py compares a whole `letterkit check` with another revision's, byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import add

from hypothesis import given, settings, strategies as st

from letterkit.checkrun import check_paths
from letterkit.project import open_project
from letterkit.proof import dictionary, glossary, name_forms, names, quantities, shortened, text as proof_text
from letterkit.proof.text import prose

from conftest import MINIMAL_DRAFT, SEED_TEXT, make_project

SEED = SEED_TEXT.read_text(encoding="utf-8")
PARAGRAPHS = [line.strip() for line in SEED.splitlines() if len(line.strip()) >= 8]
TERMS = [term for term in glossary.glossary() if 4 <= len(term) <= 9]


@st.composite
def letters(draw) -> list[str]:
    """Paragraphs of the seed letter, some repeated, some with one character taken out or doubled, some
    cut short: compounds written whole in one place and short in another."""
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=10))
    letter = []
    for text in chosen:
        change = draw(st.sampled_from(["keep", "drop", "double", "cut"]))
        at = draw(st.integers(1, len(text) - 2))
        text = {"keep": text, "drop": text[:at] + text[at + 1:], "double": text[:at] + text[at] + text[at:],
                "cut": text[at:]}[change]
        letter.append(text)
    if draw(st.booleans()):  # a compound of the glossary written whole in one place, less a character in another
        term = draw(st.sampled_from(TERMS))
        k = draw(st.integers(1, len(term) - 2))
        at = draw(st.integers(0, len(letter)))
        letter[at:at] = [f"我们建成{term}3处。", f"今年将继续完善{term[:k] + term[k + 1:]}，方便群众。"][::draw(st.sampled_from([1, -1]))]
    return letter


def compounds_enumerated_as_before(paragraphs: list[str]) -> list:
    """letter_compounds as it read the letter before issue 13's round 17: every pair's places and every
    three characters of the letter in a table first.  The tests of one place are the module's own."""
    pairs, words, _ = dictionary.dictionary()
    letter = "\n".join(paragraphs)
    places: dict[str, list[int]] = {}
    for q, pair in enumerate(map(add, letter, letter[1:])):
        places.setdefault(pair, []).append(q)
    threes = set(map(add, map(add, letter, letter[1:]), letter[2:]))
    starts = list(accumulate([0] + [len(text) + 1 for text in paragraphs[:-1]]))
    found, seen, failed = [], set(), set()
    joins = list(map(add, letter, letter[2:]))
    for p in range(1, len(letter) - 1):
        x, join = letter[p], joins[p - 1]
        if join not in places or x in dictionary.NO_LOSS or not "\u4e00" <= x <= "\u9fff" \
                or not (letter[p - 2:p - 1] + join in threes or join + letter[p + 2:p + 3] in threes):
            continue
        paired = letter[p - 1:p + 1] in pairs or letter[p:p + 2] in pairs  # else only a long compound (round 8b)
        for q in places[join]:
            if abs(q - p) < 3 or (letter[p - 2] != letter[q - 1] and letter[p + 2:p + 3] != letter[q + 2:q + 3]):
                continue
            left = right = 0
            while left < shortened.MOST_SHORT and left < q + 1 and letter[p - 1 - left] == letter[q - left] \
                    and dictionary._han(letter[q - left]) != "\x00":
                left += 1
            while left + right < shortened.MOST_SHORT and q + 1 + right < len(letter) and p + 1 + right < len(letter) \
                    and letter[p + 1 + right] == letter[q + 1 + right] and dictionary._han(letter[q + 1 + right]) != "\x00":
                right += 1
            short, whole = letter[q + 1 - left:q + 1 + right], letter[p - left:p + 1 + right]
            at, gap = q + 1 - left, q + 1
            if not paired and len(whole) < shortened.LONG_COMPOUND:
                continue
            if (at, short) in seen or (short, whole, left) in failed:
                continue
            if not shortened._compound_lost(letter, at, gap, short, whole, pairs, words):
                if not shortened._compound_pair(letter, gap, short, whole, pairs, words):
                    failed.add((short, whole, left))
                continue
            seen.add((at, short))
            index = bisect_right(starts, at) - 1
            found.append((index, at - starts[index], short, whole, x))
    return found


@settings(max_examples=200, deadline=None)
@given(letters())
def test_letter_compounds_finds_what_the_enumeration_before_found(paragraphs):
    assert shortened.letter_compounds(paragraphs) == compounds_enumerated_as_before(paragraphs)


def test_the_generated_letters_hold_compounds_to_find():
    """The comparison above is not of empty lists only: a compound and its short form in one letter."""
    paragraphs = ["沿溪新建健身步道12公里。", "我们将推进健步道建设。"]
    assert shortened.letter_compounds(paragraphs) == compounds_enumerated_as_before(paragraphs) != []


def seed_pieces() -> st.SearchStrategy[str]:
    """A few characters of the seed letter, as the lost-character tests segment them."""
    return st.integers(0, len(SEED) - 16).flatmap(lambda at: st.integers(1, 14).map(lambda n: SEED[at:at + n]))


@settings(max_examples=300, deadline=None)
@given(seed_pieces())
def test_a_remembered_segmentation_is_the_segmentation(text):
    first = dictionary._segment(text)
    assert first == dictionary._segment.__wrapped__(text)
    assert dictionary._segment(text) is first  # asked again: remembered, and no caller changed it


@settings(max_examples=60, deadline=None)
@given(letters(), letters())
def test_shortened_phrases_answer_for_the_letter_asked_not_the_one_before(one, other):
    for paragraphs in (one, other, one, other[:1]):
        assert shortened.shortened_phrases(paragraphs) == shortened._shortened_phrases(paragraphs)


def test_a_shortened_phrase_asked_by_two_rules_is_worked_out_once(monkeypatch):
    paragraphs = ["公共技术服务平台已经建成。", "搭建公共技术服务台，为企业提供服务。"]
    calls = []
    real = shortened._shortened_phrases
    monkeypatch.setattr(shortened, "_shortened_phrases", lambda texts: calls.append(1) or real(texts))
    shortened.text_module.forget()
    first = shortened.shortened_phrases(paragraphs)
    assert first == [(1, 2, "公共技术服务台", "公共技术服务平台", "平")]
    assert shortened.shortened_phrases(list(paragraphs)) == first and len(calls) == 1  # an equal letter: remembered
    assert shortened.shortened_phrases(paragraphs[:1]) == [] and len(calls) == 2  # another letter: worked out


RESTATED = ["项目总投资约3.2亿元，已完成投资1.5亿元。", "项目总投资约3.2万元。", "新建停车位600个，此前新建的停车位6000个。"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(RESTATED + PARAGRAPHS[:6]), min_size=1, max_size=4), min_size=2, max_size=4))
def test_restated_quantities_answer_for_the_draft_asked(drafts):
    for texts in drafts:
        data = {"measures": texts}
        assert quantities._restated(data) == list(quantities._restated_in(data))
    data = {"measures": RESTATED[:2]}
    assert quantities._restated(data) and quantities._restated(data) is quantities._restated(data)


def mentions() -> list[str]:
    found = sorted({name for text in PARAGRAPHS for _, name, _ in names._mentions(text)})
    # and names one character off each other, the kinds the comparisons tell apart
    return found + ["福田区人才服务中心", "福田人才服务站", "县教育局", "县教有局", "区公路事业发展中心", "区公路事业服务中心",
                    "湾沚区技工学校", "湾沚区技师学校", "区中医院", "区中医医院", "区水利局", "区水务局",
                    "市公共交通有限公司", "市公共交通有限责任公司"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(mentions()), st.sampled_from(mentions()))
def test_one_cached_comparison_of_two_bodies_is_the_comparisons_in_turn(a, b):
    expected = name_forms._typo(a, b) or name_forms._typo(b, a) or name_forms._kind_variant(a, b) \
        or name_forms._two_changed(a, b) or name_forms._one_changed(a, b) or name_forms._one_doubled(a, b) \
        or name_forms._company_form(a, b)
    assert name_forms._body_variant(a, b) == expected


def test_the_known_pairs_are_told_apart():
    assert name_forms._body_variant("县教育局", "县教有局") and name_forms._body_variant("区水利局", "区水务局")


def test_project_terms_change_lost_character_findings_both_ways_in_one_process(tmp_path):
    """Whatever is remembered in the process (segmentations, shortened phrases, the last letter's work),
    adding the project's own term finds the loss, taking it away loses it again, and back."""
    draft = MINIMAL_DRAFT.replace("每日巡查校园周边。", "全区建成青少家园3处。")
    plain = "output: build\n"
    with_term = plain + "defaults:\n  check:\n    terms: [青少年家园]\n"
    root = make_project(tmp_path, {"drafts/d.yaml": draft, "letterkit.yaml": plain})
    path = root / "drafts" / "d.yaml"
    config = root / "letterkit.yaml"
    seen = []
    for text in (plain, with_term, plain, with_term):
        config.write_text(text, encoding="utf-8")
        found = [p.message for p in check_paths([path], open_project(root), jobs=1)[path] if p.code == "lost-character"]
        seen.append(any("青少年家园" in message for message in found))
    assert seen == [False, True, False, True]


def test_prose_of_the_draft_checked_is_read_not_the_last_one():
    """The per-draft caches key on the draft read: two drafts in turn each get their own paragraphs."""
    one, other = {"measures": ["项目总投资约3.2亿元。"]}, {"measures": ["新建停车位600个。"]}
    assert [t for _, t in prose(one)] == ["项目总投资约3.2亿元。"]
    assert [t for _, t in prose(other)] == ["新建停车位600个。"]
    assert quantities._restated(one) == [] == quantities._restated(other)


# -- round 19: what one paragraph holds, kept for the next letter that has it ------------------------------

@st.composite
def letters_with_edges(draw) -> list[str]:
    """letters(), with empty paragraphs and paragraphs of one or two characters among them: the line breaks
    around them are where a letter put together from its paragraphs could differ from the letter read whole."""
    letter = draw(letters())
    for _ in range(draw(st.integers(0, 3))):
        letter.insert(draw(st.integers(0, len(letter))), draw(st.sampled_from(["", "建", "步道", "健身", "。"])))
    return letter


def fresh_and_again(function, paragraphs):
    """function's answer with nothing remembered, then asked twice more (the paragraphs met before)."""
    proof_text.forget()
    return [function(list(paragraphs)) for _ in range(3)]


@settings(max_examples=200, deadline=None)
@given(letters_with_edges())
def test_letter_compounds_put_together_from_paragraphs_met_before_finds_the_same(paragraphs):
    """The first time a letter's paragraphs are read in the letter at once; once met, from each paragraph's pairs,
    threes and joins, the line breaks read in the letter (_letter_joins): both as the enumeration before."""
    expected = compounds_enumerated_as_before(paragraphs)
    assert fresh_and_again(shortened.letter_compounds, paragraphs) == [expected] * 3


def test_a_letter_of_paragraphs_met_before_is_put_together_from_them():
    """The comparison above reads both ways: a new letter in one read, no threes; met, with the letter's threes."""
    paragraphs = ["沿溪新建健身步道12公里。", "", "建", "我们将推进健步道建设。"]
    letter = "\n".join(paragraphs)
    starts = list(accumulate([0] + [len(text) + 1 for text in paragraphs[:-1]]))
    proof_text.forget()
    once, threes_once = shortened._letter_joins(paragraphs, letter, starts)
    again, threes_again = shortened._letter_joins(paragraphs, letter, starts)
    assert threes_once is None and threes_again == {letter[i:i + 3] for i in range(len(letter) - 2)}
    assert once == again != []


@settings(max_examples=100, deadline=None)
@given(letters_with_edges())
def test_the_families_remembered_by_paragraph_answer_as_when_asked_fresh(paragraphs):
    from letterkit.proof import dictionary_losses, lone

    for function in (lone.lost_characters, dictionary_losses.inner_losses, dictionary_losses.long_losses,
                     dictionary_losses.idiom_losses, lambda texts: glossary.written_terms(texts, glossary.glossary())):
        first, *again = fresh_and_again(function, paragraphs)
        assert again == [first, first]


def put_back_as_before(letter: str, t: str, i: int) -> list:
    """lone._put_back before round 19: each look found in the letter by itself."""
    words = dictionary.dictionary()[1]
    found, seen = [], set()
    for s in range(max(0, i - 2), i + 1):
        for e in range(i + 1, min(len(t), s + 3) + 1):
            for g in {i, i + 1} & set(range(s, e + 1)):
                left, right = t[s:g], t[g:e]
                anchor, after = (right, False) if g == i else (left, True)
                p = letter.find(anchor)
                while p >= 0:
                    x = p + len(left) if after else p - 1
                    word = letter[x - len(left):x + 1 + len(right)] if x >= len(left) else ""
                    if word[:len(left)] == left and word[len(left) + 1:] == right and words.get(word, 0) >= 10 \
                            and (word, s, e) not in seen:
                        seen.add((word, s, e))
                        found.append((word, s, e, words[word]))
                    p = letter.find(anchor, p + 1)
    return found


@settings(max_examples=200, deadline=None)
@given(letters_with_edges(), st.data())
def test_putting_a_character_back_finds_the_words_it_found_before(paragraphs, data):
    from letterkit.proof import lone

    letter = "\n".join(paragraphs)
    text = data.draw(st.sampled_from([t for t in paragraphs if t] or ["养老构3家"]))
    at = data.draw(st.integers(0, len(text) - 1))
    assert lone.KNOWN == 10
    assert lone._put_back(letter, text, at) == put_back_as_before(letter, text, at)


def test_putting_a_character_back_finds_the_letter_s_word():
    from letterkit.proof import lone

    letter = "全区现有养老机构12家。\n新建养老构3家。"
    assert lone._put_back(letter, "新建养老构3家。", 4) == put_back_as_before(letter, "新建养老构3家。", 4) != []


@settings(max_examples=100, deadline=None)
@given(letters_with_edges(), st.sampled_from(["王二明", "李四华、张三", "陈一军", "符海燕"]))
def test_the_people_a_draft_names_are_found_where_re_found_them(paragraphs, name):
    """missing._people finds each name with str.find, one place after another, as re.finditer did."""
    import re

    from letterkit.proof import missing

    texts = [f"{name}{text}{name[:2]}" for text in paragraphs] + [f"{name}委员提出的{text}" for text in paragraphs[:1]]
    data = {"addressee": {"name": name}, "signer": "王二明王二明"}
    people = {part for n in (name, "王二明王二明") for part in re.split(r"[、，,\s]+|等", n) if len(part) >= 2}
    expected = {(index, k) for index, text in enumerate(texts) for person in people
                for m in re.finditer(re.escape(person), text) for k in range(m.start(), m.end())}
    expected |= {(index, k) for index, text in enumerate(texts) for m in missing.MEMBER.finditer(text)
                 for k in range(m.start(), m.end())}
    assert missing._people(data, texts) == expected


# -- round 23: a glossary stem found per paragraph; addressee-role's pattern compiled once -------------------

STEMS = sorted(glossary._stems(glossary.glossary()))


def stems_as_before(texts: list[str], terms) -> set:
    """glossary.written_stems before round 23: every run of three characters or more of every paragraph looked up."""
    stems = glossary._stems(terms)
    longest = max(map(len, stems), default=0)
    return {(index, k) for index, text in enumerate(texts) for at in range(len(text))
            for size in range(3, min(longest, len(text) - at) + 1) if text[at:at + size] in stems
            for k in range(at, at + size)}


@settings(max_examples=200, deadline=None)
@given(letters_with_edges(), st.lists(st.tuples(st.sampled_from(STEMS), st.sampled_from(["", "建设", "的", "医"]),
                                                st.integers(0, 40)), max_size=4))
def test_the_stems_found_per_paragraph_are_those_found_before(paragraphs, stems):
    """A stem written in the letter (医联体 of 医联体建设), alone, overlapping another, at a paragraph's edge or
    cut by it: the characters it covers are the ones every run looked up found, fresh and remembered."""
    for stem, after, at in stems:  # some stems written into the letter, at any place of a paragraph
        index = at % len(paragraphs)
        text = paragraphs[index]
        paragraphs[index] = text[:at % (len(text) + 1)] + stem + after + text[at % (len(text) + 1):]
    terms = glossary.glossary()
    expected = stems_as_before(paragraphs, terms)
    assert fresh_and_again(lambda texts: glossary.written_stems(texts, terms), paragraphs) == [expected] * 3
    # and lost-character's one reading for terms and stems together: the two answers in one
    both = glossary.written_terms(paragraphs, terms) | expected
    assert fresh_and_again(lambda texts: glossary.written_words(texts, terms), paragraphs) == [both] * 3
    assert not stems or expected  # the written stems are found: the test compares something


def test_a_project_term_s_stem_is_found_with_the_project_s_glossary():
    """The memo answers for the glossary asked: a project's own term (河湖长制工作) makes its stem known, then not."""
    texts = ["推进河湖长制落实。"]
    own = glossary._with_own(("河湖长制工作",))
    assert glossary.written_stems(texts, own) == {(0, k) for k in range(2, 6)}
    assert glossary.written_stems(texts, glossary.glossary()) == stems_as_before(texts, glossary.glossary())


def role_matches_as_before(text: str, wrong: str, name) -> list[tuple[int, str]]:
    """addressee-role's matches before round 23: one pattern holding the addressee's names, compiled for each draft."""
    from letterkit.proof.kind import NAMED_FEW, ROLE, SURNAMES

    names = [n for n in re.split("[、，,和及与等]", name) if len(n) >= 2] if isinstance(name, str) else []
    own = "".join(f"{re.escape(n)}|" for n in names)
    own += "".join(f"(?:(?<![\u4e00-\u9fff])|(?<=[与和向对同及请谢由给跟让]))(?:{re.escape(n[0])})|"
                   for n in sorted({n for n in names if 2 <= len(n) <= 3}))
    addressed = rf"(?:{own}^(?:(?!政协|人大|代表|委员|常委)[\u4e00-\u9fff]){{2,4}}(?={ROLE['提案']}[，,！!]|{ROLE['建议']}[，,！!]))"
    pattern = re.compile(rf"(?:各位|尊敬的[^，。：:；、]{{0,8}}|按照|感谢|您作为)(?:[^，。：:；、]{{0,3}}?|{NAMED_FEW}){wrong}(?!会)"
                         rf"|{wrong}们?(?=的(?:建议|提案|意见|关心))"
                         rf"|(?<!政协)(?<!人大){wrong}们?(?=在(?:提案|建议)中|所提|提出的|提到的|反映的)"
                         rf"|{addressed}{wrong}(?!会|长|团)"
                         rf"|(?:(?<=由)|(?<=[，。；：、（(])|^)[{SURNAMES}][\u4e00-\u9fff]{{1,2}}?{wrong}(?=提出|所提|提交|领衔|联名|在(?:提案|建议))")
    return [(m.end() - len(wrong), m.group()) for m in pattern.finditer(text)]


ROLE_PIECES = ["各位", "尊敬的", "胡建军", "胡", "陈", "李", "王", "委员", "代表", "们", "，", "。", "的建议", "提出", "由",
               "王婉清", "感谢", "按照", "会", "长", "团", "在提案中", "所提", "与", "、", "等3名", "您作为", "政协", "人大",
               "！", "\n", "A", " ", "市"]
ADDRESSEES = [None, "胡建军", "陈海燕、李四", "王婉清等", "胡", "陈海燕和胡建军", "陈海燕、陈明", "A-B、[c]"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ROLE_PIECES), min_size=1, max_size=14).map("".join), st.sampled_from(ADDRESSEES),
       st.sampled_from(["提案", "建议"]))
def test_addressee_role_finds_what_its_one_pattern_found(text, name, kind):
    """The ways a letter calls its addressee, split into patterns compiled once and the addressee's names, find the
    places the one pattern compiled per draft found, in its order (a way tried first still wins a tie)."""
    from letterkit.proof import kind as kind_module
    from letterkit.proof.registry import Context

    wrong = kind_module.ROLE["建议" if kind == "提案" else "提案"]
    context = Context({"proposal": {"kind": kind}, "addressee": {"name": name}, "opening": text}, None, None, {})
    found = [(f.offset, f.message) for f in kind_module._role(context) if f.message.startswith(f"答复的是{kind}，这里")]
    expected = role_matches_as_before(text, wrong, name)
    assert [offset for offset, _ in found] == [offset for offset, _ in expected]
    assert [message for _, message in found] == [f"答复的是{kind}，这里却称“{match}”" for _, match in expected]


def test_addressee_role_reads_the_addressee_s_names():
    """The addressee by name and by surname alone: found for the drafts that name them, not for another draft's."""
    from letterkit.proof import kind as kind_module
    from letterkit.proof.registry import Context

    text = "陈海燕代表：与陈代表沟通后，胡代表也提出了意见。"
    found = {}
    for name in ("陈海燕", "胡建军", None):
        context = Context({"proposal": {"kind": "提案"}, "addressee": {"name": name}, "opening": text}, None, None, {})
        found[name] = [f.offset for f in kind_module._role(context) if f.message.startswith("答复的是提案，这里")]
    assert found["陈海燕"] == [3, 8] and found["胡建军"] == [15] and found[None] == []
    assert all(found[name] == [at for at, _ in role_matches_as_before(text, "代表", name)] for name in found)
