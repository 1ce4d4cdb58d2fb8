package io.xsell.server.port.in;

import java.util.Optional;

/** Changes a connection's product-line overrides or FX rates; synced data is mapped again with them at once. */
public interface ChangeConnectionSettingsUseCase {
    /**
     * @return empty when the tenant has no such connection
     * @throws io.xsell.core.model.InvalidDatasetException when the synced data cannot be mapped with the
     *                                                     new settings (nothing changes then)
     */
    Optional<ConnectionView> changeSettings(ChangeConnectionSettingsCommand command);
}
