package io.weft.node.handler.builtin.booklet;

import io.weft.node.handler.builtin.booklet.BookletEvent.Author;
import io.weft.node.handler.builtin.booklet.BookletEvent.Chapter;
import io.weft.node.handler.builtin.booklet.BookletEvent.Contribution;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.odftoolkit.odfdom.dom.element.OdfStylableElement;
import org.odftoolkit.odfdom.dom.element.office.OfficeTextElement;
import org.odftoolkit.odfdom.dom.element.text.TextHElement;
import org.odftoolkit.odfdom.dom.element.text.TextIndexBodyElement;
import org.odftoolkit.odfdom.dom.element.text.TextPElement;
import org.odftoolkit.odfdom.dom.element.text.TextTableOfContentElement;
import org.odftoolkit.odfdom.dom.element.text.TextTableOfContentEntryTemplateElement;
import org.odftoolkit.odfdom.dom.element.text.TextTableOfContentSourceElement;
import org.odftoolkit.odfdom.dom.style.props.OdfParagraphProperties;
import org.w3c.dom.Node;

/**
 * Lays an event out as an OpenDocument Text booklet with ODFDOM: a title page (title, dates, venue,
 * description), a table of contents, then one heading per session in the sessions' order and under
 * it each contribution as a sub-heading with its authors, time and abstract. Styles are the ones
 * ODFDOM's blank text document already defines ({@code Title}, {@code Heading_20_1}, …), so the file
 * looks like any Writer document and a reader can restyle it.
 */
public final class BookletDocument {

    public static final String CONTENT_TYPE = "application/vnd.oasis.opendocument.text";
    static final String CONTENTS_TITLE = "Contents";

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private final OfficeTextElement body;

    private BookletDocument(OfficeTextElement body) {
        this.body = body;
    }

    /** Told before each step of the writing: a handler checks for cancellation there and reports progress. */
    @FunctionalInterface
    public interface Steps {

        /** Step {@code step} of {@code steps} (from 0), about to do {@code what}. */
        void next(int step, int steps, String what);
    }

    /**
     * Writes the booklet of {@code event} to {@code out}, telling {@code steps} before each chapter and
     * before saving; an exception thrown there stops the writing before any byte is saved. Only the
     * document is held in memory; {@code out} is left open.
     */
    public static void write(BookletEvent event, OutputStream out, Steps steps) throws Exception {
        try (OdfTextDocument document = OdfTextDocument.newTextDocument()) {
            BookletDocument booklet = new BookletDocument(document.getContentRoot());
            booklet.removeTemplateParagraphs();
            booklet.titlePage(event);
            List<Chapter> chapters = event.chapters();
            booklet.tableOfContents(chapters);
            int total = chapters.size() + 1;
            for (int i = 0; i < chapters.size(); i++) {
                steps.next(i, total, "chapter " + chapters.get(i).title());
                booklet.chapter(chapters.get(i));
            }
            steps.next(chapters.size(), total, "saving");
            document.save(new UnclosedOutputStream(out));
        }
    }

    /** ODFDOM's blank document holds one empty paragraph; the booklet starts with its title instead. */
    private void removeTemplateParagraphs() {
        for (Node child = body.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child instanceof TextPElement) {
                body.removeChild(child);
            }
            child = next;
        }
    }

    private void titlePage(BookletEvent event) {
        paragraph("Title", event.title());
        String dates = EventDates.range(event.startDate(), event.endDate());
        if (!dates.isEmpty()) {
            paragraph("Subtitle", dates);
        }
        if (event.venue() != null) {
            paragraph("Subtitle", event.venue());
        }
        if (event.timezone() != null) {
            paragraph("Text_20_body", "Times are given in " + event.timezone() + ".");
        }
        paragraphs(event.description());
    }

    /**
     * An ODF table of contents over the two heading levels, its entries already filled (without page
     * numbers), so it reads the same before and after a reader updates it in Writer.
     */
    private void tableOfContents(List<Chapter> chapters) {
        TextTableOfContentElement toc = body.newTextTableOfContentElement("Table of Contents1");
        TextTableOfContentSourceElement source = toc.newTextTableOfContentSourceElement();
        source.setTextOutlineLevelAttribute(2);
        source.newTextIndexTitleTemplateElement().setTextContent(CONTENTS_TITLE);
        for (int level = 1; level <= 2; level++) {
            TextTableOfContentEntryTemplateElement entry =
                    source.newTextTableOfContentEntryTemplateElement(level, "Contents_20_" + level);
            entry.newTextIndexEntryLinkStartElement();
            entry.newTextIndexEntryTextElement();
            entry.newTextIndexEntryTabStopElement("right");
            entry.newTextIndexEntryPageNumberElement();
            entry.newTextIndexEntryLinkEndElement();
        }
        TextIndexBodyElement index = toc.newTextIndexBodyElement();
        TextPElement title = index.newTextIndexTitleElement("Table of Contents1_Head").newTextPElement();
        styled(title, "Contents_20_Heading", CONTENTS_TITLE);
        title.setProperty(OdfParagraphProperties.BreakBefore, "page");
        for (Chapter chapter : chapters) {
            styled(index.newTextPElement(), "Contents_20_1", chapter.title());
            for (Contribution contribution : chapter.contributions()) {
                styled(index.newTextPElement(), "Contents_20_2", contribution.title());
            }
        }
    }

    private void chapter(Chapter chapter) {
        TextHElement heading = heading(1, chapter.title());
        heading.setProperty(OdfParagraphProperties.BreakBefore, "page");
        if (chapter.session() != null && !chapter.session().conveners().isEmpty()) {
            paragraph("Text_20_body", "Conveners: " + String.join(", ", chapter.session().conveners()));
        }
        for (Contribution contribution : chapter.contributions()) {
            contribution(contribution);
        }
    }

    private void contribution(Contribution contribution) {
        heading(2, contribution.title());
        authors(contribution.authors());
        String time = EventDates.slot(contribution.startTime(), contribution.durationMinutes());
        if (!time.isEmpty()) {
            paragraph("Text_20_body", time);
        }
        paragraphs(contribution.abstractText());
    }

    /** "Name¹, Other²" then "¹ Affiliation  ² Other affiliation": each affiliation numbered once. */
    private void authors(List<Author> authors) {
        if (authors.isEmpty()) {
            return;
        }
        Map<String, Integer> affiliations = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Author author : authors) {
            String name = oneLine(author.name());
            if (author.affiliation() != null) {
                int number = affiliations.computeIfAbsent(oneLine(author.affiliation()), a -> affiliations.size() + 1);
                name += superscript(number);
            }
            names.add(name);
        }
        paragraph("Text_20_body", String.join(", ", names));
        if (!affiliations.isEmpty()) {
            List<String> notes = new ArrayList<>();
            affiliations.forEach((affiliation, number) -> notes.add(superscript(number) + " " + affiliation));
            paragraph("Text_20_body", String.join("   ", notes));
        }
    }

    private TextHElement heading(int level, String text) {
        TextHElement heading = body.newTextHElement(level);
        styled(heading, "Heading_20_" + level, oneLine(text));
        return heading;
    }

    /** Text split into paragraphs at blank lines; a single line break inside one is a space. */
    private void paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String paragraph : PARAGRAPH_BREAK.split(text.strip())) {
            paragraph("Text_20_body", oneLine(paragraph));
        }
    }

    private void paragraph(String style, String text) {
        styled(body.newTextPElement(), style, text);
    }

    private static void styled(OdfStylableElement element, String style, String text) {
        element.setStyleName(style);
        element.setTextContent(text);
    }

    private static String oneLine(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }

    static String superscript(int number) {
        StringBuilder digits = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            digits.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return digits.toString();
    }
}
