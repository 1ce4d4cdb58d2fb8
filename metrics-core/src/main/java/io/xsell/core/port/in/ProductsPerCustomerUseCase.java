package io.xsell.core.port.in;

import io.xsell.core.analytics.ProductsPerCustomer;

/** How many lines customers hold month by month, and how concentrated attaches are. */
public interface ProductsPerCustomerUseCase {
    ProductsPerCustomer productsPerCustomer(ProductsPerCustomerQuery query);
}
