"""letterkit/proof, the proofreading rules: each fails on text that breaks it and passes text
that keeps it, with file:line:column; on 18 published letters each stays within the false
alarms counted by reading them; on the seed it finds the slips a careful reader marks."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from letterkit import proof
from letterkit.importing import import_file
from letterkit.checkrun import check_paths
from letterkit.project import open_project

from conftest import LETTERS, MINIMAL_DRAFT, PUBLISHED, SEED_TEXT, make_project

ALL_LETTERS = sorted(PUBLISHED.glob("[0-9][0-9]_*.txt"))  # all eighteen published letters


def with_text(text: str) -> str:
    return MINIMAL_DRAFT.replace("每日巡查校园周边。", text)


def with_title(title: str) -> str:
    return MINIMAL_DRAFT + f"title: {title}\n"


def found(tmp_path, draft: str, name: str = "d.yaml"):
    root = make_project(tmp_path, {f"drafts/{name}": draft})
    path = root / "drafts" / name
    return check_paths([path], open_project(root))[path]


ENUMERATION = "活动吸引比亚迪、迈瑞、创维20余名顶级知识产权专家，腾讯、比亚迪、迈瑞、创维等数十家领军企业参加。"
LOST_PLATFORM = ("在已有IC技术公共服务平台、5G公共技术平华大九天模拟电路设计全流程EDA工具系统等平台基础上，"
                 "引进集成电路设计公共服务平台。")

# a letter without a letterhead: import takes the organ from the signature
NO_LETTERHEAD = MINIMAL_DRAFT.replace("  name: 测试市测试区教育局", "  name: 子洲县交通运输局") + "signature: 子洲县交通运输局\n"

CASES = [
    # code, draft that breaks the rule, the same draft kept
    ("quantity-magnitude", with_text("项目总建筑面积约23万平方米，地上建筑面积约15万平方米。该园区总建筑面积约23平方米。"),
     with_text("项目总建筑面积约23万平方米，地上建筑面积约15万平方米。该园区总建筑面积约23万平方米，另一园区建筑面积约2.5万平方米。")),
    ("figure-magnitude", with_text("我市累计投入农村供水工程建设资金3.2亿元。在前期投入3.2万元的基础上继续推进。"),
     with_text("我市累计投入农村供水工程建设资金3.2亿元。在前期投入3.2亿元的基础上继续推进，另投入3.5万元。")),
    ("signature-variant", NO_LETTERHEAD.replace("  - 下一步，我局将继续做好相关工作。", "  - 下一步，县交通心输局将继续做好相关工作。"),
     NO_LETTERHEAD.replace("  - 下一步，我局将继续做好相关工作。", "  - 下一步，县交通运输局将继续做好相关工作，经县交通运输局批准。")),
    ("organ-name-words", MINIMAL_DRAFT.replace("测试市测试区教育局", "子洲县交通心输局"),
     MINIMAL_DRAFT.replace("测试市测试区教育局", "锦州市市场监督管理局")),
    ("unit-subject", with_text("共邀请151家企业参展，参与总人次达6万余人。"), with_text("共邀请151家企业参展，参与总人次达6万余人次，工作人员300人。")),
    ("number-precision", with_text("占地面积1.9390万平方米，建筑面积3.10866万平方米。"),
     with_text("占地面积1.94万平方米，建筑面积3.11万平方米，拨付资金1234.5678万元。")),
    ("numeral-style", with_text("基地位于槟榔道3号，共4层；研究中心位于海虹道一号，共十三层。"),
     with_text("基地位于槟榔道3号，共4层；研究中心位于海虹道1号，共13层，层次分明。")),
    ("approximation-twice", with_text("约7200多万条商标数据。"), with_text("7200多万条商标数据，约1000万条著作权数据。")),
    ("percent-magnitude", with_text("全区中小学心理辅导室覆盖率达98%，今年实现覆盖率由9.8%提升至100%。"),
     with_text("全区中小学心理辅导室覆盖率达98%，今年实现覆盖率由98%提升至100%。")),
    ("repeated-enumeration", with_text(ENUMERATION), with_text("活动吸引20余名顶级知识产权专家，腾讯、比亚迪、迈瑞、创维等数十家领军企业参加。")),
    ("doubled-word-in-document-name", with_text("根据《全球青年创新集训营方案（UNLEASH2019）工作方案》的要求。"),
     with_text("根据《全球青年创新集训营（UNLEASH2019）工作方案》和《关于实施〈乡村振兴方案〉的实施方案》的要求。")),
    ("doubled-character", with_text("进一步一步加强管理的的要求。"), with_text("一步一步加强管理的要求，等等。")),
    ("repeated-ordinal", with_text("一是完善线路；二是发展民宿；二是开展节会活动。"), with_text("一是完善线路；二是发展民宿；三是开展节会活动。")),
    ("per-unit-restated", with_text("对种粮农户每亩补贴80元。今年按每户80元的补贴标准发放到位。"),
     with_text("对种粮农户每亩补贴80元。今年按每亩80元的补贴标准发放到位。")),
    ("unit-restated", with_text("累计完成治沙造林面积2.3万亩，巩固已完成的2.3万公顷治沙造林成果。"),
     with_text("累计完成治沙造林面积2.3万亩，巩固已完成的2.3万亩治沙造林成果。")),
    ("repeated-sentence", with_text("项目占地面积约3万平方米，总建筑面积约23万平方米。项目占地面积约3万平方米，总建筑面积约23万平方米。"),
     with_text("项目占地面积约3万平方米，总建筑面积约23万平方米。地上由七栋商务办公塔楼以及一栋宴会厅组成。")),
    ("lost-character", with_text(LOST_PLATFORM), with_text(LOST_PLATFORM.replace("平华大", "平台、华大"))),
    ("name-variant", with_text("建设深港科技创新合作区。组织企业到深港创新合作区交流。"),
     with_text("建设深港科技创新合作区。组织企业到深港科技创新合作区交流，福田区人才服务中心即区人才服务中心。")),
    ("place-homophone", with_text("黎坪景区完成改造，举办黎坪冰雪节。完善犁坪景区标识。"),
     with_text("黎坪景区完成改造，举办黎坪冰雪节。完善黎坪景区标识，红坪景区同步改造。")),
    ("person-variant", with_text("王芳代表提出建议，邀请王芳代表察看，向王方代表通报。"),
     with_text("王芳代表提出建议，邀请王芳代表察看，向王芳代表通报。")),
    ("addressee-homophone", with_text("每日巡查校园周边，感谢张叁委员的关心。"), with_text("每日巡查校园周边，感谢张三委员的关心。")),
    ("own-place-homophone", with_text("会同测式区各学校巡查。"), with_text("会同测试区各学校巡查。")),
    ("title-guanyu-dui", with_title("关于对第0012号提案的答复"), with_title("关于第0012号提案的答复")),
    ("title-number-in-book-marks", with_title("关于《TA 20240012 关于加强校园安全》提案的答复"),
     with_title("关于第TA20240012号提案《关于加强校园安全》的答复")),
    ("title-quotes-in-book-marks", with_title("关于《“关于加强校园安全”》提案的答复"),
     with_title("关于《关于加强“三防”工作》提案的答复")),
    ("kind-word", MINIMAL_DRAFT + "opening: 您提出的第0012号建议已收悉，我局认为该建议很有价值。现答复如下：\n",
     MINIMAL_DRAFT + "opening: 您提出的《关于加强校园安全的建议》（第0012号）提案已收悉，感谢您的宝贵建议。现答复如下：\n"),
    ("addressee-role", with_text("按照代表的建议，加强巡查。"), with_text("按照委员的建议，我局代表区政府加强巡查。")),
    ("you-plural", with_text("感谢您们的关心。"), with_text("感谢各位的关心。")),
    ("plural-to-one", with_text("感谢各位委员的关心。"), with_text("感谢各位委员的关心。").replace("name: 张三", "name: 张三、李四")),
    ("proposal-mismatch", with_title("关于区政协五届六次会议第21号提案的答复"), with_title("关于区政协五届六次会议第12号提案的答复")),
    ("session-body", MINIMAL_DRAFT.replace("  title: 关于加强校园安全的提案", "  title: 关于加强校园安全的提案\n  session: 区人大五届六次会议"),
     MINIMAL_DRAFT.replace("  title: 关于加强校园安全的提案", "  title: 关于加强校园安全的提案\n  session: 区政协五届六次会议")),
    ("empty-form-field", MINIMAL_DRAFT.replace("  - 下一步，我局将继续做好相关工作。", "  - 下一步，我局将继续做好相关工作。\n  - 单位负责人："),
     MINIMAL_DRAFT.replace("  - 下一步，我局将继续做好相关工作。", "  - 下一步，我局将继续做好相关工作。\n  - 单位负责人：王五")),
    ("date-lost-month", with_text("于2020年317日召开。"), with_text("于2020年3月17日召开，共317人。")),
    ("organ-truncated", with_text("测试市测试区教育将继续加强巡查。"), with_text("测试市测试区教育局将继续加强测试市测试区教育工作。")),
    ("space-around-sign", with_text("按照“知识产权+金融+ 创新+产业”的定位。"), with_text("按照“知识产权+金融+创新+产业”的定位，使用C++ 语言。")),
    ("dash-in-phone", with_text("咨询电话0755—82976207。"), with_text("咨询电话0755-82976207，2016—2018年。")),
    ("number-space", with_text("总投资3 600万元。"), with_text("总投资3600万元，C 语言，2019 2020两年。")),
    ("date-two-ways", with_text("截至2020年5月底完成一期，2020.6完成二期。"), with_text("截至2020年5月底完成一期，2020年6月完成二期，增速2020.5万元。")),
    ("relative-year", with_text("去年8月完成一期。"), with_text("2023年8月完成一期，去除隐患。")),
    ("misspelt-word", with_text("依托区人材服务中心，截止到6月底已布署到位。"), with_text("依托区人才服务中心，截至6月底已部署到位，截止日期为6月30日。")),
    ("quote-pairs", with_text("根据《关于在全国开展三区三线”划定工作的函》要求。"), with_text("根据《关于在全国开展“三区三线”划定工作的函》要求，“引进‘卡脖子’技术”。")),
    ("signature-place", MINIMAL_DRAFT.replace("测试市测试区教育局", "杭州市临平区交通运输局")
     + "signature: 杭州市临平区交通运输局\nprinter: 杭州市余杭区交通运输局办公室\n",
     MINIMAL_DRAFT.replace("测试市测试区教育局", "杭州市余杭区交通运输局")
     + "signature: 杭州市余杭区交通运输局\nprinter: 杭州市余杭区交通运输局办公室\n"),
    ("range-two-ways", with_text("落实2016-2030年规划，2016—2018年完成一期。"), with_text("落实2016—2030年规划，2016—2018年完成一期。")),
    ("cc-unit-cut", MINIMAL_DRAFT + "cc: [区人大常委会代表工作室, 区政府办公]\n",
     MINIMAL_DRAFT + "cc: [区人大常委会代表工作室, 区政府办公室, 各镇人民政府（街道办事处）, 区政协提案委]\n"),
    ("doubled-punctuation", with_text("影响灌溉效率。。"), with_text("影响灌溉效率。资金……到位，“已完成。”")),
    ("full-width-digit", with_text("２０23年，我局共检查食堂1210家次。"), with_text("2023年，我局共检查食堂1210家次。")),
    ("count-restated", with_text("共排查出易涝点37处。下一步，上述73处易涝点纳入计划。"),
     with_text("共排查出易涝点37处。下一步，上述37处易涝点纳入计划。")),
    ("count-referred", with_text("修复古桥梁11座。对已修缮的17座古桥开展巡查。"), with_text("修复古桥梁11座。对已修缮的11座古桥开展巡查。")),
    ("part-exceeds-total", with_text("共开展培训2360人次，其中农民工2850人次。"), with_text("共开展培训2860人次，其中农民工2350人次。")),
    ("parts-sum", with_text("全区共有中小学42所，其中城区学校27所、乡镇学校16所。"),
     with_text("全区共有中小学43所，其中城区学校27所、乡镇学校16所。")),
    ("unit-misfit", with_text("新建蓄水池126口，受益人口约3.2万户。"), with_text("新建蓄水池126口，受益人口约3.2万人，受益群众3000余户。")),
    ("length-too-short", with_text("该路段提质改造纳入计划，改造长度3.1米。"), with_text("该路段提质改造纳入计划，改造长度3.1公里，路面宽6.5米。")),
    ("shares-over-whole", with_text("达成就业意向1.1万人，其中高校毕业生占62%，农村转移劳动力占48%。"),
     with_text("达成就业意向1.1万人，其中高校毕业生占42%，农村转移劳动力占48%；女性占62%，党员占48%。")),
    ("points-mismatch", with_text("事件处置率由62%提高到85%，提升了13个百分点。"), with_text("事件处置率由62%提高到85%，提升了23个百分点。")),
    ("rate-against-counts", with_text("抽检1260批次，合格1238批次，合格率99.3%。"), with_text("抽检1260批次，合格1238批次，合格率98.3%。")),
    ("respectively-count", with_text("建成区域性农事服务中心3个，分别位于威家镇和新港镇。"),
     with_text("建成区域性农事服务中心2个，分别位于威家镇和新港镇。")),
    ("unit-mixed", with_text("累计建成高标准农田14.6万亩，其中山区建成3.2万亩。优先将三王村等水源有保障的1.1万公顷耕地纳入储备库。"),
     with_text("累计建成高标准农田14.6万亩，其中山区建成3.2万亩。优先将三王村等水源有保障的1.1万亩耕地纳入储备库。")),
]


def test_every_check_rule_has_a_case():
    assert {code for code, _, _ in CASES} == {r.code for r in proof.CHECK_RULES}


@pytest.mark.parametrize("code, bad, good", CASES, ids=[c[0] for c in CASES])
def test_rule_fails_the_slip_and_passes_the_mend(tmp_path, code, bad, good):
    raised = [p for p in found(tmp_path / "bad", bad) if p.code == code]
    assert raised, f"{code} did not fire"
    for problem in raised:
        assert problem.location.path.endswith("d.yaml") and problem.location.line  # file:line(:column)
        assert re.search("[\u4e00-\u9fff]", problem.message) and problem.hint  # Chinese, says how to fix
    assert not [str(p) for p in found(tmp_path / "good", good) if p.code == code]


def test_findings_point_at_line_and_column(tmp_path):
    problems = [p for p in found(tmp_path, with_text("参与总人次达6万余人。")) if p.code == "unit-subject"]
    line = MINIMAL_DRAFT.replace("每日巡查校园周边。", "参与总人次达6万余人。").splitlines()[problems[0].location.line - 1]
    assert line[problems[0].location.column - 1] == "人" and "人次达6万余人" in str(problems[0])


def test_rules_are_switched_off_like_the_others(tmp_path):
    draft = with_text("于2020年317日召开。") + "check:\n  disable: [date-lost-month]\n"
    assert not [p for p in found(tmp_path, draft) if p.code in ("date-lost-month", "unknown-rule")]


IMPORT_CASES = [
    ("line-start-punctuation", ["并赴俄罗斯、波兰", "、英国进行考察。"], ["并赴俄罗斯、波兰、", "英国进行考察。"]),
    ("line-end-punctuation", ["引导更多的企业参加到“", "一带一路”倡议上来。"], ["引导更多的企业参加到", "“一带一路”倡议上来。"]),
    ("space-in-number", ["截至20 20年5月底，共5家。", "2023年 10月"], ["截至2020 年5月底，共 5 家，2019 2020两年。", "2023年10月"]),
    ("heading-leading-space", ["    三、构建公共技术服务体系", "我局会同区发展改革局认真研究了这一问题。"],
     [" 三、构建公共技术服务体系", "三、构建体系", "\u3000\u3000我局会同区发展改革局认真研究了这一问题。",
      "\u3000\u3000四、完善公共技术服务体系"]),
    ("empty-form-line", ["2022年6月28日", "领导签字:"], ["2022年6月28日", "领导签字:王五", "经办人：李四"]),
    ("date-line-lost-month", ["2022年69日"], ["2022年6月9日", "2022年共69日"]),
]


def test_every_import_rule_has_a_case():
    assert {code for code, _, _ in IMPORT_CASES} == {r.code for r in proof.IMPORT_RULES}


@pytest.mark.parametrize("code, bad, good", IMPORT_CASES, ids=[c[0] for c in IMPORT_CASES])
def test_import_rule_fails_the_slip_and_passes_the_mend(code, bad, good):
    numbered = lambda lines: list(enumerate(lines, start=1))
    raised = [f for f in proof.import_findings(numbered(bad)) if f.code == code]
    assert raised and all(f.line and f.column and f.hint for f in raised)
    assert not [f for f in proof.import_findings(numbered(good)) if f.code == code]


def test_import_reports_the_typeset_page_with_the_input_line(tmp_path):
    source = tmp_path / "letter.txt"
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    source.write_text("\n".join(lines), encoding="utf-8")
    problems = import_file(source).problems()
    start = next(i for i, l in enumerate(lines, 1) if l.startswith("、英国"))
    assert any(p.code == "line-start-punctuation" and (p.location.line, p.location.column) == (start, 1) for p in problems)
    end = next(p for p in problems if p.code == "line-end-punctuation")
    assert lines[end.location.line - 1][end.location.column - 1] == "“" and f":{end.location.line}:" in str(end)


def test_the_rule_docs_list_every_proofreading_rule():
    text = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for item in proof.RULES:
        assert f"`{item.code}`" in text and item.why in text and proof.FAMILIES[item.family] in text


def test_proof_stays_out_of_the_build_circle():
    """proof imports, directly or through others, none of build, validate, lint or the importer:
    they may all import it without a circle (the whole package's graph: test_imports.py)."""
    from test_imports import imports, reached

    assert not reached(imports(), "letterkit.proof") & {"letterkit.build", "letterkit.validate", "letterkit.lint",
                                                        "letterkit.importing"}


# -- published letters: what each rule raises, read one by one --------------------------------

# What the proofreading rules (and title-form, which this work changed) raise on the published
# letters, with a reader's verdict on each.  A rule raising more than its count here fails.
READING = {
    "02_shaanxi-tongguan_tian": {"title-guanyu-dui": (1, "real (style): 标题“关于对政协……提案的答复”")},
    "08_heilongjiang-fuyuan_tian-truncated": {"lost-character": (2, "real: “您提出的关《关于……》”多出或缺了字；"
                                                                 "“社区医院给出的健”（抄件在词中间断了）")},
    "09_zizhou_tian": {"title-guanyu-dui": (1, "real (style): 标题“关于对政协子洲县……”")},
    "12_junshan_jianyi": {"kind-word": (1, "real: 答复建议，标题称“16号议案”")},
    "13_zhoucun_jianyi": {"title-form": (1, "real: 标题残缺（“……人大四次会议30”）")},
    "18_baiyin_tian": {"title-guanyu-dui": (1, "real (style): 标题“关于对市政协八届一次会议……”"),
                       "quote-pairs": (1, "real: 《关于在全国开展三区三线”划定工作的函》少了前引号")},
}
WATCHED = {r.code for r in proof.RULES if r.family not in proof.FORM_FAMILIES} | {"title-form"}


@pytest.fixture(scope="module")
def letters_checked(tmp_path_factory):
    """{letter: Counter of the watched codes} after import and check, as a clerk runs them."""
    counts = {}
    for source in ALL_LETTERS:
        root = tmp_path_factory.mktemp(source.stem[:2])
        imported = import_file(source)
        draft = root / (source.stem + ".yaml")
        draft.write_text(imported.draft, encoding="utf-8")
        problems = imported.problems() + check_paths([draft], open_project(draft))[draft]
        counts[source.stem] = Counter(p.code for p in problems if p.code in WATCHED)
    return counts


def test_eighteen_letters_are_read(letters_checked):
    assert len(letters_checked) == 18


@pytest.mark.parametrize("letter", [s.stem for s in ALL_LETTERS])
def test_each_rule_stays_within_its_false_alarm_budget_on_published_letters(letters_checked, letter):
    budget = {code: n for code, (n, _) in READING.get(letter, {}).items()}
    over = {code: n for code, n in letters_checked[letter].items() if n > budget.get(code, 0)}
    assert not over, f"{letter}: {over} (budget {budget})"
    false_alarms = sum(n for n, verdict in READING.get(letter, {}).values() if verdict.startswith("false"))
    assert false_alarms <= 1


# -- the seed: the slips a careful reader marks, listed before measuring ------------------------

# (what, class, codes that catch it, text on the reported line).  Classes: serious, standard
# (breaks GB/T 9704 / 15834 / 15835 or the genre's rules), minor.  Listed by reading the seed.
SEED_SLIPS = [
    ("署名“福田区科创创新局”与版头不符", "serious", {"signature-organ", "import-signature"}, "科创创新局"),
    ("总建筑面积约23平方米（应为23万）", "serious", {"quantity-magnitude"}, "约23平方米"),
    ("“公共技术平华大九天”漏“台、”", "serious", {"lost-character"}, "平华大九天"),
    ("“封装测公共服务平台”漏“试”", "serious", {"lost-character"}, "封装测公共"),
    ("“八卦岭片低成本产业区”漏“区”", "serious", {"lost-character"}, "八卦岭片低"),
    ("四、（二）在（一）之前且被隔断", "serious", {"import-numbering"}, "（二）打造港澳"),
    ("比亚迪、迈瑞、创维一句里列举两次", "serious", {"repeated-enumeration"}, "腾讯、比亚迪"),
    ("标题书名号里有编号", "standard", {"title-number-in-book-marks"}, "TA 20200005"),
    ("标题书名号里套双引号", "standard", {"title-quotes-in-book-marks"}, "TA 20200005"),
    ("标题“关于对”", "standard", {"title-guanyu-dui"}, "关于对"),
    ("标题“回复”与正文“答复”", "standard", {"title-form"}, "回复"),
    ("引号里套双引号（标题、开头语）", "standard", {"nested-quotes"}, "卡脖子"),
    ("开头语引的题目多了“的建议”，与标题不同", "standard", {"quoted-title-mismatch"}, "新高地的建议"),
    ("书名号之间用顿号", "standard", {"book-title-comma"}, "》、《"),
    ("半角括号“(深圳)”", "standard", {"half-width-punctuation", "import-half-width"}, "(深圳)"),
    ("半角逗号“措施,以华强北”", "standard", {"half-width-punctuation", "import-half-width"}, "措施,以"),
    ("联系人一行括号半角全角混用", "standard", {"bracket-pairs", "import-mixed-brackets"}, "联系人"),
    ("“平米”", "standard", {"unit-names"}, "平米"),
    ("㎡ 与 平方米 混用", "standard", {"unit-names"}, "平方米"),
    ("1.9390万㎡、3.10866万㎡ 的精度", "standard", {"number-precision"}, "1.9390"),
    ("1.0066万㎡、3.3000万㎡ 的精度", "standard", {"number-precision"}, "3.3000"),
    ("参与总人次达6万余人", "standard", {"unit-subject"}, "6万余人"),
    ("单个“—”作破折号", "standard", {"lone-dash"}, "知识产权—2019"),
    ("《……方案（UNLEASH2019）工作方案》", "standard", {"doubled-word-in-document-name"}, "工作方案"),
    ("约7200多万条", "standard", {"approximation-twice"}, "约7200多万"),
    ("行首“、英国”（避头）", "standard", {"line-start-punctuation"}, "、英国"),
    ("行尾““”（避尾）", "standard", {"line-end-punctuation"}, "参加到“"),
    ("海虹道一号 / 槟榔道3号", "standard", {"numeral-style"}, "海虹道一号"),
    ("十三层 / 4层", "standard", {"numeral-style"}, "十三层"),
    ("深港科技创新合作区 / 深港创新合作区", "standard", {"name-variant"}, "深港创新合作区"),
    ("新一代产业园 / 新一代信息产业园", "standard", {"name-variant"}, "新一代信息产业园"),
    ("“金融+ 创新”的空格", "standard", {"space-around-sign"}, "+ 创新"),
    ("原文没有发文字号", "standard", {"absent-element"}, "number"),
    ("“创新服务中心福田区政务数据……”漏顿号", "minor", set(), "服务中心福田区"),
    ("“集……等一体”漏“于”", "minor", set(), "等一体"),
    ("“激发创新活力主体”语序", "minor", set(), "活力主体"),
    ("“合并形成出台”赘语", "minor", set(), "形成出台"),
    ("“港澳青年”标题与“港澳台青年”正文", "minor", set(), "港澳台青年"),
    ("“国家及地区”与“国家和地区”", "minor", set(), "国家和地区"),
    ("并列机构之间用逗号（“实验室及公共服务平台，国家药品”）", "minor", set(), "平台，国家药品"),
    ("“去年8月”未写年份", "minor", {"relative-year"}, "去年"),
    ("“物联网（AI）”缩写不对", "minor", set(), "物联网（AI）"),
    ("“创维20余名”缺“等”", "minor", set(), "创维20余名"),
]


def test_the_seeds_slips_are_found(tmp_path):
    imported = import_file(SEED_TEXT)
    draft = tmp_path / "seed.yaml"
    draft.write_text(imported.draft, encoding="utf-8")
    root = make_project(tmp_path, {})
    problems = check_paths([draft], open_project(root))[draft]
    source_lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    draft_lines = imported.draft.splitlines()

    def line_of(problem):
        lines = source_lines if problem in imported_problems else draft_lines
        return lines[problem.location.line - 1] if problem.location.line else ""

    imported_problems = imported.problems()
    everything = imported_problems + problems
    caught = {what for what, _, codes, text in SEED_SLIPS
              if any(p.code in codes and text in line_of(p) for p in everything)}
    by_class = Counter(kind for what, kind, _, _ in SEED_SLIPS)
    found_by_class = Counter(kind for what, kind, _, _ in SEED_SLIPS if what in caught)
    print({kind: f"{found_by_class[kind]}/{n}" for kind, n in by_class.items()})
    marked = [what for what, kind, _, _ in SEED_SLIPS if kind != "minor"]
    assert [what for what in marked if what not in caught] == []
    assert (found_by_class["serious"] + found_by_class["standard"]) / len(marked) >= 0.9


# -- generated cases ------------------------------------------------------------------------------

class Context:
    """What lint.py hands a rule: the typed draft, no validated draft, no rendered letter."""

    def __init__(self, data):
        self.data, self.draft, self.letter = data, None, {}

    def written(self, kind):
        return None


def raised(code, data):
    item = next(r for r in proof.CHECK_RULES if r.code == code)
    return list(item.check(Context(data)))



PROSE = st.text(alphabet=st.sampled_from(list("的和了一二三十百万亿元人次号层年月日平台区关于对提案建议委员代表“”《》（）、，。；：")
                                         + list("0123456789.-—+% ")), max_size=80)


@settings(max_examples=150, deadline=None)
@given(title=PROSE, body=st.lists(PROSE, min_size=1, max_size=4), kind=st.sampled_from(["提案", "建议", None]))
def test_any_text_is_proofread_without_error_and_findings_point_inside_it(title, body, kind):
    data = {"title": title, "proposal": {"kind": kind}, "addressee": {"name": "张三"},
            "measures": [{"heading": "措施", "text": text} for text in body], "date": dt.date(2024, 5, 6)}
    values = {"title": title, **{("measures", i, "text"): t for i, t in enumerate(body)}}
    for item in proof.CHECK_RULES:
        for finding in item.check(Context(data)):
            value = data["title"] if finding.path == ("title",) else None
            if finding.path[:1] == ("measures",) and finding.path[-1] == "text":
                value = body[finding.path[1]]
            if value is not None and finding.offset is not None:
                assert 0 <= finding.offset < len(value), (item.code, finding)
            assert finding.message and finding.hint


MAGNITUDES = {"": 1, "万": 10_000, "亿": 100_000_000}


@pytest.mark.parametrize("first", ["23", "3.2", "480.04", "15"])
@pytest.mark.parametrize("magnitudes", [(a, b) for a in MAGNITUDES for b in MAGNITUDES])
@pytest.mark.parametrize("second_digits", ["same", "other"])
def test_a_figure_restated_is_flagged_exactly_when_only_its_magnitude_changed(first, magnitudes, second_digits):
    second = first if second_digits == "same" else str(int(float(first)) + 7)
    text = f"项目总投资约{first}{magnitudes[0]}元，进展顺利。该项目总投资约{second}{magnitudes[1]}元。"
    found = raised("quantity-magnitude", {"measures": [{"heading": "措施", "text": text}]})
    assert bool(found) == (second_digits == "same" and magnitudes[0] != magnitudes[1])


@pytest.mark.parametrize("chinese", ["一", "十三", "两", "二十"])
@pytest.mark.parametrize("arabic", ["3", "16", None])
@pytest.mark.parametrize("kind", [("路", "号"), ("道", "号"), ("共", "层")])
def test_numerals_of_one_kind_are_written_one_way(chinese, arabic, kind):
    before, after = kind
    text = f"甲楼位于{'槟榔' if before != '共' else ''}{before}{chinese}{after}。"
    if arabic:
        text += f"乙楼位于{'海虹' if before != '共' else ''}{before}{arabic}{after}。"
    found = raised("numeral-style", {"measures": [{"heading": "措施", "text": text}]})
    assert bool(found) == bool(arabic)


def test_letterkit_check_prints_proofreading_findings_and_fails_on_their_errors(tmp_path):
    import subprocess
    import sys

    draft = with_text("于2020年317日召开，参与总人次达6万余人。")
    root = make_project(tmp_path, {"drafts/d.yaml": draft})
    done = subprocess.run([sys.executable, "-m", "letterkit", "check"], cwd=root, capture_output=True, text=True)
    line = next(n for n, text in enumerate(draft.splitlines(), 1) if "317日" in text)
    column = draft.splitlines()[line - 1].index("2020年317日") + 1
    assert f"drafts/d.yaml:{line}:{column}: 错误 date-lost-month “2020年317日”缺了“月”（改为“2020年3月17日”）" in done.stdout
    assert " 警告 unit-subject " in done.stdout and done.returncode == 1 and "Traceback" not in done.stderr


def test_findings_kept_between_runs_are_the_same_and_never_stale(tmp_path):
    """The second run answers from the cache with the same lines; an edited draft is read again."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    root = make_project(tmp_path / "p", {"drafts/d.yaml": with_text("于2020年317日召开，参与总人次达6万余人。")})
    run = lambda: subprocess.run([sys.executable, "-m", "letterkit", "check"], cwd=root, capture_output=True, text=True, env=env)
    first, second = run(), run()
    assert first.stdout == second.stdout and "date-lost-month" in first.stdout
    assert list((tmp_path / "cache" / "letterkit" / "proof").glob("findings-*.json"))
    (root / "drafts" / "d.yaml").write_text(with_text("于2020年3月17日召开，参与总人次达6万余人次。"), encoding="utf-8")
    third = run()
    assert "date-lost-month" not in third.stdout and "unit-subject" not in third.stdout and third.returncode == 0


@pytest.mark.parametrize("year", ["2020年", "今年"])
def test_a_date_that_lost_its_month_is_reported_with_the_dates_it_can_have_been(year):
    for month in range(1, 13):
        for day in range(1, 32):
            lost = raised("date-lost-month", {"measures": [{"heading": "措施", "text": f"于{year}{month}{day}日召开。"}]})
            assert lost and f"{year}{month}月{day}日" in lost[0].hint, (month, day)
            assert not raised("date-lost-month", {"measures": [{"heading": "措施", "text": f"于{year}{month}月{day}日召开。"}]})


def _organ_names() -> list[str]:
    import yaml

    names = set()
    for path in (PUBLISHED / "expected").glob("*.yaml"):
        facts = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key in ("organ", "signature"):
            value = facts.get(key)
            names.update(v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v != "无")
    return sorted(names)


def test_the_published_letters_organ_names_are_made_of_words_and_a_strange_character_is_not():
    from letterkit.proof.organ_name import odd_characters

    names = _organ_names()
    assert len(names) >= 15 and all(odd_characters(name) == [] for name in names), \
        {name: odd_characters(name) for name in names if odd_characters(name)}
    for name in names:
        for at in range(len(name) - 4, len(name) - 1):  # inside the part after the place
            assert odd_characters(name[:at] + "丂" + name[at + 1:]), (name, at)


def test_no_doubled_character_is_reported_on_the_published_letters():
    from letterkit.proof.repetition import doubled_in_no_word

    for source in ALL_LETTERS:
        text = source.read_text(encoding="utf-8")
        assert not [text[at - 4:at + 6] for at in doubled_in_no_word(text)], source.name


COMMON_WORDS = ["加强", "城市体检", "公共服务", "基础设施", "近年来", "交通运输", "卫生健康", "进一步", "服务平台",
                "日间照料", "满意度", "管理局", "建设", "提升", "工作", "推进", "落实", "群众", "改造", "资金"]


def test_most_characters_typed_twice_inside_common_words_are_reported():
    """Every character of twenty common words doubled in turn: at least 70% reported (measured 47 of 58)."""
    from letterkit.proof.repetition import doubled_in_no_word

    texts = [f"我局将{word[:at + 1]}{word[at:]}工作。" for word in COMMON_WORDS for at in range(len(word))]
    reported = [text for text in texts if doubled_in_no_word(text)]
    print(f"{len(reported)}/{len(texts)}")
    assert len(reported) >= 0.7 * len(texts)
    assert not [t for t in ["好好学习，天天向上。", "人人都是", "家家户户", "一一落实", "层层压实", "年年增长", "工作作风", "中小学学生"]
                if doubled_in_no_word(t)]
