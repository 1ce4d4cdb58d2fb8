package io.xsell.core.model;

import java.util.List;

/**
 * A {@link TenantDataset}'s billing data as plain arrays and value records, for keeping it elsewhere
 * (a snapshot) and putting it back with {@link TenantDataset#fromImage} without building an object
 * per item or charge. {@link TenantDataset#image} makes one; its arrays are copies. The arrays of an
 * image given to {@code fromImage} are kept, not copied: do not change them afterwards. Records with
 * arrays compare them by identity; compare images through the datasets they rebuild.
 */
public record DatasetImage(String reportingCurrency, List<Customer> customers, List<Product> products,
                           List<FxRate> rates, ItemsImage items, ChargesImage charges) {
}
