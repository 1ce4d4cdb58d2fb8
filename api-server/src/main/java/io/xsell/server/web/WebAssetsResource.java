package io.xsell.server.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.webjars.WebJarVersionLocator;

/**
 * The dashboard's static files from the jar ({@code web/} on the classpath) and ECharts from its
 * WebJar; nothing from a CDN. Jetty's gzip handler compresses them on the way out.
 */
@Hidden
@Path("/web")
public class WebAssetsResource {
    /** Script may come only from this server; ECharts sets inline styles. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final Pattern SAFE_PATH = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    private static final String ECHARTS = new WebJarVersionLocator().fullPath("echarts", "dist/echarts.min.js");

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    /** Jersey matches {@code /web} and {@code /web/} alike; the page links its files absolutely. */
    @GET
    public Response index() {
        return asset("index.html");
    }

    @GET
    @Path("vendor/echarts.min.js")
    public Response echarts() {
        return Response.ok(read(ECHARTS), TYPES.get("js")).header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("{file: .+}")
    public Response asset(@PathParam("file") String file) {
        if (!SAFE_PATH.matcher(file).matches()) {
            throw new NotFoundException();
        }
        byte[] body = read("web/" + file);
        if (body == null) {
            throw new NotFoundException();
        }
        String type = TYPES.get(file.substring(file.lastIndexOf('.') + 1));
        return Response.ok(body, type)
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private byte[] read(String resource) {
        return files.computeIfAbsent(resource, name -> {
            try (InputStream in = WebAssetsResource.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    return null;
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
