package io.xsell.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs the real {@code report} command through the cli tests' {@code CommandRunner} (package-private
 * there, so reached by reflection rather than copied) and returns what it printed on stdout.
 */
final class ReportCli {
    private ReportCli() {
    }

    static String report(String... args) {
        try {
            Class<?> runner = Class.forName("io.xsell.server.cli.CommandRunner");
            Method run = runner.getDeclaredMethod("run", String[].class);
            run.setAccessible(true);
            String[] command = new String[args.length + 1];
            command[0] = "report";
            System.arraycopy(args, 0, command, 1, args.length);
            Object result = run.invoke(null, (Object) command);
            String stdout = (String) accessor(result, "stdout");
            String stderr = (String) accessor(result, "stderr");
            assertThat((boolean) accessor(result, "succeeded")).as("report failed: %s", stderr).isTrue();
            return stdout;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("io.xsell.server.cli.CommandRunner.run(String...) is not there any more", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the report command threw", e.getCause());
        }
    }

    private static Object accessor(Object record, String name)
            throws NoSuchMethodException, IllegalAccessException, InvocationTargetException {
        Method method = record.getClass().getDeclaredMethod(name);
        method.setAccessible(true);
        return method.invoke(record);
    }
}
