package org.stagewatch.chain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * web3j's {@link HttpService} with the answer streamed into the JSON parser instead of read whole first.
 *
 * <p>web3j 5 reads every response body into one {@code byte[]} and parses a {@code ByteArrayInputStream} over
 * it: an eth_getLogs answer of 80,000 logs is about 60 MB, buffered in okio segments, copied into an array
 * too large for the young generation, then parsed. In a 512 MB heap those arrays alone forced a full
 * collection every other range. Here Jackson reads the body's stream as the bytes arrive, a few KB at a
 * time; the stream closes the response when web3j closes it after parsing. A body cut short or stalled
 * fails while parsing, as an {@link IOException} the endpoint retries, as before. Errors keep web3j's
 * message ("Invalid response received: code; body").
 */
final class StreamingHttpService extends HttpService {
    private final String url;
    private final OkHttpClient http;

    StreamingHttpService(String url, OkHttpClient http) {
        super(url, http);
        this.url = url;
        this.http = http;
    }

    @Override
    protected InputStream performIO(String request) throws IOException {
        okhttp3.Request httpRequest = new okhttp3.Request.Builder().url(url)
                .post(RequestBody.create(request, JSON_MEDIA_TYPE)).build();
        Response response = http.newCall(httpRequest).execute();
        try {
            processHeaders(response.headers());
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw new ClientConnectionException("Invalid response received: " + response.code() + "; "
                        + (body == null ? "N/A" : body.string()));
            }
            if (body == null) {
                response.close();
                return null;
            }
            return new FilterInputStream(body.byteStream()) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        response.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            response.close();
            throw e;
        }
    }
}
