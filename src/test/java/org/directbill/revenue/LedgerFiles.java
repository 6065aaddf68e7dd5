package org.directbill.revenue;

import static org.directbill.support.Fixtures.admin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ledger files for tests, and their import through the API up to the job's end. */
public final class LedgerFiles {

    public static final String HEADER = "line_id,invoice_id,location_id,customer_id,customer_country,"
            + "product_category,product_name,charge_type,billing_date,paid_date,amount,currency";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc;

    public LedgerFiles(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A ledger line in the order of {@link #HEADER}; {@code paid} may be empty. */
    public static String line(
            String lineId,
            String invoiceId,
            String locationId,
            String category,
            String billing,
            String paid,
            String amount,
            String currency) {
        return String.join(
                ",",
                lineId,
                invoiceId,
                locationId,
                "CUST-1",
                "FR",
                category,
                "Product",
                "NEW",
                billing,
                paid,
                amount,
                currency);
    }

    public static String file(String... lines) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        return String.join("\n", all) + "\n";
    }

    /** Posts a ledger as the admin and waits for its job to end; returns the job. */
    public JsonNode importLedger(String csv) throws Exception {
        return run("/api/v1/ledger/imports", "text/csv", csv, admin());
    }

    public JsonNode importPayments(String csv) throws Exception {
        return run("/api/v1/ledger/payments", "text/csv", csv, admin());
    }

    public JsonNode run(String path, String contentType, String body, RequestPostProcessor who) throws Exception {
        String location = mvc.perform(
                        post(path).with(who).contentType(contentType).content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        return awaitEnd(location);
    }

    /** Polls a job until it has ended (at most 30 s). */
    public JsonNode awaitEnd(String location) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode job = JSON.readTree(mvc.perform(get(location).with(admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
            String state = job.get("status").asString();
            if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the import did not end: " + job);
            }
            Thread.sleep(20);
        }
    }
}
