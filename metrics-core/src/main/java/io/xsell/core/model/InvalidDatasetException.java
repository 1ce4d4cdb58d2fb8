package io.xsell.core.model;

import java.util.List;

/** A dataset broke a rule of the canonical model; every problem found is listed, not just the first. */
public class InvalidDatasetException extends RuntimeException {
    private final List<String> problems;

    public InvalidDatasetException(List<String> problems) {
        super(problems.size() + " problem(s) in the dataset: " + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
