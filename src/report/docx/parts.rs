//! The fixed parts of the .docx package around the document body: content
//! types, relationships, styles (Word's built-in heading styles, so a table
//! of contents finds them), list definitions, settings, footer, properties.

use super::xml::{FIELD_END, esc, field_start};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A4 in twentieths of a point, 2.5 cm margins left and right.
pub(super) const PAGE_W: u32 = 11906;
pub(super) const PAGE_H: u32 = 16838;
pub(super) const MARGIN: u32 = 1418;
/// The width of the text between the margins.
pub(super) const TEXT_W: u32 = PAGE_W - 2 * MARGIN;

pub(super) const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>",
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>",
    "<Override PartName=\"/word/fontTable.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>",
    "</Types>\n"
);

pub(super) const PACKAGE_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
    "</Relationships>\n"
);

pub(super) const DOCUMENT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>",
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>",
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" Target=\"fontTable.xml\"/>",
    "</Relationships>\n"
);

/// The fonts the document uses, with what a word processor without them
/// should take instead: Arial's metrics, and for the rating symbols'
/// font DejaVu Sans, which also draws ● ◐ ○ at the text's size.
pub(super) fn font_table() -> String {
    let symbol = super::xml::SYMBOL_FONT;
    format!(
        "{HEAD}<w:fonts xmlns:w=\"{W}\">\
         <w:font w:name=\"Arial\"><w:altName w:val=\"Liberation Sans\"/>\
         <w:panose1 w:val=\"020B0604020202020204\"/><w:charset w:val=\"00\"/>\
         <w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"{symbol}\"><w:altName w:val=\"DejaVu Sans\"/>\
         <w:panose1 w:val=\"020B0502040204020203\"/><w:charset w:val=\"00\"/>\
         <w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         </w:fonts>\n"
    )
}

/// The main part: the body, then the page (A4, footer from page 2 on).
pub(super) fn document(body: &str) -> String {
    format!(
        "{HEAD}<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\">\n<w:body>\n{body}\
         <w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
         <w:pgSz w:w=\"{PAGE_W}\" w:h=\"{PAGE_H}\"/>\
         <w:pgMar w:top=\"1418\" w:right=\"{MARGIN}\" w:bottom=\"1418\" w:left=\"{MARGIN}\" \
         w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/>\
         <w:cols w:space=\"708\"/><w:titlePg/><w:docGrid w:linePitch=\"360\"/></w:sectPr>\n\
         </w:body>\n</w:document>\n"
    )
}

/// The footer: the report's title to the left, the page number right.
pub(super) fn footer(title: &str) -> String {
    format!(
        "{HEAD}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\">\
         <w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/></w:r>\
         {}<w:r><w:t>1</w:t></w:r>{FIELD_END}</w:p></w:ftr>\n",
        esc(title),
        field_start("PAGE", false),
    )
}

pub(super) fn settings() -> String {
    format!(
        "{HEAD}<w:settings xmlns:w=\"{W}\">\
         <w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"1304\"/>\
         <w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:updateFields w:val=\"true\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" \
         w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         <w:themeFontLang w:val=\"sv-SE\"/>\
         <w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/>\
         </w:settings>\n"
    )
}

/// The bullet list is `numId` 1; numbered list `n` (from 0) is `numId`
/// 2 + n, each starting again at 1.
pub(super) fn numbering(numbered_lists: u32) -> String {
    let level = |fmt: &str, text: &str, font: &str| {
        format!(
            "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{fmt}\"/>\
             <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
             <w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr>{font}</w:lvl>"
        )
    };
    let mut out = format!(
        "{HEAD}<w:numbering xmlns:w=\"{W}\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>{}</w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>{}</w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>",
        level(
            "bullet",
            "•",
            "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/></w:rPr>"
        ),
        level("decimal", "%1.", ""),
    );
    for n in 0..numbered_lists {
        out.push_str(&format!(
            "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"1\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>",
            n + 2
        ));
    }
    out.push_str("</w:numbering>\n");
    out
}

/// Title and creator; no dates, so the same follow-up gives the same file.
pub(super) fn core(title: &str, subject: &str) -> String {
    format!(
        "{HEAD}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject>\
         <dc:creator>tertial</dc:creator><cp:lastModifiedBy>tertial</cp:lastModifiedBy>\
         <dc:language>sv-SE</dc:language></cp:coreProperties>\n",
        esc(title),
        esc(subject)
    )
}

pub(super) fn app() -> String {
    format!(
        "{HEAD}<Properties \
         xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>tertial</Application><DocSecurity>0</DocSecurity></Properties>\n"
    )
}

/// A paragraph style: id, name, what it is based on, its paragraph and
/// run properties (in schema order).
fn pstyle(id: &str, name: &str, based: &str, ppr: &str, rpr: &str) -> String {
    let based = if based.is_empty() {
        String::new()
    } else {
        format!("<w:basedOn w:val=\"{based}\"/><w:next w:val=\"Normal\"/>")
    };
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}\
         <w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>\n"
    )
}

fn heading(level: u8, size_half_points: u32, before: u32, extra_rpr: &str) -> String {
    pstyle(
        &format!("Heading{level}"),
        &format!("heading {level}"),
        "Normal",
        &format!(
            "<w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/>\
             <w:outlineLvl w:val=\"{}\"/>",
            level - 1
        ),
        &format!(
            "<w:b/><w:bCs/>{extra_rpr}<w:sz w:val=\"{size_half_points}\"/><w:szCs w:val=\"{size_half_points}\"/>"
        ),
    )
}

pub(super) fn styles() -> String {
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let toc_tab =
        format!("<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{TEXT_W}\"/></w:tabs>");
    let mut out = format!(
        "{HEAD}<w:styles xmlns:w=\"{W}\">\
         <w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Arial\" w:eastAsia=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>\
         <w:lang w:val=\"sv-SE\" w:eastAsia=\"sv-SE\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\n\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\n\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\n\
         <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/><w:unhideWhenUsed/>\
         <w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n\
         <w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\n\
         <w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/>\
         <w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr>\
         <w:tblPr><w:tblBorders>{borders}</w:tblBorders>\
         <w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/>\
         <w:bottom w:w=\"40\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n"
    );
    out.push_str(&pstyle(
        "Title",
        "Title",
        "Normal",
        "<w:spacing w:before=\"2400\" w:after=\"240\"/>",
        "<w:b/><w:bCs/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>",
    ));
    out.push_str(&pstyle(
        "Subtitle",
        "Subtitle",
        "Normal",
        "<w:spacing w:after=\"60\"/>",
        "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>",
    ));
    out.push_str(&heading(1, 32, 0, ""));
    out.push_str(&heading(2, 26, 360, ""));
    out.push_str(&heading(3, 23, 280, ""));
    out.push_str(&heading(4, 22, 240, "<w:i/><w:iCs/>"));
    out.push_str(&pstyle(
        "TOCHeading",
        "TOC Heading",
        "Heading1",
        "<w:spacing w:before=\"720\"/><w:outlineLvl w:val=\"9\"/>",
        "",
    ));
    for (level, indent) in [(1, 0), (2, 220), (3, 440)] {
        out.push_str(&pstyle(
            &format!("TOC{level}"),
            &format!("toc {level}"),
            "Normal",
            &format!("{toc_tab}<w:spacing w:after=\"60\"/><w:ind w:left=\"{indent}\"/>"),
            "",
        ));
    }
    out.push_str(&pstyle(
        "Label",
        "Label",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"60\"/>",
        "<w:b/><w:bCs/>",
    ));
    out.push_str(&pstyle(
        "Placeholder",
        "Placeholder",
        "Normal",
        "",
        "<w:i/><w:iCs/><w:color w:val=\"666666\"/>",
    ));
    out.push_str(&pstyle(
        "Rating",
        "Rating",
        "Normal",
        "<w:keepNext/><w:spacing w:before=\"120\"/>",
        "<w:b/><w:bCs/>",
    ));
    out.push_str(&pstyle(
        "ListParagraph",
        "List Paragraph",
        "Normal",
        "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/>",
        "",
    ));
    out.push_str(&pstyle(
        "TableText",
        "Table Text",
        "Normal",
        "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
        "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
    ));
    out.push_str(&pstyle(
        "TableHeading",
        "Table Heading",
        "TableText",
        "",
        "<w:b/><w:bCs/>",
    ));
    out.push_str(&pstyle(
        "Footer",
        "footer",
        "Normal",
        &format!(
            "<w:tabs><w:tab w:val=\"right\" w:pos=\"{TEXT_W}\"/></w:tabs><w:spacing w:after=\"0\"/>"
        ),
        "<w:color w:val=\"555555\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    out.push_str("</w:styles>\n");
    out
}
