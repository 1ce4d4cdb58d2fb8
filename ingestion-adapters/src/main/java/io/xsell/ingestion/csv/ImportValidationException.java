package io.xsell.ingestion.csv;

import java.util.List;

/** The import was rejected; nothing of it was kept. Lists every problem found, up to the cap. */
public class ImportValidationException extends RuntimeException {
    private static final int ERRORS_IN_MESSAGE = 5;

    private final List<ImportError> errors;

    public ImportValidationException(List<ImportError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }

    private static String summary(List<ImportError> errors) {
        StringBuilder text = new StringBuilder().append(errors.size()).append(" error(s) in the import");
        for (int i = 0; i < Math.min(ERRORS_IN_MESSAGE, errors.size()); i++) {
            text.append(i == 0 ? ": " : "; ").append(errors.get(i));
        }
        if (errors.size() > ERRORS_IN_MESSAGE) {
            text.append("; ...");
        }
        return text.toString();
    }
}
