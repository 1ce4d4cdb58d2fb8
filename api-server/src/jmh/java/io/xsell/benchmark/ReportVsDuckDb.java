package io.xsell.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Side by side, end to end: xsell's {@code report} command and DuckDB's {@code window-report.sql}
 * over the same canonical CSV folder, each in a fresh JVM under {@code /usr/bin/time -v}, alternated
 * {@code RUNS} times; prints every run's wall time and peak RSS and the medians.
 *
 * <p>{@code ReportVsDuckDb XSELL_JAR DATA_DIR RUNS [XSELL_JVM_OPTS]} with the benchmark classpath
 * (DuckDB's driver included) as this JVM's class path; the window is {@link BenchData#WINDOW},
 * segmented on {@code segment}, in USD. Each side's output goes to {@code OUT/xsell.json} and
 * {@code OUT/duckdb.tsv} under the system temporary folder for checking one against the other.
 */
public final class ReportVsDuckDb {
    private static final Pattern WALL = Pattern.compile("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private ReportVsDuckDb() {
    }

    record Run(double seconds, long rssKb, String load) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: ReportVsDuckDb XSELL_JAR DATA_DIR RUNS [XSELL_JVM_OPTS]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path data = Path.of(args[1]).toAbsolutePath().normalize();
        int runs = Integer.parseInt(args[2]);
        List<String> xsellOpts = args.length > 3 ? Arrays.asList(args[3].trim().split("\\s+")) : List.of();
        Path out = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "report-vs-duckdb"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String from = BenchData.WINDOW.from().toString();
        String to = BenchData.WINDOW.to().toString();

        List<String> xsell = new ArrayList<>(List.of(java));
        xsell.addAll(xsellOpts.stream().filter(s -> !s.isEmpty()).toList());
        xsell.addAll(List.of("-jar", jar.toString(), "report", "--data", data.toString(), "--from", from, "--to", to,
                "--segment-by", BenchData.SEGMENT_BY, "--currency", "USD"));
        List<String> duck = List.of(java, "-cp", System.getProperty("java.class.path"),
                DuckDbWindowReport.class.getName(), data.toString(), from, to, "USD");

        List<Run> xs = new ArrayList<>();
        List<Run> ds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            xs.add(timed("xsell ", xsell, out.resolve("xsell.json")));
            ds.add(timed("duckdb", duck, out.resolve("duckdb.tsv")));
        }
        double xm = median(xs.stream().mapToDouble(Run::seconds).toArray());
        double dm = median(ds.stream().mapToDouble(Run::seconds).toArray());
        System.out.printf("%nmedian of %d: xsell %.2f s, %s MB peak RSS; duckdb %.2f s, %s MB peak RSS; ratio xsell/duckdb %.2f%n",
                runs, xm, (long) median(xs.stream().mapToDouble(Run::rssKb).toArray()) / 1024,
                dm, (long) median(ds.stream().mapToDouble(Run::rssKb).toArray()) / 1024, xm / dm);
        WindowReportAgreement.Result agreement =
                WindowReportAgreement.check(out.resolve("xsell.json"), out.resolve("duckdb.tsv"));
        System.out.printf("agreement: %d fields compared to the cent, %d differ%n", agreement.compared(),
                agreement.mismatches().size());
        agreement.mismatches().forEach(m -> System.out.println("  " + m));
        System.out.println("outputs: " + out);
    }

    private static Run timed(String label, List<String> command, Path output) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("/usr/bin/time", "-v"));
        line.addAll(command);
        Path err = Files.createTempFile("report-vs-duckdb", ".err");
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        Process p = new ProcessBuilder(line).redirectOutput(output.toFile()).redirectError(err.toFile()).start();
        int exit = p.waitFor();
        String stderr = Files.readString(err);
        Files.delete(err);
        Matcher wall = WALL.matcher(stderr);
        Matcher rss = RSS.matcher(stderr);
        if (exit != 0 || !wall.find() || !rss.find()) {
            throw new IllegalStateException(label + " failed (exit " + exit + "):\n" + stderr);
        }
        Run run = new Run(seconds(wall.group(1)), Long.parseLong(rss.group(1)), load);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        System.out.printf("%s %7.2f s %,7d MB peak RSS  (load %s / %s)%n", label, run.seconds(), run.rssKb() / 1024,
                load, loadAfter);
        return run;
    }

    private static double seconds(String clock) {
        double s = 0;
        for (String part : clock.split(":")) {
            s = s * 60 + Double.parseDouble(part);
        }
        return s;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
