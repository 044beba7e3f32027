#!/usr/bin/env python3
"""Writes the hand-made .xlsx fixtures for tests/formats/xlsx_test.cpp.

Each workbook is assembled part by part, the way Excel lays it out, so the
reader is tested against what Excel writes rather than against our writer.
Standard library only. Run from anywhere: python3 make_fixtures.py
"""

import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def write_zip(name, parts):
    """Writes `parts` (name -> text) with fixed timestamps, so reruns are byte-identical."""
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as archive:
        for part, text in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


def content_types(sheets, shared_strings=True, styles=True):
    overrides = [
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    ]
    for sheet in sheets:
        overrides.append(
            f'<Override PartName="/xl/{sheet}" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    if shared_strings:
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    if styles:
        overrides.append(
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        )
    return (
        DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>"
    )


ROOT_RELS = (
    DECL + f'<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def workbook(sheets, date1904=False):
    """`sheets`: (name, relationship id) in tab order."""
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="166925"/>'
    entries = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="{rid}"/>' for i, (name, rid) in enumerate(sheets)
    )
    return (
        DECL + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">'
        '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>'
        f"{pr}<bookViews><workbookView xWindow=\"0\" yWindow=\"0\" windowWidth=\"28800\" "
        f'windowHeight="12300"/></bookViews><sheets>{entries}</sheets><calcPr calcId="191029"/></workbook>'
    )


def workbook_rels(relationships):
    """`relationships`: (id, type, target)."""
    entries = "".join(
        f'<Relationship Id="{rid}" Type="{REL_NS}/{kind}" Target="{target}"/>' for rid, kind, target in relationships
    )
    return DECL + f'<Relationships xmlns="{PKG_REL_NS}">{entries}</Relationships>'


def shared_strings(items):
    """`items`: the inner XML of each <si>."""
    body = "".join(f"<si>{item}</si>" for item in items)
    return DECL + f'<sst xmlns="{MAIN_NS}" count="{len(items)}" uniqueCount="{len(items)}">{body}</sst>'


STYLES = (
    DECL + f'<styleSheet xmlns="{MAIN_NS}">'
    '<numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="d\\-mmm\\-yy"/>'  # a custom date, with escaped dashes
    '<numFmt numFmtId="165" formatCode="0.0&quot; days&quot;"/>'  # the "d" is quoted text: a number
    '<numFmt numFmtId="166" formatCode="[$-409]mmmm\\ d\\,\\ yyyy;@"/>'  # a locale tag, then a date
    "</numFmts>"
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'  # 0: General
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'  # 1: d-mmm-yy
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'  # 2: built-in date
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'  # 3: "days"
    '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'  # 4: h:mm
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'  # 5: bold
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'  # 6: long date
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def worksheet(rows_xml, prefix=""):
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    return (
        DECL + f'<{p}worksheet {ns} xmlns:r="{REL_NS}">'
        f'<{p}dimension ref="A1:AB9"/><{p}sheetViews><{p}sheetView workbookViewId="0"/></{p}sheetViews>'
        f'<{p}sheetFormatPr defaultRowHeight="15"/>'
        f"<{p}sheetData>{rows_xml}</{p}sheetData>"
        f'<{p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        f"</{p}worksheet>"
    )


def excel_features():
    """Shared and inline strings, rich text, numbers, booleans, dates by style;
    the first sheet is worksheets/contacts.xml, and sheet1.xml is a decoy."""
    strings = [
        "<t>Name</t>",  # 0
        "<t>Phone</t>",  # 1
        # 2: rich text runs, the second bold, with a space kept by xml:space
        '<r><t>Ada</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> Lovelace</t></r>',
        # 3: an escaped carriage return before a real line break
        "<t>line one_x000D_\nline two</t>",
        # 4: leading and trailing spaces, kept
        '<t xml:space="preserve">  padded  </t>',
        # 5: a literal "_x000D_" (its underscore escaped as _x005F_)
        "<t>_x005F_x000D_ is literal</t>",
        # 6: Japanese with a phonetic guide, which is not part of the value
        '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
        "<t>Grace Hopper</t>",  # 7
        "<t></t>",  # 8: empty
    ]
    rows = (
        # Header: shared, shared, inline, inline (rich), inline, inline.
        '<row r="1" spans="1:6">'
        '<c r="A1" s="5" t="s"><v>0</v></c><c r="B1" s="5" t="s"><v>1</v></c>'
        '<c r="C1" s="5" t="inlineStr"><is><t>Met on</t></is></c>'
        '<c r="D1" s="5" t="inlineStr"><is><r><t>Sco</t></r><r><rPr><i/></rPr><t>re</t></r></is></c>'
        '<c r="E1" s="5" t="inlineStr"><is><t>Active</t></is></c>'
        '<c r="F1" s="5" t="inlineStr"><is><t>Notes</t></is></c></row>'
        # A phone number stored as a number, a custom-format date, an integer, TRUE.
        '<row r="2" spans="1:6">'
        '<c r="A2" t="s"><v>2</v></c><c r="B2"><v>15551234567</v></c>'
        '<c r="C2" s="1"><v>45000</v></c><c r="D2"><v>42</v></c>'
        '<c r="E2" t="b"><v>1</v></c><c r="F2" t="s"><v>3</v></c></row>'
        # Row 3 is absent; row 4 skips column B; a built-in date; FALSE.
        '<row r="4" spans="1:6">'
        '<c r="A4" t="s"><v>7</v></c>'
        '<c r="C4" s="2"><v>61</v></c><c r="D4"><v>3.5E-3</v></c>'
        '<c r="E4" t="b"><v>0</v></c><c r="F4" t="s"><v>4</v></c></row>'
        # Row 5 holds only styled blanks and an empty string: skipped.
        '<row r="5" spans="1:6"><c r="A5" s="5"/><c r="B5" t="s"><v>8</v></c><c r="C5" s="1"/></row>'
        # Row 7: an error, a formula's cached string, 1.0E+3, a far column (AA).
        '<row r="7" spans="1:27">'
        '<c r="A7" t="s"><v>5</v></c><c r="B7" t="e"><v>#N/A</v></c>'
        '<c r="C7" t="str"><f>UPPER("x")</f><v>X</v></c><c r="D7"><v>1.0E+3</v></c>'
        '<c r="AA7" t="inlineStr"><is><t>far column</t></is></c></row>'
        # Row 8: a date with a time of day, a fraction, a time, a quoted "d" (a number).
        '<row r="8" spans="1:6">'
        '<c r="A8" t="s"><v>6</v></c><c r="B8" s="6"><v>45000.75</v></c>'
        '<c r="C8" s="1"><v>60</v></c><c r="D8"><v>0.1</v></c>'
        '<c r="E8" s="4"><v>0.5</v></c><c r="F8" s="3"><v>12.5</v></c></row>'
    )
    decoy = '<row r="1"><c r="A1" t="inlineStr"><is><t>decoy sheet</t></is></c></row>'
    write_zip(
        "excel_features.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/contacts.xml", "worksheets/sheet1.xml"]),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Contacts", "rId7"), ("Other", "rId1")]),
            "xl/_rels/workbook.xml.rels": workbook_rels(
                [
                    ("rId1", "worksheet", "worksheets/sheet1.xml"),
                    ("rId3", "styles", "styles.xml"),
                    ("rId4", "sharedStrings", "sharedStrings.xml"),
                    ("rId7", "worksheet", "/xl/worksheets/contacts.xml"),
                ]
            ),
            "xl/worksheets/sheet1.xml": worksheet(decoy),
            "xl/worksheets/contacts.xml": worksheet(rows),
            "xl/sharedStrings.xml": shared_strings(strings),
            "xl/styles.xml": STYLES,
        },
    )


def date1904_prefixed():
    """The 1904 date system, and a producer that prefixes every element (x:)."""
    rows = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Born</x:t></x:is></x:c></x:row>'
        '<x:row r="2"><x:c r="A2" s="2"><x:v>0</x:v></x:c></x:row>'
        '<x:row r="3"><x:c r="A3" s="1"><x:v>43539</x:v></x:c></x:row>'
    )
    write_zip(
        "date1904_prefixed.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/sheet1.xml"], shared_strings=False),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Sheet1", "rId1")], date1904=True),
            "xl/_rels/workbook.xml.rels": workbook_rels(
                [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml")]
            ),
            "xl/worksheets/sheet1.xml": worksheet(rows, prefix="x"),
            "xl/styles.xml": STYLES,
        },
    )


def long_shared_strings():
    """A shared string table well past the reader's 1 MiB fragments."""
    count = 400
    strings = [f"<t>{i:04d} " + "abcdefghij" * 400 + "</t>" for i in range(count)]
    rows = "".join(
        f'<row r="{i + 1}"><c r="A{i + 1}" t="s"><v>{i}</v></c><c r="B{i + 1}"><v>{i}</v></c></row>'
        for i in range(count)
    )
    write_zip(
        "long_shared_strings.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/sheet1.xml"], styles=False),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Sheet1", "rId1")]),
            "xl/_rels/workbook.xml.rels": workbook_rels(
                [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml")]
            ),
            "xl/worksheets/sheet1.xml": worksheet(rows),
            "xl/sharedStrings.xml": shared_strings(strings),
        },
    )


def empty_sheet():
    write_zip(
        "empty_sheet.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/sheet1.xml"], shared_strings=False, styles=False),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Sheet1", "rId1")]),
            "xl/_rels/workbook.xml.rels": workbook_rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
            "xl/worksheets/sheet1.xml": DECL + f'<worksheet xmlns="{MAIN_NS}"><dimension ref="A1"/><sheetData/>'
            "</worksheet>",
        },
    )


def failures():
    # A zip archive, but not a workbook.
    write_zip("no_workbook.xlsx", {"readme.txt": "This archive holds no workbook.\n"})
    # A cell whose </c> is missing: the sheet XML is not well-formed.
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></row>'
    )
    write_zip(
        "malformed_sheet.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/sheet1.xml"], shared_strings=False, styles=False),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Sheet1", "rId1")]),
            "xl/_rels/workbook.xml.rels": workbook_rels([("rId1", "worksheet", "worksheets/sheet1.xml")]),
            "xl/worksheets/sheet1.xml": worksheet(rows),
        },
    )
    # A shared string index past the end of the table.
    write_zip(
        "bad_shared_string.xlsx",
        {
            "[Content_Types].xml": content_types(["worksheets/sheet1.xml"], styles=False),
            "_rels/.rels": ROOT_RELS,
            "xl/workbook.xml": workbook([("Sheet1", "rId1")]),
            "xl/_rels/workbook.xml.rels": workbook_rels(
                [("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "sharedStrings", "sharedStrings.xml")]
            ),
            "xl/worksheets/sheet1.xml": worksheet('<row r="1"><c r="B1" t="s"><v>3</v></c></row>'),
            "xl/sharedStrings.xml": shared_strings(["<t>only</t>"]),
        },
    )
    # An old .xls workbook (or an encrypted .xlsx): an OLE compound file.
    with open(os.path.join(HERE, "legacy.xlsx"), "wb") as legacy:
        legacy.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    # A CSV file someone renamed to .xlsx.
    with open(os.path.join(HERE, "not_a_zip.xlsx"), "w", encoding="utf-8", newline="\n") as text:
        text.write("Name,Email\nAda Lovelace,ada@example.com\n")


if __name__ == "__main__":
    excel_features()
    date1904_prefixed()
    long_shared_strings()
    empty_sheet()
    failures()

