package io.xsell.ingestion.csv;

/** A column of the file being read: its header name and position, or index -1 when the header lacks it. */
record Col(String name, int index) {

    boolean present() {
        return index >= 0;
    }
}
