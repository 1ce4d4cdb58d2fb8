package io.xsell.server.tenant;

/** A tenant with the requested name exists already. */
public class TenantExistsException extends RuntimeException {
    public TenantExistsException(String name) {
        super("a tenant named '" + name + "' exists already");
    }
}
