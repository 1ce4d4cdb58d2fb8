package io.xsell.core.model;

final class Ids {
    private Ids() {
    }

    static String require(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return id;
    }
}
