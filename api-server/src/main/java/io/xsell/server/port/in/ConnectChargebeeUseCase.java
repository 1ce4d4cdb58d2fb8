package io.xsell.server.port.in;

/** Connects a Chargebee site: the key is checked with one call, then stored sealed; the first sync is scheduled. */
public interface ConnectChargebeeUseCase {
    /** @throws ConnectionFailedException when the key is refused, Chargebee cannot be reached or no master key is set */
    ConnectionView connect(ConnectChargebeeCommand command);
}
