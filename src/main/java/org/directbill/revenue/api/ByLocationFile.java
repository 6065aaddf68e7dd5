package org.directbill.revenue.api;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.directbill.revenue.RevenueView;
import org.directbill.shared.validation.InvalidInput;
import org.directbill.shared.validation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * The revenue per location as a file to download: CSV (the default) or TSV, one row per location of
 * the partner with its counted revenue in US dollars, written with FastCSV.
 */
public final class ByLocationFile {

    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    public static final MediaType TEXT_TSV = MediaType.parseMediaType("text/tab-separated-values");

    static final List<String> HEADER = List.of("location_id", "amount_usd", "country", "membership_status");

    private ByLocationFile() {}

    public enum Format {
        CSV(TEXT_CSV, ',', LineDelimiter.CRLF),
        TSV(TEXT_TSV, '\t', LineDelimiter.LF);

        private final MediaType type;
        private final char separator;
        private final LineDelimiter lineDelimiter;

        Format(MediaType type, char separator, LineDelimiter lineDelimiter) {
            this.type = type;
            this.separator = separator;
            this.lineDelimiter = lineDelimiter;
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The format named by {@code ?format=csv|tsv}, else the one the {@code Accept} header
         * prefers (CSV when it likes both, or says nothing); a 406 when it accepts neither.
         */
        public static Format choose(@Nullable String format, @Nullable String accept)
                throws HttpMediaTypeNotAcceptableException {
            if (format != null && !format.isBlank()) {
                return named(format);
            }
            List<MediaType> accepted = accepted(accept);
            double csv = quality(accepted, TEXT_CSV);
            double tsv = quality(accepted, TEXT_TSV);
            if (csv <= 0 && tsv <= 0) {
                throw new HttpMediaTypeNotAcceptableException(List.of(TEXT_CSV, TEXT_TSV));
            }
            return tsv > csv ? TSV : CSV;
        }

        /** The format {@code ?format=} names, CSV when it names none; a 400 naming the parameter for another. */
        public static Format named(@Nullable String format) {
            if (format == null || format.isBlank()) {
                return CSV;
            }
            for (Format candidate : values()) {
                if (candidate.extension().equalsIgnoreCase(format.strip())) {
                    return candidate;
                }
            }
            throw new InvalidInput(
                    List.of(Violation.of("format", "INVALID_ENUM", "format", format.strip(), "csv, tsv")));
        }

        private static List<MediaType> accepted(@Nullable String accept) {
            if (accept == null || accept.isBlank()) {
                return List.of(MediaType.ALL);
            }
            try {
                return MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException garbled) {
                return List.of(MediaType.ALL);
            }
        }

        /** How much the caller wants this type: the quality of the most specific range that includes it. */
        private static double quality(List<MediaType> accepted, MediaType type) {
            MediaType best = null;
            for (MediaType range : accepted) {
                if (range.includes(type) && (best == null || moreSpecific(range, best))) {
                    best = range;
                }
            }
            return best == null ? 0 : best.getQualityValue();
        }

        private static boolean moreSpecific(MediaType range, MediaType than) {
            return specificity(range) > specificity(than);
        }

        private static int specificity(MediaType range) {
            return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
        }
    }

    /** The name the file is saved under: the partner, the as-of date and the format. */
    public static String fileName(RevenueView view, Format format) {
        return "revenue-by-location-" + view.partnerId() + "-" + view.result().asOf() + "." + format.extension();
    }

    /** Writes the file as the whole answer, to be saved (an attachment). */
    public static void write(RevenueView view, Format format, HttpServletResponse response) throws IOException {
        response.setContentType(format.type + ";charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(view, format))
                        .build()
                        .toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CsvWriter csv = CsvWriter.builder()
                .fieldSeparator(format.separator)
                .lineDelimiter(format.lineDelimiter)
                .build(out)) {
            write(view, csv);
        }
    }

    static void write(RevenueView view, CsvWriter csv) {
        csv.writeRecord(HEADER);
        for (RevenueView.LocationRevenue location : view.byLocation()) {
            csv.writeRecord(
                    location.locationId(),
                    location.amount().rounded().toPlainString(),
                    location.location().country(),
                    location.location().membershipStatus().name());
        }
    }
}
