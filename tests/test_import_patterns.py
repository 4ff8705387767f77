"""The patterns of issue 12, each in invented letters (not copied from any published one): category
marks, page furniture, salutations, openings, contact lines, approval lines, signatures and dates,
closings and document numbers in their many spellings.  Each case changes one part of a plain
letter and says which fields must come out how; nothing else in the letter may move."""

import pytest
import yaml

from letterkit.importing import import_file
from letterkit.importing.score import values, zones

BASE = {
    "head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议第12号提案的答复",
    "salutation": "张三委员:",
    "opening": "您提出的《关于加强校园安全的提案》(第12号)收悉,现答复如下:",
    "body": "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。\n二、下步打算\n我局将建立巡查制度,每月检查一次。",
    "closing": "感谢您对教育工作的关心和支持。",
    "signature": "测试县教育局",
    "date": "2024年3月5日",
    "tail": "",
}
RIGHT = {"organ": "测试县教育局", "number": "测教函〔2024〕7号", "addressee": "张三委员", "id": "12",
         "proposal_title": "关于加强校园安全的提案", "signature": "测试县教育局", "date": "2024-03-05",
         "closing": "感谢您对教育工作的关心和支持。"}
BODY_TEXT = ["我局已完成校园安全排查", "我局将建立巡查制度"]

CASES = [
    # 1. category marks
    ({"head": "类别：A类\n" + BASE["head"]}, {"category": "A"}),
    ({"head": "类 别:B\n" + BASE["head"]}, {"category": "B"}),
    ({"head": "办复类别: B\n" + BASE["head"]}, {"category": "B"}),
    ({"head": BASE["head"] + "\n答复类别（C）"}, {"category": "C"}),
    ({"head": "分类标识【D】\n" + BASE["head"]}, {"category": "D"}),
    ({"head": "办理结果:(C)\n" + BASE["head"]}, {"category": "C"}),
    ({"head": "测试县教育局\n测教函〔2024〕7号 B类\n关于县政协十届三次会议第12号提案的答复"}, {"category": "B"}),
    ({"head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议第12号提案的答复(A)"}, {"category": "A"}),
    ({"tail": "类别：C"}, {"category": "C"}),
    # 2. page furniture
    ({"head": "关于县政协十届三次会议第12号提案的答复\n来源:测试县政府网 发布时间:2024-03-06 10:21\n字体:[大 中 小]\n浏览次数:35\n"
              + BASE["head"]}, {}),
    ({"head": "索  引  号: 11620400/2024-12 生成日期: 2024-03-06\n文       号: 关键字: 校园,安全\n" + BASE["head"]}, {}),
    ({"head": "来源:\n测试县人民政府\n发布时间:\n2024-03-06 08:22\n" + BASE["head"]}, {}),
    ({"head": "| 索引号 | 1162/2024-12 | 发布机构 | 测试县教育局 |\n| 文号 | | 发布日期 | 2024-03-06 |\n" + BASE["head"]}, {}),
    ({"head": "关于县政协十届三次会议第12号提案的答复\n提案内容 答复内容\n" + BASE["head"]}, {}),
    ({"tail": "上一篇:关于第11号提案的答复\n下一篇:关于第13号提案的答复\n打印本页\n关闭窗口"}, {}),
    ({"head": "首页 > 政务公开 > 建议提案办理\n" + BASE["head"]}, {}),
    ({"head": "| 索 引 号 | 1162/2024-12 | 发布机构 | 测试县教育局 |\n| 文　　号 | 测教函〔2024〕7号 | 发布日期 | 2024-03-06 |\n"
              "测试县教育局\n关于县政协十届三次会议第12号提案的答复"}, {}),
    ({"head": "关于县政协十届三次会议第12号提案的答复\n提案人：张三\n提案内容：\n建议加强校园安全管理，定期排查隐患，建立长效机制。\n"
              "答复内容：\n" + BASE["head"]}, {}),
    ({"head": "打印本页 关闭窗口\n" + BASE["head"]}, {}),
    ({"head": "提案编号：12\n测试县教育局\n测教函〔2024〕7号\n关于加强校园安全的提案的答复",
      "opening": "您提出的《关于加强校园安全的提案》收悉,现答复如下:"}, {}),
    # 3. salutations
    ({"salutation": "尊敬的张三委员："}, {}),
    ({"salutation": "尊敬的张三委员:您好!"}, {"opening": "您好！您提出的"}),
    ({"salutation": "张三委员"}, {}),
    ({"salutation": "张三、李四委员:"}, {"addressee": "张三、李四委员"}),
    ({"salutation": "张 三 委员:"}, {}),
    ({"salutation": "张三等3名委员:"}, {"addressee": "张三等3名委员"}),
    ({"salutation": "尊敬的张三县政协委员:"}, {"addressee": "张三委员"}),
    ({"salutation": "县卫生健康局:"}, {"addressee": "县卫生健康局"}),
    ({"salutation": "县卫生健康局", "opening": "你局转来的张三委员提出的《关于加强校园安全的提案》(第12号)收悉,现将会办意见函告如下:"},
     {"addressee": "县卫生健康局"}),
    ({"salutation": "县卫生健康局: 您单位转来的张三委员提出的《关于加强校园安全的提案》(第12号)收悉,现答复如下:", "opening": ""},
     {"addressee": "县卫生健康局", "proposal_title": "关于加强校园安全的提案"}),
    ({"head": "建议人:\n" + BASE["head"]}, {}),
    # 4. openings
    ({"opening": "您提出的“关于加强校园安全的提案”收悉,现答复如下:"}, {}),
    ({"opening": "您提出的关于加强校园安全的提案收悉,现答复如下:"}, {}),
    ({"opening": "您提出的“关于加强校园安全的提案”(第12号)已收悉,现答复如下:"}, {}),
    ({"head": "测试县教育局\n测教函〔2024〕7号", "opening": "您提出的关于加强校园安全的第12号提案收悉,现答复如下:"},
     {"proposal_title": "关于加强校园安全的提案", "title": "无"}),
    ({"opening": "您提出的《关于加强校园安全的提案》第12号提案收悉,现答复如下:"}, {}),
    ({"head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议第016号提案的答复"}, {"id": "016"}),
    ({"head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议第20240012号提案的答复"}, {"id": "20240012"}),
    ({"head": "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议12号提案的答复"}, {}),
    # 5. contact lines
    ({"tail": "联系人:李四,联系电话:0871-1234567"}, {"contact_name": "李四", "contact_phone": "0871-1234567"}),
    ({"tail": "联系电话:0871-1234567 联系人:李四"}, {"contact_name": "李四", "contact_phone": "0871-1234567"}),
    ({"tail": "联系人:李四\n联系电话:13912345678"}, {"contact_name": "李四", "contact_phone": "13912345678"}),
    ({"tail": "联系人及电话:李四 0871-1234567"}, {"contact_name": "李四", "contact_phone": "0871-1234567"}),
    ({"tail": "经办人:李四 电话:1234567"}, {"contact_name": "李四", "contact_phone": "1234567"}),
    ({"tail": "承办人及联系电话:李四 13912345678"}, {"contact_name": "李四", "contact_phone": "13912345678"}),
    ({"tail": "(联系人:李四,联系电话:1234567"}, {"contact_name": "李四", "contact_phone": "1234567"}),
    ({"closing": "感谢您对教育工作的关心和支持。\n联系人:李四,联系电话:1234567"},
     {"contact_name": "李四", "contact_phone": "1234567"}),
    ({"tail": "联系人:李四同志 电话:1234567"}, {"contact_name": "李四", "contact_phone": "1234567"}),  # a draft holds a contact whole
    ({"tail": "联系人:李四(电话:1234567)"}, {"contact_name": "李四", "contact_phone": "1234567"}),
    ({"tail": "抄送:\n县政协提案委,县政府督查室"}, {"cc": "县政协提案委、县政府督查室"}),
    ({"tail": "抄送:县政协提案委,县政府督查室\n抄报:县人民政府"}, {"cc": "县政协提案委、县政府督查室、县人民政府"}),
    ({"tail": "联 系 人:李 四 联系电话:1234567"}, {"contact_name": "李四", "contact_phone": "1234567"}),
    ({"tail": "联系方式:李四 13912345678"}, {"contact_name": "李四", "contact_phone": "13912345678"}),
    ({"tail": "联系人及电话:李四,0871-1234567。"}, {"contact_name": "李四", "contact_phone": "0871-1234567"}),
    # 6. approval and handling lines
    ({"head": "签发人:王五\n" + BASE["head"]}, {"signer": "王五"}),
    ({"head": "测试县教育局\n测教函〔2024〕7号 签发人:王五\n关于县政协十届三次会议第12号提案的答复"}, {"signer": "王五"}),
    ({"tail": "领导签发:王五\n承办负责人:赵六\n审核:钱七"}, {"signer": "王五"}),
    ({"tail": "此件公开发布"}, {"disclosure": "主动公开"}),
    ({"head": "是否同意公开:是\n" + BASE["head"]}, {"disclosure": "主动公开"}),
    ({"tail": "（依申请公开）"}, {"disclosure": "依申请公开"}),
    # 7. signatures and dates
    ({"signature": ""}, {"signature": "无"}),
    ({"signature": "测试县教育局 测试县财政局"}, {"signature": "测试县教育局、测试县财政局"}),  # all signers, in order
    ({"head": "测试县教育局 测试县财政局\n测教函〔2024〕7号\n关于县政协十届三次会议第12号提案的答复",
      "signature": "测试县教育局 测试县财政局"}, {"signature": "测试县教育局、测试县财政局"}),
    ({"closing": "感谢您对教育工作的关心和支持。\n类别:B\n此致 敬礼"}, {"category": "B"}),
    ({"signature": "测试县教育局(盖章)"}, {}),
    ({"date": "20240305"}, {}),
    ({"signature": "", "date": "测试县教育局 2024年3月5日"}, {}),
    ({"signature": "", "date": "测试县教育局(盖章) 2024年3月5日"}, {}),
    ({"signature": "", "date": "测试县教育局　二〇二四年三月五日"}, {}),
    ({"date": "2024 35"}, {}),
    ({"date": "二〇二四年三月五日"}, {}),
    ({"date": "2024.3.5"}, {}),
    # 8. closings
    ({"closing": "特此函复。"}, {"closing": "特此函复。"}),
    ({"closing": "专此答复。"}, {"closing": "专此答复。"}),
    ({"closing": "此致\n敬礼"}, {"closing": "此致"}),
    ({"body": "1、工作情况。我局已完成校园安全排查,整改隐患十二处。\n2、下步打算。我局将建立巡查制度,每月检查一次。特此函告。",
      "closing": ""}, {"closing": "特此函告。"}),
    # 9. document numbers
    ({"head": "测试县教育局\n测教字:〔2024〕7号\n关于县政协十届三次会议第12号提案的答复"}, {"number": "测教字〔2024〕7号"}),
    ({"head": "测试县教育局\n测教函【2024】7号\n关于县政协十届三次会议第12号提案的答复"}, {}),
    ({"head": "测试县教育局\n测教函﹝2024﹞7号\n关于县政协十届三次会议第12号提案的答复"}, {}),
    ({"head": "测试县教育局\n测教函〔20247\n关于县政协十届三次会议第12号提案的答复"}, {}),
    ({"head": "测试县教育局 关于县政协十届三次会议第12号提案的答复\n测教函〔2024〕7号"}, {}),
    ({"head": "测试县教育局\n关于县政协十届三次会议第12号提案的答复\n(测教函〔2024〕7号)"}, {}),
    ({"head": "当前位置:首页 > 政务公开 > 建议提案办理\n发文字号: 测教函〔2024〕7号\n测试县教育局\n关于县政协十届三次会议第12号提案的答复"}, {}),
]


def _letter(change: dict) -> str:
    parts = {**BASE, **change}
    order = ("head", "salutation", "opening", "body", "closing", "signature", "date", "tail")
    return "\n".join(parts[k] for k in order if parts[k]) + "\n"


@pytest.mark.parametrize("change,fields", CASES, ids=[f"{i:02d}" for i in range(len(CASES))])
def test_a_pattern_of_issue_12_is_read_for_what_it_is(tmp_path, change, fields):
    path = tmp_path / "letter.txt"
    path.write_text(_letter(change), encoding="utf-8")
    result = import_file(path)
    draft = yaml.safe_load(result.draft)
    got = values(draft)
    want = {**RIGHT, **fields}
    wrong = {k: (v, got[k]) for k, v in want.items()
             if (got[k] != v if k not in ("closing", "opening") else not got[k].startswith(v.replace(",", "，")))}
    assert wrong == {}, result.draft
    # nothing moved: the body is the body, and no label or furniture line is in the letter's text
    text = zones(draft)
    assert all(piece in text["measures"] for piece in BODY_TEXT), result.draft
    for line in (change.get("head", "") + "\n" + change.get("tail", "")).splitlines():
        if ":" in line or "：" in line:
            assert line.replace(" ", "")[:6] not in "".join(text.values()), line
    assert not [n for n in result.notes if n.code in ("import-unplaced", "import-misplaced", "import-unbuildable")], \
        [n.message for n in result.notes]


# -- a contact line with only a name or only a phone ------------------------------------------------

PARTIAL = [(f"{label}{colon}{written}", field, value)
           for label, field, written, value in (
               ("联系电话", "phone", "1234567", "1234567"), ("电话", "phone", "0871-1234567", "0871-1234567"),
               ("联系电话", "phone", "0871-1234567（办公室）", "0871-1234567"),  # an office is not a person
               ("办公电话", "phone", "13912345678", "13912345678"), ("联系人", "name", "李四", "李四"),
               ("经办人", "name", "李四", "李四"), ("承办人", "name", "王小明", "王小明"))
           for colon in (":", "：")]


@pytest.mark.parametrize("tail,field,value", PARTIAL, ids=[t for t, _, _ in PARTIAL])
def test_a_contact_with_one_part_keeps_it_and_names_the_part_to_fill(tmp_path, tail, field, value):
    """Issue 12: not turned into contact: 无; the draft keeps the part that is there, and the import
    warns at the contact's line naming the field the draft still needs (build needs both)."""
    path = tmp_path / "letter.txt"
    letter = _letter({"tail": tail})
    path.write_text(letter, encoding="utf-8")
    result = import_file(path)
    contact = yaml.safe_load(result.draft)["contact"]
    assert contact == {field: value}
    missing = "name" if field == "phone" else "phone"
    warning = next(n for n in result.notes if n.code == "import-contact-partial")
    assert warning.line == letter.splitlines().index(tail) + 1 and f"{missing}:" in warning.hint
    assert any(n.code == "import-unbuildable" and f"contact.{missing}" in n.message for n in result.notes)


# -- the self-check ----------------------------------------------------------------------------------

SELF_CHECK = [
    # a contact run into a long body paragraph, a category mark with a bracket lost in the title,
    # an approval line glued to the closing, a web address inside the body
    ("body", "一、工作情况\n我局已完成校园安全排查,整改隐患十二处。联系人:李四,联系电话:1234567。我局还建立了长效机制,定期组织检查和演练。", "联系人"),
    ("head", "测试县教育局\n测教函〔2024〕7号\n关于县政协十届三次会议第12号提案的答复A类)", "类别标记"),
    ("closing", "感谢您对教育工作的关心和支持。 审核:钱七。欢迎继续对我局的工作提出宝贵的意见和建议。", "审批或办理人员"),
    ("body", "一、工作情况\n详细情况见 http://www.example.gov.cn/a.html 我局已完成校园安全排查。", "网址"),
]


@pytest.mark.parametrize("part,text,what", SELF_CHECK, ids=[w for _, _, w in SELF_CHECK])
def test_letter_text_that_looks_like_something_else_is_warned_with_its_line(tmp_path, part, text, what):
    path = tmp_path / "letter.txt"
    letter = _letter({part: text})
    path.write_text(letter, encoding="utf-8")
    result = import_file(path)
    warned = [n for n in result.notes if n.code == "import-misplaced"]
    assert warned and what in warned[0].message, [n.message for n in result.notes]
    line = letter.splitlines()[warned[0].line - 1]
    assert text.splitlines()[-1][:6] in line  # the warning names the input line the text came from
