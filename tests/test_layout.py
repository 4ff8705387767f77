"""The .docx as Word and WPS read it: styles, fonts, grid, page set-up, letterhead."""

import docx
import pytest
from docx.oxml.ns import qn

from letterkit.build import build_draft
from letterkit.blocks import parse
from letterkit.head import plan_letter
from letterkit.layout import layout
from letterkit.titles import text_width
from letterkit.style import house_style

from conftest import REPO, SEED_DRAFT, SUGGESTION_DRAFT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    built = build_draft(SEED_DRAFT, output=tmp_path_factory.mktemp("docx"))
    return docx.Document(str(built.output))


def style_props(document, style_id):
    element = document.styles.element.find(f"{W}style[@{W}styleId='{style_id}']")
    assert element is not None, style_id
    return element


def test_python_docx_reopens_what_we_write(seed):
    assert len(seed.paragraphs) > 30


def test_page_is_a4_with_gbt9704_margins(seed):
    section = seed.sections[0]
    mm = lambda length: round(length.mm, 1)
    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert [mm(section.top_margin), mm(section.bottom_margin), mm(section.left_margin), mm(section.right_margin)] == [37.0, 35.0, 28.0, 26.0]


def test_text_grid_is_22_lines_of_579_twips(seed):
    grid = seed.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert 22 * 579 <= 12756 < 23 * 579  # 225 mm of text block


def test_character_spacing_squeezes_28_characters_into_the_line(seed):
    defaults = seed.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    spacing = int(defaults.find(f"{W}spacing").get(f"{W}val")) / 20
    assert 28 * (16 + spacing) <= 156 / 25.4 * 72 < 29 * (16 + spacing)


@pytest.mark.parametrize("style_id, east_asia, size", [
    ("lkBody", "仿宋_GB2312", 32), ("lkTitle", "方正小标宋简体", 44), ("lkHeading1", "黑体", 32),
    ("lkHeading2", "楷体_GB2312", 32), ("lkHeading3", "仿宋_GB2312", 32), ("lkHeading4", "仿宋_GB2312", 32),
    ("lkHeading2Char", "楷体_GB2312", 32), ("lkPageNumber", "宋体", 28), ("lkCc", "仿宋_GB2312", 28),
])
def test_role_styles_name_east_asian_fonts_where_word_reads_them(seed, style_id, east_asia, size):
    element = style_props(seed, style_id)
    fonts = element.find(f"{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}eastAsia") == east_asia
    latin = "宋体" if style_id == "lkPageNumber" else "Times New Roman"
    assert fonts.get(f"{W}ascii") == fonts.get(f"{W}hAnsi") == latin
    assert int(element.find(f"{W}rPr/{W}sz").get(f"{W}val")) == size


def test_no_theme_font_overrides_anywhere(seed):
    for part in (seed.styles.element, seed.element):
        for fonts in part.iter(qn("w:rFonts")):
            assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]


def test_styles_carry_readable_role_names(seed):
    names = {s.name for s in seed.styles}
    assert {"公文正文", "公文标题", "一级标题", "二级标题", "三级标题", "四级标题", "发文机关署名", "成文日期", "附注", "公文页码"} <= names


def test_paragraphs_use_role_styles(seed):
    by_style = {}
    for paragraph in seed.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["公文标题"][0].startswith("关于对《TA 20200005")
    assert by_style["主送机关"] == ["尊敬的徐飙委员："]
    assert by_style["一级标题"][0] == "一、落实产业资金政策，为科技创新提供全方位支持"
    assert by_style["发文机关署名"] == ["福田区科创创新局"]
    assert by_style["成文日期"] == ["2020年8月10日"]
    assert by_style["附注"] == ["（联系人：陈杰，联系电话：82976207）"]


def test_runin_heading_only_the_heading_part_takes_the_heading_font(seed):
    paragraph = next(p for p in seed.paragraphs if p.text.startswith("（一）调整产业发展专项资金政策。"))
    heading, body = paragraph.runs
    assert heading.text == "（一）调整产业发展专项资金政策。" and heading.style.name == "二级标题（段内）"
    assert body.text.startswith("2019年10月") and body.style.name == "Default Paragraph Font"
    assert paragraph.style.name == "公文正文"


def test_numbering_under_section_four_is_in_order(seed):
    start = next(i for i, p in enumerate(seed.paragraphs) if p.text.startswith("四、"))
    after = [p.text for p in seed.paragraphs[start + 1:start + 7]]
    assert [t[:3] for t in after] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert after[1].endswith("深入对接具有国际视野高素质人才，提升企业科研实力和整体竞争力。")


def test_page_numbers_are_page_fields_odd_right_even_left_none_on_page_one(seed):
    section = seed.sections[0]
    assert seed.settings.odd_and_even_pages_header_footer
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_footer.paragraphs).strip()
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        [paragraph] = footer.paragraphs
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'fldCharType="begin"' in xml
        assert paragraph._p.pPr.find(qn("w:jc")).get(qn("w:val")) == align
        ind = paragraph._p.pPr.find(qn("w:ind"))
        assert ind.get(qn(f"w:{align}")) == "275"  # one 4号 character: 14 pt less the grid's 0.25 pt tracking
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")


def test_letterhead_frames_and_red_rules_on_page_one(seed):
    header = seed.sections[0].first_page_header
    frames = [(p.text, p._p.pPr.find(qn("w:framePr"))) for p in header.paragraphs if p._p.pPr.find(qn("w:framePr")) is not None]
    assert [text for text, _ in frames] == ["深圳市福田区科技创新局", "福科创函〔2020〕12号"]
    organ_frame = frames[0][1]
    assert organ_frame.get(qn("w:vAnchor")) == "page" and int(organ_frame.get(qn("w:y"))) == round(30 * 1440 / 25.4)
    shapes = header._element.xpath(".//wp:anchor")
    assert len(shapes) == 4  # two double rules, two strokes each
    lengths = {int(s.xpath("./wp:extent/@cx")[0]) for s in shapes}
    assert lengths == {170 * 36000}
    color = style_props(seed, "lkLetterhead").find(f"{W}rPr/{W}color")
    assert color.get(f"{W}val") == "FF0000"


def test_long_organ_names_shrink_to_fit_the_line():
    style = house_style()
    short = plan_letter("福田区科技创新局", None, [], style).frames[0]
    long = plan_letter("莆田市涵江区住房和城乡建设局办公室综合科", None, [], style).frames[0]
    assert short.size == style["roles"]["letterhead"]["size"]
    assert long.size * 25.4 / 72 * text_width("莆田市涵江区住房和城乡建设局办公室综合科") <= 156


def signature_indents(style):
    blocks = parse("title 甲\np 正文\nsignature 深圳市福田区科技创新局\ndate 2020年8月10日\n", "t")
    document = layout(blocks, style, "plain")
    sig, date = document.paragraphs[2], document.paragraphs[3]
    def right(paragraph):  # characters of 16 pt, direct formatting first, then the style's
        ind = paragraph._p.pPr.find(qn("w:ind"))
        if ind is None:
            ind = paragraph.style.element.find(f"{W}pPr/{W}ind")
        return int(ind.get(qn("w:right"))) / 315  # one 字: 16 pt less 0.25 pt tracking
    return right(sig), right(date)


def test_sealed_signature_is_centred_on_the_date_four_characters_from_the_right():
    sig_right, date_right = signature_indents(house_style())
    date_width, sig_width = text_width("2020年8月10日"), text_width("深圳市福田区科技创新局")
    assert date_right == 4
    assert sig_right + sig_width / 2 == pytest.approx(date_right + date_width / 2, abs=0.01)


def test_unsealed_signature_two_characters_in_and_date_two_further_right():
    style = house_style(overrides={"signature": {"sealed": False}})
    sig_right, date_right = signature_indents(style)
    date_width, sig_width = text_width("2020年8月10日"), text_width("深圳市福田区科技创新局")
    assert sig_right == 2
    date_left_edge = -(date_right + date_width)
    sig_left_edge = -(sig_right + sig_width)
    assert date_left_edge - sig_left_edge == pytest.approx(2, abs=0.01)


def test_attachment_note_numbered_when_several():
    blocks = parse("p 正文\nattach 甲表\nattach 乙表\nsignature 某局\ndate 2024年1月2日\n", "t")
    document = layout(blocks, house_style(), "plain")
    texts = [p.text for p in document.paragraphs]
    assert texts[1:3] == ["附件：1. 甲表", "2. 乙表"]
    first = document.paragraphs[1]._p.pPr.find(qn("w:ind"))
    assert first.get(qn("w:hanging")) == str(round(text_width("附件：1. ") * 315))  # continuation after “附件：1. ”


def colophon_box(document):
    [box] = document.element.body.xpath(".//wp:anchor[wp:docPr/@name='版记']")
    return box


def test_colophon_sits_at_the_foot_of_the_text_block():
    blocks = parse("p 正文\nsignature 某局\ndate 2024年1月2日\ncc 抄送：区政协提案委。\n"
                   "printer 某区人民政府办公室\nprintdate 2024年1月2日印发\n", "t")
    document = layout(blocks, house_style(), "general")
    box = colophon_box(document)
    assert box.xpath("string(./wp:positionV/wp:align)") == "bottom"
    assert box.xpath("./wp:positionV/@relativeFrom") == ["margin"]
    assert int(box.xpath("./wp:extent/@cx")[0]) == 156 * 36000
    texts = [t for t in box.xpath(".//w:t/text()")]
    assert texts == ["抄送：区政协提案委。", "某区人民政府办公室", "2024年1月2日印发"]
    borders = box.xpath(".//w:tblBorders")[0]
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8" and borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"


def test_letter_layout_colophon_has_no_rules():
    blocks = parse("p 正文\nsignature 某局\ndate 2024年1月2日\ncc 抄送：区政协提案委。\n", "t")
    borders = colophon_box(layout(blocks, house_style(), "letter")).xpath(".//w:tblBorders")[0]
    assert {child.get(qn("w:val")) for child in borders} == {"nil"}


def test_suggestion_draft_has_level_three_headings(tmp_path):
    document = docx.Document(str(build_draft(SUGGESTION_DRAFT, output=tmp_path).output))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("1.修订实施办法。") for t in texts)
    assert texts[0] == "关于福田区第八届人民代表大会\n第四次会议第20240056号建议的答复"  # broken between words
    assert texts[1] == "尊敬的李明华代表："


def test_a_title_given_in_lines_keeps_its_breaks():
    blocks = parse("title 关于福田区第八届人民代表大会第四次会议\ntitle 第20240056号建议的答复\np 正文\n", "t")
    document = layout(blocks, house_style(), "plain")
    assert document.paragraphs[0].text == "关于福田区第八届人民代表大会第四次会议\n第20240056号建议的答复"


SEAL = str((REPO / "drafts" / "seals" / "sample-seal.png").resolve())


def test_joint_issuance_signatures_side_by_side_each_under_its_own_seal():
    blocks = parse(f"p 正文\nsignature 福田区住房和建设局\nseal {SEAL}\nsignature 福田区规划土地监察局\nseal {SEAL}\n"
                   "date 2024年6月18日\n", "t")
    document = layout(blocks, house_style(), "letter")
    row = document.paragraphs[1]
    assert row.text == "\t福田区住房和建设局\t福田区规划土地监察局"
    tabs = [int(t.get(qn("w:pos"))) for t in row._p.pPr.findall(f"{W}tabs/{W}tab")]
    seals = row._p.xpath(".//wp:anchor[@behindDoc='1']")
    assert len(tabs) == 2 and len(seals) == 2
    lefts = [int(s.xpath("./wp:positionH/wp:posOffset/text()")[0]) / 36000 for s in seals]
    assert lefts[1] - lefts[0] >= 42  # seals neither touch nor overlap
    centres_mm = [pos / 20 * 25.4 / 72 for pos in tabs]
    assert [round(left + 21, 1) for left in lefts] == [round(c, 1) for c in centres_mm]  # each seal on its 署名
    date_right = 4 * 15.75 * 25.4 / 72
    date_centre = 156 - date_right - text_width("2024年6月18日") * 15.75 * 25.4 / 72 / 2
    assert abs(centres_mm[1] - date_centre) < 0.5  # the last 署名 and seal over the date


def test_unsealed_joint_signatures_are_stacked_lead_first():
    style = house_style(overrides={"signature": {"sealed": False}})
    blocks = parse("p 正文\nsignature 福田区住房和建设局\nsignature 福田区规划土地监察局\ndate 2024年6月18日\n", "t")
    document = layout(blocks, style, "plain")
    assert [p.text for p in document.paragraphs[1:4]] == ["福田区住房和建设局", "福田区规划土地监察局", "2024年6月18日"]
    rights = [int(p._p.pPr.find(qn("w:ind")).get(qn("w:right"))) for p in document.paragraphs[1:3]]
    widths = [text_width("福田区住房和建设局"), text_width("福田区规划土地监察局")]
    # both start at the same place: the shorter one stands further from the right edge
    assert rights[0] - rights[1] == round((widths[1] - widths[0]) * 315)


def test_letter_marks_sit_at_the_left_on_the_document_numbers_line():
    head = plan_letter("某局", "某函〔2024〕1号", [("000001", "copy_number"), ("机密★1年", "mark"), ("特急", "mark")], house_style())
    frames = {f.runs[0][0]: f for f in head.frames}
    assert frames["000001"].y == frames["某函〔2024〕1号"].y and frames["000001"].align == "left"
    assert frames["机密★1年"].y > frames["000001"].y and frames["特急"].y > frames["机密★1年"].y
    assert frames["某函〔2024〕1号"].align == "right"


def test_category_sits_at_the_top_right_under_the_document_number():
    head = plan_letter("某局", "某函〔2024〕1号", [], house_style())
    from letterkit.head import add_category
    add_category(head, "类别：B", house_style())
    number, category = head.frames[-2], head.frames[-1]
    assert category.align == "right" and category.y > number.y
    assert category.runs[0][0] == "类别：B"


def test_joint_signatures_either_fit_the_text_block_with_their_seals_or_are_refused():
    """Issue 11: three organs' names ran together and the leftmost seal stood outside the 版心.
    Over 2–4 organs and names of 4–16 characters: what the layout accepts keeps every name
    apart and every seal inside the 版心; what it cannot place is refused with a reason."""
    from letterkit.signoff import PT_TO_MM, joint_centres

    style = house_style()
    char_mm = (style["roles"]["signature"]["size"] + style["grid"]["char_spacing_pt"]) * PT_TO_MM
    seal = style["seal"]["diameter"] / char_mm
    width = (style["page"]["width"] - style["page"]["left"] - style["page"]["right"]) / char_mm
    refused = 0
    for count in (2, 3, 4):
        for length in range(4, 17):
            names = ["测" * length] * count
            centres, problem = joint_centres(names, 4 + text_width("2024年12月16日") / 2, style)
            if problem:
                refused += 1
                assert "放不进版心" in problem
                continue
            assert max(centres) + max(seal, length) / 2 <= width + 0.05  # the leftmost seal and name inside
            assert min(centres) - max(seal, length) / 2 >= -0.05
            assert all(a - b >= length for a, b in zip(centres, centres[1:]))  # names apart
    names_11 = ["深圳市福田区测试事务局", "深圳市福田区协办事务局", "深圳市福田区住房建设局"]
    assert joint_centres(names_11, 4 + text_width("2024年7月5日") / 2, style)[1]  # the tester's three organs
    assert 0 < refused < 3 * 13
