package io.xsell.ingestion.csv;

/** The files an import may hold, in the order a folder is read (referenced tables first). */
enum ImportFile {
    CUSTOMERS("customers.csv", true, true),
    PRODUCTS("products.csv", true, true),
    FX_RATES("fx_rates.csv", false, true),
    SUBSCRIPTION_ITEMS("subscription_items.csv", true, true),
    ONE_TIME_CHARGES("one_time_charges.csv", false, true),
    // Part of the format but not of the model yet: accepted so that complete exports import, never read.
    CAMPAIGNS("campaigns.csv", false, false),
    TOUCHPOINTS("touchpoints.csv", false, false),
    USAGE_EVENTS("usage_events.csv", false, false);

    private final String fileName;
    private final boolean required;
    private final boolean modelled;

    ImportFile(String fileName, boolean required, boolean modelled) {
        this.fileName = fileName;
        this.required = required;
        this.modelled = modelled;
    }

    String fileName() {
        return fileName;
    }

    boolean required() {
        return required;
    }

    boolean modelled() {
        return modelled;
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
