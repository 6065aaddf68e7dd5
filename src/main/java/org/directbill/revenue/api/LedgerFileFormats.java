package org.directbill.revenue.api;

import java.util.Locale;
import org.directbill.revenue.domain.FileFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

/** Whether an uploaded ledger or payments file is CSV or TSV, for the API and the upload page alike. */
public final class LedgerFileFormats {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final MediaType TEXT_TSV = MediaType.parseMediaType("text/tab-separated-values");

    private LedgerFileFormats() {}

    /** A body says TSV by its content type; anything else is CSV. */
    public static FileFormat ofContentType(@Nullable String contentType) {
        return isTsv(contentType) ? FileFormat.TSV : FileFormat.CSV;
    }

    /** A part says TSV by its type or by its name ({@code .tsv}, {@code .tab}); anything else is CSV. */
    public static FileFormat ofPart(MultipartFile file) {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        return isTsv(file.getContentType()) || name.endsWith(".tsv") || name.endsWith(".tab")
                ? FileFormat.TSV
                : FileFormat.CSV;
    }

    private static boolean isTsv(@Nullable String contentType) {
        try {
            return contentType != null && TEXT_TSV.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException garbled) {
            return false;
        }
    }
}
