package io.xsell.server.port.in;

/** Connects a Stripe account: the key is checked with Stripe, stored sealed, and the first sync starts. */
public interface ConnectStripeUseCase {
    /** @throws ConnectionFailedException when Stripe refuses the key, cannot be reached, or no master key is set */
    ConnectionView connect(ConnectStripeCommand command);
}
