"""Family 9: smaller slips — spaces around + and %, a dash in a phone number, a number range
written two ways."""

from __future__ import annotations

import re

from .registry import Finding, rule
from .text import get, prose


@rule("space-around-sign", "warning", "small", "“+”后、“%”前不留空格",
      "“知识产权+金融+ 创新”“8.8 %”中的空格是排版残留，印出来是一个空白。", "知识产权+金融+ 创新+产业", "知识产权+金融+创新+产业")
def _signs(c):
    for path, text in prose(c.data):
        for match in re.finditer(r"(?<=[\u4e00-\u9fff0-9])\+[ \u3000]+(?=[\u4e00-\u9fff0-9])|(?<=\d)[ \u3000]+%", text):
            space = match.start() + 1 if match.group().startswith("+") else match.start()
            width = len(match.group()) - 1
            yield Finding(path, f"“{match.group().strip()}”旁有空格", "删去空格", space, ((space, width, ""),))


@rule("dash-in-phone", "warning", "small", "电话号码里用连字符“-”，不用破折号“—”",
      "“0755—82976207”中的“—”是破折号，电话号码的区号用“-”连接。", "0755—82976207", "0755-82976207")
def _phone_dash(c):
    places = list(prose(c.data))
    phone = get(c.data, ("contact", "phone"))
    if isinstance(phone, str):
        places.append((("contact", "phone"), phone))
    for path, text in places:
        for match in re.finditer(r"(?<!\d)0\d{2,3}[—–－]\d{7,8}(?!\d)", text):
            dash = re.search("[—–－]", match.group()).group()
            yield Finding(path, f"电话“{match.group()}”中用了“{dash}”", "改为连字符“-”", match.start())


RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*([-—–～~－至])\s*((?:19|20)\d{2})(?!\d)")


@rule("range-two-ways", "warning", "small", "年份范围全文用一种连接号",
      "“2016-2030”与“2016—2018年”并见：GB/T 15834 的范围用“—”（或“～”），同一封信里只用一种。", "2016-2030年……2016—2018年",
      "2016—2030年……2016—2018年")
def _ranges(c):
    first = None
    for path, text in prose(c.data):
        for match in RANGE.finditer(text):
            mark = match.group(2)
            if first is None:
                first = mark
            elif mark != first:
                yield Finding(path, f"“{match.group()}”用“{mark}”，前文的年份范围用“{first}”", f"统一用“{first}”",
                              match.start(2))
