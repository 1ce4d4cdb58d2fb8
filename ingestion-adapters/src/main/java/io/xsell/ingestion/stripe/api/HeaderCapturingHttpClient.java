package io.xsell.ingestion.stripe.api;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

/**
 * stripe-java's own HTTP client, keeping the last response's status and headers per thread:
 * {@code StripeException} carries neither, and the retry decision needs {@code Stripe-Should-Retry}
 * and {@code Retry-After}.
 */
final class HeaderCapturingHttpClient extends HttpURLConnectionClient {
    record Exchange(int status, HttpHeaders headers) {
    }

    private final ThreadLocal<Exchange> last = new ThreadLocal<>();

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        last.remove();
        StripeResponse response = super.request(request);
        last.set(new Exchange(response.code(), response.headers()));
        return response;
    }

    /** The response of this thread's last request; null when it got none. */
    Exchange lastExchange() {
        return last.get();
    }
}
