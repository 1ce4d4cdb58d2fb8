package io.xsell.reporting.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.resolve.ResourceCodeResolver;
import io.xsell.core.metrics.Window;
import io.xsell.reporting.summary.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jte templates under {@code io/xsell/reporting/templates}, compiled on first use into a
 * temporary folder (jte needs the JDK's compiler for that, which the runtime image has). The
 * compiler's class path is named explicitly, from where the classes the templates use were
 * loaded: the same code works from Maven's target folders, a test runner's manifest-only jar and
 * the shaded {@code xsell.jar}.
 */
public final class JteTemplates {
    static final String ROOT = "io/xsell/reporting/templates";
    private final TemplateEngine engine;

    public JteTemplates() {
        ClassLoader loader = JteTemplates.class.getClassLoader();
        Path classes;
        try {
            classes = Files.createTempDirectory("xsell-jte-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the compiled templates", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(classes), "jte-classes-cleanup"));
        engine = TemplateEngine.create(new ResourceCodeResolver(ROOT, loader), classes, ContentType.Html, loader);
        engine.setClassPath(classPath(Summary.class, Window.class, TemplateOutput.class, TemplateEngine.class));
        engine.setTrimControlStructures(true);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the OS clears it eventually
        }
    }

    private static List<String> classPath(Class<?>... types) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : types) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                continue;
            }
            try {
                entries.add(Path.of(source.getLocation().toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalStateException("cannot read the class path entry of " + type.getName(), e);
            }
        }
        return List.copyOf(entries);
    }

    /**
     * Renders a template. Synchronized with {@link #prepare}: the first use of a template compiles
     * it, and a warm-up at server start may be compiling the same one.
     */
    public synchronized String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }

    /** Compiles a template ahead of its first use. */
    public synchronized void prepare(String template) {
        engine.prepareForRendering(template);
    }
}
