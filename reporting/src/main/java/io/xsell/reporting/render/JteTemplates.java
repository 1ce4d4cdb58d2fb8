package io.xsell.reporting.render;

import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.resolve.ResourceCodeResolver;
import io.xsell.core.metrics.Window;
import io.xsell.reporting.summary.Summary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The jte templates under {@code io/xsell/reporting/templates}, compiled together by one run of the
 * JDK's compiler at first use into a temporary folder, then loaded from there as precompiled
 * classes. (jte's Maven plugin does not resolve here; compiled one by one on first use, as jte's
 * runtime engine would, the templates took a compiler run each: seconds against the 80 MB
 * application jar.) The compiler's class path is named explicitly, from where the classes the
 * templates use were loaded, so the same code works from Maven's target folders, a test runner's
 * manifest-only jar and the shaded {@code xsell.jar}.
 */
public final class JteTemplates {
    static final String ROOT = "io/xsell/reporting/templates";
    private static final String PACKAGE = "io.xsell.reporting.templates.compiled";

    private final ClassLoader loader = JteTemplates.class.getClassLoader();
    private volatile TemplateEngine engine;

    public String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine().render(template, params, output);
        return output.toString();
    }

    /** Compiles every template now rather than at the first render. */
    public void prepare() {
        engine();
    }

    private TemplateEngine engine() {
        TemplateEngine ready = engine;
        if (ready == null) {
            synchronized (this) {
                ready = engine;
                if (ready == null) {
                    ready = compileAll();
                    engine = ready;
                }
            }
        }
        return ready;
    }

    private TemplateEngine compileAll() {
        Path classes;
        try {
            classes = Files.createTempDirectory("xsell-jte-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the compiled templates", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(classes), "jte-classes-cleanup"));
        List<String> names = templateNames();
        ResourceCodeResolver resources = new ResourceCodeResolver(ROOT, loader);
        CodeResolver listed = new CodeResolver() {
            @Override
            public String resolve(String name) {
                return resources.resolve(name);
            }

            @Override
            public long getLastModified(String name) {
                return resources.getLastModified(name);
            }

            @Override
            public boolean exists(String name) {
                return resources.exists(name);
            }

            @Override
            public List<String> resolveAllTemplateNames() {
                return names;
            }
        };
        TemplateEngine compiler = TemplateEngine.create(listed, classes, ContentType.Html, loader, PACKAGE);
        compiler.setClassPath(classPath(Summary.class, Window.class, TemplateOutput.class, TemplateEngine.class));
        compiler.setTrimControlStructures(true);
        compiler.precompileAll();
        return TemplateEngine.createPrecompiled(classes, ContentType.Html, loader, PACKAGE);
    }

    /** Every {@code .jte} file under {@link #ROOT}, relative to it, from a folder or from a jar. */
    List<String> templateNames() {
        URL root = loader.getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("no templates at " + ROOT + " on the class path");
        }
        try {
            if (root.getProtocol().equals("file")) {
                return list(Path.of(root.toURI()));
            }
            if (root.getProtocol().equals("jar")) {
                String text = root.toString();
                URI jar = URI.create(text.substring(0, text.indexOf("!/")));
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(jar, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(jar);
                }
                try {
                    return list(fs.getPath(ROOT));
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the templates at " + root, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("cannot list templates from a " + root.getProtocol() + " URL: " + root);
    }

    private static List<String> list(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.getFileName() != null && f.getFileName().toString().endsWith(".jte"))
                    .forEach(f -> names.add(folder.relativize(f).toString().replace('\\', '/')));
        }
        return List.copyOf(names);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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
}
