package io.xsell.server.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The endpoints the resource classes declare, found by reflection on every class of
 * {@value #PACKAGE} with a {@code @Path}: path template to HTTP methods (lower case, as in OpenAPI).
 */
final class ResourcePaths {
    static final String PACKAGE = "io.xsell.server.resources";

    private ResourcePaths() {
    }

    /** Every {@code /v1} endpoint: path template (regular expressions of parameters removed) to its methods. */
    static Map<String, Set<String>> v1() {
        Map<String, Set<String>> endpoints = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
                if (path.startsWith("/v1/")) {
                    endpoints.computeIfAbsent(path, p -> new TreeSet<>()).add(verb.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalStateException("no /v1 endpoint found in " + PACKAGE);
        }
        return endpoints;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /v1//imports/{id: [a-z]+}/} becomes {@code /v1/imports/{id}}. */
    static String normalize(String path) {
        String clean = ("/" + path).replaceAll("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    private static Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        String folder = PACKAGE.replace('.', '/');
        try {
            Enumeration<URL> roots = ResourcePaths.class.getClassLoader().getResources(folder);
            for (URL root : Collections.list(roots)) {
                for (String name : classNames(root)) {
                    Class<?> type = Class.forName(PACKAGE + "." + name);
                    if (type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers())) {
                        classes.add(type);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** Simple names of the top-level classes in a package folder, on disk or in a jar. */
    private static Set<String> classNames(URL root) throws IOException, URISyntaxException {
        Set<String> names = new TreeSet<>();
        if (root.getProtocol().equals("file")) {
            collect(java.nio.file.Path.of(root.toURI()), names);
        } else if (root.getProtocol().equals("jar")) {
            String jar = root.toString().substring(0, root.toString().indexOf("!/"));
            try (FileSystem fs = FileSystems.newFileSystem(URI.create(jar), Map.of())) {
                collect(fs.getPath(PACKAGE.replace('.', '/')), names);
            }
        }
        return names;
    }

    private static void collect(java.nio.file.Path folder, Set<String> names) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
        }
    }
}
