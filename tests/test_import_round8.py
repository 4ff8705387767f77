"""Import, round 8: shapes found by CI and by the last letters of round 7, each made a family of generated cases."""

import itertools

import pytest

from imported import import_text, sample

TITLE = "关于县政协十届一次会议第12号提案答复的函"


def _page(row: str) -> str:
    lines = ["http://www.example.gov.cn/zwgk/t20220921_88412.html", "测试县文化和旅游局" + TITLE,
             "| 索 引 号 | 62302400/2022-003141 | 发布机构 | 测试县文化和旅游局 |", row, "分类标识【D】",
             "中国民主同盟测试县支部：", "贵支部提出的《关于挖掘文化资源推动全域旅游发展的提案》（第12号）收悉，现答复如下：",
             "一、加强文物保护利用。完成卫城城墙局部修缮。", "二、完善旅游服务设施。新建旅游厕所16座。", "感谢对我局工作的支持。",
             "测试县文化和旅游局", "2022年9月16日"]
    return "\n\n".join(lines) + "\n"


@pytest.mark.parametrize("label,bar,after", sample(list(itertools.product(
    ["标　　题", "标 题", "标题", "名称", "文件名称", "公文标题"], ["|", "｜"],
    ["", " {b} 分　　类 {b} 提案办理 {b}", " {b} 成文日期 {b} 2022-09-16", " {b} 主题分类 {b} 其他 {b} 发文字号 {b} 测文旅发〔2022〕9号"])), 2))
def test_a_table_rows_title_cell_gives_the_title_alone(tmp_path, label, bar, after):
    """| 标　　题 | 关于…答复的函 | 分　　类 | 提案办理 | (held-out 395): the title came out with the cells after it."""
    row = f"{bar} {label} {bar} {TITLE}{after.format(b=bar)}"
    _, draft = import_text(tmp_path, _page(row))
    assert draft["title"] in (TITLE, "测试县文化和旅游局" + TITLE), draft["title"]
    assert draft["category"] == "D" and draft["recipient"] == "中国民主同盟测试县支部"
