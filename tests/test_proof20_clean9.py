"""Round 20: false alarms of the clean dense letters (clean9) quieted by their general causes, each with the slip
beside it that must still be found.  Generated over the places, numbers and kinds the causes speak of."""

import tempfile
from pathlib import Path

import pytest

from conftest import MINIMAL_DRAFT
from letterkit.checkrun import check_paths
from letterkit.project import open_project


def _found(sentence: str, code: str) -> list[str]:
    folder = Path(tempfile.mkdtemp())
    draft = folder / "d.yaml"
    draft.write_text(MINIMAL_DRAFT.replace("每日巡查校园周边。", sentence), encoding="utf-8")
    return [p.message for p in check_paths([draft], open_project(draft))[draft] if p.code == code]


QUIET = {
    "lost-character": [
        # a year alone beside 年底 (2025年市区 … 年底市区)
        *[f"到{y}年{p}达到{n}个。截至去年年底{p}已有{n - 5}个。" for y in (2025, 2026) for p in ("市区", "全区") for n in (40, 87)],
        # a one-character verb alone beside the verb with its complement (建 … 建成, 建立)
        *[f"今年已{v}{obj}{n}个。明年再建{obj}{n + 2}个。" for v in ("建成", "建立") for obj in ("老年食堂", "助餐服务点")
          for n in (6, 11)],
        # a word's ending, an about before a number, a bracketed alternative, names listed alike
        *[f"推行积分制管理，设推荐上车点{n}个。" for n in (12, 26)],
        *[f"沿线村民约{n}万人受益。" for n in ("3.6", "12")],
        *[f"开通学生专线{n}条。每所学校配备了专（兼）职{w}{n}名。" for w in ("教师", "保安") for n in (2, 5)],
        *[f"上河村{sep}下河村两个村已完成{w}。" for sep in ("、", "和") for w in ("", "改造")],
        # a verb by itself and its object ending the clause; a glossary term begun by a phrase's last character
        *[f"县交通运输局加大投入，全县{n}个行政村通{w}。" for n in (126, 98) for w in ("公交", "客车")],
        *[f"关于推进远程医疗全覆盖。{w}" for w in ("", "保障医疗安全。")],
    ],
    "doubled-character": [
        *[f"{v}滴滴出行、美团打车等平台增加运力。" for v in ("指导", "协调", "有")],
        *[f"共享单车企业有美团、哈啰、滴滴青桔{n}家。" for n in (3, 5)],
        *[f"接待研学学生{n}万人次。" for n in (4.8, 12)],
    ],
    "lone-dash": [f"{y}年将开通东吴—五乡、咸祥—瞻岐两条线路。" for y in (2023, 2024)],
    "name-variant": [f"实施寄宿制学校改造工程，{y}年改造农村寄宿制学校{n}所。实施农村寄宿制学校改造工程。"
                     for y in (2023, 2024) for n in (9, 12)],
}

FOUND = {
    "lost-character": [f"你提出的建议收悉。实施农村饮水安全巩固提工程，新建水厂{n}座。" for n in (2, 5)],
    "doubled-character": [
        *[f"加强培训、就就业等{w}服务。" for w in ("创业", "")],  # an item's character typed twice, 就业 a word
        *[f"我局将进一一步{w}。" for w in ("扩大服务", "加强管理")],  # 进一 heads a term, yet 进一步 is the word meant
    ],
}


@pytest.mark.parametrize("code, sentence", [(c, s) for c, found in QUIET.items() for s in found])
def test_clean_dense_wording_stays_quiet(code, sentence):
    assert _found(sentence, code) == []


@pytest.mark.parametrize("code, sentence", [(c, s) for c, found in FOUND.items() for s in found])
def test_the_slip_beside_it_is_still_found(code, sentence):
    assert _found(sentence, code)
