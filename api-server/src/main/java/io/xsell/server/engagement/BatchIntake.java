package io.xsell.server.engagement;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.xsell.core.engagement.BatchKind;
import io.xsell.core.engagement.BatchReceipt;
import io.xsell.core.model.TenantId;
import io.xsell.core.port.in.RecordEngagementCommand;
import io.xsell.core.port.in.RecordEngagementUseCase;
import io.xsell.server.api.BatchReceiptJson;
import io.xsell.server.problem.Problem;
import io.xsell.server.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The shared path of {@code POST /v1/campaigns}, {@code /v1/touchpoints} and {@code /v1/usage-events}:
 * bounded body, idempotency key, row checks, one call of the use case, and the same answer for a
 * first submission and its retries (201, the receipt; a retry carries {@code Idempotent-Replayed: true}).
 */
@Singleton
public class BatchIntake {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** 10,000 rows of long ids and names fit comfortably; a body beyond this is refused unread. */
    static final int MAX_BODY_BYTES = 16 << 20;

    private final RecordEngagementUseCase recorder;
    private final EngagementVersions versions;
    private final ObjectReader json;

    @Inject
    public BatchIntake(RecordEngagementUseCase recorder, EngagementVersions versions, ObjectMapper mapper) {
        this.recorder = recorder;
        this.versions = versions;
        // money arrives as JSON numbers: read them as decimals, never through a double
        // and refuse what a lenient parser would quietly drop: a second array of the same name,
        // or anything after the object
        // (the server's mapper, bound in XsellModule, carries the read bounds)
        this.json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public Response receive(TenantId tenant, BatchKind kind, String idempotencyKey, InputStream body) throws IOException {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ProblemException(Problem.of(400, "Bad Request", "missing-idempotency-key",
                    "send an " + IDEMPOTENCY_KEY + " header (1 to 255 printable characters, e.g. a UUID): a retry "
                            + "with the same key is answered without storing the batch twice",
                    List.of(Problem.FieldError.parameter(IDEMPOTENCY_KEY, "required"))));
        }
        byte[] bytes = readBounded(body);
        JsonNode tree = json.readTree(bytes);
        List<?> rows = BatchRows.read(kind, tree);
        RecordEngagementCommand command;
        try {
            command = new RecordEngagementCommand(tenant, idempotencyKey.trim(), fingerprint(bytes), kind, rows);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.of(400, "Bad Request", "invalid-idempotency-key", e.getMessage(),
                    List.of(Problem.FieldError.parameter(IDEMPOTENCY_KEY, e.getMessage()))));
        }
        BatchReceipt receipt = recorder.record(command);
        if (!receipt.replayed()) {
            versions.changed(tenant);
        }
        // no Location: a batch is not a resource of its own, its rows join the tenant's data
        Response.ResponseBuilder answer = Response.status(Response.Status.CREATED).entity(BatchReceiptJson.of(receipt));
        return (receipt.replayed() ? answer.header(REPLAYED, "true") : answer).build();
    }

    private static byte[] readBounded(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ProblemException(Problem.of(413, "Content Too Large", "body-too-large",
                    "a batch body may hold at most " + MAX_BODY_BYTES + " bytes; send at most "
                            + RecordEngagementCommand.MAX_ROWS + " rows per request", null));
        }
        if (bytes.length == 0) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "malformed-json",
                    "the request body is empty; expected a JSON object"));
        }
        return bytes;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
