package dev.obskit.api;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Decides what a failed call deserves: give up, send it again after a wait, or (for a create whose
 * fate is unknown) look before sending again.
 *
 * <ul>
 *   <li>Never retried, whatever the status: 400/422, 401, 403, 404, other 4xx, and the
 *       "5 destinations per type" limit (sent as 400, 409 or anything else): waiting will not
 *       change the answer.</li>
 *   <li>Retried by every method: 408, 409 "Resource conflict. Please try again later." (a
 *       concurrent modification; a create was not committed), 429 (not processed), and failures to
 *       connect at all (the request never left).</li>
 *   <li>5xx, timeouts, resets and missing responses: retried by GET, PATCH and DELETE (each is
 *       idempotent as obskit uses it); for a POST they are {@link Kind#AMBIGUOUS}: the server may
 *       have committed the create, so the caller reconciles before sending again.</li>
 * </ul>
 */
final class RetryClassifier {
    private RetryClassifier() {}

    enum Kind { PERMANENT, RETRYABLE, AMBIGUOUS }

    private static final Pattern TYPE_LIMIT = Pattern.compile(
            "per[ -]type|maximum of \\d+ destinations|destination limit", Pattern.CASE_INSENSITIVE);

    static Kind classify(String method, ApiException e) {
        boolean create = "POST".equals(method.toUpperCase(Locale.ROOT));
        if (isTypeLimit(e.serverMessage())) return Kind.PERMANENT;
        if (e instanceof ApiException.TransportException) return transport(create, e.getCause());
        int status = e.status();
        if (status == 408 || status == 409 || status == 429) return Kind.RETRYABLE;
        if (status == 501 || status == 505) return Kind.PERMANENT;
        if (status >= 500) return create ? Kind.AMBIGUOUS : Kind.RETRYABLE;
        if (status >= 200 && status < 300) {
            // a success status with a body we could not use: a create may have happened
            return create ? Kind.AMBIGUOUS : Kind.PERMANENT;
        }
        return Kind.PERMANENT;
    }

    /** The "5 per type" limit, whatever status it came with. */
    static boolean isTypeLimit(String message) {
        return message != null && TYPE_LIMIT.matcher(message).find();
    }

    private static Kind transport(boolean create, Throwable cause) {
        if (cause instanceof SSLException) return Kind.PERMANENT;            // certificates do not heal by waiting
        if (cause instanceof ConnectException                               // refused: nothing was sent
                || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof ConnectionRequestTimeoutException) {    // no pooled connection: nothing was sent
            return Kind.RETRYABLE;
        }
        if (cause instanceof InterruptedException) return Kind.PERMANENT;
        return create ? Kind.AMBIGUOUS : Kind.RETRYABLE;                    // timeout, reset, no response
    }
}
