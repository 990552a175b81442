package org.confdsl.testkit;

import java.util.List;

/**
 * What a load run saw, per method.
 *
 * @param getOk GETs answered 2xx
 * @param getNon2xx GETs answered with another status
 * @param getErrors GETs that got no answer (refused, reset, closed before the response)
 * @param postOk POSTs answered 2xx
 * @param postNon2xx POSTs answered with another status
 * @param postErrors POSTs that got no answer
 * @param keepAliveRaces of the errors, those on a reused keep-alive connection that the server
 *     closed as the request went out (no byte of answer): nginx closing keep-alive connections on reload
 * @param answers every 2xx answer: when (System.nanoTime) and which backend (its body)
 */
public record LoadReport(long getOk, long getNon2xx, long getErrors, long postOk, long postNon2xx, long postErrors,
        long keepAliveRaces, List<Answer> answers) {

    /** One 2xx answer. */
    public record Answer(long nanoTime, String backend) {
    }

    public long requests() {
        return getOk + getNon2xx + getErrors + postOk + postNon2xx + postErrors;
    }

    public long non2xx() {
        return getNon2xx + postNon2xx;
    }

    public long errors() {
        return getErrors + postErrors;
    }

    /** The first answer from {@code backend} at or after {@code nanoTime}, if any. */
    public java.util.OptionalLong firstAnswerFrom(String backend, long nanoTime) {
        return answers.stream().filter(a -> a.backend().equals(backend) && a.nanoTime() >= nanoTime)
                .mapToLong(Answer::nanoTime).min();
    }

    /** "GET 5210 ok / 0 non-2xx / 0 errors, POST 5198 ok / 0 non-2xx / 0 errors (0 of the errors keep-alive races)". */
    public String summary() {
        return "GET " + getOk + " ok / " + getNon2xx + " non-2xx / " + getErrors + " errors, POST "
                + postOk + " ok / " + postNon2xx + " non-2xx / " + postErrors + " errors (" + keepAliveRaces
                + " of the errors keep-alive races)";
    }
}
