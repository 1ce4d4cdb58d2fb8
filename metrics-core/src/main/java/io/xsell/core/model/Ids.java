package io.xsell.core.model;

final class Ids {
    private Ids() {
    }

    static String require(String id, String field) {
        return Bounds.id(id, field);
    }
}
