package io.xsell.core.analytics;

import java.util.Objects;

/** The products-per-customer answer of a window: the monthly trajectory and the concentration of attaches. */
public record ProductsPerCustomer(ProductsPerCustomerTrajectory trajectory, AttachConcentration concentration) {
    public ProductsPerCustomer {
        Objects.requireNonNull(trajectory, "trajectory");
        Objects.requireNonNull(concentration, "concentration");
    }
}
