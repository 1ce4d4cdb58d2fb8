package io.xsell.server.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code errors} lists every validation problem, each naming the
 * parameter ({@code field}) or the file and line it is about.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://xsell.io/problems/";

    /** One validation problem; {@code file} and {@code line} for imports, {@code field} for parameters and columns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String file, Integer line, String field, String message) {
        public static FieldError parameter(String name, String message) {
            return new FieldError(null, null, name, message);
        }
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), slug, detail, null);
    }

    public static Problem of(int status, String title, String slug, String detail, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status, detail, errors == null ? null : List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
