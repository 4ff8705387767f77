"""The 落款 (GB/T 9704 7.3.5): 署名, 印章 and 成文日期.

Sealed (7.3.5.1): the date stands 右空四字 and the 署名 is centred on it; the seal is
centred on the date, its top within one line of the body, behind the text.  Joint issuance:
the 署名s side by side in issuing order, each seal over its own 署名, the last over its
署名 and the date; seals neither touch nor overlap.  Unsealed (7.3.5.2): the 署名 右空二字,
the date's first character two characters right of the 署名's (the date 右空二字 when it
is the longer); joint 署名s stacked, the lead issuer first.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from docx.shared import Mm

from . import oxml
from .manifest import note_read
from .errors import LetterkitError, Location, Problem, display_path, os_reason
from .titles import text_width

PT_TO_MM = 25.4 / 72


def add_signoff(builder, signers: list[tuple[str, str | None]], date: str | None) -> None:
    """`signers`: (署名, seal image or None) in issuing order; `date`: the printed 成文日期."""
    style = builder.style
    if builder.doc.paragraphs:  # the signature's page must hold body text too (7.3.5.5)
        builder.doc.paragraphs[-1].paragraph_format.keep_with_next = True
    if not signers:  # a letter without 署名 (signature: 无): the date alone, where it would stand
        _date_paragraph(builder, date, style["signature"]["date_right_chars"])
        if date is not None:
            builder.spacing_before(builder.doc.paragraphs[-1], _gap_before(style))
    elif style["signature"]["sealed"]:
        _sealed(builder, signers, date)
    else:
        _unsealed(builder, signers, date)


def _signature_paragraph(builder, text: str, first: bool):
    paragraph = builder.paragraph("signature", text)
    paragraph.paragraph_format.keep_with_next = True
    if first:
        builder.spacing_before(paragraph, _gap_before(builder.style))
    return paragraph


def _gap_before(style: dict) -> float:
    """Blank lines between the body and the 署名: room for the seal when sealed (7.3.5.1),
    one line when not (7.3.5.2)."""
    spacing = style["spacing"]
    return spacing["before_signature"] if style["signature"]["sealed"] else spacing["before_signature_unsealed"]


def _char_pt(builder) -> float:
    return builder.char_pt(builder.style["roles"]["signature"]["size"])


def _date_paragraph(builder, date: str | None, right_chars: float) -> None:
    if date is None:
        return
    paragraph = builder.paragraph("date", date)
    paragraph.paragraph_format.keep_with_next = True
    oxml.set_indent(paragraph._p.get_or_add_pPr(), _char_pt(builder), right=right_chars)


def _sealed(builder, signers, date) -> None:
    rules = builder.style["signature"]
    date_width = text_width(date or "")
    centre = rules["date_right_chars"] + date_width / 2  # characters from the right edge
    if len(signers) == 1:
        name, image = signers[0]
        paragraph = _signature_paragraph(builder, name, first=True)
        right = max(0.0, centre - text_width(name) / 2)
        oxml.set_indent(paragraph._p.get_or_add_pPr(), _char_pt(builder), right=right)
        if image:
            _seal(builder, paragraph, image, centre)
    else:
        _joint_row(builder, signers, centre)
    _date_paragraph(builder, date, rules["date_right_chars"])


def joint_centres(names: list[str], last_centre: float, style: dict) -> tuple[list[float], str | None]:
    """Where the joint 署名s stand, in characters from the 版心's right edge, issuing order; and
    why they cannot stand side by side in the 版心 each under its own seal (7.3.5.1), or None."""
    char_mm = (style["roles"]["signature"]["size"] + style["grid"]["char_spacing_pt"]) * PT_TO_MM
    seal = style["seal"]["diameter"] / char_mm
    spacing = seal + style["seal"]["joint_gap_chars"]
    page = style["page"]
    width_chars = (page["width"] - page["left"] - page["right"]) / char_mm
    widths = [text_width(name) for name in reversed(names)]  # right to left
    centres = [max(last_centre, widths[0] / 2)]  # the last 署名 over the date, inside the 版心
    for right, left in zip(widths, widths[1:]):
        centres.append(centres[-1] + max(spacing, (right + left) / 2 + 1))
    overflow = centres[-1] + widths[-1] / 2 - width_chars
    if overflow > 0:  # long names: close up, but never let the seals touch
        centres = [centres[0]] + [c - min(overflow, (c - centres[0]) - spacing * i) for i, c in enumerate(centres[1:], 1)]
    problem = None
    crowded = [i for i in range(1, len(centres)) if centres[i] - centres[i - 1] < (widths[i] + widths[i - 1]) / 2 + 0.5]
    if crowded or centres[-1] + max(widths[-1], seal) / 2 > width_chars + 0.05:
        problem = (f"{len(names)} 个署名（共 {sum(widths):g} 字）和各自的印章并排放不进版心（每行 {width_chars:.0f} 字）："
                   + ("署名会挤在一起" if crowded else "最左边的署名或印章会超出版心"))
    return centres[::-1], problem


JOINT_HINT = "署名用规范化简称，或不加盖印章（sealed: false），署名就逐行排列"


def joint_row_problem(names: list[str], date: str | None, style: dict) -> str | None:
    """Why a sealed joint letter's 署名s cannot stand side by side in the 版心, or None (checked
    by `check` and before a build, so the clerk hears it where co_signers is written)."""
    if len(names) < 2 or not style["signature"]["sealed"]:
        return None
    return joint_centres(names, style["signature"]["date_right_chars"] + text_width(date or "") / 2, style)[1]


def _joint_row(builder, signers, last_centre: float) -> None:
    """The 署名s side by side on one line, centred on tab stops; the last over the date."""
    width_chars = builder.text_width_mm() / (_char_pt(builder) * PT_TO_MM)
    centres, problem = joint_centres([name for name, _ in signers], last_centre, builder.style)
    if problem:
        raise LetterkitError([Problem(Location("co_signers"), "joint-signatures-too-wide", problem, JOINT_HINT)])
    paragraph = _signature_paragraph(builder, "", first=True)
    pPr = paragraph._p.get_or_add_pPr()
    oxml.set_jc(pPr, "left")
    oxml.set_indent(pPr, _char_pt(builder))
    for centre in centres:
        oxml.set_tab(pPr, "center", round((width_chars - centre) * _char_pt(builder) * 20))
    for (name, image), centre in zip(signers, centres):
        paragraph.add_run().add_tab()
        paragraph.add_run(name)
        if image:
            _seal(builder, paragraph, image, centre)


def _seal(builder, paragraph, image: str, centre_chars: float) -> None:
    """A seal centred `centre_chars` from the right edge of the 版心; its top half a line under
    the body's last line (the paragraph's top, its space before holding the room)."""
    spec = builder.style["seal"]
    char_mm = _char_pt(builder) * PT_TO_MM
    diameter = spec["diameter"]
    x = builder.text_width_mm() - centre_chars * char_mm - diameter / 2
    y = spec["top_below_body_lines"] * builder.pitch / 20 * PT_TO_MM
    damage = seal_damage(Path(image))
    if damage is None:
        try:
            inline = builder.doc.part.new_pic_inline(image, Mm(diameter), Mm(diameter))
        except Exception as error:  # python-docx reads the header: a damaged one fails in many ways
            damage = f"无法读取（{type(error).__name__}）"
    if damage is not None:
        raise LetterkitError([Problem(Location(display_path(Path(image))), "bad-image", f"印章图片{damage}",
                                      "用图像软件重新导出为 PNG（透明背景），或换一个完好的印章文件")])
    embedded = builder.doc.part.related_parts[inline.xpath(".//a:blip/@r:embed")[0]]
    note_read(image, embedded.blob)  # the manifest records the image the letter holds
    oxml.add_floating_picture(paragraph, inline, x_mm=x, y_mm=y)


MAX_SEAL_BYTES = 20 * 2**20
MAX_SEAL_PIXELS = 8000  # on a side: a seal 42 mm across needs 1,700 at 1,000 dpi


def seal_damage(path: Path) -> str | None:
    """What is wrong with a seal image, or None.  A PNG is read chunk by chunk with its
    checksums (a file cut short or damaged in copying fails them); a JPEG must end as one."""
    try:
        if path.stat().st_size > MAX_SEAL_BYTES:
            return f"太大（{path.stat().st_size / 2**20:.0f} MB，印章图片通常不到 1 MB）"
        data = path.read_bytes()
    except OSError as error:
        return f"无法读取（{os_reason(error)[0]}）"
    if data.startswith(b"\xff\xd8\xff"):
        return None if data.rstrip(b"\0").endswith(b"\xff\xd9") else "已损坏（JPEG 文件不完整）"
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "不是 PNG 或 JPEG 图片"
    at, kinds = 8, []
    while at < len(data):
        if at + 12 > len(data):
            return "已损坏（PNG 文件不完整）"
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if length > len(data) or at + 12 + length > len(data) \
                or zlib.crc32(kind + body) != struct.unpack(">I", data[at + 8 + length:at + 12 + length])[0]:
            return "已损坏（PNG 数据校验不符，可能复制时出错或文件不完整）"
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
            if not (0 < width <= MAX_SEAL_PIXELS and 0 < height <= MAX_SEAL_PIXELS):
                return f"尺寸异常（{width}×{height} 像素）"
        kinds.append(kind)
        at += 12 + length
        if kind == b"IEND":
            break
    if not kinds or kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or b"IDAT" not in kinds:
        return "已损坏（PNG 文件不完整）"
    return None


def _unsealed(builder, signers, date) -> None:
    rules = builder.style["signature"]
    widest = max(text_width(name) for name, _ in signers)
    date_width = text_width(date or "")
    right = rules["unsealed_right_chars"]
    if date_width + 2 > widest:  # a long date stays 右空二字; the 署名 moves left
        right += date_width + 2 - widest
    for index, (name, _) in enumerate(signers):
        paragraph = _signature_paragraph(builder, name, first=index == 0)
        # stacked 署名s share their first character's position
        oxml.set_indent(paragraph._p.get_or_add_pPr(), _char_pt(builder), right=right + widest - text_width(name))
    _date_paragraph(builder, date, max(rules["unsealed_right_chars"], right + widest - 2 - date_width))
