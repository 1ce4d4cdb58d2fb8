package io.xsell.ingestion.stripe;

import io.xsell.ingestion.stripe.synthetic.StripeFakeObject;
import io.xsell.ingestion.stripe.synthetic.StripeAccountObjects;
import java.util.function.Consumer;

/** The synthetic account's objects read directly, without HTTP. */
record InMemorySnapshot(StripeAccountObjects account) implements StripeSnapshot {
    @Override
    public void forEach(StripeObjectType type, Consumer<String> json) {
        for (StripeFakeObject object : account.objects(type)) {
            json.accept(object.json());
        }
    }
}
