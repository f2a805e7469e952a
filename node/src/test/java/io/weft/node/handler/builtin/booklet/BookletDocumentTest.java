package io.weft.node.handler.builtin.booklet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.node.handler.builtin.booklet.BookletEvent.Contribution;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The booklet of the sample event, read back from the .odt as a zip and as XML. */
class BookletDocumentTest {

    private static final String TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    private static BookletEvent event;
    private static byte[] odt;
    private static Document content;

    @BeforeAll
    static void writeTheSampleBooklet() throws Exception {
        event = SampleEvent.event();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookletDocument.write(event, out, (step, steps, what) -> { });
        odt = out.toByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        content = factory.newDocumentBuilder().parse(new ByteArrayInputStream(entry("content.xml")));
    }

    @Test
    void fileIsAnOpenDocumentTextPackage() throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(odt))) {
            ZipEntry first = zip.getNextEntry();
            assertThat(first.getName()).as("ODF requires the mimetype entry first").isEqualTo("mimetype");
            assertThat(new String(zip.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(BookletDocument.CONTENT_TYPE);
        }
        try (OdfTextDocument reopened = OdfTextDocument.loadDocument(new ByteArrayInputStream(odt))) {
            NodeList headings = reopened.getContentRoot().getElementsByTagNameNS(TEXT_NS, "h");
            assertThat(headings.getLength()).isEqualTo(event.chapters().size() + event.contributions().size());
            assertThat(reopened.getContentRoot().getElementsByTagNameNS(TEXT_NS, "p").item(0).getTextContent())
                    .isEqualTo(event.title());
        }
    }

    @Test
    void titlePageHoldsTheTitleDatesAndVenue() {
        List<String> titlePage = texts(content.getElementsByTagNameNS(TEXT_NS, "p")).subList(0, 3);
        assertThat(titlePage).containsExactly(event.title(), "16–18 March 2026", "Main Auditorium, Building 500, Geneva");
    }

    @Test
    void everyContributionTitleIsASubHeadingUnderItsSessionInSessionOrder() {
        List<String> expected = new ArrayList<>();
        for (BookletEvent.Chapter chapter : event.chapters()) {
            expected.add("1 " + chapter.title());
            chapter.contributions().forEach(c -> expected.add("2 " + c.title()));
        }
        List<String> headings = new ArrayList<>();
        NodeList h = content.getElementsByTagNameNS(TEXT_NS, "h");
        for (int i = 0; i < h.getLength(); i++) {
            Element heading = (Element) h.item(i);
            headings.add(heading.getAttributeNS(TEXT_NS, "outline-level") + " " + heading.getTextContent());
        }

        assertThat(headings).containsExactlyElementsOf(expected);
        assertThat(headings).filteredOn(line -> line.startsWith("1 ")).containsExactly(
                "1 Triggers and Online Reconstruction", "1 Columnar Data and Storage Formats",
                "1 Heterogeneous Computing: GPUs and FPGAs", "1 Operations, Provenance and Reproducibility",
                "1 " + BookletEvent.OTHER_CONTRIBUTIONS);
        assertThat(headings).filteredOn(line -> line.startsWith("2 ")).hasSize(event.contributions().size());
    }

    @Test
    void tableOfContentsIsAnOdfIndexAlreadyFilledWithEveryHeading() {
        NodeList tocs = content.getElementsByTagNameNS(TEXT_NS, "table-of-content");
        assertThat(tocs.getLength()).isEqualTo(1);
        Element toc = (Element) tocs.item(0);
        assertThat(toc.getElementsByTagNameNS(TEXT_NS, "table-of-content-source").getLength()).isEqualTo(1);
        Element body = (Element) toc.getElementsByTagNameNS(TEXT_NS, "index-body").item(0);
        List<String> entries = texts(body.getElementsByTagNameNS(TEXT_NS, "p"));

        assertThat(entries).first().isEqualTo(BookletDocument.CONTENTS_TITLE);
        assertThat(entries).containsAll(event.contributions().stream().map(Contribution::title).toList());
        assertThat(entries).containsAll(event.sessions().stream().map(BookletEvent.Session::title).toList());
    }

    @Test
    void authorsAffiliationsAndNonAsciiTextAreKept() {
        String text = content.getDocumentElement().getTextContent();
        assertThat(text).contains("Jürgen Müller", "Zoë Ñúñez", "Søren Kierkegaard-Lund",
                "Instituto de Física Corpuscular (IFIC), València");
        assertThat(text).contains("Kenji Watanabe¹, Amélie Fournier², Tomasz Wiśniewski³");
        assertThat(text).contains("Monday 16 March 2026, 09:20 (20 min)");
    }

    @Test
    void abstractParagraphsSeparatedByABlankLineBecomeParagraphs() {
        List<String> paragraphs = texts(content.getElementsByTagNameNS(TEXT_NS, "p"));
        assertThat(paragraphs).contains("Pages per week fell from 23 to 4 over the year.");
        assertThat(paragraphs).noneMatch(p -> p.contains("\n"));
    }

    @Test
    void stepsAreOnePerChapterThenSaving() throws Exception {
        List<String> steps = new ArrayList<>();
        BookletDocument.write(event, new ByteArrayOutputStream(), (step, total, what) -> steps.add(step + "/" + total + " " + what));

        assertThat(steps).hasSize(event.chapters().size() + 1);
        assertThat(steps.get(0)).isEqualTo("0/6 chapter Triggers and Online Reconstruction");
        assertThat(steps.get(5)).isEqualTo("5/6 saving");
    }

    @Test
    void cancellationBetweenChaptersStopsTheWriteBeforeAnyByte() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> BookletDocument.write(event, out, (step, steps, what) -> {
            if (step == 2) {
                throw new CancellationException("cancelled");
            }
        })).isInstanceOf(CancellationException.class);
        assertThat(out.size()).isZero();
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static byte[] entry(String name) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(odt))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " is not in the .odt");
    }
}
