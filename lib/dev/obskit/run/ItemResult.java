package dev.obskit.run;

import dev.obskit.plan.Change;

/**
 * How one change ended.
 *
 * @param change     the change
 * @param status     done, failed, or not attempted (the run stopped first)
 * @param httpStatus the failing HTTP status, 0 for none or a connection failure
 * @param error      a readable reason for a failure, null otherwise
 * @param resultId   the id of the destination the change produced or touched
 */
public record ItemResult(Change change, Status status, int httpStatus, String error, String resultId) {

    public enum Status {
        DONE, FAILED, NOT_ATTEMPTED;

        public String label() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    public static ItemResult done(Change c, String resultId) {
        return new ItemResult(c, Status.DONE, 0, null, resultId);
    }

    public static ItemResult failed(Change c, int httpStatus, String error) {
        return new ItemResult(c, Status.FAILED, httpStatus, error, null);
    }

    public static ItemResult notAttempted(Change c) {
        return new ItemResult(c, Status.NOT_ATTEMPTED, 0, null, null);
    }
}
