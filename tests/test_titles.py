from hypothesis import given, settings, strategies as st

from letterkit.titles import CLOSING, break_title, text_width


def test_a_short_title_stays_on_one_line():
    assert break_title("关于区政协二届三次会议第18号提案的答复", 20.3) == ["关于区政协二届三次会议第18号提案的答复"]


def test_breaks_fall_between_words_at_phrase_boundaries():
    assert break_title("关于市十五届人大三次会议第0036号建议的答复", 20.3) == ["关于市十五届人大三次会议", "第0036号建议的答复"]
    assert break_title("关于福田区第八届人民代表大会第四次会议第20240056号建议的答复", 20.3) == [
        "关于福田区第八届人民代表大会", "第四次会议第20240056号建议的答复"]


def test_seed_title_in_three_lines_shaped_as_a_trapezoid():
    lines = break_title("关于对《TA 20200005 “关于引进俄罗斯“卡脖子”尖端技术，加速科技成果转化，"
                        "打造大湾区科技创新新高地”》提案的回复", 20.3)
    widths = [text_width(line) for line in lines]
    assert len(lines) == 3 and widths == sorted(widths)
    assert all(not line.startswith(("》", "”", "，")) for line in lines)


TITLE_WORDS = ["关于", "加快", "推进", "老旧小区", "加装电梯", "第", "12", "号", "建议", "的", "答复", "《", "》",
               "福田区", "人民代表大会", "第四次会议", "，", "科技创新", "工作"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=30))
def test_lines_fit_and_keep_every_character(parts):
    title = "".join(parts)
    lines = break_title(title, 20.3)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    assert all(text_width(line) <= 20.3 for line in lines)
    assert all(line[0] not in CLOSING for line in lines[1:])


def test_segmented_titles_are_remembered_across_runs(monkeypatch):
    from letterkit import titles

    title = "关于加快推进老旧小区既有住宅加装电梯工作的建议的答复"
    first = titles.words(title)
    titles.save_cache()  # what happens when the process ends
    titles._cache.cache_clear()  # a new process: only the file on disk remains
    monkeypatch.setattr(titles, "_segmenter", lambda: (_ for _ in ()).throw(AssertionError("jieba loaded")))
    assert titles.words(title) == first
    assert titles._cache_file().is_file()


def test_a_process_saves_its_segmented_titles_when_it_ends(tmp_path):
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "from letterkit.titles import words; words('关于进一步推进城乡居民养老服务体系建设的建议的答复')"
    assert subprocess.run([sys.executable, "-c", code], env=env).returncode == 0
    [saved] = (tmp_path / "letterkit").glob("title-words-*.json")
    assert "关于进一步推进城乡居民养老服务体系建设的建议的答复" in json.loads(saved.read_text(encoding="utf-8"))


def test_titles_that_break_well_at_phrases_do_not_load_the_dictionary(monkeypatch):
    from letterkit import titles

    monkeypatch.setattr(titles, "_segmenter", lambda: (_ for _ in ()).throw(AssertionError("jieba loaded")))
    monkeypatch.setattr(titles, "_cache", lambda: {})
    assert break_title("关于福田区政协六届三次会议第TA20240001号提案的答复", 20.3) == [
        "关于福田区政协六届三次会议", "第TA20240001号提案的答复"]
