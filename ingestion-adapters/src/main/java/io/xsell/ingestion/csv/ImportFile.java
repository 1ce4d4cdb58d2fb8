package io.xsell.ingestion.csv;

/** The files an import may hold, in the order a folder is read (referenced tables first). */
enum ImportFile {
    CUSTOMERS("customers.csv", true),
    PRODUCTS("products.csv", true),
    FX_RATES("fx_rates.csv", false),
    SUBSCRIPTION_ITEMS("subscription_items.csv", true),
    ONE_TIME_CHARGES("one_time_charges.csv", false),
    CAMPAIGNS("campaigns.csv", false),
    TOUCHPOINTS("touchpoints.csv", false),
    USAGE_EVENTS("usage_events.csv", false);

    private final String fileName;
    private final boolean required;

    ImportFile(String fileName, boolean required) {
        this.fileName = fileName;
        this.required = required;
    }

    String fileName() {
        return fileName;
    }

    boolean required() {
        return required;
    }

    /** The file of that exact (case-sensitive) name, or null when the name is not part of the format. */
    static ImportFile byName(String name) {
        for (ImportFile file : values()) {
            if (file.fileName.equals(name)) {
                return file;
            }
        }
        return null;
    }
}
