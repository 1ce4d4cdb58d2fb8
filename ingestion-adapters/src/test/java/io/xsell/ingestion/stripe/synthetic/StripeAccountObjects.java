package io.xsell.ingestion.stripe.synthetic;

import io.xsell.ingestion.stripe.StripeObjectType;
import java.util.List;

/** The objects a Stripe account lists at one moment, newest first as Stripe lists them. */
@FunctionalInterface
public interface StripeAccountObjects {
    List<StripeFakeObject> objects(StripeObjectType type);
}
