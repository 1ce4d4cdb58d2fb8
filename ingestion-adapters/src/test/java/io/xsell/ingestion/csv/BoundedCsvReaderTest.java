package io.xsell.ingestion.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Record ends and line counts however the text is cut into reads, CRLF split between two of them included. */
class BoundedCsvReaderTest {
    private static final String[] PIECES = {"a", "bc", ",", "\n", "\r\n", "\r", "\"", "\"x,\ny\"", "\"\"", "12"};

    @Test
    void everyReadTellsWhereItsLastRecordEnds() throws IOException {
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String csv = text.toString();
            BoundedCsvReader reader = new BoundedCsvReader(new Dribble(new StringReader(csv), random));
            char[] buffer = new char[64];
            int read = 0;
            while (true) {
                int offset = random.nextInt(8);
                int n = reader.read(buffer, offset, 1 + random.nextInt(buffer.length - offset - 1));
                if (n < 0) {
                    break;
                }
                int expected = lastRecordEnd(csv, read, read + n);
                assertThat(reader.takeRecordEnd()).as("seed %d, read %d..%d of %s", seed, read, read + n,
                        csv.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(expected < 0 ? -1 : expected - read + offset);
                read += n;
            }
            assertThat(reader.line()).as("seed %d", seed).isEqualTo(1 + lineBreaks(csv));
            assertThat(reader.inQuotes()).isEqualTo(quotesBefore(csv, csv.length()) % 2 == 1);
        }
    }

    @Test
    void aCellPastItsBoundStopsTheReadingOnItsRecordsLine() {
        String csv = "a,b\r\n\"x\ny\",c\n" + "d," + "e".repeat(BoundedCsvReader.CELL_MAX + 1) + "\n";
        BoundedCsvReader reader = new BoundedCsvReader(new StringReader(csv));

        assertThatThrownBy(() -> {
            char[] buffer = new char[1000];
            while (reader.read(buffer, 0, buffer.length) >= 0) {
                // reading on
            }
        }).isInstanceOfSatisfying(BoundedCsvReader.LimitExceeded.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.cellIndex()).isEqualTo(1);
        });
    }

    @Test
    void aCellAtItsBoundIsReadAndOneCharacterMoreStopsTheReadingHoweverTheTextIsCut() throws IOException {
        String full = "e".repeat(BoundedCsvReader.CELL_MAX);
        String quotedFull = "\"" + "e".repeat(BoundedCsvReader.CELL_MAX - 2) + "\""; // the quotes count
        for (int seed = 0; seed < 4; seed++) {
            assertThat(readAll("a,b\r\nx," + full + ",y\n", seed)).isEqualTo(3);
            assertThat(readAll("a,b\n" + quotedFull + ",y\n", seed)).isEqualTo(3);
            assertLimit("a,b\r\nx," + full + "e,y\n", seed, 2, 1, "the cell is longer");
            assertLimit("a,b\n\"q\nr\",x\n," + quotedFull.replace("\"e", "\"ee") + "\n", seed, 4, 1, "the cell is longer");
        }
    }

    @Test
    void aRowPastItsBoundStopsTheReadingOnItsLine() {
        String cell = "c".repeat(BoundedCsvReader.CELL_MAX - 1);
        String row = String.join(",", java.util.Collections.nCopies(BoundedCsvReader.RECORD_MAX / BoundedCsvReader.CELL_MAX + 1, cell));
        for (int seed = 0; seed < 2; seed++) {
            assertLimit("a\n\nb\n" + row + "\n", seed, 4, -1, "the row is longer");
        }
    }

    /** Reads {@code csv} whole through cuts of random length; returns the line reached. */
    private static int readAll(String csv, int seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Reader source = seed % 2 == 0 ? new StringReader(csv) : new Dribble(new StringReader(csv), random);
        BoundedCsvReader reader = new BoundedCsvReader(source);
        char[] buffer = new char[4096];
        while (reader.read(buffer, 0, 1 + random.nextInt(buffer.length - 1)) >= 0) {
            // reading on
        }
        return reader.line();
    }

    private static void assertLimit(String csv, int seed, int line, int cellIndex, String message) {
        assertThatThrownBy(() -> readAll(csv, seed)).isInstanceOfSatisfying(BoundedCsvReader.LimitExceeded.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.cellIndex()).isEqualTo(cellIndex);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    // the position after the last record terminator outside quotes within (from, to]; the LF of a CRLF
    // counts as well as its CR, so a CRLF cut between two reads ends a record in both
    private static int lastRecordEnd(String csv, int from, int to) {
        for (int p = to; p > from; p--) {
            char c = csv.charAt(p - 1);
            if ((c == '\n' || c == '\r') && quotesBefore(csv, p - 1) % 2 == 0) {
                boolean crlfSecondHalf = c == '\n' && p >= 2 && csv.charAt(p - 2) == '\r';
                if (!crlfSecondHalf || quotesBefore(csv, p - 2) % 2 == 0) {
                    return p;
                }
            }
        }
        return -1;
    }

    private static int quotesBefore(String csv, int end) {
        int quotes = 0;
        for (int i = 0; i < end; i++) {
            if (csv.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes;
    }

    private static int lineBreaks(String csv) {
        return csv.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1).length - 1;
    }

    /** Hands out a few characters at a time, as a decoder at a buffer's edge may. */
    private static final class Dribble extends Reader {
        private final Reader in;
        private final SplittableRandom random;

        Dribble(Reader in, SplittableRandom random) {
            this.in = in;
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, 1 + random.nextInt(5)));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
